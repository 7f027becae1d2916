/**
 * The library: works and chapters, authors, tags with their wrangling links and the filter table search uses,
 * series, collections, import provenance, library-wide mutes, and the engine's full-text index. The fixed
 * vocabularies (ratings, archive warnings, categories) are canonical tags from the start.
 */
import { sql, type Kysely, type Migration } from "kysely";
import { CATEGORIES } from "../../domain/categories.js";
import { RATINGS } from "../../domain/rating.js";
import { nameKey } from "../../domain/sort-key.js";
import { ARCHIVE_WARNINGS } from "../../domain/warnings.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { Engine } from "../dialects/engine.js";
import type { TagsTable } from "../schema.js";
import { createIndex, withId } from "./ddl.js";

export function libraryMigration(engine: Engine): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await withId(db.schema.createTable("works"), engine)
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("title_sort", "text", (c) => engine.ddl.bytewiseText(c.notNull()))
        .addColumn("authors_sort", "text", (c) => engine.ddl.bytewiseText(c.notNull()))
        .addColumn("summary", "text")
        .addColumn("notes", "text")
        .addColumn("end_notes", "text")
        .addColumn("disclaimer", "text")
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('complete', 'in-progress', 'unknown')`))
        .addColumn("rating_raw", "text")
        .addColumn("word_count", "integer", (c) => c.notNull())
        .addColumn("stated_word_count", "integer")
        .addColumn("chapter_count", "integer", (c) => c.notNull())
        .addColumn("published", "text")
        .addColumn("revised", "text")
        .addColumn("source_url", "text")
        .addColumn("crossover", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("hits", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("kudos", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("comments", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("bookmarks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("fingerprint", "text", (c) => c.notNull())
        .addColumn("provenance", "text", (c) => c.notNull())
        .addColumn("extra", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "works_by_fingerprint", "works", ["fingerprint"]);

      await withId(db.schema.createTable("chapters"), engine)
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("title", "text")
        .addColumn("summary", "text")
        .addColumn("notes", "text")
        .addColumn("end_notes", "text")
        .addColumn("word_count", "integer", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("html", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "chapters_in_work", "chapters", ["work_id", "position"], true);

      await withId(db.schema.createTable("authors"), engine)
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull().unique())
        .execute();
      await engine.ddl.linkTable(db.schema.createTable("work_authors")
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("author_id", "integer", (c) => c.notNull().references("authors.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("work_authors_pk", ["work_id", "author_id"]))
        .execute();
      await createIndex(db, "work_authors_by_author", "work_authors", ["author_id", "work_id"]);

      await withId(db.schema.createTable("tags"), engine)
        .addColumn("type", "text", (c) => c.notNull().check(sql`type in ('Rating', 'ArchiveWarning', 'Category', 'Fandom', 'Relationship', 'Character', 'Freeform')`))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull())
        .addColumn("canonical", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("merger_id", "integer", (c) => c.references("tags.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "tags_by_name", "tags", ["type", "name_key"], true);
      await createIndex(db, "tags_by_key", "tags", ["name_key"]);
      await createIndex(db, "tags_by_merger", "tags", ["merger_id"]);
      for (const [table, parent, child] of [["tag_parents", "parent_id", "child_id"], ["meta_tags", "meta_id", "sub_id"]] as const) {
        await engine.ddl.linkTable(db.schema.createTable(table)
          .addColumn(parent, "integer", (c) => c.notNull().references("tags.id").onDelete("cascade"))
          .addColumn(child, "integer", (c) => c.notNull().references("tags.id").onDelete("cascade"))
          .addPrimaryKeyConstraint(`${table}_pk`, [parent, child]))
          .execute();
        await createIndex(db, `${table}_by_${child}`, table, [child, parent]);
      }
      await engine.ddl.linkTable(db.schema.createTable("work_tags")
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("work_tags_pk", ["work_id", "tag_id"]))
        .execute();
      await createIndex(db, "work_tags_by_tag", "work_tags", ["tag_id", "work_id"]);
      await engine.ddl.linkTable(db.schema.createTable("work_filters")
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id"))
        .addColumn("inherited", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("work_filters_pk", ["work_id", "tag_id"]))
        .execute();
      await createIndex(db, "work_filters_by_tag", "work_filters", ["tag_id", "work_id"]);

      for (const [table, link] of [["series", "series_works"], ["collections", "collection_works"]] as const) {
        await withId(db.schema.createTable(table), engine)
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("name_key", "text", (c) => c.notNull().unique())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        const owner = table === "series" ? "series_id" : "collection_id";
        let linkTable = db.schema.createTable(link)
          .addColumn(owner, "integer", (c) => c.notNull().references(`${table}.id`).onDelete("cascade"))
          .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"));
        if (table === "series") linkTable = linkTable.addColumn("position", "integer", (c) => c.notNull());
        await engine.ddl.linkTable(linkTable.addPrimaryKeyConstraint(`${link}_pk`, [owner, "work_id"])).execute();
        await createIndex(db, `${link}_by_work`, link, ["work_id"]);
      }

      await withId(db.schema.createTable("work_sources"), engine)
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("path", "text", (c) => c.notNull().unique())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('primary', 'duplicate')`))
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("encoding", "text", (c) => c.notNull())
        .addColumn("parser_version", "text", (c) => c.notNull())
        .addColumn("imported_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "work_sources_by_hash", "work_sources", ["content_hash"]);
      await createIndex(db, "work_sources_by_work", "work_sources", ["work_id"]);

      await withId(db.schema.createTable("muted_tags"), engine)
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull())
        .addColumn("type", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      // A null type means "in any type"; coalesce makes two such mutes of one name collide as duplicates should.
      await sql`create unique index muted_tags_by_name on muted_tags (name_key, coalesce(type, ''))`.execute(db);

      await engine.createTextIndex(db);

      const now = new Date().toISOString();
      const fixed: { type: TagType; name: string }[] = [
        ...RATINGS.map((name) => ({ type: "Rating" as const, name })),
        ...ARCHIVE_WARNINGS.map((name) => ({ type: "ArchiveWarning" as const, name })),
        ...CATEGORIES.map((name) => ({ type: "Category" as const, name })),
      ];
      await db
        .withTables<{ tags: Omit<TagsTable, "id" | "merger_id"> }>()
        .insertInto("tags")
        .values(fixed.map(({ type, name }) => ({ type, name, name_key: nameKey(name), canonical: 1, created_at: now, updated_at: now })))
        .execute();
    },
  };
}
