/** Markdown story files, with or without YAML front matter. */
import MarkdownIt from "markdown-it";
import { parse as parseYaml } from "yaml";
import type { ParsedWork } from "../../domain/work.js";
import { assembleFromBlocks } from "../assemble.js";
import { htmlStringToBlocks } from "../html/blocks.js";
import { applyLabelledField } from "../metadata/apply-field.js";
import { WorkMetadata } from "../metadata/work-metadata.js";

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u;
// Inline HTML is allowed, as authors use it for emphasis; the sanitizer cleans the result like any HTML. Soft
// breaks become <br> so that header lines stay lines; hard-wrapped prose is unwrapped like plain text.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: true });

export function hasFrontMatter(text: string): boolean {
  const match = FRONT_MATTER.exec(text);
  return match !== null && /^[\p{L}][\p{L} _'/()-]*:/mu.test(match[1] ?? "");
}

export function parseMarkdownStory(text: string): ParsedWork {
  const meta = new WorkMetadata();
  const match = FRONT_MATTER.exec(text);
  let body = text;
  if (match && hasFrontMatter(text)) {
    readFrontMatter(match[1] ?? "", meta);
    body = text.slice(match[0].length);
  }
  return assembleFromBlocks(meta, htmlStringToBlocks(markdown.render(body)));
}

function readFrontMatter(yaml: string, meta: WorkMetadata): void {
  let data: unknown;
  try {
    // maxAliasCount guards against alias bombs ("billion laughs" in YAML).
    data = parseYaml(yaml, { maxAliasCount: 50, prettyErrors: false });
  } catch {
    return; // Front matter that is not YAML is left alone; the body still parses.
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return;
  for (const [key, raw] of Object.entries(data)) {
    const value = toValue(raw);
    if (value === null) continue;
    const evidence = { source: "header" as const, evidence: `${key}: ${typeof value === "string" ? value : value.join(", ")}` };
    if (!applyLabelledField(meta, key, value, evidence)) meta.addExtra(key, typeof value === "string" ? value : value.join(", "));
  }
}

function toValue(raw: unknown): string | string[] | null {
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return String(raw);
  if (Array.isArray(raw)) return raw.map((item) => toValue(item)).flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [v]));
  return null;
}
