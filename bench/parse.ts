/**
 * `npm run bench`: parsing throughput for 1, 10 and 50 MB inputs of each format, on synthetic stories built here
 * (deterministic, so runs compare). Prints MB/s per format and size (the median of several runs below 50 MB),
 * and the machine it ran on. Targets from the
 * importer issue: at least 25 MB/s for text, 10 MB/s for HTML, and time growing linearly with size.
 */
import { performance } from "node:perf_hooks";
import yazl from "yazl";
import { parseStory, type StoryFormat } from "../src/importers/parse-story.js";
import type { ParsedWork } from "../src/domain/work.js";
import { machineLine } from "./machine.js";

const SIZES_MB = [1, 10, 50];
const WORDS = ("the night was quiet and the old house creaked as she climbed the stairs with a candle in one hand " +
  "he had said he would wait by the river but the river was empty and the moon was low over the water " +
  "nobody spoke for a long time then someone laughed and the spell was broken at last").split(" ");

function prose(words: number, seed: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[state % WORDS.length] ?? "the");
  }
  const sentence = out.join(" ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function chapters(totalBytes: number, render: (n: number, paragraphs: string[]) => string): string[] {
  const parts: string[] = [];
  let size = 0;
  for (let n = 1; size < totalBytes; n += 1) {
    const paragraphs = Array.from({ length: 40 }, (_, k) => prose(60 + (k % 5) * 20, n * 100 + k));
    const chapter = render(n, paragraphs);
    parts.push(chapter);
    size += Buffer.byteLength(chapter);
  }
  return parts;
}

const HEADER = "Title: The Long Benchmark\nAuthor: Bench Writer\nFandom: Original Work\nRating: PG-13\nWarnings: none\nSummary: A story made of many chapters.\n\n---\n\n";

async function makeInput(format: StoryFormat, megabytes: number): Promise<{ bytes: Buffer; name: string }> {
  const target = megabytes * 1024 * 1024;
  switch (format) {
    case "text":
      return { name: "bench.txt", bytes: Buffer.from(HEADER + chapters(target, (n, p) => `Chapter ${n}: Part ${n}\n\n${p.join("\n\n")}\n\n* * *\n\n`).join("")) };
    case "markdown":
      return { name: "bench.md", bytes: Buffer.from(`---\ntitle: The Long Benchmark\nauthor: Bench Writer\nrating: T\n---\n\n${chapters(target, (n, p) => `## Chapter ${n}\n\n${p.map((x) => x.replace(/ quiet /gu, " *quiet* ")).join("\n\n")}\n\n***\n\n`).join("")}`) };
    case "html":
      return { name: "bench.html", bytes: Buffer.from(`<html><head><title>The Long Benchmark</title></head><body><h1>The Long Benchmark</h1><p>by Bench Writer</p><p><b>Rating:</b> PG-13<br><b>Fandom:</b> Original Work</p><hr>${chapters(target, (n, p) => `<h2>Chapter ${n}</h2>\n${p.map((x) => `<p>${x.replace(/ quiet /gu, " <i>quiet</i> ")}</p>`).join("\n")}\n<hr>\n`).join("")}</body></html>`) };
    case "epub":
      return { name: "bench.epub", bytes: await makeEpub(chapters(target, (n, p) => `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter ${n}</title></head><body><h2>Chapter ${n}</h2>${p.map((x) => `<p>${x}</p>`).join("\n")}</body></html>`)) };
  }
}

async function makeEpub(files: readonly string[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from("application/epub+zip"), "mimetype", { compress: false });
  zip.addBuffer(Buffer.from(`<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`), "META-INF/container.xml");
  const items = files.map((_, i) => `<item id="c${i}" href="c${i}.xhtml" media-type="application/xhtml+xml"/>`).join("");
  const spine = files.map((_, i) => `<itemref idref="c${i}"/>`).join("");
  zip.addBuffer(Buffer.from(`<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Long Benchmark</dc:title><dc:creator>Bench Writer</dc:creator><dc:language>en</dc:language></metadata><manifest>${items}</manifest><spine>${spine}</spine></package>`), "OEBPS/content.opf");
  files.forEach((file, i) => zip.addBuffer(Buffer.from(file), `OEBPS/c${i}.xhtml`));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  console.log(machineLine("quire parse benchmark"));
  console.log("format     size   input MB   seconds    MB/s   chapters   words");
  for (const format of ["text", "markdown", "html", "epub"] as const) {
    // One small untimed run first, so the figures are steady-state throughput rather than JIT warm-up.
    const warmUp = await makeInput(format, 0.2);
    await parseStory(warmUp.bytes, warmUp.name);
    for (const megabytes of SIZES_MB) {
      const { bytes, name } = await makeInput(format, megabytes);
      // The story text is what the size targets are about; for EPUB that is the uncompressed chapters.
      const inputMb = format === "epub" ? megabytes : bytes.byteLength / 2 ** 20;
      // The median of several runs for the smaller sizes, where one garbage collection would swing the figure.
      const runs = megabytes >= 50 ? 1 : megabytes >= 10 ? 3 : 7;
      const times: number[] = [];
      let work: ParsedWork | undefined;
      for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        work = (await parseStory(bytes, name)).work;
        times.push((performance.now() - start) / 1000);
      }
      const seconds = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
      if (!work) continue;
      console.log(`${format.padEnd(9)} ${`${megabytes} MB`.padStart(5)} ${inputMb.toFixed(1).padStart(10)} ${seconds.toFixed(2).padStart(9)} ${(inputMb / seconds).toFixed(1).padStart(7)} ${String(work.chapters.length).padStart(10)} ${String(work.wordCount).padStart(8)}`);
    }
  }
}

await main();
