/**
 * The parts of the work form that name things in the library: co-authors and gift recipients by pseud, the series
 * chosen or named, and the tags, which take the spelling the archive already has for them. Problems are added to
 * the form's, field by field, so that one answer lists everything to put right.
 */
import type { Kysely } from "kysely";
import { findTagSpellings, type Gift } from "../../db/repositories/posted-works.js";
import { findPseudsByName, type Pseud } from "../../db/repositories/user-pseuds.js";
import { findSeriesById, findSeriesIdByName, insertSeries, setWorkSeries } from "../../db/repositories/user-series.js";
import type { Database } from "../../db/schema.js";
import type { Account } from "../../domain/account.js";
import type { FieldProblems } from "../../domain/posting-limits.js";
import { nameKey } from "../../domain/sort-key.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { SeriesChoice, WorkForm } from "./work-form.js";

export interface ResolvedPeople {
  /** Other accounts' pseuds to invite. */
  coAuthors: Pseud[];
  gifts: Gift[];
}

/** The co-authors' pseuds (each must be an account's) and the gift recipients, with the accounts they name. */
export async function resolvePeople(db: Kysely<Database>, poster: Account, form: Pick<WorkForm, "coAuthors" | "gifts">, problems: FieldProblems): Promise<ResolvedPeople> {
  const found = await findPseudsByName(db, [...form.coAuthors, ...form.gifts]);
  const byKey = new Map(found.map((p) => [nameKey(p.name), p]));
  const unknown = form.coAuthors.filter((name) => !byKey.has(nameKey(name)));
  if (unknown.length > 0) {
    problems.coAuthors = `No account here has the pseud ${unknown.map((n) => `“${n}”`).join(", ")}: co-authors must have an account.`;
  }
  const coAuthors = [...new Map(form.coAuthors.flatMap((name) => {
    const pseud = byKey.get(nameKey(name));
    return pseud && pseud.userId !== poster.id ? [[pseud.id, pseud] as const] : [];
  })).values()];
  const gifts = [...new Map(form.gifts.map((name) => [nameKey(name), { recipient: name, userId: byKey.get(nameKey(name))?.userId ?? null }])).values()];
  return { coAuthors, gifts };
}

/** Where the work goes: no series, a series that exists, or a new one to make. */
export type SeriesTarget = { kind: "none" } | { kind: "existing"; seriesId: number } | { kind: "new"; name: string };

/**
 * The series the form chose. A work goes only into the poster's own series, or stays in one it is already in; a
 * new series may not take a name another series has (a name of the poster's own series chooses that series).
 * @param currentSeriesIds the series the work is in now (none for a new work).
 */
export async function resolveSeries(
  db: Kysely<Database>,
  poster: Account,
  choice: SeriesChoice,
  currentSeriesIds: readonly number[],
  problems: FieldProblems,
): Promise<SeriesTarget> {
  if (choice.kind === "none") return choice;
  if (choice.kind === "existing") {
    const series = await findSeriesById(db, choice.seriesId);
    if (series && (series.userId === poster.id || currentSeriesIds.includes(series.id))) return choice;
    problems.series = "Choose one of your own series.";
    return { kind: "none" };
  }
  const name = choice.name.trim().replace(/\s+/gu, " ");
  const sameName = await findSeriesIdByName(db, name);
  if (sameName === undefined) return { kind: "new", name };
  const series = await findSeriesById(db, sameName);
  if (series?.userId === poster.id || currentSeriesIds.includes(sameName)) return { kind: "existing", seriesId: sameName };
  problems.seriesName = `A series named “${series?.name ?? name}” exists already: give yours another name.`;
  return { kind: "none" };
}

/** Puts the work in the series (making it first when it is new), or in none. */
export async function storeSeriesTarget(db: Kysely<Database>, workId: number, target: SeriesTarget, part: number | null, posterId: number, now: string): Promise<void> {
  if (target.kind === "none") return setWorkSeries(db, workId, null, null);
  const seriesId = target.kind === "existing" ? target.seriesId : await insertSeries(db, { name: target.name, summary: null, notes: null }, posterId, now);
  await setWorkSeries(db, workId, seriesId, part);
}

const TAG_FIELDS = [["fandoms", "Fandom"], ["relationships", "Relationship"], ["characters", "Character"], ["freeforms", "Freeform"]] as const;

/**
 * The form with each tag the library already has spelled as the library spells it ("harry potter" becomes the
 * fandom "Harry Potter"): one tag row, one name wherever it shows. A synonym stays the synonym the author chose;
 * it filters as its canonical tag all the same.
 */
export async function withArchiveSpellings<T extends Pick<WorkForm, (typeof TAG_FIELDS)[number][0]>>(db: Kysely<Database>, form: T): Promise<T> {
  const named = TAG_FIELDS.flatMap(([field, type]) => form[field].map((name) => ({ type: type as TagType, name })));
  const spellings = await findTagSpellings(db, named);
  const spelled = { ...form };
  for (const [field, type] of TAG_FIELDS) spelled[field] = form[field].map((name) => spellings.get(`${type}\u0000${nameKey(name)}`) ?? name);
  return spelled;
}
