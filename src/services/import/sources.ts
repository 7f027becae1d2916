/**
 * The files an import reads: paths given by the user, folders walked recursively, and the entries of `.zip`
 * archives. Files are listed lazily and read one at a time, so an import of a million files holds one list of
 * names per folder and a few files' bytes, never the whole input.
 */
import { opendir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import yauzl from "yauzl";
import { ZIP_ENTRY } from "../../domain/import-batch.js";
import { MAX_STORY_BYTES } from "../../importers/parse-story.js";

export interface SourceFile {
  /** Identity across imports: the absolute path, or `…/archive.zip!/path/in/zip`. */
  path: string;
  /** How reports name the file: relative to the working folder when inside it. */
  display: string;
  size: number;
  /** The file's bytes. Read each file before asking the listing for the next one (zip entries need it). */
  read(): Promise<Uint8Array>;
}

/** A path that could not be listed or a file that cannot be read at all. */
export interface SourceProblem {
  display: string;
  error: string;
}

export type SourceItem = SourceFile | SourceProblem;

/** System clutter that is never a story: skipped without a report. */
function isClutter(name: string): boolean {
  return name.startsWith(".") || name === "__MACOSX" || /^(?:thumbs\.db|desktop\.ini)$/iu.test(name);
}

function isArchive(name: string): boolean {
  return extname(name).toLowerCase() === ".zip";
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside.length > 0 && !inside.startsWith("..") && !inside.startsWith(sep) ? inside : path;
}

/**
 * Lists every story file under the paths, depth first in name order (so runs are repeatable).
 * @example for await (const item of listSources(["fics/"])) if ("read" in item) await item.read();
 */
export async function* listSources(paths: readonly string[], cwd = process.cwd()): AsyncGenerator<SourceItem> {
  const visited = new Set<string>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { display: given, error: describeFileError(error) };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path, cwd, visited);
    else yield* fileOrArchive(path, info.size, info.isFile(), cwd);
  }
}

async function* walkFolder(folder: string, cwd: string, visited: Set<string>): AsyncGenerator<SourceItem> {
  const identity = await stat(folder).then((s) => `${s.dev}:${s.ino}`);
  // A symbolic link back up the tree would otherwise walk forever.
  if (visited.has(identity)) return;
  visited.add(identity);
  let names: string[];
  try {
    names = [];
    for await (const entry of await opendir(folder)) if (!isClutter(entry.name)) names.push(entry.name);
  } catch (error) {
    yield { display: displayPath(folder, cwd), error: describeFileError(error) };
    return;
  }
  for (const name of names.sort()) {
    const path = join(folder, name);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { display: displayPath(path, cwd), error: describeFileError(error) };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path, cwd, visited);
    else yield* fileOrArchive(path, info.size, info.isFile(), cwd);
  }
}

async function* fileOrArchive(path: string, size: number, regular: boolean, cwd: string): AsyncGenerator<SourceItem> {
  const display = displayPath(path, cwd);
  // A FIFO or device would never end; a huge file would be read only to be refused.
  if (!regular) yield { display, error: "not a regular file" };
  else if (isArchive(path)) yield* zipEntries(path, display);
  else if (size > MAX_STORY_BYTES) yield { display, error: `file is larger than ${MAX_STORY_BYTES / 1048576} MB` };
  else yield { path, display, size, read: () => readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) };
}

async function* zipEntries(path: string, display: string): AsyncGenerator<SourceItem> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolvePromise, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, file) => (error || !file ? reject(error ?? new Error("unreadable")) : resolvePromise(file))),
    );
  } catch (error) {
    yield { display, error: `not a readable zip archive (${error instanceof Error ? error.message : String(error)})` };
    return;
  }
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) return;
      const name = entry.fileName;
      if (name.endsWith("/") || name.split("/").some(isClutter)) continue;
      const entryDisplay = `${display}${ZIP_ENTRY}${name}`;
      if (entry.uncompressedSize > MAX_STORY_BYTES) yield { display: entryDisplay, error: `file is larger than ${MAX_STORY_BYTES / 1048576} MB` };
      else yield { path: `${path}${ZIP_ENTRY}${name}`, display: entryDisplay, size: entry.uncompressedSize, read: () => readEntry(zip, entry) };
    }
  } catch (error) {
    yield { display, error: `damaged zip archive (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolvePromise, reject) => {
    const cleanup = () => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolvePromise(entry));
    const onEnd = () => (cleanup(), resolvePromise(null));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Uint8Array> {
  return new Promise((resolvePromise, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(new Error(`cannot read ${basename(entry.fileName)} in the archive`));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // yauzl fails an entry that inflates to more than it declared: a zip bomb ends here.
      stream.on("error", (e: Error) => reject(new Error(`damaged entry in the archive (${e.message})`)));
      stream.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolvePromise(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
    });
  });
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many symbolic links",
};

function describeFileError(error: unknown): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  return FILE_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
}

