/**
 * epubcheck, the EPUB validator (Debian's package installs it as a jar at /usr/bin/epubcheck; QUIRE_EPUBCHECK
 * names another). A Java start costs seconds, so the books are checked in one start where the JDK can launch
 * EpubcheckBatch.java from source; with a bare Java runtime, one start per book, two at a time.
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { missingTool } from "../../scripts/missing-tool.js";

const run = promisify(execFile);
export const EPUBCHECK_JAR = process.env.QUIRE_EPUBCHECK ?? "/usr/bin/epubcheck";
const BATCH_SOURCE = join(import.meta.dirname, "EpubcheckBatch.java");
const OUTPUT_LIMIT = 64 * 1024 * 1024;

export interface EpubcheckResult {
  file: string;
  fatals: number;
  errors: number;
  warnings: number;
  /** What epubcheck printed about the file. */
  messages: string[];
}

/** Why epubcheck cannot run here, or null when it can. */
export async function epubcheckUnavailable(): Promise<string | null> {
  const missing = missingTool("epubcheck", EPUBCHECK_JAR, "install Debian's epubcheck package or set QUIRE_EPUBCHECK to its jar", constants.R_OK);
  if (missing) return missing;
  try {
    await run("java", ["-version"]);
    return null;
  } catch {
    return "no java on the PATH to run epubcheck: install Debian's default-jre-headless";
  }
}

/** Checks every file; the results in the order given. */
export async function epubcheckAll(files: readonly string[]): Promise<EpubcheckResult[]> {
  const batch = await checkInOneStart(files);
  if (batch) return batch;
  const results: EpubcheckResult[] = [];
  for (let start = 0; start < files.length; start += 2) results.push(...(await Promise.all(files.slice(start, start + 2).map(checkOne))));
  return results;
}

async function checkInOneStart(files: readonly string[]): Promise<EpubcheckResult[] | null> {
  let stdout: string;
  try {
    ({ stdout } = await run("java", ["-cp", EPUBCHECK_JAR, BATCH_SOURCE, ...files], { maxBuffer: OUTPUT_LIMIT }));
  } catch (error) {
    // Without the JDK's compiler the source launcher cannot start; anything else is a real failure.
    const output = error instanceof Error && "stdout" in error ? String(error.stdout) : "";
    if (!output.includes("RESULT\t")) return null;
    stdout = output;
  }
  const results: EpubcheckResult[] = [];
  let messages: string[] = [];
  for (const line of stdout.split("\n")) {
    const [kind, file, fatals, errors, warnings] = line.split("\t");
    if (kind === "FILE") messages = [];
    else if (kind === "RESULT" && file) results.push({ file, fatals: Number(fatals), errors: Number(errors), warnings: Number(warnings), messages });
    else if (/^(?:FATAL|ERROR|WARNING)/u.test(line)) messages.push(line);
  }
  return results.length === files.length ? results : null;
}

async function checkOne(file: string): Promise<EpubcheckResult> {
  let output: string;
  try {
    const { stdout, stderr } = await run("java", ["-jar", EPUBCHECK_JAR, file, "-w"], { maxBuffer: OUTPUT_LIMIT });
    output = `${stdout}\n${stderr}`;
  } catch (error) {
    output = error instanceof Error && "stdout" in error && "stderr" in error ? `${String(error.stdout)}\n${String(error.stderr)}` : String(error);
  }
  const messages = output.split("\n").filter((line) => /^(?:FATAL|ERROR|WARNING)/u.test(line));
  const count = (severity: string) => messages.filter((m) => m.startsWith(severity)).length;
  return { file, fatals: count("FATAL"), errors: count("ERROR"), warnings: count("WARNING"), messages };
}
