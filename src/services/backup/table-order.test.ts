import { describe, expect, it } from "vitest";
import type { TableShape } from "../../db/dialects/engine.js";
import { dependencyOrder, selfReferences } from "./table-order.js";

function table(name: string, references: string[] = [], primaryKey = ["id"]): TableShape {
  return {
    name,
    columns: [{ name: "id", type: "integer" }],
    primaryKey,
    foreignKeys: references.map((r) => ({ columns: [`${r}_id`], table: r, referencedColumns: ["id"] })),
  };
}

describe("dependencyOrder", () => {
  it("puts every table after the tables it points at, and otherwise by name", () => {
    const tables = [table("work_tags", ["works", "tags"]), table("works"), table("tags", ["tags"]), table("chapters", ["works"]), table("authors", ["users"]), table("users")];
    expect(dependencyOrder(tables).map((t) => t.name)).toEqual(["tags", "users", "authors", "works", "chapters", "work_tags"]);
  });

  it("gives the same order whatever order the tables come in", () => {
    const tables = [table("b", ["a"]), table("a"), table("d"), table("c", ["b", "d"])];
    expect(dependencyOrder([...tables].reverse())).toEqual(dependencyOrder(tables));
  });

  it("names the tables of a cycle", () => {
    expect(() => dependencyOrder([table("a", ["b"]), table("b", ["a"]), table("c")])).toThrow(/a, b form a cycle/u);
  });
});

describe("selfReferences", () => {
  it("finds the columns that point at the table's own key", () => {
    const tags: TableShape = { ...table("tags"), foreignKeys: [{ columns: ["merger_id"], table: "tags", referencedColumns: ["id"] }, { columns: ["user_id"], table: "users", referencedColumns: ["id"] }] };
    expect(selfReferences(tags)).toEqual([{ column: "merger_id", key: "id" }]);
  });

  it("finds none in a table keyed by several columns", () => {
    expect(selfReferences({ ...table("pairs", [], ["a", "b"]), foreignKeys: [{ columns: ["a"], table: "pairs", referencedColumns: ["a"] }] })).toEqual([]);
  });
});
