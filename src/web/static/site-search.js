// The static site's search page (quire export-site): text search and filters over the site's search index, in the
// browser, since a static host runs nothing. MiniSearch (copied beside this file) matches the words; the filters
// and sorts are plain comparisons on each work's document. The form's fields are the page's query string, so a
// search has an address that can be kept and shared. Everything is built with DOM calls: no text is parsed as HTML.
/* global MiniSearch */
"use strict";

const PER_PAGE = 20;
const TEXT_FIELDS = ["title", "authorNames", "fandomNames", "tagText", "summary"];
/** Checkbox and text fields that include (all must apply) or exclude (any one excludes) tags. */
const INCLUDE_PARAMS = ["rating", "warning", "category", "fandom", "tag"];
const EXCLUDE_PARAMS = ["exclude-rating", "exclude-warning", "exclude-category", "exclude-fandom", "exclude"];
const numbers = new Intl.NumberFormat("en");

function onReady(run) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
}

function element(name, attributes, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes ?? {})) node.setAttribute(key, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

function link(href, text, rel) {
  return element("a", rel ? { href, rel } : { href }, text);
}

function joined(nodes, separator) {
  return nodes.flatMap((node, i) => (i > 0 ? [separator, node] : [node]));
}

/** Values of a parameter: checkboxes repeat it; text fields hold several, separated by commas. */
function valuesOf(params, name) {
  return params.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim().toLowerCase()).filter((v) => v !== "");
}

function fillForm(form, params) {
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.type === "checkbox") field.checked = params.getAll(field.name).includes(field.value);
    else if (field.tagName !== "BUTTON") field.value = params.getAll(field.name).join(", ");
  }
}

function wordsBound(params, name) {
  const value = params.get(name);
  return value === null || value.trim() === "" || !Number.isFinite(Number(value)) ? null : Number(value);
}

function matches(work, params) {
  const tags = new Set(work.tags.map((t) => t.toLowerCase()));
  if (!INCLUDE_PARAMS.every((name) => valuesOf(params, name).every((tag) => tags.has(tag)))) return false;
  if (EXCLUDE_PARAMS.some((name) => valuesOf(params, name).some((tag) => tags.has(tag)))) return false;
  const status = params.get("status");
  if (status && work.status !== status) return false;
  const language = params.get("language");
  if (language && work.language !== language) return false;
  const from = wordsBound(params, "words-from");
  const to = wordsBound(params, "words-to");
  return (from === null || work.words >= from) && (to === null || work.words <= to);
}

const SORTS = {
  updated: (a, b) => b.updated.localeCompare(a.updated),
  published: (a, b) => b.published.localeCompare(a.published),
  title: (a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }),
  author: (a, b) => (a.authors[0]?.[0] ?? "").localeCompare(b.authors[0]?.[0] ?? "", "en", { sensitivity: "base" }),
  words: (a, b) => b.words - a.words,
};

/** The works the search finds, in the order asked for: best match first for words, else most recently updated. */
function findWorks({ works, byId, index }, params) {
  const text = (params.get("q") ?? "").trim();
  const found = text === "" ? works : index.search(text).map((hit) => byId.get(hit.id));
  const filtered = found.filter((work) => matches(work, params));
  const sort = SORTS[params.get("sort") ?? ""];
  // Array.prototype.sort is stable: equal works keep the index's order (most recently updated first).
  return sort ? [...filtered].sort(sort) : filtered;
}

function blurb(work) {
  const heading = `result-${work.id}-title`;
  const tags = element("ul", { class: "tags", "aria-label": "Tags" });
  if (work.warnings.length > 0) tags.append(element("li", { class: "warnings" }, ...joined(work.warnings.map((w) => element("strong", {}, w)), ", ")));
  for (const r of work.relationships) tags.append(element("li", { class: "relationships" }, r));
  for (const c of work.characters) tags.append(element("li", { class: "characters" }, c));
  if (work.freeforms.length > 0) tags.append(element("li", { class: "freeforms" }, work.freeforms.join(", ")));
  const summary = work.summary === "" ? null : element("blockquote", { class: "summary", "aria-label": "Summary" },
    ...work.summary.split(/\n\s*\n/u).map((p) => element("p", {}, p)));
  const stat = (label, value) => element("div", {}, element("dt", {}, label), element("dd", {}, value));
  const authors = work.authors.length === 0 ? ["Anonymous"] : joined(work.authors.map(([name, href]) => link(href, name, "author")), ", ");
  return element("li", {}, element("article", { class: "blurb", "aria-labelledby": heading },
    element("div", { class: "header" },
      element("div", {},
        element("h3", { id: heading }, link(work.url, work.title), " ", element("span", { class: "by" }, "by ", ...authors)),
        element("p", { class: "fandoms" }, element("span", { class: "visually-hidden" }, "Fandoms: "),
          ...(work.fandoms.length === 0 ? ["No fandom"] : joined(work.fandoms.map(([name, href]) => link(href, name)), ", ")))),
      element("p", { class: "datetime" }, work.updated)),
    tags,
    summary,
    element("dl", { class: "stats" }, stat("Rating:", work.rating), stat("Language:", work.languageName), stat("Words:", numbers.format(work.words)), stat("Chapters:", work.chapters))));
}

function pageLinks(nav, params, page, pages) {
  nav.replaceChildren();
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const href = (n) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  const list = element("ol", {});
  if (page > 1) list.append(element("li", {}, link(href(page - 1), "← Previous", "prev")));
  list.append(element("li", {}, element("span", { "aria-current": "page" }, `Page ${page} of ${pages}`)));
  if (page < pages) list.append(element("li", {}, link(href(page + 1), "Next →", "next")));
  nav.append(list);
}

function show(loaded, params) {
  const found = findWorks(loaded, params);
  const pages = Math.max(1, Math.ceil(found.length / PER_PAGE));
  const page = Math.min(Math.max(1, Number(params.get("page")) || 1), pages);
  const shown = found.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  document.getElementById("results-heading").textContent = found.length === 0 ? "No works found"
    : `${numbers.format((page - 1) * PER_PAGE + 1)} – ${numbers.format((page - 1) * PER_PAGE + shown.length)} of ${numbers.format(found.length)} ${found.length === 1 ? "work" : "works"}`;
  document.getElementById("search-results").replaceChildren(...shown.map(blurb));
  pageLinks(document.getElementById("search-pages"), params, page, pages);
}

async function loadIndex(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status}`);
  const file = await response.json();
  if (file.version !== 1) throw new Error("an index of another version");
  const works = file.works;
  const index = new MiniSearch({
    fields: TEXT_FIELDS,
    extractField: (work, field) => {
      if (field === "authorNames") return work.authors.map(([name]) => name).join(" ");
      if (field === "fandomNames") return work.fandoms.map(([name]) => name).join(" ");
      if (field === "tagText") return work.tags.join(" ");
      return work[field];
    },
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "AND", boost: { title: 3, authorNames: 2, fandomNames: 1.5 } },
  });
  index.addAll(works);
  return { works, byId: new Map(works.map((w) => [w.id, w])), index };
}

onReady(async () => {
  const form = document.getElementById("site-search");
  const status = document.getElementById("search-status");
  if (!form || !status) return;
  document.getElementById("search-ui").hidden = false;
  let loaded;
  try {
    loaded = await loadIndex(status.dataset.index);
  } catch {
    status.textContent = "The search index could not be loaded. Browsers read it only from a web server, not from a folder on disk: serve the site (any static host will do), or browse by fandom, tag and author.";
    return;
  }
  status.textContent = "";
  const run = () => {
    const params = new URLSearchParams(location.search);
    fillForm(form, params);
    show(loaded, params);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (String(value).trim() !== "") params.append(name, String(value));
    history.pushState(null, "", `?${params}`);
    run();
  });
  window.addEventListener("popstate", run);
  run();
});
