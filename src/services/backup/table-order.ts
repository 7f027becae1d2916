/** The order a backup writes tables in and a restore stores them in: every table after the tables it points at. */
import type { TableShape } from "../../db/dialects/engine.js";

/**
 * Each table after every other table its foreign keys point at; among tables free to go, by name, so that every
 * engine gives the same order. A table's keys to itself (a tag merged into another tag) are left to the restore.
 * @throws Error when keys between tables form a cycle, which no order can satisfy.
 */
export function dependencyOrder(tables: readonly TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map(tables.map((t) => [t.name, new Set(t.foreignKeys.map((k) => k.table).filter((p) => p !== t.name && byName.has(p)))]));
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = [...byName.values()]
      .filter((t) => !placed.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => placed.has(p)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
    if (!next) {
      const left = tables.filter((t) => !placed.has(t.name)).map((t) => t.name);
      throw new Error(`the foreign keys between ${left.join(", ")} form a cycle`);
    }
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

/** A column holding the key of another row of its own table, whose key is that one column. */
export interface SelfReference {
  column: string;
  key: string;
}

/** @example selfReferences(tags) // [{ column: "merger_id", key: "id" }] */
export function selfReferences(table: TableShape): SelfReference[] {
  const [key, ...more] = table.primaryKey;
  if (key === undefined || more.length > 0) return [];
  return table.foreignKeys
    .filter((k) => k.table === table.name && k.columns.length === 1 && k.referencedColumns[0] === key)
    .flatMap((k) => (k.columns[0] === undefined ? [] : [{ column: k.columns[0], key }]));
}
