import { describe, expect, it } from "vitest";
import { detectLanguage, languageFromName } from "./language.js";

describe("languageFromName", () => {
  it.each<[string, string]>([
    ["English", "en"],
    ["english", "en"],
    [" English. ", "en"],
    ["Español", "es"],
    ["Espanol", "es"],
    ["Castellano", "es"],
    ["Deutsch", "de"],
    ["German", "de"],
    ["Français", "fr"],
    ["French", "fr"],
    ["Português", "pt"],
    ["Brazilian Portuguese", "pt"],
    ["Italiano", "it"],
    ["日本語", "ja"],
    ["Chinese", "zh"],
    ["fr", "fr"],
    ["EN", "en"],
    ["pt-BR", "pt"],
    ["pt_BR", "pt"],
    ["zh-Hant", "zh"],
  ])("%j → %s", (name, code) => {
    expect(languageFromName(name)).toBe(code);
  });

  it.each(["Klingon", "Elvish", "xx", "qq-ZZ", "", "English and French"])("%j → null", (name) => {
    expect(languageFromName(name)).toBeNull();
  });
});

describe("detectLanguage", () => {
  it.each<[string, string]>([
    [
      "en",
      "The lighthouse keeper climbed the narrow stairs every evening, counting each step as his father had taught him. " +
        "When the fog rolled in from the sea, he lit the great lamp and waited for the ships to pass safely by the rocks.",
    ],
    [
      "es",
      "La guardiana del faro subía cada noche por la escalera estrecha, contando los escalones como le había enseñado su padre. " +
        "Cuando la niebla llegaba desde el mar, encendía la gran lámpara y esperaba a que los barcos pasaran lejos de las rocas.",
    ],
    [
      "fr",
      "Le gardien du phare montait chaque soir l'escalier étroit, en comptant les marches comme son père le lui avait appris. " +
        "Quand le brouillard arrivait de la mer, il allumait la grande lampe et attendait que les bateaux passent loin des rochers.",
    ],
    [
      "de",
      "Der Leuchtturmwärter stieg jeden Abend die schmale Treppe hinauf und zählte die Stufen, wie es ihm sein Vater beigebracht hatte. " +
        "Wenn der Nebel vom Meer hereinzog, zündete er die große Lampe an und wartete, bis die Schiffe sicher an den Felsen vorbei waren.",
    ],
    [
      "it",
      "Il guardiano del faro saliva ogni sera la scala stretta, contando i gradini come gli aveva insegnato suo padre. " +
        "Quando la nebbia arrivava dal mare, accendeva la grande lampada e aspettava che le navi passassero lontano dagli scogli.",
    ],
    [
      "pt",
      "O faroleiro subia todas as noites a escada estreita, contando os degraus como o seu pai lhe tinha ensinado. " +
        "Quando o nevoeiro chegava do mar, ele acendia a grande lâmpada e esperava que os navios passassem longe das rochas.",
    ],
    [
      "ja",
      "灯台守は毎晩狭い階段を上り、父に教えられた通りに段を数えた。海から霧が流れてくると、大きなランプに火を灯し、船が岩から遠く離れて通り過ぎるのを待った。",
    ],
  ])("detects %s", (code, text) => {
    const detected = detectLanguage(text);
    expect(detected.code).toBe(code);
    expect(detected.confidence).toBeGreaterThan(0.5);
  });

  it("is more confident with longer text", () => {
    const sentence = "She walked along the beach and thought about the letter her brother had sent from the city. ";
    const short = detectLanguage(sentence);
    const long = detectLanguage(sentence.repeat(6));
    expect(short.code).toBe("en");
    expect(long.code).toBe("en");
    expect(long.confidence).toBeGreaterThan(short.confidence);
  });

  it.each(["", "   \n  ", "Hola.", "Oui, merci.", "はい"])("falls back to English with low confidence for %j", (text) => {
    const detected = detectLanguage(text);
    expect(detected.code).toBe("en");
    expect(detected.confidence).toBeLessThan(0.5);
  });

  it("samples long texts from the start, middle and end", () => {
    const spanish = "La niebla cubría el puerto y nadie sabía cuándo volverían los barcos de la pesca. ";
    const detected = detectLanguage(spanish.repeat(200));
    expect(detected).toEqual({ code: "es", confidence: 0.9 });
  });
});
