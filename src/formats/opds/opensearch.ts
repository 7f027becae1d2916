/**
 * The OpenSearch 1.1 description document an OPDS client reads to learn how to search the catalog: a URL
 * template whose {searchTerms} it fills in, answered with an acquisition feed, and the web page's search beside it.
 */
import { create } from "xmlbuilder2";
import { xmlCharacters } from "../xml-text.js";
import { OPDS_ACQUISITION_TYPE } from "./catalog-feed.js";

const OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/";

export interface OpenSearchDescription {
  /** At most 16 characters, by the specification. */
  shortName: string;
  description: string;
  /** The catalog's search address with `{searchTerms}` (and optionally `{startPage?}`) in it. */
  catalogTemplate: string;
  /** The same search as a web page. */
  pageTemplate: string;
}

export function openSearchDescriptionXml(description: OpenSearchDescription): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(OPENSEARCH_NS, "OpenSearchDescription");
  root.ele(OPENSEARCH_NS, "ShortName").txt(xmlCharacters(description.shortName).slice(0, 16));
  root.ele(OPENSEARCH_NS, "Description").txt(xmlCharacters(description.description));
  root.ele(OPENSEARCH_NS, "InputEncoding").txt("UTF-8");
  root.ele(OPENSEARCH_NS, "OutputEncoding").txt("UTF-8");
  root.ele(OPENSEARCH_NS, "Url", { type: OPDS_ACQUISITION_TYPE, template: xmlCharacters(description.catalogTemplate) });
  root.ele(OPENSEARCH_NS, "Url", { type: "text/html", template: xmlCharacters(description.pageTemplate) });
  return root.end({ prettyPrint: true });
}
