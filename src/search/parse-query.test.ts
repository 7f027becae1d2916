import { describe, expect, it } from "vitest";
import { MAX_QUERY_DEPTH, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseQueryString } from "./parse-query.js";
import type { TextField, TextQuery } from "./work-search.js";

function term(text: string, field: TextField | null = null): TextQuery {
  return { kind: "term", text, prefix: false, field };
}

function prefixTerm(text: string, field: TextField | null = null): TextQuery {
  return { kind: "term", text, prefix: true, field };
}

function phrase(text: string, field: TextField | null = null): TextQuery {
  return { kind: "phrase", text, field };
}

function and(...operands: TextQuery[]): TextQuery {
  return { kind: "and", operands };
}

function or(...operands: TextQuery[]): TextQuery {
  return { kind: "or", operands };
}

function not(operand: TextQuery): TextQuery {
  return { kind: "not", operand };
}

function textOf(input: string): TextQuery | null {
  return parseQueryString(input).text;
}

describe("parseQueryString", () => {
  describe("the Archive's SEARCH_TIPS examples", () => {
    it("arthur merlin words>1000 sort:hits", () => {
      expect(parseQueryString("arthur merlin words>1000 sort:hits")).toEqual({
        text: and(term("arthur"), term("merlin")),
        stats: { words: { min: 1001, max: null } },
        sort: { field: "hits", direction: "desc" },
      });
    });

    it('"sherlock (tv)" m/m NOT "sherlock holmes/john watson"', () => {
      expect(parseQueryString('"sherlock (tv)" m/m NOT "sherlock holmes/john watson"')).toEqual({
        text: and(phrase("sherlock (tv)"), phrase("m/m"), not(phrase("sherlock holmes/john watson"))),
        stats: {},
        sort: null,
      });
    });

    it("austen words:10000-50000 sort:title", () => {
      expect(parseQueryString("austen words:10000-50000 sort:title")).toEqual({
        text: term("austen"),
        stats: { words: { min: 10_000, max: 50_000 } },
        sort: { field: "title", direction: "asc" },
      });
    });
  });

  describe("terms", () => {
    it("splits on any whitespace and ANDs the words", () => {
      expect(textOf(" arthur\tmerlin\n gwen ")).toEqual(and(term("arthur"), term("merlin"), term("gwen")));
    });

    it("keeps a single word as a bare term", () => {
      expect(textOf("merlin")).toEqual(term("merlin"));
    });

    it("keeps inner punctuation and case", () => {
      expect(textOf("O'Neill spike/buffy spider-man c++ x:y")).toEqual(
        and(term("O'Neill"), term("spike/buffy"), term("spider-man"), term("c++"), term("x:y")),
      );
    });

    it("drops tokens with nothing searchable in them", () => {
      expect(textOf("a - & | ... ; *** b")).toEqual(and(term("a"), term("b")));
    });

    it("keeps emoji", () => {
      expect(textOf("🦋")).toEqual(term("🦋"));
    });

    it("reads a trailing * as a prefix search", () => {
      expect(textOf("merl* wolf**")).toEqual(and(prefixTerm("merl"), prefixTerm("wolf")));
    });

    it("drops a leading * and keeps inner ones as typed", () => {
      expect(textOf("*lock fo*o")).toEqual(and(term("lock"), term("fo*o")));
    });

    it("reads lower-case and, or, not as words", () => {
      expect(textOf("pride and prejudice or not")).toEqual(
        and(term("pride"), term("and"), term("prejudice"), term("or"), term("not")),
      );
    });

    it("splits words at parentheses and quotes", () => {
      expect(textOf('sherlock(tv) don"t stop"')).toEqual(and(term("sherlock"), term("tv"), term("don"), phrase("t stop")));
    });
  });

  describe("phrases", () => {
    it("reads straight quotes", () => {
      expect(textOf('"sherlock holmes" watson')).toEqual(and(phrase("sherlock holmes"), term("watson")));
    });

    it("reads curly and low quotes", () => {
      expect(textOf("“sherlock holmes” „john watson”")).toEqual(and(phrase("sherlock holmes"), phrase("john watson")));
    });

    it("collapses the whitespace inside a phrase", () => {
      expect(textOf('"  sherlock \n  holmes  "')).toEqual(phrase("sherlock holmes"));
    });

    it("keeps operators, parentheses and shortcuts inside a phrase as text", () => {
      expect(parseQueryString('"a OR (b) words>5 sort:hits"')).toEqual({
        text: phrase("a OR (b) words>5 sort:hits"),
        stats: {},
        sort: null,
      });
    });

    it("keeps a one-word phrase a phrase", () => {
      expect(textOf('"angst"')).toEqual(phrase("angst"));
    });

    it("drops empty and punctuation-only phrases", () => {
      expect(textOf('a "" " " "--" b')).toEqual(and(term("a"), term("b")));
    });
  });

  describe("categories are phrases, as the Archive quotes them", () => {
    it.each(["m/m", "f/f", "f/m", "m/f"])("%s", (category) => {
      expect(textOf(category)).toEqual(phrase(category));
    });

    it("in any case, with modifiers, and inside groups", () => {
      expect(textOf("M/M -f/f tag:(F/M OR m/f)")).toEqual(
        and(phrase("M/M"), not(phrase("f/f")), or(phrase("F/M", "tag"), phrase("m/f", "tag"))),
      );
    });

    it("but not as part of longer names or as a prefix", () => {
      expect(textOf("tom/mark m/m/f m/m*")).toEqual(and(term("tom/mark"), term("m/m/f"), prefixTerm("m/m")));
    });
  });

  describe("operators", () => {
    it("AND and && are explicit AND", () => {
      expect(textOf("a AND b && c")).toEqual(and(term("a"), term("b"), term("c")));
    });

    it("OR and || join alternatives", () => {
      expect(textOf("a OR b || c")).toEqual(or(term("a"), term("b"), term("c")));
    });

    it("NOT, - and -- exclude", () => {
      expect(textOf("a NOT b -c --d")).toEqual(and(term("a"), not(term("b")), not(term("c")), not(term("d"))));
    });

    it("+ is accepted and means nothing more than AND", () => {
      expect(textOf("+a +b")).toEqual(and(term("a"), term("b")));
    });

    it("excludes phrases and groups", () => {
      expect(textOf('a -"b c" -(d OR e) NOT (f g)')).toEqual(
        and(term("a"), not(phrase("b c")), not(or(term("d"), term("e"))), not(and(term("f"), term("g")))),
      );
    });

    it("binds NOT tighter than AND, and AND tighter than OR", () => {
      expect(textOf("a b OR c")).toEqual(or(and(term("a"), term("b")), term("c")));
      expect(textOf("a OR b c")).toEqual(or(term("a"), and(term("b"), term("c"))));
      expect(textOf("a OR b AND c OR d")).toEqual(or(term("a"), and(term("b"), term("c")), term("d")));
      expect(textOf("a || b && c")).toEqual(or(term("a"), and(term("b"), term("c"))));
      expect(textOf("NOT a b")).toEqual(and(not(term("a")), term("b")));
      expect(textOf("NOT a OR b")).toEqual(or(not(term("a")), term("b")));
      expect(textOf("a AND NOT b OR c")).toEqual(or(and(term("a"), not(term("b"))), term("c")));
    });

    it("parentheses override precedence and nest", () => {
      expect(textOf("(a OR b) c")).toEqual(and(or(term("a"), term("b")), term("c")));
      expect(textOf("(a OR b) (c OR d)")).toEqual(and(or(term("a"), term("b")), or(term("c"), term("d"))));
      expect(textOf("a (b OR (c d))")).toEqual(and(term("a"), or(term("b"), and(term("c"), term("d")))));
    });

    it("cancels double negation", () => {
      expect(textOf("NOT NOT a")).toEqual(term("a"));
      expect(textOf("NOT -a")).toEqual(term("a"));
      expect(textOf("-(-a)")).toEqual(term("a"));
      expect(textOf("NOT NOT NOT a")).toEqual(not(term("a")));
    });

    it("keeps a query of negations only", () => {
      expect(textOf("-angst")).toEqual(not(term("angst")));
      expect(textOf("-angst NOT mcd")).toEqual(and(not(term("angst")), not(term("mcd"))));
    });

    it("reads operators with a prefix or sign as words", () => {
      expect(textOf("-OR title:AND")).toEqual(and(not(term("OR")), term("AND", "title")));
    });
  });

  describe("fields", () => {
    it("limits a term, phrase or group", () => {
      expect(textOf('title:merlin author:"Jane Doe" tag:(angst OR fluff)')).toEqual(
        and(term("merlin", "title"), phrase("Jane Doe", "author"), or(term("angst", "tag"), term("fluff", "tag"))),
      );
    });

    it("reads creator:, creators: and authors: as author:, and tags: as tag:", () => {
      expect(textOf("creator:a creators:b authors:c tags:d")).toEqual(
        and(term("a", "author"), term("b", "author"), term("c", "author"), term("d", "tag")),
      );
    });

    it("ignores the case of the field name", () => {
      expect(textOf("Title:Merlin")).toEqual(term("Merlin", "title"));
    });

    it("combines with negation before or after the prefix", () => {
      expect(textOf('-author:"Jane Doe" title:-x -tag:(a b)')).toEqual(
        and(not(phrase("Jane Doe", "author")), not(term("x", "title")), not(and(term("a", "tag"), term("b", "tag")))),
      );
    });

    it("applies to the next token after a space", () => {
      expect(textOf('title: merlin author: "Jane Doe" tag: (a OR b) c')).toEqual(
        and(term("merlin", "title"), phrase("Jane Doe", "author"), or(term("a", "tag"), term("b", "tag")), term("c")),
      );
    });

    it("lets a field inside a group win over the group's", () => {
      expect(textOf("title:(a author:b (c tag:d))")).toEqual(
        and(term("a", "title"), term("b", "author"), term("c", "title"), term("d", "tag")),
      );
    });

    it("lets the nearer of two fields win", () => {
      expect(textOf("title: author:x")).toEqual(term("x", "author"));
    });

    it("limits the word only, not the ones after it", () => {
      expect(textOf("author:Jane Doe")).toEqual(and(term("Jane", "author"), term("Doe")));
    });

    it("reads unknown prefixes as part of the word", () => {
      expect(textOf("summary:angst subtitle:x")).toEqual(and(term("summary:angst"), term("subtitle:x")));
    });

    it("drops a field with nothing after it", () => {
      expect(textOf("title:")).toBeNull();
      expect(textOf("a title:")).toEqual(term("a"));
      expect(textOf("(a title:) b")).toEqual(and(term("a"), term("b")));
      expect(textOf("title: OR b")).toEqual(term("b"));
    });
  });

  describe("normalisation", () => {
    it("flattens nested ANDs and ORs", () => {
      expect(textOf("(a (b (c d))) e")).toEqual(and(term("a"), term("b"), term("c"), term("d"), term("e")));
      expect(textOf("a OR (b OR (c OR d))")).toEqual(or(term("a"), term("b"), term("c"), term("d")));
    });

    it("unwraps single-operand groups", () => {
      expect(textOf("((a))")).toEqual(term("a"));
      expect(textOf("(a) OR ((b))")).toEqual(or(term("a"), term("b")));
    });

    it("does not flatten across kinds", () => {
      expect(textOf("a (b OR c) OR (d e)")).toEqual(or(and(term("a"), or(term("b"), term("c"))), and(term("d"), term("e"))));
    });
  });

  describe("recovery", () => {
    const NOTHING = ["", "   ", "-", "- -", "+", "***", "*", "()", "(())", "-()", "( )", ")(", '"', '""', "title:"];
    it.each([...NOTHING, "AND", "OR", "NOT", "NOT NOT", "&& ||"])("%j has no text", (input) => {
      expect(parseQueryString(input)).toEqual({ text: null, stats: {}, sort: null });
    });

    it("ignores a quote that is never closed", () => {
      expect(textOf('"sherlock holmes')).toEqual(and(term("sherlock"), term("holmes")));
      expect(textOf('"a b" "c d')).toEqual(and(phrase("a b"), term("c"), term("d")));
      expect(textOf('-"angst fluff')).toEqual(and(not(term("angst")), term("fluff")));
    });

    it("closes an unclosed group at the end", () => {
      expect(textOf("a (b OR c")).toEqual(and(term("a"), or(term("b"), term("c"))));
      expect(textOf("-(a b")).toEqual(not(and(term("a"), term("b"))));
    });

    it("ignores a ) with no (", () => {
      expect(textOf("a ) b")).toEqual(and(term("a"), term("b")));
      expect(textOf(") a OR b (")).toEqual(or(term("a"), term("b")));
      expect(textOf("(a)) OR b")).toEqual(or(term("a"), term("b")));
    });

    it("drops empty groups", () => {
      expect(textOf("a () OR b")).toEqual(or(term("a"), term("b")));
      expect(textOf("a -() b")).toEqual(and(term("a"), term("b")));
    });

    it("drops operators missing an operand", () => {
      expect(textOf("a OR")).toEqual(term("a"));
      expect(textOf("OR a")).toEqual(term("a"));
      expect(textOf("a OR OR b")).toEqual(or(term("a"), term("b")));
      expect(textOf("a AND")).toEqual(term("a"));
      expect(textOf("AND a AND AND b")).toEqual(and(term("a"), term("b")));
      expect(textOf("a OR AND b")).toEqual(or(term("a"), term("b")));
      expect(textOf("a NOT")).toEqual(term("a"));
      expect(textOf("a NOT OR b")).toEqual(or(term("a"), term("b")));
      expect(textOf("(a OR) b")).toEqual(and(term("a"), term("b")));
      expect(textOf("(NOT) a")).toEqual(term("a"));
    });

    it("reads a lone - as punctuation", () => {
      expect(textOf("a - b")).toEqual(and(term("a"), term("b")));
    });

    it("reads names that plain objects inherit as words", () => {
      expect(textOf("toString constructor __proto__")).toEqual(and(term("toString"), term("constructor"), term("__proto__")));
    });
  });

  describe("stat shortcuts", () => {
    it.each([
      ["words>1000", { words: { min: 1001, max: null } }],
      ["words<1000", { words: { min: null, max: 999 } }],
      ["words:1000", { words: { min: 1000, max: 1000 } }],
      ["words=1000", { words: { min: 1000, max: 1000 } }],
      ["words:1000-5000", { words: { min: 1000, max: 5000 } }],
      ["words: 1000 - 5000", { words: { min: 1000, max: 5000 } }],
      ["words:>1000", { words: { min: 1001, max: null } }],
      ["words >= 1000", { words: { min: 1000, max: null } }],
      ["words≤1000", { words: { min: null, max: 1000 } }],
      ["word count: <500", { words: { min: null, max: 499 } }],
      ["word_count<500", { words: { min: null, max: 499 } }],
      ["wordcount:500", { words: { min: 500, max: 500 } }],
      ["Words>10,000", { words: { min: 10_001, max: null } }],
      ["words>1.000.000", { words: { min: 1_000_001, max: null } }],
      ["kudos>10", { kudos: { min: 11, max: null } }],
      ["kudos_count>=10", { kudos: { min: 10, max: null } }],
      ["hits:100-200", { hits: { min: 100, max: 200 } }],
      ["hit_count>5", { hits: { min: 6, max: null } }],
      ["comments>3", { comments: { min: 4, max: null } }],
      ["comment:3", { comments: { min: 3, max: 3 } }],
      ["bookmarks<3", { bookmarks: { min: null, max: 2 } }],
      ["bookmark count=7", { bookmarks: { min: 7, max: 7 } }],
    ] as const)("%s", (input, stats) => {
      expect(parseQueryString(input)).toEqual({ text: null, stats, sort: null });
    });

    it("lifts several stats and leaves the words", () => {
      expect(parseQueryString("merlin kudos>100 hits:1000-5000 arthur bookmarks>=10 comments<5")).toEqual({
        text: and(term("merlin"), term("arthur")),
        stats: {
          kudos: { min: 101, max: null },
          hits: { min: 1000, max: 5000 },
          bookmarks: { min: 10, max: null },
          comments: { min: null, max: 4 },
        },
        sort: null,
      });
    });

    it("keeps the first of two shortcuts for one stat and removes both", () => {
      expect(parseQueryString("words>5 a words<3")).toEqual({
        text: term("a"),
        stats: { words: { min: 6, max: null } },
        sort: null,
      });
    });

    it("lifts shortcuts out of groups", () => {
      expect(parseQueryString("(a words>5) OR b")).toEqual({
        text: or(term("a"), term("b")),
        stats: { words: { min: 6, max: null } },
        sort: null,
      });
    });

    it("needs a comparison or colon", () => {
      expect(parseQueryString("words 1000")).toEqual({ text: and(term("words"), term("1000")), stats: {}, sort: null });
    });

    it("does not read the end of a longer word", () => {
      expect(textOf("passwords>5 whits:3")).toEqual(and(term("passwords>5"), term("whits:3")));
      expect(parseQueryString("passwords>5 whits:3").stats).toEqual({});
    });

    it("does not read a number that runs into letters", () => {
      expect(parseQueryString("words>5k")).toEqual({ text: term("words>5k"), stats: {}, sort: null });
    });

    it("drops a value too large to hold exactly", () => {
      expect(parseQueryString("a words>99999999999999999999")).toEqual({ text: term("a"), stats: {}, sort: null });
    });
  });

  describe("sort shortcuts", () => {
    it.each([
      ["sort:hits", { field: "hits", direction: "desc" }],
      ["sort:title", { field: "title", direction: "asc" }],
      ["sort:author", { field: "author", direction: "asc" }],
      ["sort:creator", { field: "author", direction: "asc" }],
      ["sort:words", { field: "words", direction: "desc" }],
      ["sort:word_count", { field: "words", direction: "desc" }],
      ["sort:word count", { field: "words", direction: "desc" }],
      ["sort:kudos", { field: "kudos", direction: "desc" }],
      ["sort:comments", { field: "comments", direction: "desc" }],
      ["sort:bookmarks", { field: "bookmarks", direction: "desc" }],
      ["sort:posted", { field: "published", direction: "desc" }],
      ["sort:date", { field: "published", direction: "desc" }],
      ["sort:updated", { field: "updated", direction: "desc" }],
      ["sort:relevance", { field: "relevance", direction: "desc" }],
      ["SORT:Hits", { field: "hits", direction: "desc" }],
      ["sort: hits", { field: "hits", direction: "desc" }],
      ["sort=hits", { field: "hits", direction: "desc" }],
      // The Archive's quirk: > is ascending, < descending.
      ["sort:>words", { field: "words", direction: "asc" }],
      ["sort:<words", { field: "words", direction: "desc" }],
      ["sort:<title", { field: "title", direction: "desc" }],
      ["sort>hits", { field: "hits", direction: "asc" }],
      ["sorted by <kudos", { field: "kudos", direction: "desc" }],
      ["sort by: kudos descending", { field: "kudos", direction: "desc" }],
      ["sort by: kudos ascending", { field: "kudos", direction: "asc" }],
      ["sort:title descending", { field: "title", direction: "desc" }],
      ["sort:title desc", { field: "title", direction: "desc" }],
      ["sort:hits asc", { field: "hits", direction: "asc" }],
      ["sort:>hits descending", { field: "hits", direction: "desc" }],
    ] as const)("%s", (input, sort) => {
      expect(parseQueryString(input)).toEqual({ text: null, stats: {}, sort });
    });

    it("keeps the first sort naming a known field and removes them all", () => {
      expect(parseQueryString("sort:nonsense a sort:kudos sort:hits")).toEqual({
        text: term("a"),
        stats: {},
        sort: { field: "kudos", direction: "desc" },
      });
    });

    it("leaves sort as a word without a comparison or colon", () => {
      expect(parseQueryString("sort of love")).toEqual({
        text: and(term("sort"), term("of"), term("love")),
        stats: {},
        sort: null,
      });
      expect(parseQueryString("resort:hits")).toEqual({ text: term("resort:hits"), stats: {}, sort: null });
    });

    it("lifts stats before the sort, as the Archive does", () => {
      expect(parseQueryString("sort:kudos kudos>5")).toEqual({
        text: null,
        stats: { kudos: { min: 6, max: null } },
        sort: { field: "kudos", direction: "desc" },
      });
    });
  });

  describe("hostile input stays cheap", () => {
    // Generous for slow machines: quadratic work on these inputs takes seconds.
    const BUDGET_MS = 200;

    function timed(input: string): { result: ReturnType<typeof parseQueryString>; ms: number } {
      const started = performance.now();
      const result = parseQueryString(input);
      return { result, ms: performance.now() - started };
    }

    it("10,000 nested parentheses", () => {
      const { result, ms } = timed(`${"(".repeat(10_000)}a${")".repeat(10_000)}`);
      expect(result.text).toEqual(term("a"));
      expect(ms).toBeLessThan(BUDGET_MS);
    });

    it("10,000 nested negated groups", () => {
      const { result, ms } = timed(`${"-(".repeat(10_000)}a${")".repeat(10_000)}`);
      expect(result.text).toEqual(term("a"));
      expect(ms).toBeLessThan(BUDGET_MS);
    });

    it("100 KB of words", () => {
      const { result, ms } = timed("word ".repeat(20_000));
      expect(result.text).toEqual(and(...Array.from({ length: MAX_QUERY_TERMS }, () => term("word"))));
      expect(ms).toBeLessThan(BUDGET_MS);
    });

    it.each([
      ["quotes", '"'.repeat(100_000)],
      ["opening parentheses", "(".repeat(100_000)],
      ["closing parentheses", ")".repeat(100_000)],
      ["NOTs", "NOT ".repeat(25_000)],
      ["ORs", "OR ".repeat(33_000)],
      ["stars inside a word", `a${"*".repeat(100_000)}b`],
      ["a number after a shortcut", `words>${"1".repeat(100_000)}x`],
      ["a sort field", `sort:${"a".repeat(100_000)}`],
      ["shortcut words", "words ".repeat(20_000)],
      ["spaces", " ".repeat(100_000)],
      ["dashes", "-".repeat(100_000)],
    ])("100 KB of %s", (_name, input) => {
      const { ms } = timed(input);
      expect(ms).toBeLessThan(BUDGET_MS);
    });

    it("caps nesting: parentheses deeper than MAX_QUERY_DEPTH are ignored", () => {
      // Every honoured -( negates once: MAX_QUERY_DEPTH of them cancel out, one more would not.
      const depth = MAX_QUERY_DEPTH + 1;
      expect(textOf(`${"-(".repeat(depth)}a${")".repeat(depth)} b`)).toEqual(and(term("a"), term("b")));
      expect(textOf(`${"-(".repeat(MAX_QUERY_DEPTH - 1)}a${")".repeat(MAX_QUERY_DEPTH - 1)} b`)).toEqual(
        and(not(term("a")), term("b")),
      );
    });

    it("caps nesting without losing the structure around the deep part", () => {
      const deep = `${"(".repeat(40)}x OR y${")".repeat(40)}`;
      expect(textOf(`a (${deep} z) OR b`)).toEqual(or(and(term("a"), or(term("x"), term("y")), term("z")), term("b")));
    });

    it("caps terms: only the first MAX_QUERY_TERMS terms and phrases are read", () => {
      const words = Array.from({ length: MAX_QUERY_TERMS + 10 }, (_, index) => `w${index}`);
      expect(textOf(words.join(" "))).toEqual(and(...words.slice(0, MAX_QUERY_TERMS).map((word) => term(word))));
    });

    it("caps length: only the first MAX_QUERY_LENGTH characters are read", () => {
      const fits = `${"x".repeat(MAX_QUERY_LENGTH - " sort:title".length)} sort:title`;
      expect(fits).toHaveLength(MAX_QUERY_LENGTH);
      expect(parseQueryString(fits).sort).toEqual({ field: "title", direction: "asc" });
      // One character more cuts `sort:title` to `sort:titl`, which names no field.
      expect(parseQueryString(`x${fits}`).sort).toBeNull();
    });

    it("does not cut a surrogate pair at the length cap", () => {
      const input = `${"a".repeat(MAX_QUERY_LENGTH - 1)}🦋`;
      expect(textOf(input)).toEqual(term("a".repeat(MAX_QUERY_LENGTH - 1)));
    });
  });
});
