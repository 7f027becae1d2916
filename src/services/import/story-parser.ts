/**
 * Parsing as the import sees it: bytes in, a parsed and tagged work with its fingerprint and signature out. Two
 * implementations: in this thread (tests, single files) and a pool of worker threads (bulk imports; see
 * parser-pool.ts). Tagging uses the library's vocabulary, so what wranglers taught it applies to the next import.
 */
import { QuireError } from "../../domain/errors.js";
import { signStory, type SignedStory } from "../../domain/near-duplicates/near-duplicates.js";
import { storyFingerprint } from "../../importers/fingerprint.js";
import { parseStory, type ParseResult } from "../../importers/parse-story.js";
import { tagWork } from "../../tags/tag-work.js";
import type { Vocabulary } from "../../tags/vocabulary.js";

export interface ParsedStory extends ParseResult {
  fingerprint: string;
  /** For finding near-duplicates: made here, in the parser's thread, rather than in the thread that stores. */
  signature: SignedStory;
}

export interface StoryParser {
  /** How many files it parses at once. */
  readonly concurrency: number;
  /** @throws QuireError with the reason the file is not a story. */
  parse(bytes: Uint8Array, fileName: string): Promise<ParsedStory>;
  close(): Promise<void>;
}

/** Parses, then tags with `vocabulary` when one is given (null: the file's own tags, as written). */
export async function parseStoryWithFingerprint(bytes: Uint8Array, fileName: string, vocabulary: Vocabulary | null): Promise<ParsedStory> {
  const result = await parseStory(bytes, fileName);
  const work = vocabulary ? tagWork(result.work, vocabulary) : result.work;
  return { ...result, work, fingerprint: storyFingerprint(result.work.chapters), signature: signStory(result.work.chapters.map((c) => c.text)) };
}

/** Parses in this thread, without tagging: for tests of what the importer itself reads. */
export const inProcessParser: StoryParser = {
  concurrency: 1,
  parse: (bytes, fileName) => parseStoryWithFingerprint(bytes, fileName, null),
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
