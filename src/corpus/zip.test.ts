import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { storedZip } from "./zip.js";

interface ReadEntry {
  name: string;
  method: number;
  text: string;
}

/** Reads every entry with yauzl, checking sizes and CRCs as it goes (yauzl fails an entry whose CRC is wrong). */
async function readZip(bytes: Uint8Array): Promise<ReadEntry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error || !file ? reject(error ?? new Error("no zip")) : resolve(file))),
  );
  const entries: ReadEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error("no stream"));
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", reject);
        stream.on("end", () => {
          entries.push({ name: entry.fileName, method: entry.compressionMethod, text: Buffer.concat(chunks).toString("utf8") });
          zip.readEntry();
        });
      });
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  return entries;
}

describe("storedZip", () => {
  it("writes a zip that a zip reader opens, with every entry stored and in order", async () => {
    const encoder = new TextEncoder();
    const bytes = storedZip([
      { name: "mimetype", data: encoder.encode("application/epub+zip") },
      { name: "OEBPS/chapter-001.xhtml", data: encoder.encode("<p>Éponine waited — “not yet”.</p>") },
      { name: "empty.txt", data: new Uint8Array() },
    ]);
    const entries = await readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(["mimetype", "OEBPS/chapter-001.xhtml", "empty.txt"]);
    expect(entries.every((e) => e.method === 0)).toBe(true);
    expect(entries[1]?.text).toBe("<p>Éponine waited — “not yet”.</p>");
    // The EPUB container's rule: "mimetype" at offset 30, readable without unzipping.
    expect(new TextDecoder().decode(bytes.subarray(30, 38))).toBe("mimetype");
    expect(new TextDecoder().decode(bytes.subarray(38, 58))).toBe("application/epub+zip");
  });

  it("is byte-identical for the same entries", () => {
    const entries = [{ name: "a.txt", data: new TextEncoder().encode("same") }];
    expect(storedZip(entries)).toEqual(storedZip(entries));
  });
});
