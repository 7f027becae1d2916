/**
 * A library as an import of three places would leave it, for the review desk's tests: two story files in the
 * folder `hellmouth/`, one in `gateroom/` and one long one in `mailing.zip`, written under a temporary root, each
 * stored as a work with a guessed fandom (the same guess, "Btvs", in two batches) and its source file recorded.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Quire } from "../../src/composition.js";
import { insertSource } from "../../src/db/repositories/sources.js";
import { insertWork } from "../../src/db/repositories/works.js";
import type { InferredValue } from "../../src/domain/work.js";
import { parsedWork, storyFile, toStore } from "../factories.js";
import { zipEntries } from "./zip-folder.js";

const STORED_AT = "2026-01-01T00:00:00.000Z";
const guess = (field: InferredValue["field"], value: string, confidence: number): InferredValue => ({ field, value, confidence, evidence: `Category: ${value}` });

/** Each work's file: its path under the root (a zip entry after "!/"), and its text. */
export const DESK_FILES = {
  lanterns: { path: "hellmouth/lanterns.txt", text: storyFile({ title: "Lanterns", body: "Willow lit the lanterns one by one. <script>alert(1)</script>" }) },
  crypt: { path: "hellmouth/crypt.txt", text: storyFile({ title: "Crypt Keeping", body: "Spike swept the crypt & waited." }) },
  gate: { path: "gateroom/gate.txt", text: storyFile({ title: "Gate Duty", body: "Teal'c stood by the gate." }) },
  long: { path: "mailing.zip!/2001/long.txt", text: storyFile({ title: "The Long Letter", body: "A very long letter. ".repeat(4000) }) },
} as const;
export type DeskKey = keyof typeof DESK_FILES;

const INFERRED: Record<DeskKey, InferredValue[]> = {
  lanterns: [guess("fandoms", "Btvs", 0.4), guess("characters", "Willow Rosenberg", 0.6)],
  crypt: [guess("fandoms", "BTVS", 0.45)],
  gate: [guess("fandoms", "Btvs", 0.3)],
  long: [guess("fandoms", "Letters", 0.5)],
};

/** Writes the files under a new temporary folder. @returns the folder (the caller removes it). */
export async function writeDeskFiles(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "quire-desk-"));
  for (const folder of ["hellmouth", "gateroom"]) await mkdir(join(root, folder));
  for (const key of ["lanterns", "crypt", "gate"] as const) await writeFile(join(root, DESK_FILES[key].path), DESK_FILES[key].text);
  await writeFile(join(root, "mailing.zip"), await zipEntries([["2001/long.txt", DESK_FILES.long.text]]));
  return root;
}

/** Stores the works (titled by their keys) with their sources under `root`. @returns their ids. */
export async function storeDeskWorks(quire: Quire, root: string): Promise<Record<DeskKey, number>> {
  const { db, engine } = quire.library;
  return engine.writeTransaction(db, async (trx) => {
    const ids = {} as Record<DeskKey, number>;
    for (const key of Object.keys(DESK_FILES) as DeskKey[]) {
      const { path, text } = DESK_FILES[key];
      ids[key] = await insertWork(trx, engine, toStore(parsedWork({ title: key, rating: "Not Rated", chapters: ["Text."], inferred: INFERRED[key] })), STORED_AT);
      await insertSource(trx, { ...sourceRow(join(root, path), text), work_id: ids[key] });
    }
    return ids;
  });
}

/** A work whose file was imported at `path` after the others, with a guessed fandom. @returns its id. */
export async function storeLateWork(quire: Quire, path: string, fandomGuess: string): Promise<number> {
  return storeFileWork(quire, path, "late", { title: "late", inferred: [guess("fandoms", fandomGuess, 0.4)] });
}

/** A work as the import stores a file's (its text `text` at `path`), by the authors given. @returns its id. */
export async function storeFileWork(quire: Quire, path: string, text: string, work: { title: string; authors?: string[]; inferred?: InferredValue[] }): Promise<number> {
  const { db, engine } = quire.library;
  return engine.writeTransaction(db, async (trx) => {
    const workId = await insertWork(trx, engine, toStore(parsedWork({ rating: "Not Rated", chapters: ["Text."], ...work })), STORED_AT);
    await insertSource(trx, { ...sourceRow(path, text), work_id: workId });
    return workId;
  });
}

function sourceRow(path: string, text: string) {
  return {
    path, content_hash: createHash("sha256").update(text).digest("hex"), size: text.length, role: "primary" as const,
    format: "text", encoding: "utf-8", parser_version: "test", imported_at: STORED_AT, updated_at: STORED_AT,
  };
}
