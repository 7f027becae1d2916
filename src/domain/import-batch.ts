/**
 * An import batch: the works whose files came from one folder or one zip archive. Quire records each file's path
 * (work_sources), not the run that read it, and an archive being rescued arrives as a folder or a zip, so the
 * place a file came from is what groups the works an archivist reviews together and makes rules for.
 */

/** Where the zip entries' paths split: `/archives/old.zip!/fics/story.txt`. */
export const ZIP_ENTRY = "!/";

/**
 * The batch of a file by its recorded path: the zip archive for an entry of one, else the folder that holds it.
 * @example importBatchOf("/rescue/lists/story.txt") // "/rescue/lists"
 * @example importBatchOf("/rescue/old.zip!/fics/story.txt") // "/rescue/old.zip"
 */
export function importBatchOf(path: string): string {
  const entry = path.indexOf(ZIP_ENTRY);
  if (entry >= 0) return path.slice(0, entry);
  const slash = path.lastIndexOf("/");
  return slash > 0 ? path.slice(0, slash) : "/";
}

/**
 * How to recognise a batch's files by their paths: those that start with `prefix`, and, for a folder, hold no
 * further "/" after it (a subfolder is a batch of its own); every entry of a zip archive is in its batch.
 */
export function batchPathPrefix(batch: string): { prefix: string; nested: boolean } {
  if (/\.zip$/iu.test(batch)) return { prefix: `${batch}${ZIP_ENTRY}`, nested: true };
  return { prefix: batch === "/" ? "/" : `${batch}/`, nested: false };
}
