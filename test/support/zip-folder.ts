/** Zips fixtures into EPUBs in memory: `mimetype` first and stored, as the EPUB container requires. */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import yazl from "yazl";

export async function zipEntries(entries: readonly (readonly [string, Buffer | string])[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const ordered = [...entries].sort(([a], [b]) => (a === "mimetype" ? -1 : b === "mimetype" ? 1 : 0));
  for (const [name, content] of ordered) zip.addBuffer(Buffer.from(content), name, { compress: name !== "mimetype", mtime: new Date(0) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An EPUB fixture kept as a folder (`name.epub.d/`), zipped. */
export async function zipFolder(folder: string): Promise<Buffer> {
  const files = (await listFiles(folder)).sort((a, b) => a.localeCompare(b));
  return zipEntries(await Promise.all(files.map(async (file) => [file, await readFile(join(folder, file))] as const)));
}

async function listFiles(folder: string, root = folder): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(folder, e.name), root) : [relative(root, join(folder, e.name)).split("\\").join("/")])));
  return nested.flat();
}
