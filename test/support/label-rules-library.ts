/**
 * Two import batches for the label rules' tests, imported by the real importer: `lamplight/`, a closing archive
 * whose files put the fandom on a `Section:` line, a label the importer does not know and so reads as no fandom
 * (a `Category:` line it would read as one, eFiction's way), and `harbour/`, another batch with the same line,
 * which a rule of the first must not touch. The stories are written for these tests.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Quire } from "../../src/composition.js";
import { importFiles } from "../../src/services/import/import-files.js";
import { inProcessParser } from "../../src/services/import/story-parser.js";

export const LABEL_FANDOM = "Lamplighter Chronicles";

/** Each file's path under the root, and its text. */
export const LABEL_FILES = {
  wick: { path: "lamplight/wick.txt", text: `Title: Trimming the Wick\nAuthor: Wren Hollis\nSection: ${LABEL_FANDOM}\nRating: General Audiences\n\nOrla trimmed the wick before the fog came in, as her mother had taught her.\n` },
  ledger: { path: "lamplight/ledger.txt", text: `Title: The Ember Ledger\nAuthor: Wren Hollis\nSection: ${LABEL_FANDOM}, Tidewater Saga\n\nEvery lamp on the quay had a line in the ledger, and every line a name.\n` },
  quiet: { path: "lamplight/quiet.txt", text: "Title: Quiet Harbour\nAuthor: Pell Marsh\n\nNobody lit anything that night; the harbour slept in the dark.\n" },
  shore: { path: "harbour/shore.txt", text: `Title: The Far Shore\nAuthor: Pell Marsh\nSection: ${LABEL_FANDOM}\n\nA lamp on the far shore answered hers, once, and went out.\n` },
} as const;
export type LabelKey = keyof typeof LABEL_FILES;

/** Writes the files under a new temporary folder. @returns the folder (the caller removes it). */
export async function writeLabelFiles(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "quire-labels-"));
  for (const folder of ["lamplight", "harbour"]) await mkdir(join(root, folder));
  for (const { path, text } of Object.values(LABEL_FILES)) await writeFile(join(root, path), text);
  return root;
}

/** Imports the folders under `root` (again, when called again). @returns the works' ids by key. */
export async function importLabelFiles(quire: Quire, root: string): Promise<Record<LabelKey, number>> {
  await importFiles({ library: quire.library, parser: inProcessParser }, [join(root, "lamplight"), join(root, "harbour")]);
  const rows = await quire.library.db.selectFrom("work_sources").select(["path", "work_id"]).where("role", "=", "primary").execute();
  const ids = {} as Record<LabelKey, number>;
  for (const key of Object.keys(LABEL_FILES) as LabelKey[]) {
    const row = rows.find((r) => r.path === join(root, LABEL_FILES[key].path));
    if (!row) throw new Error(`${key} was not imported`);
    ids[key] = row.work_id;
  }
  return ids;
}
