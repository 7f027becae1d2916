/**
 * The library's vocabulary: canonical tags with their synonyms, parents, meta tags and details, stored from a
 * vocabulary file (the starter vocabulary, or one a wrangler imports) and read back as one.
 *
 * Storing adds and never takes away: a tag a wrangler made a synonym stays one, a canonical tag is never demoted,
 * a link a wrangler removed is not put back, and details only gain what they lacked. Reading gives the library's
 * vocabulary as it is now, wrangling included, so the importer's inference uses it.
 */
import type { Kysely } from "kysely";
import { VocabularyError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { mergeTagDetails, relationshipMembersOf, sameTagDetails, tagDetailsSchema, VOCABULARY_TAG_TYPES, type TagDetails } from "../../domain/tags/tag-details.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import { relationshipName, type CharacterEntry, type RelationshipEntry, type VocabularyFile } from "../../tags/vocabulary-file.js";
import type { Database } from "../schema.js";
import { refreshWorkFilters } from "./tags.js";
import { listUnlinkedPairs } from "./wrangling-history.js";
import { chunks, insertLinks, makeUnwrangledCanonical, setTagMerger, worksTaggedUnder, type TagLink } from "./wrangling.js";

/** What a store changed. */
export interface StoreVocabularyReport {
  /** Tags that did not exist. */
  created: number;
  /** Unwrangled tags made canonical. */
  madeCanonical: number;
  /** Unwrangled tags made synonyms. */
  merged: number;
  /** Parent and meta-tag links added. */
  linked: number;
  /** Tags the vocabulary would wrangle otherwise than a wrangler has (a canonical name the library made a
   *  synonym, a synonym it made canonical or gave to another tag): left as the wrangler made them. */
  kept: number;
  /** Existing tags whose details gained something. */
  detailed: number;
  /** Works whose filters changed (their tags became synonyms or gained meta tags). */
  worksRefreshed: number;
}

/** The stored details with the gender checked: one the vocabulary file does not know makes them unreadable. */


/** The details column read: null when empty or unreadable (details only help inference; a bad one is dropped). */
export function parseTagDetails(text: string | null): TagDetails | null {
  if (text === null) return null;
  try {
    const result = tagDetailsSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function detailsText(details: TagDetails): string | null {
  const text = JSON.stringify(details);
  return text === "{}" ? null : text;
}

interface KnownTag {
  id: number;
  canonical: boolean;
  mergerId: number | null;
}

/** The canonical tag a known tag stands for: its merger when it is a synonym. */
const effective = (tag: KnownTag): number => tag.mergerId ?? tag.id;

/**
 * Stores the vocabulary in the library: its canonical tags, synonyms, details, parents (fandom → character,
 * relationship; character → relationship) and meta tags, then refreshes the filters of works whose tags changed.
 * Adds only, as the module comment says. Run it in a transaction: it writes in many statements.
 * @throws VocabularyError, before writing anything, when the file names a fandom, character or meta tag that
 *   neither it nor the library has.
 */
export async function storeVocabulary(db: Kysely<Database>, file: VocabularyFile, now: string): Promise<StoreVocabularyReport> {
  const store = new VocabularyStore(db, now);
  await store.checkReferences(file);

  await store.ensureCanonical("Fandom", file.fandoms.map((f) => ({ name: f.name, synonyms: f.synonyms, details: { creators: f.creators, places: f.places } })));
  await store.ensureCanonical("Freeform", file.freeforms.map((f) => ({ name: f.name, synonyms: f.synonyms, details: {} })));
  await store.ensureCanonical("Character", file.characters.map((c) => ({
    name: c.name, synonyms: c.synonyms,
    details: { gender: c.gender, mentions: c.mentions, ambiguousMentions: c.ambiguousMentions, fandoms: c.fandoms.map((f) => store.idOf("Fandom", f)) },
  })));
  await store.ensureCanonical("Relationship", file.relationships.map((r) => ({
    name: relationshipName(r), synonyms: r.synonyms,
    details: { members: r.members.map((m) => store.idOf("Character", m)), kind: r.kind, shipNames: r.shipNames },
  })));

  await store.link("meta", [
    ...file.fandoms.flatMap((f) => f.metaTags.map((m) => [store.idOf("Fandom", m), store.idOf("Fandom", f.name)] as const)),
    ...file.freeforms.flatMap((f) => f.metaTags.map((m) => [store.idOf("Freeform", m), store.idOf("Freeform", f.name)] as const)),
  ]);
  await store.link("parent", file.characters.flatMap((c) => c.fandoms.map((f) => [store.idOf("Fandom", f), store.idOf("Character", c.name)] as const)));
  await store.link("parent", await store.relationshipParents(file.relationships));
  return store.finish();
}

/** The bookkeeping of one storeVocabulary call: the tags it has seen, by type and name key, and its counts. */
class VocabularyStore {
  private readonly known = new Map<string, KnownTag>();
  private readonly changedTags = new Set<number>();
  private readonly removed = new Map<TagLink, ReadonlySet<string>>();
  readonly report: StoreVocabularyReport = { created: 0, madeCanonical: 0, merged: 0, linked: 0, kept: 0, detailed: 0, worksRefreshed: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: string,
  ) {}

  private static key(type: TagType, name: string): string {
    return `${type}\u0000${nameKey(name)}`;
  }

  /** Loads the tags of these names that the store has not seen yet. */
  private async load(type: TagType, names: readonly string[]): Promise<void> {
    const keys = [...new Set(names.map((n) => nameKey(n)))].filter((k) => !this.known.has(`${type}\u0000${k}`));
    for (const part of chunks(keys)) {
      const rows = await this.db.selectFrom("tags").select(["id", "name_key", "canonical", "merger_id"]).where("type", "=", type).where("name_key", "in", part).execute();
      for (const row of rows) this.known.set(`${type}\u0000${row.name_key}`, { id: row.id, canonical: row.canonical === 1, mergerId: row.merger_id });
    }
  }

  /** The canonical tag id a name of the type stands for (loaded before). */
  idOf(type: TagType, name: string): number {
    const tag = this.known.get(VocabularyStore.key(type, name));
    if (!tag) throw new Error(`${type} "${name}" was not stored`);
    return effective(tag);
  }

  async checkReferences(file: VocabularyFile): Promise<void> {
    const defined = (type: TagType, names: readonly string[]) => new Set(names.map((n) => VocabularyStore.key(type, n)));
    const fandoms = defined("Fandom", file.fandoms.map((f) => f.name));
    const characters = defined("Character", file.characters.map((c) => c.name));
    const freeforms = defined("Freeform", file.freeforms.map((f) => f.name));
    const references: { type: TagType; name: string; from: string; own: Set<string> }[] = [
      ...file.fandoms.flatMap((f) => f.metaTags.map((name) => ({ type: "Fandom" as const, name, from: `fandom "${f.name}"`, own: fandoms }))),
      ...file.freeforms.flatMap((f) => f.metaTags.map((name) => ({ type: "Freeform" as const, name, from: `freeform "${f.name}"`, own: freeforms }))),
      ...file.characters.flatMap((c) => c.fandoms.map((name) => ({ type: "Fandom" as const, name, from: `character "${c.name}"`, own: fandoms }))),
      ...file.relationships.flatMap((r) => r.members.map((name) => ({ type: "Character" as const, name, from: `relationship "${relationshipName(r)}"`, own: characters }))),
    ].filter((r) => !r.own.has(VocabularyStore.key(r.type, r.name)));
    for (const type of VOCABULARY_TAG_TYPES) await this.load(type, references.filter((r) => r.type === type).map((r) => r.name));
    const problems = references
      .filter((r) => !this.known.has(VocabularyStore.key(r.type, r.name)))
      .map((r) => `${r.from}: ${r.type.toLowerCase()} "${r.name}" is neither in the vocabulary nor in the library`);
    if (problems.length > 0) throw new VocabularyError([...new Set(problems)]);
  }

  /**
   * Each entry's tag made canonical unless a wrangler decided otherwise (a synonym stays one; its details go to
   * its canonical tag), with its details merged in, then its synonyms: new ones and unwrangled ones point at it.
   */
  async ensureCanonical(type: TagType, entries: readonly { name: string; synonyms: readonly string[]; details: TagDetails }[]): Promise<void> {
    const grouped = new Map<string, { name: string; synonyms: string[]; details: TagDetails }>();
    for (const entry of entries) {
      const key = VocabularyStore.key(type, entry.name);
      const before = grouped.get(key);
      grouped.set(key, before
        ? { name: before.name, synonyms: [...before.synonyms, ...entry.synonyms], details: mergeTagDetails(before.details, entry.details) }
        : { name: entry.name, synonyms: [...entry.synonyms], details: entry.details });
    }
    const all = [...grouped.values()];
    await this.load(type, all.map((e) => e.name));
    this.report.kept += all.filter((e) => (this.known.get(VocabularyStore.key(type, e.name))?.mergerId ?? null) !== null).length;
    await this.insertMissing(type, all.map((e) => ({ name: e.name, canonical: 1, merger_id: null, details: detailsText(e.details) })));

    const unwrangled = all.map((e) => this.known.get(VocabularyStore.key(type, e.name))).filter((t): t is KnownTag => t !== undefined && !t.canonical && t.mergerId === null);
    this.report.madeCanonical += await makeUnwrangledCanonical(this.db, unwrangled.map((t) => t.id), this.now);
    for (const tag of unwrangled) tag.canonical = true;

    await this.mergeDetails(all.map((e) => ({ id: this.idOf(type, e.name), details: e.details })));
    await this.ensureSynonyms(type, all.flatMap((e) => e.synonyms.map((name) => ({ name, target: this.idOf(type, e.name) }))));
  }

  private async insertMissing(type: TagType, rows: readonly { name: string; canonical: number; merger_id: number | null; details: string | null }[]): Promise<void> {
    const missing = [...new Map(rows.filter((r) => !this.known.has(VocabularyStore.key(type, r.name))).map((r) => [nameKey(r.name), r])).values()];
    for (const part of chunks(missing, 200)) {
      const result = await this.db
        .insertInto("tags")
        .values(part.map((r) => ({ type, name: r.name, name_key: nameKey(r.name), canonical: r.canonical, merger_id: r.merger_id, details: r.details, created_at: this.now, updated_at: this.now })))
        .onConflict((oc) => oc.columns(["type", "name_key"]).doNothing())
        .executeTakeFirst();
      this.report.created += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    await this.load(type, missing.map((r) => r.name));
  }

  /** Details merged into the tags that hold them already (new tags got theirs when inserted). */
  private async mergeDetails(entries: readonly { id: number; details: TagDetails }[]): Promise<void> {
    const wanted = new Map<number, TagDetails>();
    for (const { id, details } of entries) wanted.set(id, mergeTagDetails(wanted.get(id) ?? null, details));
    for (const part of chunks([...wanted.keys()])) {
      const rows = await this.db.selectFrom("tags").select(["id", "details"]).where("id", "in", part).execute();
      for (const row of rows) {
        const old = parseTagDetails(row.details);
        const merged = mergeTagDetails(old, wanted.get(row.id) ?? {});
        if (sameTagDetails(old, merged)) continue;
        await this.db.updateTable("tags").set({ details: detailsText(merged), updated_at: this.now }).where("id", "=", row.id).execute();
        if (row.details !== null) this.report.detailed += 1;
      }
    }
  }

  private async ensureSynonyms(type: TagType, synonyms: readonly { name: string; target: number }[]): Promise<void> {
    await this.load(type, synonyms.map((s) => s.name));
    const fresh = synonyms.filter((s) => !this.known.has(VocabularyStore.key(type, s.name)));
    await this.insertMissing(type, fresh.map((s) => ({ name: s.name, canonical: 0, merger_id: s.target, details: null })));
    const byTarget = new Map<number, number[]>();
    for (const { name, target } of synonyms) {
      const tag = this.known.get(VocabularyStore.key(type, name));
      if (!tag || tag.id === target || tag.mergerId === target) continue;
      if (tag.canonical || tag.mergerId !== null) {
        this.report.kept += 1;
        continue;
      }
      tag.mergerId = target;
      byTarget.set(target, [...(byTarget.get(target) ?? []), tag.id]);
    }
    for (const [target, ids] of byTarget) {
      await setTagMerger(this.db, ids, target, this.now);
      this.report.merged += ids.length;
      for (const id of ids) this.changedTags.add(id);
    }
  }

  /** Each relationship under its members (character → relationship) and under their shared fandoms (all of them
   *  when they share none: a crossover ship), as the Archive's wranglers file relationships. */
  async relationshipParents(relationships: readonly RelationshipEntry[]): Promise<(readonly [number, number])[]> {
    const memberIds = [...new Set(relationships.flatMap((r) => r.members.map((m) => this.idOf("Character", m))))];
    const fandomsOf = new Map<number, Set<number>>();
    for (const part of chunks(memberIds)) {
      const rows = await this.db
        .selectFrom("tag_parents as p")
        .innerJoin("tags as t", "t.id", "p.parent_id")
        .select(["p.parent_id", "p.child_id"])
        .where("p.child_id", "in", part)
        .where("t.type", "=", "Fandom")
        .execute();
      for (const { parent_id, child_id } of rows) fandomsOf.set(child_id, new Set([...(fandomsOf.get(child_id) ?? []), parent_id]));
    }
    return relationships.flatMap((r) => {
      const relationship = this.idOf("Relationship", relationshipName(r));
      const members = r.members.map((m) => this.idOf("Character", m));
      const fandoms = members.map((m) => fandomsOf.get(m) ?? new Set<number>());
      const shared = [...(fandoms[0] ?? [])].filter((f) => fandoms.every((set) => set.has(f)));
      const parents = shared.length > 0 ? shared : [...new Set(fandoms.flatMap((set) => [...set]))];
      return [...members, ...parents].map((parent) => [parent, relationship] as const);
    });
  }

  /** Adds the links that are new, leaving out those a wrangler removed and meta tags that would make a cycle. */
  async link(kind: TagLink, pairs: readonly (readonly [number, number])[]): Promise<void> {
    const removed = await this.removedLinks(kind);
    const unique = [...new Map(pairs.map(([upper, lower]) => [`${lower}:${upper}`, [upper, lower] as const])).entries()];
    let wanted = unique.filter(([key, [upper, lower]]) => upper !== lower && !removed.has(key)).map(([, pair]) => pair);
    if (kind === "meta") {
      const metasOf = await this.metaGraph();
      const reaches = (from: number, to: number): boolean => {
        const seen = new Set<number>();
        const stack = [from];
        for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
          if (id === to) return true;
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...(metasOf.get(id) ?? []));
        }
        return false;
      };
      wanted = wanted.filter(([meta, sub]) => {
        if (metasOf.get(sub)?.has(meta) || reaches(meta, sub)) return false;
        metasOf.set(sub, new Set([...(metasOf.get(sub) ?? []), meta]));
        return true;
      });
      for (const [, sub] of wanted) this.changedTags.add(sub);
    }
    this.report.linked += await insertLinks(this.db, kind, wanted);
  }

  /** The links of the kind a wrangler removed, as "lower:upper": read once, since a store removes none. */
  private async removedLinks(kind: TagLink): Promise<ReadonlySet<string>> {
    let removed = this.removed.get(kind);
    if (!removed) {
      removed = await listUnlinkedPairs(this.db, kind === "parent" ? "remove-parent" : "remove-meta-tag");
      this.removed.set(kind, removed);
    }
    return removed;
  }

  /** Every tag's direct meta tags. */
  private async metaGraph(): Promise<Map<number, Set<number>>> {
    const graph = new Map<number, Set<number>>();
    for (const { meta_id, sub_id } of await this.db.selectFrom("meta_tags").select(["meta_id", "sub_id"]).execute()) {
      graph.set(sub_id, new Set([...(graph.get(sub_id) ?? []), meta_id]));
    }
    return graph;
  }

  async finish(): Promise<StoreVocabularyReport> {
    const works = await worksTaggedUnder(this.db, [...this.changedTags]);
    await refreshWorkFilters(this.db, works);
    this.report.worksRefreshed = works.length;
    return this.report;
  }
}

interface TagRow {
  id: number;
  type: TagType;
  name: string;
  canonical: number;
  merger_id: number | null;
  details: string | null;
}

/**
 * The library's vocabulary as a vocabulary file: every canonical fandom, character, relationship and freeform with
 * its synonyms (wrangled ones included), meta tags, parent fandoms and details. A relationship whose members
 * cannot be told (neither stored nor spelled by its name) is left out, since the file names relationships by
 * their members. Entries and lists are sorted by name.
 */
export async function readVocabulary(db: Kysely<Database>): Promise<VocabularyFile> {
  const rows: TagRow[] = await db
    .selectFrom("tags")
    .select(["id", "type", "name", "canonical", "merger_id", "details"])
    .where("type", "in", [...VOCABULARY_TAG_TYPES])
    .where((eb) => eb.or([eb("canonical", "=", 1), eb("merger_id", "is not", null)]))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const canonicalName = (id: number, type: TagType): string | undefined => {
    const tag = byId.get(id);
    const target = tag && tag.merger_id !== null ? byId.get(tag.merger_id) : tag;
    return target?.canonical === 1 && target.type === type ? target.name : undefined;
  };
  const synonyms = new Map<number, string[]>();
  for (const row of rows) {
    if (row.merger_id !== null && byId.get(row.merger_id)?.type === row.type) synonyms.set(row.merger_id, [...(synonyms.get(row.merger_id) ?? []), row.name]);
  }
  const metaTags = new Map<number, string[]>();
  for (const { meta_id, sub_id } of await db.selectFrom("meta_tags").select(["meta_id", "sub_id"]).execute()) {
    const sub = byId.get(sub_id);
    const meta = sub ? canonicalName(meta_id, sub.type) : undefined;
    if (meta !== undefined) metaTags.set(sub_id, [...(metaTags.get(sub_id) ?? []), meta]);
  }
  const fandomsOf = new Map<number, Set<number>>();
  const parents = await db
    .selectFrom("tag_parents as l")
    .innerJoin("tags as p", "p.id", "l.parent_id")
    .innerJoin("tags as c", "c.id", "l.child_id")
    .select(["l.parent_id", "l.child_id"])
    .where("p.type", "=", "Fandom")
    .where("p.canonical", "=", 1)
    .where("c.type", "=", "Character")
    .execute();
  for (const { parent_id, child_id } of parents) fandomsOf.set(child_id, new Set([...(fandomsOf.get(child_id) ?? []), parent_id]));

  const byName = (a: { name: string }, b: { name: string }) => compare(a.name, b.name);
  const canonical = rows.filter((r) => r.canonical === 1).sort(byName);
  const common = (tag: TagRow) => ({ name: tag.name, synonyms: (synonyms.get(tag.id) ?? []).sort(compare) });
  const ofType = (type: TagType) => canonical.filter((t) => t.type === type).map((tag) => ({ tag, details: parseTagDetails(tag.details) ?? {} }));

  return {
    fandoms: ofType("Fandom").map(({ tag, details }) => ({
      ...common(tag), metaTags: (metaTags.get(tag.id) ?? []).sort(compare), creators: details.creators ?? [], places: details.places ?? [],
    })),
    characters: ofType("Character").map(({ tag, details }): CharacterEntry => ({
      ...common(tag),
      fandoms: characterFandoms(details.fandoms ?? [], fandomsOf.get(tag.id) ?? new Set(), (id) => canonicalName(id, "Fandom")),
      gender: details.gender ?? "unknown",
      mentions: details.mentions ?? [],
      ambiguousMentions: details.ambiguousMentions ?? [],
    })),
    relationships: ofType("Relationship").flatMap(({ tag, details }): RelationshipEntry[] => {
      const stored = details.members?.map((id) => canonicalName(id, "Character"));
      const kind = details.kind ?? relationshipMembersOf(tag.name)?.kind ?? "romantic";
      const members = stored?.every((m) => m !== undefined) && relationshipName({ members: stored, kind }) === tag.name ? { members: stored, kind } : relationshipMembersOf(tag.name);
      return members ? [{ members: members.members, kind: members.kind, shipNames: details.shipNames ?? [], synonyms: common(tag).synonyms }] : [];
    }),
    freeforms: ofType("Freeform").map(({ tag }) => ({ ...common(tag), metaTags: (metaTags.get(tag.id) ?? []).sort(compare) })),
  };
}

/** A character's parent fandoms' names: in the order its details give (the home fandom first), then the rest. */
function characterFandoms(order: readonly number[], parents: ReadonlySet<number>, nameOf: (id: number) => string | undefined): string[] {
  const parentNames = new Set([...parents].map(nameOf).filter((n): n is string => n !== undefined));
  const ordered = order.map(nameOf).filter((n): n is string => n !== undefined && parentNames.has(n));
  return [...new Set([...ordered, ...[...parentNames].sort(compare)])];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
