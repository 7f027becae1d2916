/**
 * Author's notes and end markers at the edges of a chapter. `A/N:` paragraphs at the start are the chapter's
 * notes (with a paragraph that continues them); at the end they, and closing lines like "Thank you for reading.",
 * are its end notes. End markers (`The End`, `TBC`) leave the text and tell the status.
 */
import { blockText, hasAtMostWords, paragraph, type Block } from "../document.js";
import type { WorkStatus } from "../../domain/work.js";

export interface ChapterEdges {
  blocks: Block[];
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  disclaimer: string | null;
  /** What the chapter's last end marker says about the work, if it has one. */
  endMarker: Exclude<WorkStatus, "unknown"> | null;
  /** The end marker as written, for provenance. */
  endMarkerText: string | null;
}

const NOTE_LABEL = /^\s*[([]?\s*(?:a\/n|a\.n\.|an|author'?s'? ?notes?|authors? notes?|n\/a|notes?|end notes?|story notes|nota(?:s)?(?: de(?:l| la)? autor[a]?| da autora| do autor| dell'autor[ei]| dell'autrice)?|note de l'auteur(?:e)?|notes de l'auteur|anmerkung(?:en)?(?: der autorin| des autors)?|примечани[ея](?: автора)?)\s*[:.\-–—]\s*/iu;
const END_NOTE_LABEL = /^\s*(?:end notes?|chapter end notes|notas finales|notes de fin|schlussbemerkung)\s*:?/iu;
const SUMMARY_LABEL = /^\s*(?:chapter summary|summary|resumen|résumé|zusammenfassung|resumo|riassunto)\s*:\s*/iu;
const DISCLAIMER_LABEL = /^\s*(?:disclaimer|descargo|haftungsausschluss|avertissement légal)\s*:\s*/iu;

// A note's next paragraph belongs to it when it reads like a note: thanks, betas, sequels, requests to review.
const NOTE_CONTINUATION = /^(?:also|p\.?s\.?|thanks|thank you|many thanks|special thanks|big thanks|huge thanks|dedicated|this (?:is|was|fic|story|chapter)|i (?:hope|wrote|don't|do not|own)|hope you|enjoy|sorry|next chapter|the next chapter|sequel|a sequel|prequel|gracias|merci|danke|obrigad[ao]|grazie)\b|\b(?:beta|betaed|beta'd|betaing|beta-ing|sequel|prequel|review|reviews|feedback|comments?|kudos|next chapter|update)\b/iu;

const CLOSING_LINE = /^(?:thank(?:s| you)\b.{0,60}\b(?:reading|feedback|reviews?|reviewing|comments?|kudos)|please (?:review|comment|leave (?:a )?(?:review|comment|kudos))|(?:reviews?|feedback|comments?|concrit|kudos)\b.{0,30}(?:\blove\b|\bappreciated\b|\bwelcome\b|\bwelcomed\b|\bmake my day\b|\bplease\b|=)|r\s*&\s*r|read and review|cross-?posted (?:to|at|from)\b|gracias por leer|merci (?:de|d'avoir) lu|danke (?:fürs|für's) lesen|obrigad[ao] por ler|grazie per (?:aver letto|la lettura))/iu;

// Web-page furniture saved along with a story: navigation bars, comment links, hit counters, landmarks.
const FURNITURE = new RegExp(
  "^(?:" +
    [
      "(?:«|<<|‹)\\s*(?:prev(?:ious)?|part|chapter)\\b.*", ".*\\b(?:next|part \\d+|chapter \\d+)\\s*(?:»|>>|›)",
      "review this (?:chapter|story)", "leave a (?:comment|review)\\b.*", "\\d+ comments?(?:\\s*\\|.*)?", "(?:link\\s*\\|\\s*)?leave a comment.*",
      "chapter text", "back to\\b.{0,40}", "return to\\b.{0,40}", ".*\\b(?:hits|visitors?) since\\b.*", "post a comment", "share this entry",
      "actions", "reply", "link", "(?:previous|next) entry.*", "(?:kudos|bookmarks?|comments)\\s*(?:♥|\\(?\\d*\\)?)", ".* left kudos on this work!?",
      // LiveJournal and Dreamwidth entries
      "(?:current )?(?:mood|music|location)\\s*:.*", "tags\\s*:.*", "[\\w.-]+ wrote,?", "@ \\d{4}-\\d\\d-\\d\\d[\\d: ]*", "\\p{Lu}\\p{Ll}{2}\\.? \\d{1,2}(?:st|nd|rd|th)?, \\d{4} \\d{1,2}:\\d\\d ?(?:am|pm)",
      // Tumblr posts
      "keep reading", "[\\d,.]+k? notes?", ".+ reblogged this from .+", ".+ liked this", "\\S+ posted this", "#[^#\\s][^#]*(?:#[^#\\s][^#]*)+",
    ].join("|") +
    ")$",
  "iu",
);

export function isPageFurniture(text: string): boolean {
  if (text.length > 200) return false;
  if (text.includes("\n")) return text.split("\n").every((line) => line.trim() === "" || isPageFurniture(line));
  if (FURNITURE.test(text.trim())) return true;
  // "Prev | Index | Next", "Home | Fics | Links": every segment a navigation word.
  const segments = text.split(/\s*\|\s*/u);
  return segments.length >= 2 && segments.every((s) => /^(?:«|<<)?\s*(?:prev(?:ious)?(?: entry)?|next(?: entry)?|back(?: to \w+)?|index|home|fics?|links?|contents|top|reply|part \d+|chapter \d+|reviews?\s*\(?\d*\)?|\d*\s*comments?\s*\(?\d*\)?)\s*(?:»|>>)?$/iu.test(s));
}

const MARKER_DECORATION = "[\\s~*=_\\-·•.!…]*";
const COMPLETE_MARKER = new RegExp(`^${MARKER_DECORATION}[(（]?(?:the end|fin|finis|end|ende|fim|el fin|la fin|the very end|конец|完|全文完|终|終わり|おわり)[)）]?${MARKER_DECORATION}$`, "iu");
// "Continued in part two" is a marker; "Continued in September, the dig got colder." is a sentence: what follows
// "in" must be short and free of commas.
const CONTINUATION = "(?:\\s+(?:in|with)\\s+(?:\"[^\"]{1,60}\"|“[^”]{1,60}”|[^,;\"“]{1,40}))?";
const IN_PROGRESS_MARKER = new RegExp(`^${MARKER_DECORATION}(?:tbc${CONTINUATION}|t\\.b\\.c\\.?|to be continued${CONTINUATION}|continue[ds] in\\s+[^,;]{1,40}|more to come|continuará|continuara|à suivre|a suivre|fortsetzung folgt|continua|continuará\\.\\.\\.|to be cont'd)${MARKER_DECORATION}$`, "iu");
const NEUTRAL_MARKER = new RegExp(`^${MARKER_DECORATION}(?:end (?:of )?(?:chapter|part|section|ch\\.?)\\s*[\\w-]*|end of part \\w+)${MARKER_DECORATION}$`, "iu");

/** Which status an end-marker line declares, `neutral` for "End of Chapter 3", or null if it is story text. */
export function readEndMarker(line: string): Exclude<WorkStatus, "unknown"> | "neutral" | null {
  const text = line.trim();
  if (text.length > 80 || text.includes("\n")) return null;
  if (COMPLETE_MARKER.test(text)) return "complete";
  if (IN_PROGRESS_MARKER.test(text)) return "in-progress";
  if (NEUTRAL_MARKER.test(text)) return "neutral";
  return null;
}

export function isNoteParagraph(text: string): boolean {
  return NOTE_LABEL.test(text) || END_NOTE_LABEL.test(text);
}

export function stripNoteLabel(text: string): string {
  return text.replace(END_NOTE_LABEL, "").replace(NOTE_LABEL, "").replace(/[)\]]\s*$/u, (m) => (/^\s*[([]/u.test(text) ? "" : m)).trim();
}

/** Separates a chapter's notes, summary and end markers from its story text. */
export function extractChapterEdges(input: readonly Block[]): ChapterEdges {
  const blocks = trimBreaks(dropFurnitureAtEdges(splitLabelledLines([...input])));
  const edges: ChapterEdges = { blocks, summary: null, notes: null, endNotes: null, disclaimer: null, endMarker: null, endMarkerText: null };
  takeLeadingNotes(edges);
  takeTrailingNotes(edges);
  edges.blocks = trimBreaks(edges.blocks);
  return edges;
}

function takeLeadingNotes(edges: ChapterEdges): void {
  const notes: string[] = [];
  let inNote = false;
  // A label standing alone ("Author's Notes:" over the note, as eFiction prints it) takes the next paragraph.
  let labelOnly = false;
  while (edges.blocks.length > 1) {
    const first = edges.blocks[0];
    if (!first || first.kind === "break") break;
    const text = first.text.trim();
    if (SUMMARY_LABEL.test(text) && edges.summary === null && !inNote) {
      edges.summary = text.replace(SUMMARY_LABEL, "").trim();
    } else if (DISCLAIMER_LABEL.test(text) && edges.disclaimer === null) {
      edges.disclaimer = text.replace(DISCLAIMER_LABEL, "").trim();
    } else if (isNoteParagraph(text)) {
      const note = stripNoteLabel(text);
      if (note) notes.push(note);
      labelOnly = !note;
      inNote = true;
    } else if (labelOnly || (inNote && continuesNote(text))) {
      notes.push(text);
      labelOnly = false;
    } else {
      break;
    }
    edges.blocks.shift();
  }
  if (notes.length > 0) edges.notes = notes.join("\n\n");
}

function takeTrailingNotes(edges: ChapterEdges): void {
  const endNotes: string[] = takeSignature(edges.blocks);
  takeAfterword(edges, endNotes);
  const blocks = edges.blocks;
  // Scan back over the chapter's tail: end markers, closing lines and note paragraphs, in any order.
  for (;;) {
    trimTrailingBreaks(blocks);
    const last = blocks.at(-1);
    if (!last || last.kind === "break" || blocks.length <= 1) break;
    const text = last.text.trim();
    if (isPageFurniture(text)) {
      blocks.pop();
      continue;
    }
    const marker = readEndMarker(text);
    if (marker) {
      if (marker !== "neutral" && edges.endMarker === null) {
        edges.endMarker = marker;
        edges.endMarkerText = text;
      }
      blocks.pop();
      continue;
    }
    if (CLOSING_LINE.test(text) && hasAtMostWords(text, 40)) {
      endNotes.unshift(text);
      blocks.pop();
      continue;
    }
    const noteStart = findTrailingNoteStart(blocks);
    if (noteStart === null) break;
    endNotes.unshift(...blocks.splice(noteStart).map((b, k) => (k === 0 ? stripNoteLabel(blockText(b)) : blockText(b).trim())));
  }
  const kept = endNotes.filter((n) => n && readEndMarker(n) === null && n !== "* * *");
  if (kept.length > 0) edges.endNotes = kept.join("\n\n");
}

// A mail signature: the "--" line and the short lines after it at the very end (a list's footer included).
function takeSignature(blocks: Block[]): string[] {
  for (let i = blocks.length - 1; i >= Math.max(1, blocks.length - 10); i -= 1) {
    const block = blocks[i];
    if (block?.kind === "break" && /^--\s*$/u.test(block.evidence)) {
      const tail = blocks.slice(i + 1).filter((b) => b.kind !== "break");
      if (tail.length === 0 || tail.some((b) => !hasAtMostWords(blockText(b), 40))) return [];
      blocks.splice(i);
      return tail.map(blockText);
    }
  }
  return [];
}

// "The End" with an afterword below it: the marker goes, the afterword is the chapter's end notes.
function takeAfterword(edges: ChapterEdges, endNotes: string[]): void {
  const blocks = edges.blocks;
  for (let i = blocks.length - 2; i >= Math.max(1, blocks.length - 7); i -= 1) {
    const block = blocks[i];
    if (!block || block.kind === "break") continue;
    const marker = readEndMarker(block.text);
    if (marker === null || marker === "neutral") continue;
    const tail = blocks.slice(i + 1);
    const readsAsNote = (text: string) => isNoteParagraph(text) || continuesNote(text) || CLOSING_LINE.test(text.trim()) || isPageFurniture(text);
    if (tail.some((b) => b.kind !== "break" && !readsAsNote(b.text))) return;
    edges.endMarker = marker;
    edges.endMarkerText = block.text.trim();
    blocks.splice(i);
    const notes = tail.filter((b) => b.kind !== "break" && !isPageFurniture(b.text)).map(blockText);
    endNotes.unshift(...notes.map((text) => (isNoteParagraph(text) ? stripNoteLabel(text) : text)));
    return;
  }
}

// "Summary: …\nA/N: …" in one paragraph at a chapter's start: each labelled line is a paragraph of its own.
function splitLabelledLines(blocks: Block[]): Block[] {
  const first = blocks[0];
  if (!first || first.kind !== "paragraph" || !first.text.includes("\n")) return blocks;
  const labelled = (line: string) => SUMMARY_LABEL.test(line) || DISCLAIMER_LABEL.test(line) || NOTE_LABEL.test(line);
  const lines = first.text.split("\n");
  if (!labelled(lines[0] ?? "") || lines.filter(labelled).length < 2) return blocks;
  const groups: string[][] = [];
  for (const line of lines) {
    if (labelled(line) || groups.length === 0) groups.push([line]);
    else groups.at(-1)?.push(line);
  }
  return [...groups.map((group) => paragraph(group.join("\n"))), ...blocks.slice(1)];
}

function dropFurnitureAtEdges(blocks: Block[]): Block[] {
  const furniture = (b: Block | undefined) => b !== undefined && b.kind !== "break" && isPageFurniture(b.text);
  while (furniture(blocks[0])) blocks.shift();
  while (furniture(blocks.at(-1))) blocks.pop();
  return blocks;
}

// The last note paragraph near the end, when everything after it is short enough to be part of the note.
function findTrailingNoteStart(blocks: readonly Block[]): number | null {
  for (let i = blocks.length - 1; i >= Math.max(1, blocks.length - 4); i -= 1) {
    const block = blocks[i];
    if (!block || block.kind === "break") return null;
    const text = block.text.trim();
    if (isNoteParagraph(text)) {
      // Everything after the label must read as part of the note; a "Note:" followed by more story is story.
      const tail = blocks.slice(i + 1);
      const labelOnly = stripNoteLabel(text) === "";
      return tail.every((b, k) => b.kind !== "break" && ((labelOnly && k === 0) || continuesNote(b.text) || CLOSING_LINE.test(b.text.trim()))) ? i : null;
    }
  }
  return null;
}

function continuesNote(text: string): boolean {
  return hasAtMostWords(text, 60) && (NOTE_CONTINUATION.test(text) || /^\p{Ll}/u.test(text));
}

function trimBreaks(blocks: Block[]): Block[] {
  while (blocks[0]?.kind === "break") blocks.shift();
  trimTrailingBreaks(blocks);
  return blocks;
}

function trimTrailingBreaks(blocks: Block[]): void {
  while (blocks.at(-1)?.kind === "break") blocks.pop();
}
