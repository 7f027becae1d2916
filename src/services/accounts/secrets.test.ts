import { describe, expect, it } from "vitest";
import { newToken, sameSecret, tokenDigest } from "./secrets.js";

describe("tokens", () => {
  it("are 256 random bits, URL-safe, never the same twice", () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[\w-]{43}$/u);
  });

  it("are stored as a SHA-256 digest that does not hold the token", () => {
    const token = newToken();
    expect(tokenDigest(token)).toMatch(/^[0-9a-f]{64}$/u);
    expect(tokenDigest(token)).toBe(tokenDigest(token));
    expect(tokenDigest(token)).not.toContain(token);
  });

  it("compare equal only when equal, whatever their lengths and wherever they differ", () => {
    const token = newToken();
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBe(false);
    // The changed character must differ from the random one it replaces (a token may well start with "x").
    expect(sameSecret(token, `${token.startsWith("x") ? "y" : "x"}${token.slice(1)}`)).toBe(false);
    // Different lengths are compared without throwing (timingSafeEqual alone would), and are not equal.
    expect(sameSecret(token, token.slice(0, 10))).toBe(false);
    expect(sameSecret(token, `${token}x`)).toBe(false);
    expect(sameSecret(token, "")).toBe(false);
    expect(sameSecret("", "")).toBe(true);
  });
});
