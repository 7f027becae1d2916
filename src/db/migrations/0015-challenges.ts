/**
 * Challenges, each run by a collection (domain/challenges/): a gift exchange or a prompt meme, with its sign-up
 * window, its rules and its reveal dates; the participants' sign-ups; their requests and offers (a gift
 * exchange's) or prompts (a prompt meme's), each with tags by type; the exchange's assignments (giver, recipient,
 * pinch hitter, the work that fulfils it); and the meme's claims, each filled by a work.
 *
 * Prompt tags are kept as typed (name and folded key), not as rows of `tags`: a participant may ask for a fandom
 * the archive has never seen, and the matching compares keys only.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { createIndex, withId } from "./ddl.js";

export function challengesMigration(engine: Engine): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await withId(db.schema.createTable("challenges"), engine)
        // One challenge per collection, gone with it.
        .addColumn("collection_id", "integer", (c) => c.notNull().unique().references("collections.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('gift_exchange', 'prompt_meme')`))
        .addColumn("signup_opens_at", "text")
        .addColumn("signup_closes_at", "text")
        .addColumn("works_reveal_at", "text")
        .addColumn("creators_reveal_at", "text")
        // The rules (domain/challenges/gift-exchange.ts ExchangeRules; prompts_max for a meme).
        .addColumn("requests_min", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("requests_max", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("offers_min", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("offers_max", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("match_fandom", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("match_relationship", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("match_character", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("match_freeform", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("prompts_max", "integer", (c) => c.notNull().defaultTo(50))
        // When the matching last ran and when its assignments went out; matching is rerun only before they go.
        .addColumn("matched_at", "text")
        .addColumn("assignments_sent_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable("challenge_signups"), engine)
        .addColumn("challenge_id", "integer", (c) => c.notNull().references("challenges.id").onDelete("cascade"))
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("challenge_signups_one_per_user", ["challenge_id", "user_id"])
        .execute();
      await createIndex(db, "challenge_signups_by_user", "challenge_signups", ["user_id"]);

      await withId(db.schema.createTable("challenge_prompts"), engine)
        .addColumn("signup_id", "integer", (c) => c.notNull().references("challenge_signups.id").onDelete("cascade"))
        .addColumn("side", "text", (c) => c.notNull().check(sql`side in ('request', 'offer', 'prompt')`))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("anonymous", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "challenge_prompts_by_signup", "challenge_prompts", ["signup_id", "side", "position"]);

      await db.schema.createTable("challenge_prompt_tags")
        .addColumn("prompt_id", "integer", (c) => c.notNull().references("challenge_prompts.id").onDelete("cascade"))
        .addColumn("type", "text", (c) => c.notNull().check(sql`type in ('fandom', 'relationship', 'character', 'freeform')`))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("challenge_prompt_tags_pk", ["prompt_id", "type", "name_key"])
        .execute();

      await withId(db.schema.createTable("challenge_assignments"), engine)
        .addColumn("challenge_id", "integer", (c) => c.notNull().references("challenges.id").onDelete("cascade"))
        // Null: no one could be matched to write for the recipient; a pinch hitter is needed from the start.
        .addColumn("giver_signup_id", "integer", (c) => c.references("challenge_signups.id").onDelete("cascade"))
        .addColumn("recipient_signup_id", "integer", (c) => c.notNull().references("challenge_signups.id").onDelete("cascade"))
        .addColumn("pinch_hitter_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("defaulted", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("fulfilled_by_work_id", "integer", (c) => c.references("works.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "challenge_assignments_by_challenge", "challenge_assignments", ["challenge_id", "id"]);
      await createIndex(db, "challenge_assignments_by_giver", "challenge_assignments", ["giver_signup_id"]);
      await createIndex(db, "challenge_assignments_by_recipient", "challenge_assignments", ["recipient_signup_id"]);
      await createIndex(db, "challenge_assignments_by_pinch_hitter", "challenge_assignments", ["pinch_hitter_id"]);
      await createIndex(db, "challenge_assignments_by_work", "challenge_assignments", ["fulfilled_by_work_id"]);

      await withId(db.schema.createTable("challenge_claims"), engine)
        .addColumn("prompt_id", "integer", (c) => c.notNull().references("challenge_prompts.id").onDelete("cascade"))
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        // The fill: the work posted to the collection for this claim, and when.
        .addColumn("filled_by_work_id", "integer", (c) => c.references("works.id").onDelete("set null"))
        .addColumn("filled_at", "text")
        .execute();
      await createIndex(db, "challenge_claims_by_prompt", "challenge_claims", ["prompt_id", "id"]);
      await createIndex(db, "challenge_claims_by_user", "challenge_claims", ["user_id"]);
      await createIndex(db, "challenge_claims_by_work", "challenge_claims", ["filled_by_work_id"]);
    },
  };
}
