/**
 * The search box's query syntax (shared/reference/ao3.md §2.3) read into a text query, stat ranges and a sort.
 * Pure and total: any string gives a result, in time linear in its length.
 *
 * Three passes: the Archive's shortcuts (`words>1000`, `sort:hits`) are lifted out of the unquoted text, as its
 * QueryCleaner does; the rest is split into tokens; the tokens are parsed into a normalised TextQuery.
 */
import { parseNumberRange } from "./parse-range.js";
import { naturalDirection, type NumberRange, type SearchSort, type SortDirection, type SortField, type StatField, type TextField, type TextQuery } from "./work-search.js";

/** What a query string asks for. `text` is null when nothing searchable is left once shortcuts are lifted out. */
export interface ParsedQueryString {
  text: TextQuery | null;
  stats: Partial<Record<StatField, NumberRange>>;
  sort: SearchSort | null;
}

/** Characters read from a query string; the rest is ignored. Far beyond anything typed, it bounds all the work. */
export const MAX_QUERY_LENGTH = 100_000;
/** Parentheses nested deeper than this are ignored (their contents join the group around them). */
export const MAX_QUERY_DEPTH = 32;
/** Terms and phrases read from a query string; the rest of the string is ignored. */
export const MAX_QUERY_TERMS = 256;

/**
 * Reads a search box query the way the Archive reads it.
 *
 * Syntax:
 * - Words are ANDed; `AND` and `&&` say so explicitly. `OR` and `||` join alternatives. `NOT word`, `-word`,
 *   `-"a phrase"` and `-(a group)` exclude. Precedence is NOT, then AND, then OR: `a b OR c` is `(a b) OR c`.
 *   Only upper-case `AND`, `OR`, `NOT` are operators, as on the Archive; `and`, `or`, `not` are words.
 * - `"a phrase"` (straight or curly quotes), `(a group)`, nested; `word*` matches words starting with `word`.
 * - `title:`, `author:` (also `authors:`, `creator:`, `creators:`) and `tag:` (also `tags:`) limit the term, phrase
 *   or group that follows to that field, even after a space (`title: (a OR b)`). A field inside a group wins.
 * - `m/m`, `f/f`, `f/m`, `m/f` are read as phrases, as the Archive quotes them (so they stay one category, not two
 *   letters). Other terms keep their inner punctuation: `o'neill`, `spike/buffy`, `spider-man`.
 * - Stat shortcuts outside quotes become `stats` (the Archive's QueryCleaner): `words>1000`, `words:1000-5000`,
 *   `word count: <500`, `kudos>10`, `hits=5`, `comments>=3`, `bookmark_count:<10`; the value is read by
 *   parseNumberRange. The first shortcut for a stat wins; every one is removed from the text.
 * - A sort shortcut outside quotes becomes `sort`: `sort:hits`, `sort:>words`, `sorted by: kudos descending`.
 *   Following the Archive, `>` means ascending and `<` descending; with neither and no `ascending`/`descending`
 *   (or `asc`/`desc`), title and author sort ascending and everything else descending. Fields: relevance (score),
 *   author (creator), title, published (posted, date, created), updated (revised), words (word count), hits,
 *   kudos, comments, bookmarks. The first sort shortcut naming a known field wins; every one is removed.
 *
 * Recovery (never throws):
 * - Tokens with no letter, digit or emoji (`-`, `***`, `&`, `""`) are dropped; so are `*` at the start of a term.
 * - A quote with no closing quote is ignored: the words after it are read as words.
 * - A `)` with no `(` is ignored; a `(` never closed is closed at the end; an empty group `()` is dropped.
 * - `AND`, `OR` and `NOT` with a missing operand are dropped (`a OR`, `OR a`, `a OR OR b`, `a NOT`).
 * - Any run of `-` (or `+`) before a token negates it once (`+` alone means nothing); `NOT NOT a` is `a`.
 * - A field prefix with nothing after it (`title:` at the end, before `)` or before an operator) is dropped.
 *
 * Output is normalised: `and`/`or` nodes have two or more operands and never contain a node of their own kind,
 * `not` never contains `not`, and there are no empty nodes. A query of negations only (`-angst`) is kept: whether
 * it is allowed alone is the caller's choice. Case is kept as typed: the index folds it.
 *
 * Caps keep hostile input cheap: only the first MAX_QUERY_LENGTH characters are read, parentheses deeper than
 * MAX_QUERY_DEPTH are ignored, and reading stops after MAX_QUERY_TERMS terms and phrases.
 *
 * @example parseQueryString("arthur merlin words>1000 sort:hits")
 * // { text: { kind: "and", operands: [arthur, merlin] }, stats: { words: { min: 1001, max: null } },
 * //   sort: { field: "hits", direction: "desc" } }
 */
export function parseQueryString(input: string): ParsedQueryString {
  const shortcuts: Shortcuts = { stats: {}, sort: null };
  const rest = liftShortcuts(truncate(input).replace(/\s+/gu, " "), shortcuts);
  return { text: parseText(tokenize(rest)), stats: shortcuts.stats, sort: shortcuts.sort };
}

function truncate(input: string): string {
  if (input.length <= MAX_QUERY_LENGTH) return input;
  // Never end on half a surrogate pair.
  const last = input.charCodeAt(MAX_QUERY_LENGTH - 1);
  return input.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH);
}

// ---------------------------------------------------------------------------------------------------------------
// Shortcuts. Both patterns run on text whose whitespace is already collapsed to single spaces, so their optional
// spaces cannot backtrack more than a step each. The lookbehind keeps `passwords>5` a word, unlike the Archive.

type Shortcuts = Pick<ParsedQueryString, "stats" | "sort">;

// Records the shortcuts found outside phrases into `found` (first one wins) and blanks them out of the query. Blanks
// keep the length, so phrase positions stay valid between the two patterns; neither pattern matches a quote, so a
// match is either wholly inside a phrase or wholly outside.
function liftShortcuts(query: string, found: Shortcuts): string {
  const phrases = phraseSpans(query);
  const outsideForStats = outsideOf(phrases);
  const outsideForSort = outsideOf(phrases);
  return query
    .replace(STAT_SHORTCUT, (match: string, stem: string, value: string, offset: number) => {
      if (!outsideForStats(offset)) return match;
      const field = STAT_FIELD_BY_STEM.get(stem.toLowerCase());
      const range = parseNumberRange(value.replace(/^:/u, ""));
      if (field !== undefined && range !== null && found.stats[field] === undefined) found.stats[field] = range;
      return " ".repeat(match.length);
    })
    .replace(SORT_SHORTCUT, (match: string, comparison: string, name: string, asked: string | undefined, offset: number) => {
      if (!outsideForSort(offset)) return match;
      found.sort ??= readSort(comparison, name, asked);
      return " ".repeat(match.length);
    });
}

const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}_])`;
const NOT_BEFORE_WORD = String.raw`(?![\p{L}\p{N}_])`;
const COUNT = String.raw`\d+(?:[,.]\d{3})*`;

// `words`, `word count`, `kudos_count`…, an optional colon, then a comparison (or colon) and a count or count range.
const STAT_SHORTCUT = new RegExp(
  String.raw`${NOT_AFTER_WORD}(word|kudo|comment|bookmark|hit)s? ?(?:_?count)? ?:? ?` +
    String.raw`((?:<=|>=|≤|≥|<|>|=|:) ?${COUNT}(?: ?[-–] ?${COUNT})?)${NOT_BEFORE_WORD}`,
  "giu",
);

const STAT_FIELD_BY_STEM: ReadonlyMap<string, StatField> = new Map([
  ["word", "words"],
  ["kudo", "kudos"],
  ["comment", "comments"],
  ["bookmark", "bookmarks"],
  ["hit", "hits"],
]);

// `sort`, `sorted by`, an optional colon, then a comparison (or colon), a field name and perhaps a direction.
const SORT_SHORTCUT = new RegExp(
  String.raw`${NOT_AFTER_WORD}sort(?:ed)? ?(?:by)? ?:? ?(<|>|=|:) ?([\p{L}\p{N}_]+)(?: count)?` +
    String.raw`(?: (ascending|descending|asc|desc))?${NOT_BEFORE_WORD}`,
  "giu",
);

// Names as the Archive matches them against its sort labels, after `_count` and a plural `s` are taken off.
const SORT_FIELD_BY_NAME: ReadonlyMap<string, SortField> = new Map([
  ["relevance", "relevance"],
  ["score", "relevance"],
  ["author", "author"],
  ["creator", "author"],
  ["title", "title"],
  ["published", "published"],
  ["posted", "published"],
  ["date", "published"],
  ["created", "published"],
  ["updated", "updated"],
  ["revised", "updated"],
  ["word", "words"],
  ["hit", "hits"],
  ["kudo", "kudos"],
  ["comment", "comments"],
  ["bookmark", "bookmarks"],
]);

function readSort(comparison: string, name: string, asked: string | undefined): SearchSort | null {
  const stem = name.toLowerCase().replace(/_?count$/u, "").replace(/s$/u, "");
  const field = SORT_FIELD_BY_NAME.get(stem);
  if (field === undefined) return null;
  return { field, direction: sortDirection(field, comparison, asked?.toLowerCase()) };
}

function sortDirection(field: SortField, comparison: string, asked: string | undefined): SortDirection {
  if (asked !== undefined) return asked.startsWith("asc") ? "asc" : "desc";
  // The Archive's quirk, kept so its users' habits work: `sort:>words` is ascending.
  if (comparison === ">") return "asc";
  if (comparison === "<") return "desc";
  return naturalDirection(field);
}

// ---------------------------------------------------------------------------------------------------------------
// Quotes. A quote opens a phrase only when another quote closes it; a lone quote is ignored. Any of the quote
// characters closes any other, because phones and word processors mix them.

const QUOTE_CHARACTERS = "\"“”„";
const QUOTE = /["“”„]/gu;

/** Where a phrase lies in a query, quotes included: `start` inclusive, `end` exclusive. */
interface Span {
  start: number;
  end: number;
}

function phraseSpans(query: string): Span[] {
  const spans: Span[] = [];
  for (let open = nextQuote(query, 0); open !== -1; ) {
    const close = nextQuote(query, open + 1);
    if (close === -1) break;
    spans.push({ start: open, end: close + 1 });
    open = nextQuote(query, close + 1);
  }
  return spans;
}

// A test for offsets asked in increasing order, as String.replace visits its matches: linear over a whole pass.
function outsideOf(spans: readonly Span[]): (offset: number) => boolean {
  let index = 0;
  return (offset) => {
    let span = spans[index];
    while (span !== undefined && span.end <= offset) {
      index += 1;
      span = spans[index];
    }
    return span === undefined || offset < span.start;
  };
}

function nextQuote(query: string, from: number): number {
  QUOTE.lastIndex = from;
  return QUOTE.exec(query)?.index ?? -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens.

/** What `-` and `title:` put before a term, phrase or group. */
interface Modifiers {
  negated: boolean;
  field: TextField | null;
}

type Token =
  | ({ kind: "term"; text: string; prefix: boolean } & Modifiers)
  | ({ kind: "phrase"; text: string } & Modifiers)
  | ({ kind: "open" } & Modifiers)
  | { kind: "close" }
  | { kind: "and" }
  | { kind: "or" }
  | { kind: "not" };

const OPERATORS: ReadonlyMap<string, Token> = new Map([
  ["AND", { kind: "and" }],
  ["&&", { kind: "and" }],
  ["OR", { kind: "or" }],
  ["||", { kind: "or" }],
  ["NOT", { kind: "not" }],
]);

const FIELD_BY_PREFIX: ReadonlyMap<string, TextField> = new Map([
  ["title", "title"],
  ["author", "author"],
  ["authors", "author"],
  ["creator", "author"],
  ["creators", "author"],
  ["tag", "tag"],
  ["tags", "tag"],
]);

const PREFIX = /([-+]*)(?:(title|authors?|creators?|tags?):([-+]*))?/iuy;
const WORD = /[^\s()"“”„]+/uy;
const SPACE = /\s/u;
const SEARCHABLE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;
const CATEGORIES: ReadonlySet<string> = new Set(["m/m", "f/f", "f/m", "m/f"]);

// One pass over the string. Parentheses are balanced here (or left open at the end), so the parser never meets a
// stray `)` and never nests deeper than MAX_QUERY_DEPTH.
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let depth = 0;
  let ignoredOpens = 0;
  let leaves = 0;
  // Modifiers waiting for the token after a space (`title: foo`) or after an ignored lone quote (`-"foo`).
  let pending: Modifiers | null = null;

  while (at < query.length && leaves < MAX_QUERY_TERMS) {
    const char = query.charAt(at);
    if (SPACE.test(char)) {
      at += 1;
      continue;
    }
    PREFIX.lastIndex = at;
    const prefix = PREFIX.exec(query);
    const signs = `${prefix?.[1] ?? ""}${prefix?.[3] ?? ""}`;
    const prefixField = prefix?.[2] === undefined ? null : (FIELD_BY_PREFIX.get(prefix[2].toLowerCase()) ?? null);
    at += prefix?.[0].length ?? 0;
    const own: Modifiers | null =
      signs !== "" || prefixField !== null ? { negated: signs.includes("-"), field: prefixField } : null;
    const modifiers = mergeModifiers(pending, own);
    const next = query.charAt(at);

    if (next === "" || SPACE.test(next)) {
      // A bare field waits for what follows; a bare `-` or `+` is punctuation (`a - b`).
      pending = prefixField === null ? pending : modifiers;
      continue;
    }
    pending = null;

    if (next === "(") {
      at += 1;
      if (depth < MAX_QUERY_DEPTH) {
        depth += 1;
        tokens.push({ kind: "open", ...modifiers });
      } else {
        ignoredOpens += 1;
      }
    } else if (next === ")") {
      at += 1;
      if (ignoredOpens > 0) {
        ignoredOpens -= 1;
      } else if (depth > 0) {
        depth -= 1;
        tokens.push({ kind: "close" });
      }
    } else if (QUOTE_CHARACTERS.includes(next)) {
      const close = nextQuote(query, at + 1);
      if (close === -1) {
        // A lone quote: carry its modifiers to the next word, as if the quote were not there.
        pending = modifiers.negated || modifiers.field !== null ? modifiers : null;
        at += 1;
        continue;
      }
      // Whitespace is already collapsed, so trimming is all a phrase needs.
      const text = query.slice(at + 1, close).trim();
      at = close + 1;
      if (SEARCHABLE.test(text)) {
        tokens.push({ kind: "phrase", text, ...modifiers });
        leaves += 1;
      }
    } else {
      WORD.lastIndex = at;
      const word = WORD.exec(query)?.[0] ?? next;
      at += word.length;
      const operator = own === null ? OPERATORS.get(word) : undefined;
      if (operator !== undefined) {
        tokens.push(operator);
        continue;
      }
      const token = wordToken(word, modifiers);
      if (token !== null) {
        tokens.push(token);
        leaves += 1;
      }
    }
  }
  return tokens;
}

function mergeModifiers(outer: Modifiers | null, inner: Modifiers | null): Modifiers {
  return {
    negated: (outer?.negated ?? false) || (inner?.negated ?? false),
    field: inner?.field ?? outer?.field ?? null,
  };
}

function wordToken(word: string, modifiers: Modifiers): Token | null {
  let start = 0;
  let end = word.length;
  while (word.charAt(start) === "*") start += 1;
  // A loop, not /\*+$/, which is quadratic on a long run of inner stars.
  while (end > start && word.charAt(end - 1) === "*") end -= 1;
  const text = word.slice(start, end);
  if (!SEARCHABLE.test(text)) return null;
  const prefix = end < word.length;
  if (!prefix && CATEGORIES.has(text.toLowerCase())) return { kind: "phrase", text, ...modifiers };
  return { kind: "term", text, prefix, ...modifiers };
}

// ---------------------------------------------------------------------------------------------------------------
// Parser: recursive descent over balanced tokens, so recursion is bounded by MAX_QUERY_DEPTH. Every rule returns
// null for nothing and builds only normalised nodes; `groupField` is the field a surrounding group sets.

interface Cursor {
  tokens: readonly Token[];
  at: number;
}

function parseText(tokens: readonly Token[]): TextQuery | null {
  return parseOr({ tokens, at: 0 }, null);
}

// or := and (OR and)*; stops at `)` or the end.
function parseOr(cursor: Cursor, groupField: TextField | null): TextQuery | null {
  const operands: TextQuery[] = [];
  for (;;) {
    const operand = parseAnd(cursor, groupField);
    if (operand) operands.push(operand);
    if (cursor.tokens[cursor.at]?.kind !== "or") return combine("or", operands);
    cursor.at += 1;
  }
}

// and := unary (AND? unary)*; stops at OR, `)` or the end.
function parseAnd(cursor: Cursor, groupField: TextField | null): TextQuery | null {
  const operands: TextQuery[] = [];
  for (;;) {
    const kind = cursor.tokens[cursor.at]?.kind;
    if (kind === undefined || kind === "or" || kind === "close") return combine("and", operands);
    if (kind === "and") {
      cursor.at += 1;
      continue;
    }
    const operand = parseUnary(cursor, groupField);
    if (operand) operands.push(operand);
  }
}

// unary := NOT* primary. Counted in a loop, so a long run of NOTs costs no stack.
function parseUnary(cursor: Cursor, groupField: TextField | null): TextQuery | null {
  let negations = 0;
  while (cursor.tokens[cursor.at]?.kind === "not") {
    negations += 1;
    cursor.at += 1;
  }
  const primary = parsePrimary(cursor, groupField);
  return primary !== null && negations % 2 === 1 ? negate(primary) : primary;
}

// primary := term | phrase | "(" or ")"?. Consumes nothing when the next token is an operator or `)`.
function parsePrimary(cursor: Cursor, groupField: TextField | null): TextQuery | null {
  const token = cursor.tokens[cursor.at];
  if (token === undefined) return null;
  let query: TextQuery | null;
  switch (token.kind) {
    case "term":
      cursor.at += 1;
      query = { kind: "term", text: token.text, prefix: token.prefix, field: token.field ?? groupField };
      break;
    case "phrase":
      cursor.at += 1;
      query = { kind: "phrase", text: token.text, field: token.field ?? groupField };
      break;
    case "open":
      cursor.at += 1;
      query = parseOr(cursor, token.field ?? groupField);
      // A group left open by the tokenizer simply runs to the end.
      if (cursor.tokens[cursor.at]?.kind === "close") cursor.at += 1;
      break;
    default:
      return null;
  }
  if (query === null) return null;
  return token.negated ? negate(query) : query;
}

function combine(kind: "and" | "or", operands: readonly TextQuery[]): TextQuery | null {
  // Operands are already normalised, so one level of flattening is enough.
  const flat = operands.flatMap((operand) => (operand.kind === kind ? operand.operands : [operand]));
  const [first] = flat;
  if (first === undefined) return null;
  if (flat.length === 1) return first;
  return kind === "and" ? { kind: "and", operands: flat } : { kind: "or", operands: flat };
}

function negate(query: TextQuery): TextQuery {
  return query.kind === "not" ? query.operand : { kind: "not", operand: query };
}
