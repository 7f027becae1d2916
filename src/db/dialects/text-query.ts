/**
 * Turns a TextQuery tree into SQL for either engine. Each engine says how to write its own query language
 * (FTS5 MATCH strings, PostgreSQL tsquery) and how far that language reaches: the compiler keeps as much of the
 * tree inside one engine expression as is correct, and joins the rest with SQL AND/OR/NOT over works.
 */
import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { TextField, TextQuery } from "../../search/work-search.js";

export interface TextQueryCompiler {
  /** The words of a query term, cut as the engine's index cut its documents. */
  tokens(text: string): string[];
  /** A leaf: tokens that must appear in this order, the last one a prefix when `prefix`. */
  phrase(tokens: readonly string[], prefix: boolean, field: TextField | null): string;
  and(operands: readonly string[]): string;
  or(operands: readonly string[]): string;
  /** "positive but not negative" inside the engine's language, where it has such an operator. */
  andNot?: (positive: string, negative: string) => string;
  /**
   * Whether an AND can be evaluated inside one engine expression. True when one index entry holds the whole
   * work (FTS5); false when a work is indexed in parts (PostgreSQL), where each word may be in another part.
   */
  andIsLocal: boolean;
  /** The works (alias `w`) whose text matches an expression of the engine's language. */
  contains(expression: string): RawBuilder<SqlBool>;
}

export interface CompiledTextQuery {
  where: RawBuilder<SqlBool>;
  /** Every word the query looks for (not under a NOT), ORed: what relevance is ranked by. Null if none. */
  rankExpression: string | null;
}

const WORD = /^[\p{L}\p{N}]+$/u;

type Compiled = { expression: string } | { predicate: RawBuilder<SqlBool> };

/** Null when the query holds no searchable word at all (only punctuation, say). */
export function compileTextQuery(query: TextQuery, engine: TextQueryCompiler): CompiledTextQuery | null {
  const ranked: string[] = [];
  const compiled = compile(query, engine, ranked, true);
  if (!compiled) return null;
  return {
    where: toPredicate(compiled, engine),
    rankExpression: ranked.length === 0 ? null : ranked.length === 1 ? (ranked[0] ?? null) : engine.or(ranked),
  };
}

function compile(node: TextQuery, engine: TextQueryCompiler, ranked: string[], positive: boolean): Compiled | null {
  switch (node.kind) {
    case "term":
    case "phrase": {
      const tokens = engine.tokens(node.text);
      if (tokens.length === 0) return null;
      // The engines' query strings quote tokens without escaping: that is safe only for letters and digits.
      if (!tokens.every((t) => WORD.test(t))) throw new Error(`unsafe search token in "${node.text}"`);
      const expression = engine.phrase(tokens, node.kind === "term" && node.prefix, node.field);
      if (positive) ranked.push(expression);
      return { expression };
    }
    case "not": {
      const operand = compile(node.operand, engine, ranked, !positive);
      return operand && { predicate: sql<SqlBool>`not ${toPredicate(operand, engine)}` };
    }
    case "or": {
      const operands = node.operands.map((o) => compile(o, engine, ranked, positive)).filter((o) => o !== null);
      if (operands.length <= 1) return operands[0] ?? null;
      const expressions = operands.flatMap((o) => ("expression" in o ? [o.expression] : []));
      if (expressions.length === operands.length) return { expression: engine.or(expressions) };
      return { predicate: joinPredicates(operands.map((o) => toPredicate(o, engine)), "or") };
    }
    case "and":
      return compileAnd(node.operands, engine, ranked, positive);
  }
}

function compileAnd(nodes: readonly TextQuery[], engine: TextQueryCompiler, ranked: string[], positive: boolean): Compiled | null {
  const included: string[] = [];
  const excluded: string[] = [];
  const predicates: RawBuilder<SqlBool>[] = [];
  for (const node of nodes) {
    // A negated word inside an AND is kept as an expression, so FTS5 can say "a NOT b" in one MATCH.
    const compiled = node.kind === "not" ? compile(node.operand, engine, ranked, !positive) : compile(node, engine, ranked, positive);
    if (!compiled) continue;
    if (!("expression" in compiled)) predicates.push(node.kind === "not" ? sql<SqlBool>`not ${compiled.predicate}` : compiled.predicate);
    else if (node.kind === "not") excluded.push(compiled.expression);
    else included.push(compiled.expression);
  }
  const anyExcluded = excluded.length === 0 ? null : excluded.length === 1 ? (excluded[0] ?? "") : engine.or(excluded);
  if (engine.andIsLocal && predicates.length === 0 && included.length > 0) {
    const all = included.length === 1 ? (included[0] ?? "") : engine.and(included);
    if (!anyExcluded) return { expression: all };
    if (engine.andNot) return { expression: engine.andNot(all, anyExcluded) };
  }
  const parts = engine.andIsLocal && included.length > 0 ? [engine.contains(included.length === 1 ? (included[0] ?? "") : engine.and(included))] : included.map((e) => engine.contains(e));
  if (anyExcluded) parts.push(sql<SqlBool>`not ${engine.contains(anyExcluded)}`);
  parts.push(...predicates);
  if (parts.length === 0) return null;
  return { predicate: parts.length === 1 ? (parts[0] ?? sql<SqlBool>`true`) : joinPredicates(parts, "and") };
}

function toPredicate(compiled: Compiled, engine: TextQueryCompiler): RawBuilder<SqlBool> {
  return "expression" in compiled ? engine.contains(compiled.expression) : compiled.predicate;
}

function joinPredicates(predicates: readonly RawBuilder<SqlBool>[], operator: "and" | "or"): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(predicates, sql.raw(` ${operator} `))})`;
}
