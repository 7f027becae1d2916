/**
 * The absolute addresses the OPDS catalog and the Atom feeds give for a work, its authors, tags, downloads and
 * cover (feed readers and e-reader apps resolve relative ones unevenly, so every href is absolute, on the origin
 * the reader used), and who the reader is for them.
 */
import type { Context } from "hono";
import type { TagType } from "../domain/tags/tag-type.js";
import { EXPORT_FORMATS } from "../formats/export/file-name.js";
import type { WorkEntryAddresses } from "../formats/feeds/work-entry.js";
import { feedUrn } from "../formats/feeds/urn.js";
import type { CatalogWork } from "../formats/opds/catalog-feed.js";
import type { WorkBlurb } from "../search/search-index.js";
import { feedIdKey, type CatalogReader } from "../services/catalog/catalog-reader.js";
import type { ChangedWork } from "../services/catalog/catalog-works.js";
import { workCoverPath, workDownloadPath } from "./download-paths.js";
import type { WebEnv } from "./env.js";
import { mutedTagRefs } from "./reader-prefs.js";
import { siteOrigin } from "./request.js";

export interface FeedAddresses {
  /** The path on this site, absolute. */
  at(path: string): string;
  /** A stable URN for a name within this archive. */
  urn(name: string): string;
  work(work: WorkBlurb): WorkEntryAddresses;
  /** A work with its download links and cover, for an acquisition feed. */
  catalogWork(entry: ChangedWork): CatalogWork;
}

/** The vocabulary of a tag type, as a category's scheme: the catalog's feed of that type's tags. */
export function tagTypePath(type: TagType): string {
  return `/opds/tag-types/${type}`;
}

export function feedAddresses(c: Context<WebEnv>, siteSecret: string): FeedAddresses {
  const origin = siteOrigin(c);
  const key = feedIdKey(siteSecret);
  const at = (path: string) => `${origin}${path}`;
  const work = (w: WorkBlurb): WorkEntryAddresses => ({
    id: feedUrn(key, `work/${w.id}`),
    work: at(`/works/${w.id}`),
    author: (name) => at(`/users/${encodeURIComponent(name)}`),
    tagScheme: (type) => at(tagTypePath(type)),
  });
  return {
    at,
    urn: (name) => feedUrn(key, name),
    work,
    catalogWork: ({ work: w, changed }) => ({
      work: w,
      changed,
      addresses: work(w),
      downloads: EXPORT_FORMATS.map((format) => ({ format, href: at(workDownloadPath(w.id, w.title, format)) })),
      cover: at(workCoverPath(w.id)),
    }),
  };
}

/** The reader of this request; `adultWorks` says whether adult works are listed to them here. */
export function catalogReader(c: Context<WebEnv>, adultWorks: boolean): CatalogReader {
  const page = c.get("page");
  return { audience: page.audience, mutedTags: mutedTagRefs(page.prefs), adultWorks };
}
