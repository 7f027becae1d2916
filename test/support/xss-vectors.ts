/** The XSS corpus (test/fixtures/xss-vectors.txt), with its placeholders for characters a text file should not hold. */
import { readFileSync } from "node:fs";

const PLACEHOLDERS: Readonly<Record<string, string>> = { "{TAB}": "\t", "{LF}": "\n", "{CR}": "\r", "{NUL}": "\u0000" };

export function loadXssVectors(): string[] {
  const text = readFileSync(new URL("../fixtures/xss-vectors.txt", import.meta.url), "utf8");
  return text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => line.replace(/\{(?:TAB|LF|CR|NUL)\}/gu, (p) => PLACEHOLDERS[p] ?? p));
}
