import chardet from "chardet";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, detectCharset } from "./decode.js";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function utf16le(text: string): number[] {
  return Array.from(text).flatMap((c) => {
    const code = c.charCodeAt(0);
    return [code & 0xff, code >> 8];
  });
}

function utf16be(text: string): number[] {
  return Array.from(text).flatMap((c) => {
    const code = c.charCodeAt(0);
    return [code >> 8, code & 0xff];
  });
}

describe("decodeText", () => {
  describe("UTF-8", () => {
    it("reads plain UTF-8 and reports no repair", () => {
      const result = decodeText(new TextEncoder().encode("Zoë’s café — naïve"));
      expect(result).toEqual({ text: "Zoë’s café — naïve", encoding: "utf-8", binary: false });
    });

    it("drops a UTF-8 byte order mark", () => {
      const result = decodeText(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Título: Él")));
      expect(result.text).toBe("Título: Él");
      expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(result.encoding).toBe("utf-8 (BOM)");
    });

    it("gives an empty string for no bytes", () => {
      expect(decodeText(new Uint8Array()).text).toBe("");
    });
  });

  describe("UTF-16", () => {
    const text = "Title: Ärger\nBy: Ana";

    it("reads little-endian with a BOM, without the BOM", () => {
      const result = decodeText(bytes(0xff, 0xfe, ...utf16le(text)));
      expect(result.text).toBe(text);
      expect(result.encoding).toBe("utf-16le (BOM)");
    });

    it("reads big-endian with a BOM, without the BOM", () => {
      const result = decodeText(bytes(0xfe, 0xff, ...utf16be(text)));
      expect(result.text).toBe(text);
      expect(result.encoding).toBe("utf-16be (BOM)");
    });

    it("recognises little-endian without a BOM by its zero bytes", () => {
      const result = decodeText(bytes(...utf16le("The rain kept falling on the old roof.")));
      expect(result.text).toBe("The rain kept falling on the old roof.");
      expect(result.encoding).toBe("utf-16le");
    });

    it("recognises big-endian without a BOM by its zero bytes", () => {
      const result = decodeText(bytes(...utf16be("The rain kept falling on the old roof.")));
      expect(result.text).toBe("The rain kept falling on the old roof.");
      expect(result.encoding).toBe("utf-16be");
    });

    it("turns CRLF into LF in UTF-16 text too", () => {
      expect(decodeText(bytes(0xff, 0xfe, ...utf16le("one\r\ntwo"))).text).toBe("one\ntwo");
    });

    it("replaces a surrogate with no partner (a damaged file) by U+FFFD, so no text is ill-formed", () => {
      // A lone high surrogate, then a lone low one. Ill-formed text cannot be stored as UTF-8: SQLite and
      // PostgreSQL get U+FFFD instead, and a name looked up by its JS form was then "not stored" (found by the
      // proving ground, in a mutated UTF-16 fixture).
      const damaged = [...utf16le("The rain kept falling "), 0x00, 0xd8, ...utf16le(" on the "), 0x13, 0xdc, ...utf16le(" old roof.")];
      const { text } = decodeText(bytes(...damaged));
      expect(text).toBe("The rain kept falling \ufffd on the \ufffd old roof.");
      expect(text).not.toMatch(/\p{Cs}/u);
    });
  });

  describe("legacy single-byte text", () => {
    it("reads 0x85 as an ellipsis and 0x92 as a curly apostrophe (Windows-1252)", () => {
      const result = decodeText(bytes(...ascii("I don"), 0x92, ...ascii("t know"), 0x85, ...ascii(" maybe.")));
      expect(result.text).toBe("I don’t know… maybe.");
      expect(result.encoding).toBe("windows-1252");
    });

    it("does not treat 0x85 as a line break (NEL)", () => {
      const result = decodeText(bytes(...ascii("Wait"), 0x85, ...ascii("what?")));
      expect(result.text).toBe("Wait…what?");
      expect(result.text).not.toContain("\n");
      expect(result.text).not.toContain("\u0085");
    });

    it("reads Latin-1 accented letters", () => {
      const result = decodeText(bytes(...ascii("Jos"), 0xe9, ...ascii(" y el ni"), 0xf1, 0x6f));
      expect(result.text).toBe("José y el niño");
    });

    it("reads a file that declares ISO-8859-1 as Windows-1252", () => {
      const result = decodeText(bytes(...ascii("it"), 0x92, ...ascii("s caf"), 0xe9), "ISO-8859-1");
      expect(result.text).toBe("it’s café");
      expect(result.encoding).toBe("windows-1252");
    });

    it("ignores a declared charset when the bytes are valid UTF-8", () => {
      const result = decodeText(new TextEncoder().encode("café"), "iso-8859-1");
      expect(result.text).toBe("café");
      expect(result.encoding).toBe("utf-8");
    });
  });

  describe("line ends", () => {
    it.each([
      ["CRLF", "one\r\ntwo\r\n\r\nthree", "one\ntwo\n\nthree"],
      ["CR", "one\rtwo\r\rthree", "one\ntwo\n\nthree"],
      ["mixed", "one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"],
    ])("turns %s into LF", (_label, input, expected) => {
      const result = decodeText(new TextEncoder().encode(input));
      expect(result.text).toBe(expected);
      expect(result.text).not.toContain("\r");
    });
  });

  describe("double-encoded UTF-8", () => {
    it("repairs it", () => {
      const result = decodeText(new TextEncoder().encode("The cafÃ© was closed, and I donâ€™t know why."));
      expect(result.text).toBe("The café was closed, and I don’t know why.");
    });

    it("leaves ordinary French text alone", () => {
      const text = "Il était là » ça m’a plu, à côté du château.";
      const result = decodeText(new TextEncoder().encode(text));
      expect(result.text).toBe(text);
    });
  });

  describe("control characters", () => {
    it("drops the escape sequences that would rewrite a terminal, keeping tabs and line breaks", () => {
      const story = "The bell rang twice over the harbour, and nobody on the quay looked up from the nets.";
      const result = decodeText(new TextEncoder().encode(`Title: Bell\u001b]0;pwned\u0007\u001b[2J\n\tText\u0085 here. ${story}`));
      expect(result.text).toBe(`Title: Bell]0;pwned[2J\n\tText here. ${story}`);
      expect(result.binary).toBe(false);
    });

    it("calls bytes with many control characters binary", () => {
      const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i % 7 === 0 ? 1 : 65 + (i % 26)));
      expect(decodeText(bytes).binary).toBe(true);
    });
  });
});

describe("detectCharset", () => {
  // chardet itself: the faster reading of its single-byte recognisers must reach the same verdict on any bytes.
  const texts = [
    "Café, naïve façade: “quoted” text… don’t — it’s 1990s.",
    "Привет, как дела? Это тестовый текст на русском языке.",
    "Γειά σου κόσμε, αυτό είναι ελληνικό κείμενο.",
    "שלום עולם, זהו טקסט בעברית.",
    "مرحبا بالعالم هذا نص عربي",
    "Příliš žluťoučký kůň úpěl ďábelské ódy. Zażółć gęślą jaźń.",
    "Tere maailm, see on eesti keeles. Labas pasauli, lietuviškai.",
    "Xin chào thế giới, đây là tiếng Việt.",
    "สวัสดีชาวโลก นี่คือภาษาไทย",
    "Merhaba dünya, bu Türkçe. Şişli, ığdır.",
    "こんにちは世界、これは日本語です。",
    "你好世界，这是中文。",
    "안녕하세요 세계",
  ];
  const encodings = ["windows-1252", "latin1", "windows-1251", "koi8-r", "iso-8859-5", "iso-8859-7", "windows-1253", "iso-8859-8", "windows-1255", "windows-1256", "iso-8859-6", "iso-8859-2", "windows-1250", "windows-1257", "windows-1258", "windows-874", "iso-8859-9", "windows-1254", "shift_jis", "euc-jp", "gb18030", "big5", "euc-kr", "utf-16le", "utf-8"];
  const samples: Uint8Array[] = [];
  for (const text of texts) {
    for (const encoding of encodings) for (const times of [1, 7, 80]) samples.push(new Uint8Array(iconv.encode(`${text} `.repeat(times), encoding)));
  }
  let state = 11;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  // ASCII words and punctuation with bytes above 0x7F at every density: the runs between them are read apart.
  const letters = "aeiou tnrsl  '''..,,!?-AEIOUTNRS\n\t0123";
  for (let k = 0; k < 3000; k++) {
    const density = next(100);
    samples.push(Uint8Array.from({ length: next(400) }, () => (next(100) < density ? 0x80 + next(128) : letters.charCodeAt(next(letters.length)))));
  }
  for (let k = 0; k < 200; k++) samples.push(Uint8Array.from({ length: next(3000) }, () => next(256)));
  samples.push(new Uint8Array(), bytes(0x80), bytes(0x20, 0xe9, 0x20), new TextEncoder().encode("plain ascii text only"));

  it("reaches chardet's verdict", () => {
    const differences = samples.flatMap((sample) => {
      const expected = chardet.detect(sample) ?? undefined;
      const actual = detectCharset(sample);
      return actual === expected ? [] : [{ bytes: Buffer.from(sample.subarray(0, 40)).toString("hex"), expected, actual }];
    });
    expect(differences).toEqual([]);
  });
});

describe("control characters", () => {
  it("removes one that repairing mojibake made", () => {
    // "Â€" is U+0080 spelled in Windows-1252: a control character once repaired.
    expect(decodeText(new TextEncoder().encode("aÂ€b")).text).toBe("ab");
  });

  it("removes those a file holds and keeps tabs and line feeds", () => {
    expect(decodeText(new TextEncoder().encode("a\u0007b\tc\nd\u009be\u000cf")).text).toBe("ab\tc\ndef");
  });
});
