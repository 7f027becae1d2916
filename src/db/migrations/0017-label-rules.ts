/**
 * Label rules on the import review desk: "in this batch, the files' `Category` line is the fandom". A label rule is
 * a review rule with the label it reads (normalised as the importer normalises labels); a rule deciding one value
 * ("Category 'Btvs' is the fandom Buffy") has none. Its values come from each file, so its `from_value` holds the
 * label as written and its `to_value` is null. Decisions it makes name it through `inferred_values.rule_id` like
 * any rule's.
 */
import type { Kysely, Migration } from "kysely";
import { createIndex } from "./ddl.js";

export function labelRulesMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema.alterTable("review_rules").addColumn("label", "text").execute();
      await createIndex(db, "review_rules_by_batch_label", "review_rules", ["batch", "label"]);
    },
  };
}
