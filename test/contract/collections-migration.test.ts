/**
 * Migration 0014 on every engine: a library made before it, holding collections the importer named, reads the same
 * after it: each collection owner-less, open, titled with its name, and each of its works an approved item added
 * when the work was stored.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { DatabaseTarget } from "../../src/config.js";
import { connect } from "../../src/db/connect.js";
import { migrateTo, migrateToLatest } from "../../src/db/migrate.js";
import { postgresUrl, withPostgresAdmin } from "../support/postgres-admin.js";
import { TEST_ENGINES } from "../support/databases.js";

async function emptyTarget(engine: "sqlite" | "postgres"): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (engine === "sqlite") return { target: { engine, path: join(mkdtempSync(join(tmpdir(), "quire-0014-")), "library.db") }, drop: async () => undefined };
  const name = `quire_0014_${process.pid}_${Date.now()}`;
  await withPostgresAdmin((client) => client.query(`create database ${name}`));
  return { target: { engine, url: postgresUrl(name) }, drop: () => withPostgresAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}

describe.each(TEST_ENGINES)("migration 0014 (collections) on $name", (engine) => {
  it("keeps the importer's collections, their works approved items added when the work was stored", async (context) => {
    if (engine.unavailable) context.skip();
    const { target, drop } = await emptyTarget(engine.name);
    const library = connect(target);
    try {
      await migrateTo(library, "0013-review-desk");
      const { db } = library;
      await sql`insert into works (title, title_sort, authors_sort, language, status, word_count, chapter_count, crossover, fingerprint, provenance, extra, created_at, updated_at)
        values ('Lanterns at Low Tide', 'lanterns at low tide', '', 'en', 'complete', 1200, 1, 0, 'f-1', '{}', '{}', '2024-03-01T10:00:00.000Z', '2024-03-01T10:00:00.000Z')`.execute(db);
      await sql`insert into collections (name, name_key, created_at) values ('Harbour Fest 2009', 'harbour fest 2009', '2024-03-01T10:00:00.000Z')`.execute(db);
      await sql`insert into collection_works (collection_id, work_id) select c.id, w.id from collections c, works w`.execute(db);

      expect(await migrateToLatest(library)).toContain("0014-collections");

      const collection = await db.selectFrom("collections").selectAll().executeTakeFirstOrThrow();
      expect(collection).toMatchObject({ name: "Harbour Fest 2009", title: "Harbour Fest 2009", owner_id: null, parent_id: null, state: "open", anonymous: 0, unrevealed: 0, description: null });
      const item = await db.selectFrom("collection_works").selectAll().executeTakeFirstOrThrow();
      expect(item).toMatchObject({ status: "approved", added_at: "2024-03-01T10:00:00.000Z" });
      // The states are the four the domain knows: the engine refuses any other.
      await expect(db.updateTable("collection_works").set({ status: "lost" as never }).execute()).rejects.toThrow();
      await expect(db.updateTable("collections").set({ state: "half-open" as never }).execute()).rejects.toThrow();
    } finally {
      await library.close();
      await drop();
    }
  });
});
