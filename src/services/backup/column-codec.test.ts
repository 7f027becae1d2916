import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue, portableType } from "./column-codec.js";

describe("portableType", () => {
  it("reads both engines' names for Quire's column types", () => {
    expect(["integer", "int4", "bigint"].map(portableType)).toEqual(["integer", "integer", "integer"]);
    expect(["text", "character varying"].map(portableType)).toEqual(["text", "text"]);
    expect(["double precision", "real", "float8"].map(portableType)).toEqual(["real", "real", "real"]);
    expect(["blob", "bytea"].map(portableType)).toEqual(["binary", "binary"]);
  });

  it("has no portable form for types the engines would read differently", () => {
    expect(["boolean", "timestamp with time zone", "jsonb", "numeric"].map(portableType)).toEqual([null, null, null, null]);
  });
});

describe("encodeValue and decodeValue", () => {
  it("give back what they were given, through JSON", () => {
    const cases = [["integer", 42], ["integer", -7], ["real", 0.7], ["real", 1], ["text", "Spike/Buffy — “ünïcödé” 🕯"], ["integer", null]] as const;
    for (const [type, value] of cases) {
      const line = JSON.stringify(encodeValue(type, value, "t.c"));
      expect(decodeValue(type, JSON.parse(line), "t.c")).toEqual(value);
    }
  });

  it("carries bytes as base64", () => {
    const bytes = Uint8Array.from([0, 255, 16, 128]);
    const encoded = encodeValue("binary", bytes, "t.c");
    expect(encoded).toBe("AP8QgA==");
    expect(decodeValue("binary", encoded, "t.c")).toEqual(Buffer.from(bytes));
  });

  it("writes a bigint that fits as a number", () => {
    expect(encodeValue("integer", 9007199254740991n, "t.c")).toBe(9007199254740991);
  });

  it("refuses a stored value that is not of its column's type", () => {
    expect(() => encodeValue("integer", 1.5, "works.word_count")).toThrow(/works\.word_count holds 1\.5/u);
    expect(() => encodeValue("integer", "12", "works.word_count")).toThrow(/not a value of its type \(integer\)/u);
    expect(() => encodeValue("real", Number.NaN, "inferred_values.confidence")).toThrow(/NaN/u);
  });

  it("calls a dump value of the wrong type damage", () => {
    expect(() => decodeValue("text", 3, "a row of works (title)")).toThrow(/the dump is damaged/u);
    expect(() => decodeValue("binary", "not base64!", "a row of t (c)")).toThrow(/the dump is damaged/u);
  });
});
