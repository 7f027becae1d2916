/**
 * Properties of the search box's parser over generated queries (fast-check): it never throws, its output is the
 * normal form its contract promises, every word it hands the engines is letters and digits only (the engines quote
 * tokens without escaping, so anything else would be injection into FTS5 or tsquery syntax), and plain words come
 * back as themselves. (The parser has no printer, so there is no round trip to check.) The search form's reader
 * around it fails only with its ValidationError.
 */
import fc from "fast-check";
import { sql, type SqlBool } from "kysely";
import { describe, expect, it } from "vitest";
import { compileTextQuery, type TextQueryCompiler } from "../db/dialects/text-query.js";
import { ValidationError } from "../domain/errors.js";
import { searchTokens, type Decomposition } from "./fold-text.js";
import { MAX_QUERY_TERMS, parseQueryString } from "./parse-query.js";
import { readSearchRequest } from "./search-request.js";
import { STAT_FIELDS, type TextQuery } from "./work-search.js";

const SEED = 20261130;

// Query syntax and the characters that mean something to SQL, FTS5 or tsquery, mixed with words and noise.
const SYNTAX = ["AND", "OR", "NOT", "&&", "||", "-", "+", "(", ")", "\"", "“", "”", "*", "title:", "author:", "tag:", "words>1000", "kudos:<10", "sort:>hits", "sorted by: kudos descending", "m/m", "'", ";", "--", "/*", "*/", "\\", "'||'", "{title} :", "NEAR(", "^", ":*", "<->", "!", "&", "|", "\u0000", "\u202e", "ﬁ", "İ", "e\u0301", "🏳️‍🌈"];
const QUERY = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ unit: "grapheme", maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(" ")),
  fc.array(fc.constantFrom(...SYNTAX), { maxLength: 80 }).map((parts) => parts.join("")),
);

function* nodesOf(query: TextQuery): Generator<TextQuery> {
  yield query;
  if (query.kind === "and" || query.kind === "or") for (const operand of query.operands) yield* nodesOf(operand);
  if (query.kind === "not") yield* nodesOf(query.operand);
}

/** A compiler that records what it would hand an engine, with the engine's own folding. */
function recordingCompiler(decomposition: Decomposition, seen: string[]): TextQueryCompiler {
  return {
    tokens: (text) => searchTokens(text, decomposition),
    phrase: (tokens) => {
      seen.push(...tokens);
      return `"${tokens.join(" ")}"`;
    },
    and: (operands) => `(${operands.join(" AND ")})`,
    or: (operands) => `(${operands.join(" OR ")})`,
    andIsLocal: decomposition === "NFD",
    contains: () => sql<SqlBool>`true`,
  };
}

describe("parseQueryString over generated queries", () => {
  it("never throws, and gives the normal form its contract promises", () => {
    fc.assert(
      fc.property(QUERY, (input) => {
        const { text, stats } = parseQueryString(input);
        let terms = 0;
        for (const node of text ? nodesOf(text) : []) {
          if (node.kind === "and" || node.kind === "or") {
            expect(node.operands.length).toBeGreaterThanOrEqual(2);
            expect(node.operands.every((o) => o.kind !== node.kind)).toBe(true);
          }
          if (node.kind === "not") expect(node.operand.kind).not.toBe("not");
          if (node.kind === "term" || node.kind === "phrase") {
            terms += 1;
            expect(node.text.trim().length).toBeGreaterThan(0);
          }
        }
        expect(terms).toBeLessThanOrEqual(MAX_QUERY_TERMS);
        for (const [field, range] of Object.entries(stats)) {
          expect(STAT_FIELDS).toContain(field);
          for (const bound of [range.min, range.max]) if (bound !== null) expect(Number.isSafeInteger(bound) && bound >= 0).toBe(true);
          if (range.min !== null && range.max !== null) expect(range.min).toBeLessThanOrEqual(range.max);
        }
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it("hands both engines only words of letters and digits, whatever the query holds", () => {
    fc.assert(
      fc.property(QUERY, (input) => {
        const { text } = parseQueryString(input);
        if (!text) return;
        for (const decomposition of ["NFD", "NFKD"] as const) {
          const seen: string[] = [];
          // compileTextQuery throws on a token that is not letters and digits; the recorder double-checks.
          compileTextQuery(text, recordingCompiler(decomposition, seen));
          for (const token of seen) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
        }
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it("reads plain words as themselves, all required", () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/u);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), (words) => {
        const { text, stats, sort } = parseQueryString(words.join("  "));
        const terms = words.map((w) => ({ kind: "term", text: w, prefix: false, field: null }));
        expect(text).toEqual(terms.length === 1 ? terms[0] : { kind: "and", operands: terms });
        expect(stats).toEqual({});
        expect(sort).toBeNull();
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("reads any search form, failing only with a ValidationError", () => {
    const names = ["q", "tag", "exclude", "rating", "warning", "category", "fandom", "character", "crossover", "status", "single-chapter", "words", "kudos", "hits", "published", "updated", "language", "author", "series", "sort", "direction", "page", "per-page"];
    const values = fc.array(fc.oneof(QUERY, fc.constantFrom("", "0", "-1", "1e309", "9".repeat(40), "<", "2020-13-45", "99999 years ago", "asc", "true")), { maxLength: 3 });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), values), (form) => {
        try {
          readSearchRequest((name) => form[name] ?? [], new Date("2026-11-30T12:00:00Z"));
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
