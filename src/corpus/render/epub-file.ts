/**
 * An EPUB 2 (OPF 2.0 with an NCX, as Sigil and older calibre wrote them) or EPUB 3 (package 3.0 with a nav
 * document) of one work: OPF metadata (title, creators, language, date, description, labelled subjects such as
 * `Fandom: …` and `Rating: …`, calibre's series), and one XHTML document per chapter.
 */
import { DEFAULT_WARNING } from "../../domain/warnings.js";
import type { Random } from "../random.js";
import { SCENE_BREAK } from "../prose.js";
import type { SyntheticWork } from "../synthetic-work.js";
import { NOTE_LABELS } from "../vocabulary/notes.js";
import { chapterHeading, planHeadings } from "./chapter-headings.js";
import { categoryPhrases, endMarker, escapeMarkup, ratingPhrase, warningPhrases } from "./phrasing.js";
import { announcedParts, chooseStatusStatement, type StatusStatement } from "./status-statement.js";
import { storedZip, type ZipEntry } from "../zip.js";

const encoder = new TextEncoder();

interface ChapterFile {
  id: string;
  /** Relative to the OPF. */
  href: string;
  label: string;
  xhtml: string;
}

/** The EPUB's bytes. */
export function renderEpubFile(work: SyntheticWork, random: Random, version: 2 | 3): Uint8Array {
  const statement = chooseStatusStatement(random, work, work.chapters.length > 1);
  const root = version === 3 ? "EPUB" : "OEBPS";
  const chapters = chapterFiles(work, random, version, statement);
  const uuid = uuidOf(random);
  const withTitlePage = random.chance(0.4);
  const entries: ZipEntry[] = [
    { name: "mimetype", data: encoder.encode("application/epub+zip") },
    { name: "META-INF/container.xml", data: encoder.encode(containerXml(`${root}/content.opf`)) },
    { name: `${root}/content.opf`, data: encoder.encode(packageDocument(work, random, version, chapters, uuid, statement.header, withTitlePage)) },
    version === 3
      ? { name: `${root}/nav.xhtml`, data: encoder.encode(navDocument(work, chapters)) }
      : { name: `${root}/toc.ncx`, data: encoder.encode(ncxDocument(work, chapters, uuid)) },
    { name: `${root}/style.css`, data: encoder.encode("body { font-family: serif; }\np { text-indent: 1.2em; margin: 0; }\n.center { text-align: center; }\n") },
  ];
  if (withTitlePage) entries.push({ name: `${root}/titlepage.xhtml`, data: encoder.encode(titlePage(work, version)) });
  for (const chapter of chapters) entries.push({ name: `${root}/${chapter.href}`, data: encoder.encode(chapter.xhtml) });
  return storedZip(entries);
}

function uuidOf(random: Random): string {
  const hex = Array.from({ length: 4 }, () => random.uint32().toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function containerXml(opfPath: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${opfPath}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;
}

function xhtmlPage(version: 2 | 3, title: string, body: string, stylesheet = "style.css"): string {
  const doctype = version === 3 ? "<!DOCTYPE html>" : '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">';
  const ns = version === 3 ? ' xmlns:epub="http://www.idpf.org/2007/ops"' : "";
  return `<?xml version="1.0" encoding="utf-8"?>
${doctype}
<html xmlns="http://www.w3.org/1999/xhtml"${ns}>
<head>
  <title>${escapeMarkup(title)}</title>
  <link href="${stylesheet}" type="text/css" rel="stylesheet"/>
</head>
<body>
${body}
</body>
</html>
`;
}

function chapterFiles(work: SyntheticWork, random: Random, version: 2 | 3, statement: StatusStatement): ChapterFile[] {
  const count = work.chapters.length;
  const headings = count > 1
    ? planHeadings(random, count, { counting: statement.headingCount, total: announcedParts(random, work), allTitled: work.chapters.every((c) => c.title !== null) })
    : null;
  const sceneBreak = random.chance(0.5) ? '  <p class="center">* * *</p>' : '  <hr class="transition"/>';
  const headingTag = random.pick(["h1", "h2", "h2", "h3"]);
  return work.chapters.map((chapter, index) => {
    const lines: string[] = [];
    const heading = headings ? chapterHeading(headings, index, count, chapter.title) : null;
    if (heading) lines.push(`  <${headingTag}>${escapeMarkup(heading)}</${headingTag}>`);
    if (chapter.notes) lines.push(`  <p>${random.pick(NOTE_LABELS)} ${escapeMarkup(chapter.notes)}</p>`);
    for (const paragraph of chapter.paragraphs) lines.push(paragraph === SCENE_BREAK ? sceneBreak : `  <p>${paragraph}</p>`);
    const isLast = index === count - 1;
    if (isLast && statement.endMarker && work.status !== "unknown") lines.push(`  <p class="center"><b>${endMarker(random, work.status, work.typography === "curly")}</b></p>`);
    if (chapter.endNotes) lines.push(`  <p>${random.pick(NOTE_LABELS)} ${escapeMarkup(chapter.endNotes)}</p>`);
    const number = String(index + 1).padStart(3, "0");
    const body = version === 3 ? `<section epub:type="chapter" id="chapter-${number}">\n${lines.join("\n")}\n</section>` : lines.join("\n");
    const label = heading ?? work.title;
    return { id: `chapter-${number}`, href: version === 3 ? `chapter-${number}.xhtml` : `Text/chapter${number}.xhtml`, label, xhtml: xhtmlPage(version, label, body, version === 3 ? "style.css" : "../style.css") };
  });
}

function subjects(work: SyntheticWork, random: Random, statusInMetadata: boolean): string[] {
  const found: string[] = [];
  if (random.chance(0.3)) found.push("Fanfiction");
  for (const fandom of work.fandoms) found.push(`Fandom: ${fandom}`);
  if (work.rating !== "Not Rated" || random.chance(0.3)) found.push(`Rating: ${ratingPhrase(random, work.rating)}`);
  if (work.warnings.join() !== DEFAULT_WARNING || random.chance(0.4)) for (const w of warningPhrases(random, work.warnings)) found.push(`Warning: ${w}`);
  for (const category of categoryPhrases(random, work.categories)) found.push(`Category: ${category}`);
  for (const relationship of work.relationships) found.push(`Relationship: ${relationship}`);
  for (const character of work.characters) found.push(`Character: ${character}`);
  found.push(...work.freeforms);
  if (statusInMetadata && work.status !== "unknown") found.push(`Status: ${work.status === "complete" ? random.pick(["Completed", "Complete"]) : random.pick(["In-Progress", "WIP"])}`);
  return found;
}

function packageDocument(work: SyntheticWork, random: Random, version: 2 | 3, chapters: readonly ChapterFile[], uuid: string, statusInMetadata: boolean, withTitlePage: boolean): string {
  const meta: string[] = [];
  meta.push(`    <dc:identifier id="BookId">urn:uuid:${uuid}</dc:identifier>`, `    <dc:title>${escapeMarkup(work.title)}</dc:title>`);
  work.authors.forEach((author, k) => {
    if (version === 2) meta.push(`    <dc:creator opf:role="aut" opf:file-as="${escapeMarkup(author)}">${escapeMarkup(author)}</dc:creator>`);
    else meta.push(`    <dc:creator id="creator${k}">${escapeMarkup(author)}</dc:creator>`, `    <meta refines="#creator${k}" property="role" scheme="marc:relators">aut</meta>`);
  });
  meta.push("    <dc:language>en</dc:language>");
  meta.push(version === 2 ? `    <dc:date opf:event="publication">${work.published}</dc:date>` : `    <dc:date>${work.published}</dc:date>`);
  if (version === 3) meta.push(`    <meta property="dcterms:modified">${work.published}T12:00:00Z</meta>`);
  if (work.summary) meta.push(`    <dc:description>${escapeMarkup(work.summary)}</dc:description>`);
  for (const subject of subjects(work, random, statusInMetadata)) meta.push(`    <dc:subject>${escapeMarkup(subject)}</dc:subject>`);
  if (work.series) {
    meta.push(`    <meta name="calibre:series" content="${escapeMarkup(work.series.name)}"/>`);
    if (work.series.part !== null) meta.push(`    <meta name="calibre:series_index" content="${work.series.part}"/>`);
  }
  const items: string[] = [];
  const spine: string[] = [];
  items.push('    <item id="css" href="style.css" media-type="text/css"/>');
  if (version === 3) {
    items.push('    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>');
  } else {
    items.push('    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
  }
  if (withTitlePage) {
    items.push('    <item id="titlepage" href="titlepage.xhtml" media-type="application/xhtml+xml"/>');
    spine.push('    <itemref idref="titlepage"/>');
  }
  if (version === 3 && random.chance(0.5)) spine.push('    <itemref idref="nav" linear="no"/>');
  for (const chapter of chapters) {
    items.push(`    <item id="${chapter.id}" href="${chapter.href}" media-type="application/xhtml+xml"/>`);
    spine.push(`    <itemref idref="${chapter.id}"/>`);
  }
  const opfNamespace = version === 2 ? ' xmlns:opf="http://www.idpf.org/2007/opf"' : "";
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"${opfNamespace}>
${meta.join("\n")}
  </metadata>
  <manifest>
${items.join("\n")}
  </manifest>
  <spine${version === 2 ? ' toc="ncx"' : ""}>
${spine.join("\n")}
  </spine>
</package>
`;
}

function ncxDocument(work: SyntheticWork, chapters: readonly ChapterFile[], uuid: string): string {
  const points = chapters
    .map((c, k) => `    <navPoint id="navPoint-${k + 1}" playOrder="${k + 1}">\n      <navLabel><text>${escapeMarkup(c.label)}</text></navLabel>\n      <content src="${c.href}"/>\n    </navPoint>`)
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<ncx version="2005-1" xmlns="http://www.daisy.org/z3986/2005/ncx/">
  <head>
    <meta name="dtb:uid" content="urn:uuid:${uuid}"/>
    <meta name="dtb:depth" content="1"/>
  </head>
  <docTitle><text>${escapeMarkup(work.title)}</text></docTitle>
  <navMap>
${points}
  </navMap>
</ncx>
`;
}

function navDocument(work: SyntheticWork, chapters: readonly ChapterFile[]): string {
  const items = chapters.map((c) => `      <li><a href="${c.href}">${escapeMarkup(c.label)}</a></li>`).join("\n");
  return xhtmlPage(3, work.title, `  <nav epub:type="toc" id="toc">\n    <h1>Contents</h1>\n    <ol>\n${items}\n    </ol>\n  </nav>`);
}

function titlePage(work: SyntheticWork, version: 2 | 3): string {
  return xhtmlPage(version, work.title, `  <div class="center">\n    <h1>${escapeMarkup(work.title)}</h1>\n    <p>${escapeMarkup(work.authors.join(", "))}</p>\n  </div>`);
}
