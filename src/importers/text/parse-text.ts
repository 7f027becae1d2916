/** Plain-text story files. */
import type { ParsedWork } from "../../domain/work.js";
import { assembleFromBlocks } from "../assemble.js";
import { WorkMetadata } from "../metadata/work-metadata.js";
import { textToBlocks } from "./blocks.js";

export function parseTextStory(text: string): ParsedWork {
  return assembleFromBlocks(new WorkMetadata(), textToBlocks(text));
}
