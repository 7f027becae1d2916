/** What the collection services run on: the library, whose engine runs the transactions and keeps the full-text index. */
import type { Kysely } from "kysely";
import type { Engine } from "../../db/dialects/engine.js";
import type { Database } from "../../db/schema.js";

export interface CollectionDeps {
  db: Kysely<Database>;
  engine: Engine;
}
