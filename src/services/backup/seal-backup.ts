/**
 * Makes a finished backup the file of its name. It becomes readable by its owner alone, since it holds password
 * digests, e-mail addresses and drafts. Its bytes reach the disk before the rename, and the rename reaches the
 * disk after: a power cut at any moment leaves either the previous backup or this one, never an empty file in its
 * place.
 */
import { chmod, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

export const BACKUP_FILE_MODE = 0o600;

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function seal(partial: string, file: string): Promise<void> {
  await chmod(partial, BACKUP_FILE_MODE);
  await syncPath(partial);
  await rename(partial, file);
  await syncPath(dirname(file));
}

/**
 * Writes a backup beside `file` (`write` gets the path to fill), then seals it under `file`'s name; a write that
 * fails leaves no partial file behind and `file` as it was.
 */
export async function writeSealed<T>(file: string, write: (partial: string) => Promise<T>): Promise<T> {
  const partial = `${file}.partial`;
  try {
    await rm(partial, { force: true });
    const result = await write(partial);
    await seal(partial, file);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
