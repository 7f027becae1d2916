/**
 * Accounts and the community around the works: users with roles, their pseuds (authors a user owns), sessions,
 * invitations and password resets; each work's visibility and comment settings; kudos, threaded comments,
 * bookmarks, subscriptions with an inbox, reading history, daily hits, reports and the moderators' log.
 *
 * Secrets are stored as SHA-256 digests (session, reset and invitation tokens) or scrypt hashes (passwords), so a
 * copy of the database lets no one in. Every table that hangs off a user or a work goes with it (on delete
 * cascade), except the moderators' log, which must outlive what it records.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { createIndex, withId } from "./ddl.js";

export function accountsMigration(engine: Engine): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await withId(db.schema.createTable("users"), engine)
        .addColumn("login", "text", (c) => c.notNull())
        .addColumn("login_key", "text", (c) => c.notNull().unique())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("email_key", "text", (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull().defaultTo("reader").check(sql`role in ('reader', 'author', 'moderator', 'admin')`))
        .addColumn("suspended_until", "text")
        .addColumn("default_author_id", "integer")
        .addColumn("prefs", "text", (c) => c.notNull().defaultTo("{}"))
        .addColumn("history_enabled", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("password_changed_at", "text", (c) => c.notNull())
        .execute();

      // A pseud is an author a user owns: imported authors have no user until claimed.
      await db.schema.alterTable("authors").addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null")).execute();
      await createIndex(db, "authors_by_user", "authors", ["user_id"]);

      await db.schema.createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "sessions_by_user", "sessions", ["user_id"]);

      await db.schema.createTable("password_resets")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();

      await withId(db.schema.createTable("invitations"), engine)
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("email", "text")
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("used_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("used_at", "text")
        .execute();

      await db.schema.createTable("muted_users")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("muted_user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("muted_users_pk", ["user_id", "muted_user_id"])
        .execute();

      // What each work shows to whom, and how it takes comments.
      await db.schema.alterTable("works").addColumn("visibility", "text", (c) => c.notNull().defaultTo("public").check(sql`visibility in ('public', 'restricted', 'draft')`)).execute();
      await db.schema.alterTable("works").addColumn("hidden_by_moderator", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable("works").addColumn("comment_policy", "text", (c) => c.notNull().defaultTo("open").check(sql`comment_policy in ('open', 'registered', 'closed')`)).execute();
      await db.schema.alterTable("works").addColumn("moderate_comments", "integer", (c) => c.notNull().defaultTo(0)).execute();
      // Listings ask at once whether the library holds any work not everyone sees.
      await createIndex(db, "works_by_visibility", "works", ["visibility"]);
      await createIndex(db, "works_by_hidden", "works", ["hidden_by_moderator"]);

      await withId(db.schema.createTable("work_author_invitations"), engine)
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("author_id", "integer", (c) => c.notNull().references("authors.id").onDelete("cascade"))
        .addColumn("invited_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "work_author_invitations_by_pair", "work_author_invitations", ["work_id", "author_id"], true);

      await withId(db.schema.createTable("work_gifts"), engine)
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("recipient", "text", (c) => c.notNull())
        .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .execute();
      await createIndex(db, "work_gifts_by_work", "work_gifts", ["work_id"]);

      await db.schema.alterTable("series").addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null")).execute();

      await withId(db.schema.createTable("kudos"), engine)
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
        // A guest: a digest of their address and the archive's secret, never the address itself.
        .addColumn("guest_key", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "kudos_by_user", "kudos", ["work_id", "user_id"], true);
      await createIndex(db, "kudos_by_guest", "kudos", ["work_id", "guest_key"], true);

      await withId(db.schema.createTable("comments"), engine)
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("chapter_id", "integer", (c) => c.references("chapters.id").onDelete("cascade"))
        .addColumn("parent_id", "integer", (c) => c.references("comments.id").onDelete("cascade"))
        .addColumn("thread_id", "integer")
        .addColumn("depth", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("author_id", "integer", (c) => c.references("authors.id").onDelete("set null"))
        .addColumn("guest_name", "text")
        .addColumn("guest_email", "text")
        .addColumn("html", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull().defaultTo("published").check(sql`status in ('published', 'pending', 'deleted', 'hidden')`))
        .addColumn("frozen", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("edited_at", "text")
        .execute();
      await createIndex(db, "comments_by_work", "comments", ["work_id", "chapter_id", "id"]);
      await createIndex(db, "comments_by_parent", "comments", ["parent_id"]);

      await withId(db.schema.createTable("bookmarks"), engine)
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("author_id", "integer", (c) => c.references("authors.id").onDelete("set null"))
        .addColumn("work_id", "integer", (c) => c.references("works.id").onDelete("cascade"))
        .addColumn("series_id", "integer", (c) => c.references("series.id").onDelete("cascade"))
        .addColumn("notes", "text")
        .addColumn("private", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("rec", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addCheckConstraint("bookmarks_one_target", sql`(work_id is null) <> (series_id is null)`)
        .execute();
      await createIndex(db, "bookmarks_by_work", "bookmarks", ["work_id", "user_id"]);
      await createIndex(db, "bookmarks_by_series", "bookmarks", ["series_id", "user_id"]);
      await createIndex(db, "bookmarks_by_user", "bookmarks", ["user_id", "updated_at"]);

      await db.schema.createTable("bookmark_tags")
        .addColumn("bookmark_id", "integer", (c) => c.notNull().references("bookmarks.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("bookmark_tags_pk", ["bookmark_id", "name_key"])
        .execute();
      await createIndex(db, "bookmark_tags_by_name", "bookmark_tags", ["name_key"]);

      await withId(db.schema.createTable("subscriptions"), engine)
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("target_type", "text", (c) => c.notNull().check(sql`target_type in ('work', 'series', 'author', 'tag')`))
        .addColumn("target_id", "integer", (c) => c.notNull())
        .addColumn("mail", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "subscriptions_by_target", "subscriptions", ["target_type", "target_id", "user_id"], true);
      await createIndex(db, "subscriptions_by_user", "subscriptions", ["user_id"]);

      await withId(db.schema.createTable("inbox_items"), engine)
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("work_id", "integer", (c) => c.references("works.id").onDelete("cascade"))
        .addColumn("chapter_id", "integer", (c) => c.references("chapters.id").onDelete("cascade"))
        .addColumn("comment_id", "integer", (c) => c.references("comments.id").onDelete("cascade"))
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("read_at", "text")
        .execute();
      await createIndex(db, "inbox_items_by_user", "inbox_items", ["user_id", "id"]);

      await db.schema.createTable("reading_history")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("last_read_at", "text", (c) => c.notNull())
        .addColumn("last_chapter", "integer")
        .addColumn("visits", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("marked_for_later", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("reading_history_pk", ["user_id", "work_id"])
        .execute();
      await createIndex(db, "reading_history_by_time", "reading_history", ["user_id", "last_read_at"]);

      // One hit per visitor per work per day: the visitor is a digest, never an address.
      await db.schema.createTable("work_hits")
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("visitor_key", "text", (c) => c.notNull())
        .addColumn("day", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("work_hits_pk", ["work_id", "visitor_key", "day"])
        .execute();

      await withId(db.schema.createTable("reports"), engine)
        .addColumn("target_type", "text", (c) => c.notNull().check(sql`target_type in ('work', 'comment')`))
        .addColumn("target_id", "integer", (c) => c.notNull())
        .addColumn("reporter_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("resolved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("resolved_at", "text")
        .execute();
      await createIndex(db, "reports_open", "reports", ["resolved_at", "id"]);

      await withId(db.schema.createTable("moderation_log"), engine)
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("moderator_id", "integer")
        .addColumn("moderator_login", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target_type", "text", (c) => c.notNull())
        .addColumn("target_id", "integer", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .execute();
    },
  };
}
