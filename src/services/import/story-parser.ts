/**
 * Parsing as the import sees it: bytes in, a parsed work with its fingerprint out. Two implementations: in this
 * thread (tests, single files) and a pool of worker threads (bulk imports; see parser-pool.ts).
 */
import { QuireError } from "../../domain/errors.js";
import { storyFingerprint } from "../../importers/fingerprint.js";
import { parseStory, type ParseResult } from "../../importers/parse-story.js";

export interface ParsedStory extends ParseResult {
  fingerprint: string;
}

export interface StoryParser {
  /** How many files it parses at once. */
  readonly concurrency: number;
  /** @throws QuireError with the reason the file is not a story. */
  parse(bytes: Uint8Array, fileName: string): Promise<ParsedStory>;
  close(): Promise<void>;
}

export async function parseStoryWithFingerprint(bytes: Uint8Array, fileName: string): Promise<ParsedStory> {
  const result = await parseStory(bytes, fileName);
  return { ...result, fingerprint: storyFingerprint(result.work.chapters) };
}

export const inProcessParser: StoryParser = {
  concurrency: 1,
  parse: parseStoryWithFingerprint,
  close: async () => undefined,
};

/** A parse failure as it crosses a thread boundary: errors lose their class there. */
export interface ParseFailure {
  code: string;
  message: string;
}

export function toParseFailure(error: unknown): ParseFailure {
  if (error instanceof QuireError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "parser-error", message: `the parser failed: ${message.split("\n")[0] ?? ""}` };
}
