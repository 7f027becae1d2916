import { franc } from "franc";
import { data as TRIGRAM_MODELS } from "franc/data.js";
import { describe, expect, it } from "vitest";
import { detectLanguage, languageFromName, trigramLanguage } from "./language.js";

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

describe("trigramLanguage", () => {
  // franc itself, as detectLanguage used to call it: the reimplementation must name the same language every time.
  const FANDOM = ["eng", "spa", "fra", "deu", "por", "ita", "nld", "rus", "ukr", "pol", "ces", "slk", "hun", "ron", "bul", "srp", "hrv", "bos", "slv", "ell", "tur", "arb", "heb", "pes", "hin", "ben", "jpn", "cmn", "kor", "vie", "tha", "ind", "zlm", "tgl", "swe", "nob", "dan", "fin", "ekk", "lvs", "lit", "cat", "eus", "glg", "cym", "gle", "isl", "afr", "epo", "bel", "kaz", "tam", "urd"];
  const only = new Set(FANDOM);

  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  // Text in every language franc knows, spelled from its own trigrams; mixed scripts; noise; and edge lengths.
  const samples: string[] = [];
  const next = random(7);
  for (const languages of Object.values(TRIGRAM_MODELS)) {
    for (const model of Object.values(languages)) {
      const trigrams = model.split("|");
      for (const length of [8, 40, 300, 900]) samples.push(Array.from({ length }, () => trigrams[Math.floor(next() * trigrams.length)]).join(""));
    }
  }
  const pieces = ["The keeper climbed the stairs. ", "Привет, как дела? ", "Γειά σου κόσμε. ", "שלום עולם ", "مرحبا بالعالم ", "こんにちは世界。", "你好世界。", "안녕하세요 ", "สวัสดีชาวโลก ", "გამარჯობა ", "Բարեւ ", "नमस्ते दुनिया ", "😀🎉 ", "12345 !!! ", "Zażółć gęślą jaźń. ", "\u{20000}\u{20001} ", "\ud800 lone ", "  \n\t "];
  for (let k = 0; k < 400; k++) samples.push(Array.from({ length: 1 + Math.floor(next() * 60) }, () => pieces[Math.floor(next() * pieces.length)]).join(""));
  for (let k = 0; k < 200; k++) samples.push(Array.from({ length: Math.floor(next() * 2500) }, () => String.fromCharCode(Math.floor(next() * 0xffff))).join(""));
  samples.push("", "short", "x".repeat(19), "x".repeat(20), "a b c d e f g h i j k l m n", "The end.".repeat(400));

  it("names what franc names, with and without the list of fandom languages", () => {
    const differences = samples.flatMap((text) => {
      const withList = franc(text, { minLength: 20, only: FANDOM });
      const withoutList = franc(text, { minLength: 20 });
      const ours = [trigramLanguage(text, only), trigramLanguage(text, null)];
      return ours[0] === withList && ours[1] === withoutList ? [] : [{ text: text.slice(0, 60), franc: [withList, withoutList], ours }];
    });
    expect(differences).toEqual([]);
  });
});
