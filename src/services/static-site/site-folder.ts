/**
 * The folder a static site is written to. The site is written whole into a folder of its own inside OUT, then moved
 * into place file by file, so an export that fails leaves the previous one as it was. A marker file in OUT lists
 * every file an export wrote: the next export removes exactly those, so files the user added beside the site stay,
 * and a folder that holds anything else (and no marker) is refused rather than cleared.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { QuireError } from "../../domain/errors.js";

/** In OUT: the list of the files the last export wrote. */
export const SITE_MARKER = ".quire-site.json";
/** In OUT: where an export is written before it moves into place. */
const STAGING = ".quire-site-staging";

/** OUT holds files that are not a previous export's. */
export class SiteFolderError extends QuireError<"site-folder"> {
  constructor(message: string) {
    super("site-folder", message);
  }
}

interface Marker {
  generator: "quire export-site";
  files: string[];
}

function isMarker(value: unknown): value is Marker {
  if (typeof value !== "object" || value === null) return false;
  const files: unknown = Reflect.get(value, "files");
  return Reflect.get(value, "generator") === "quire export-site" && Array.isArray(files) && files.every((f) => typeof f === "string");
}

/** A path of the site: relative, forward slashes, never climbing out of OUT. */
function checkedPath(path: string): string {
  const normal = posix.normalize(path);
  if (normal !== path || path.startsWith("/") || path.split("/").some((part) => part === ".." || part === "" || part === ".")) {
    throw new Error(`not a path inside the site: ${path}`);
  }
  return path;
}

async function readMarker(out: string): Promise<Marker | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(out, SITE_MARKER), "utf8"));
    return isMarker(parsed) ? parsed : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

async function listEntries(out: string): Promise<string[]> {
  try {
    return await readdir(out);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
}

async function writeMarker(out: string, files: readonly string[]): Promise<void> {
  const marker: Marker = { generator: "quire export-site", files: [...files].sort() };
  await writeFile(join(out, SITE_MARKER), `${JSON.stringify(marker, null, 1)}\n`);
}

/** Removes the folders of `files` that are left empty, deepest first, never OUT itself. */
async function pruneEmptyFolders(out: string, files: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) for (let folder = posix.dirname(file); folder !== "."; folder = posix.dirname(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => b.split("/").length - a.split("/").length)) {
    if ((await listEntries(join(out, folder))).length === 0) await rmdir(join(out, folder)).catch(() => undefined);
  }
}

export interface SiteFolder {
  write(path: string, body: string | Uint8Array): Promise<void>;
  /** Moves the new site into place, in place of the previous export's files. @returns the files written. */
  commit(): Promise<string[]>;
  /** Throws the staged files away; OUT is as it was. */
  abandon(): Promise<void>;
}

/**
 * Opens OUT for a new export: a folder that does not exist yet, an empty one, or a previous export's.
 * @throws SiteFolderError when OUT holds other files and no marker.
 */
export async function openSiteFolder(out: string): Promise<SiteFolder> {
  const previous = await readMarker(out);
  // Without our marker, a folder named like our staging one is the user's, and it is not ours to clear.
  const others = (await listEntries(out)).filter((entry) => entry !== SITE_MARKER && (previous === null || entry !== STAGING));
  if (!previous && others.length > 0) {
    throw new SiteFolderError(`${out} is not empty and holds no earlier export (no ${SITE_MARKER}): choose an empty or new folder`);
  }
  const staging = join(out, STAGING);
  if (previous) {
    // A staging folder left by an export that stopped halfway is that export's, and worth nothing now.
    await rm(staging, { recursive: true, force: true });
  } else {
    // Marked before the staging folder exists, so that a first export stopped halfway leaves a folder the next
    // export knows as its own.
    await mkdir(out, { recursive: true });
    await writeMarker(out, []);
  }
  await mkdir(staging, { recursive: true });
  const written = new Set<string>();
  return {
    write: async (path, body) => {
      const file = join(staging, checkedPath(path));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body);
      written.add(path);
    },
    commit: async () => {
      const files = [...written].sort();
      const old = (previous?.files ?? []).map(checkedPath);
      // Listed before anything moves, so a stop halfway leaves no file of ours that the next export would not remove.
      await writeMarker(out, [...new Set([...old, ...files])]);
      const gone = old.filter((file) => !written.has(file));
      for (const file of gone) await rm(join(out, file), { force: true });
      await pruneEmptyFolders(out, gone);
      for (const file of files) {
        await mkdir(dirname(join(out, file)), { recursive: true });
        await rename(join(staging, file), join(out, file));
      }
      await writeMarker(out, files);
      await rm(staging, { recursive: true, force: true });
      return files;
    },
    abandon: async () => {
      await rm(staging, { recursive: true, force: true });
      if (!previous) await rm(join(out, SITE_MARKER), { force: true });
    },
  };
}
