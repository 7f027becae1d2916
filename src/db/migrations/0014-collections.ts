/**
 * Collections as users run them: an owner, a title and a plain-text description, a parent (collections nest), a
 * state (open, moderated, closed), the anonymous and unrevealed modes, and when each changed; the users who
 * maintain each collection (owners and moderators); and for each work in a collection where it stands (approved by
 * both sides, awaiting the collection, invited and awaiting its author, rejected) and since when.
 *
 * Collections the importer made keep their rows: owner-less, titled with their name, open, and their works approved
 * items added when the work was stored, so an imported library reads the same after the migration as before.
 */
import { sql, type Kysely, type Migration } from "kysely";
import { createIndex } from "./ddl.js";

export function collectionsMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      // SQLite adds one column per statement, and a NOT NULL one only with a default.
      const collections = () => db.schema.alterTable("collections");
      await collections().addColumn("owner_id", "integer", (c) => c.references("users.id").onDelete("set null")).execute();
      await collections().addColumn("title", "text", (c) => c.notNull().defaultTo("")).execute();
      await collections().addColumn("description", "text").execute();
      // A parent gone leaves its sub-collections at the top level rather than taking them with it.
      await collections().addColumn("parent_id", "integer", (c) => c.references("collections.id").onDelete("set null")).execute();
      await collections().addColumn("state", "text", (c) => c.notNull().defaultTo("open").check(sql`state in ('open', 'moderated', 'closed')`)).execute();
      await collections().addColumn("anonymous", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await collections().addColumn("unrevealed", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await collections().addColumn("updated_at", "text").execute();
      await sql`update collections set title = name where title = ''`.execute(db);
      await createIndex(db, "collections_by_parent", "collections", ["parent_id"]);
      await createIndex(db, "collections_by_owner", "collections", ["owner_id"]);

      await db.schema.createTable("collection_maintainers")
        .addColumn("collection_id", "integer", (c) => c.notNull().references("collections.id").onDelete("cascade"))
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'moderator')`))
        .addColumn("added_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("collection_maintainers_pk", ["collection_id", "user_id"])
        .execute();
      await createIndex(db, "collection_maintainers_by_user", "collection_maintainers", ["user_id", "collection_id"]);

      await db.schema.alterTable("collection_works").addColumn("status", "text", (c) => c.notNull().defaultTo("approved")
        .check(sql`status in ('approved', 'pending', 'invited', 'rejected')`)).execute();
      await db.schema.alterTable("collection_works").addColumn("added_at", "text").execute();
      await sql`update collection_works set added_at = (select w.created_at from works w where w.id = collection_works.work_id)`.execute(db);
      await createIndex(db, "collection_works_by_status", "collection_works", ["collection_id", "status", "work_id"]);
    },
  };
}
