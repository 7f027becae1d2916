/** Zips a fixture folder into an EPUB in memory: `mimetype` first and stored, as the EPUB container requires. */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import yazl from "yazl";

export async function zipFolder(folder: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const files = (await listFiles(folder)).sort((a, b) => (a === "mimetype" ? -1 : b === "mimetype" ? 1 : a.localeCompare(b)));
  for (const file of files) {
    zip.addBuffer(await readFile(join(folder, file)), file, { compress: file !== "mimetype", mtime: new Date(0) });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listFiles(folder: string, root = folder): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(folder, e.name), root) : [relative(root, join(folder, e.name)).split("\\").join("/")])));
  return nested.flat();
}
