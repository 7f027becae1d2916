/**
 * The starter vocabulary shipped in `vocabulary/*.yaml`: read once per process, validated, merged into one file.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { vocabularyFileSchema, relationshipName, type VocabularyFile } from "./vocabulary-file.js";
import { tagMatchKey } from "./vocabulary.js";

// From src/tags/ (tests, tsx) the folder is two levels up; from dist/src/tags/ (the built CLI), three.
const CANDIDATE_FOLDERS = ["../../vocabulary/", "../../../vocabulary/"].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));

let cached: VocabularyFile | undefined;
let cachedVersion: string | undefined;

/** @throws Error naming the file and the field when a vocabulary file is malformed or inconsistent. */
export function starterVocabulary(): VocabularyFile {
  cached ??= readStarterVocabulary();
  return cached;
}

/**
 * A hash of the starter vocabulary's file names and bytes: it changes whenever the content does, and tells a
 * library whether it is current without parsing the YAML (which takes a good part of a second).
 */
export function starterVocabularyVersion(): string {
  if (cachedVersion === undefined) {
    const { folder, names } = starterVocabularyFiles();
    const hash = createHash("sha256");
    for (const name of names) hash.update(`${name}\u0000`).update(readFileSync(join(folder, name))).update("\u0000");
    cachedVersion = hash.digest("hex").slice(0, 16);
  }
  return cachedVersion;
}

function starterVocabularyFiles(): { folder: string; names: string[] } {
  const folder = CANDIDATE_FOLDERS.find((candidate) => existsSync(candidate));
  if (!folder) throw new Error(`the starter vocabulary is missing (looked in ${CANDIDATE_FOLDERS.join(", ")})`);
  return { folder, names: readdirSync(folder).filter((name) => name.endsWith(".yaml")).sort() };
}

function readStarterVocabulary(): VocabularyFile {
  const { folder, names } = starterVocabularyFiles();
  const merged = mergeVocabularies(names.map((name) => parseVocabularyFile(readFileSync(join(folder, name), "utf8"), name)));
  const problems = vocabularyProblems(merged);
  if (problems.length > 0) throw new Error(`the starter vocabulary is inconsistent:\n${problems.join("\n")}`);
  return merged;
}

/** @throws Error naming the source and the first invalid field. */
export function parseVocabularyFile(text: string, source: string): VocabularyFile {
  const result = vocabularyFileSchema.safeParse(parseYaml(text) ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${source}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid vocabulary"}`);
  }
  return result.data;
}

function mergeVocabularies(files: readonly VocabularyFile[]): VocabularyFile {
  return {
    fandoms: files.flatMap((f) => f.fandoms),
    characters: files.flatMap((f) => f.characters),
    relationships: files.flatMap((f) => f.relationships),
    freeforms: files.flatMap((f) => f.freeforms),
  };
}

/**
 * What makes a vocabulary unusable: a name defined twice, a synonym that is another tag's name or another tag's
 * synonym within the same type, a character in an unknown fandom, a relationship with an unknown member, a meta
 * tag that is not defined. One line each.
 */
export function vocabularyProblems(vocabulary: VocabularyFile): string[] {
  const problems: string[] = [];
  const checkNames = (type: string, entries: readonly { name: string; synonyms: readonly string[] }[]) => {
    const owner = new Map<string, string>();
    for (const entry of entries) {
      for (const [index, name] of [entry.name, ...entry.synonyms].entries()) {
        const key = tagMatchKey(name);
        const previous = owner.get(key);
        if (previous !== undefined && previous !== entry.name) problems.push(`${type} "${name}"${index > 0 ? ` (a synonym of "${entry.name}")` : ""} is already ${previous === name ? "defined" : `taken by "${previous}"`}`);
        else if (previous === entry.name && index > 0 && tagMatchKey(entry.name) !== key) problems.push(`${type} "${entry.name}" lists the synonym "${name}" twice`);
        owner.set(key, entry.name);
      }
    }
  };
  const relationships = vocabulary.relationships.map((r) => ({ name: relationshipName(r), synonyms: r.synonyms }));
  checkNames("fandom", vocabulary.fandoms);
  checkNames("character", vocabulary.characters);
  checkNames("relationship", relationships);
  checkNames("freeform", vocabulary.freeforms);

  const fandoms = new Set(vocabulary.fandoms.map((f) => f.name));
  const characters = new Set(vocabulary.characters.map((c) => c.name));
  const freeforms = new Set(vocabulary.freeforms.map((f) => f.name));
  for (const fandom of vocabulary.fandoms) {
    for (const meta of fandom.metaTags) if (!fandoms.has(meta)) problems.push(`fandom "${fandom.name}": meta tag "${meta}" is not a fandom of the vocabulary`);
  }
  for (const character of vocabulary.characters) {
    for (const fandom of character.fandoms) if (!fandoms.has(fandom)) problems.push(`character "${character.name}": fandom "${fandom}" is not in the vocabulary`);
  }
  for (const relationship of vocabulary.relationships) {
    for (const member of relationship.members) if (!characters.has(member)) problems.push(`relationship "${relationshipName(relationship)}": "${member}" is not a character of the vocabulary`);
  }
  for (const freeform of vocabulary.freeforms) {
    for (const meta of freeform.metaTags) if (!freeforms.has(meta)) problems.push(`freeform "${freeform.name}": meta tag "${meta}" is not a freeform of the vocabulary`);
  }
  return problems;
}
