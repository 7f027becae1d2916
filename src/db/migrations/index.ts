/** Every migration, by name; names sort in the order they apply. */
import type { Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { libraryMigration } from "./0001-library.js";

export function migrations(engine: Engine): Record<string, Migration> {
  return {
    "0001-library": libraryMigration(engine),
  };
}
