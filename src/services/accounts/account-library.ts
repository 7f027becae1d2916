/** What the account services that write more than one row at once run on: the database and its engine's transactions. */
import type { Library } from "../../db/connect.js";

export type AccountLibrary = Pick<Library, "db" | "engine">;
