/**
 * Validates feeds against the RELAX NG schemas of Atom (RFC 4287, Appendix B) and OPDS 1.2 (its Appendix B), kept
 * in test/fixtures/schemas/, with jing, which reads the compact syntax. Several documents go to one jing run, since
 * starting the JVM costs far more than validating. Where jing is missing, the tests that need it skip with the reason.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { missingTool } from "../../scripts/missing-tool.js";

const JING = process.env.QUIRE_JING ?? "/usr/bin/jing";
const SCHEMAS = fileURLToPath(new URL("../fixtures/schemas/", import.meta.url));

export type FeedSchema = "atom" | "opds";
const SCHEMA_FILES: Readonly<Record<FeedSchema, string>> = { atom: "atom.rnc", opds: "opds-1.2.rnc" };

/** Why jing cannot run here, or null when it can. */
export function jingUnavailable(): string | null {
  return missingTool("jing", JING, "install Debian's jing package or set QUIRE_JING to a jing executable");
}

/**
 * Each document's schema errors, by its name; a valid document has none. jing names the file in every error line,
 * which is how each error finds its document.
 */
export async function validateFeeds(schema: FeedSchema, documents: ReadonlyMap<string, string>): Promise<Map<string, string[]>> {
  const folder = await mkdtemp(join(tmpdir(), "quire-feeds-"));
  try {
    const files = new Map<string, string>();
    let n = 0;
    for (const [name, xml] of documents) {
      const file = join(folder, `${(n += 1)}.xml`);
      files.set(file, name);
      await writeFile(file, xml);
    }
    // jing exits 1 with an error line per fault when a document is invalid; any other failure (no JVM, a schema it
    // cannot read, output past the buffer) must fail the test rather than pass every document as valid.
    const output = await new Promise<string>((resolve, reject) => {
      execFile(JING, ["-c", join(SCHEMAS, SCHEMA_FILES[schema]), ...files.keys()], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error && (error.code !== 1 || stdout.trim() === "")) reject(new Error(`jing failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      });
    });
    const errors = new Map<string, string[]>([...documents.keys()].map((name) => [name, []]));
    for (const line of output.split("\n").filter((l) => l.trim() !== "")) {
      const file = [...files.keys()].find((f) => line.startsWith(`${f}:`));
      const name = file === undefined ? undefined : files.get(file);
      if (name === undefined) throw new Error(`jing said: ${line}`);
      errors.get(name)?.push(line.slice((file ?? "").length + 1));
    }
    return errors;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
