/**
 * The labels real fic headers use, in English and the five languages we read (es, fr, de, pt, it), and the
 * field each one fills. Sources: shared/reference/legacy-formats.md §4.1 and §2.2; eFiction's and FanFicFare's
 * label vocabularies; the Archive's download preface.
 */
export type FieldKey =
  | "title" | "authors" | "fandoms" | "crossover" | "category" | "relationships" | "charactersAndPairings"
  | "characters" | "rating" | "warnings" | "genres" | "tags" | "summary" | "notes" | "endNotes" | "disclaimer"
  | "published" | "updated" | "words" | "status" | "complete" | "wip" | "series" | "sequelTo" | "challenge"
  | "writtenFor" | "language" | "chapters" | "stats" | "email" | "url" | "mailFrom" | "subject"
  | "extra";

const LABELS: Record<Exclude<FieldKey, "extra">, readonly string[]> = {
  title: ["title", "título", "titre", "titel", "titolo", "story title", "fic title", "story", "название", "标题", "標題", "題名"],
  authors: [
    "author", "author(s)", "authors", "by", "written by", "writer", "creator", "creators", "pseud", "autor", "autora",
    "autores", "autor(a)", "auteur", "auteure", "auteurs", "autrice", "autore", "autori", "verfasser", "verfasserin",
    "autorin", "autorinnen", "автор", "авторы", "作者",
    "escrito por", "écrit par", "geschrieben von", "scritto da",
  ],
  fandoms: ["fandom", "fandoms", "fandom(s)", "universe", "canon", "universo", "univers", "serie tv", "fandome", "фандом", "фэндом", "原作"],
  crossover: ["crossover", "crossover with", "crossovers", "cross-over"],
  category: ["category", "categories", "category(s)", "categoría", "categorías", "categoria", "categorias", "catégorie", "catégories", "kategorie", "kategorien", "categorie"],
  relationships: [
    "pairing", "pairings", "pairing(s)", "relationship", "relationships", "relationship(s)", "ship", "ships",
    "couple", "couples", "pareja", "parejas", "emparejamiento", "emparejamientos", "paarung", "paarungen",
    "casal", "casais", "shipp", "coppia", "coppie", "relación", "relaciones", "relation", "relations",
    "beziehung", "beziehungen", "relacionamento", "relacionamentos", "relazione", "relazioni", "пейринг", "配对", "配對", "cp",
  ],
  charactersAndPairings: ["пэйринг и персонажи", "пейринг и персонажи", "character/pairing", "characters/pairings", "characters/pairing", "pairing/characters", "pairings/characters", "characters & pairings", "characters and pairings"],
  characters: [
    "character", "characters", "character(s)", "main characters", "featuring", "personaje", "personajes",
    "personnage", "personnages", "charakter", "charaktere", "figuren", "figur", "personagem", "personagens",
    "personaggio", "personaggi", "персонажи", "персонаж", "角色", "人物",
  ],
  rating: [
    "rating", "rated", "clasificación", "calificación", "clasificacion", "classificação", "classement",
    "classification", "altersfreigabe", "bewertung", "einstufung", "classificazione", "valutazione", "rating/warnings",
    "рейтинг", "分级", "分級",
  ],
  warnings: [
    "warning", "warnings", "warning(s)", "content warning", "content warnings", "content warning(s)",
    "archive warning", "archive warnings", "archive warning(s)", "trigger warning", "trigger warnings", "tw",
    "advertencia", "advertencias", "advertencia(s)", "avertissement", "avertissements", "warnung", "warnungen",
    "aviso", "avisos", "avvertenza", "avvertenze", "avvertimenti", "avvertimento", "предупреждения", "предупреждение", "警告",
  ],
  genres: ["genre", "genres", "genre(s)", "género", "géneros", "gênero", "gêneros", "genero", "generos", "genere", "generi", "type", "жанр", "жанры", "类型", "類型"],
  tags: ["tags", "tag", "additional tags", "keywords", "keyword", "freeform", "freeforms", "etiquetas", "étiquettes", "schlagwörter", "palavras-chave", "parole chiave", "extra tags"],
  summary: [
    "summary", "description", "blurb", "resumen", "sinopsis", "résumé", "resume", "zusammenfassung", "inhalt",
    "beschreibung", "kurzbeschreibung", "resumo", "sinopse", "sinossi", "riassunto", "trama", "descripción", "descrição", "descrizione",
    "описание", "саммари", "аннотация", "简介", "簡介", "摘要", "文案",
  ],
  notes: [
    "a/n", "an", "author's note", "author's notes", "authors note", "authors notes", "author note", "author notes",
    "note", "notes", "n/a", "story notes", "nota", "notas", "nota de autor", "nota del autor", "nota de la autora",
    "notas del autor", "note de l'auteur", "note de l'auteure", "notes de l'auteur", "note de l'autrice",
    "anmerkung", "anmerkungen", "notiz", "anmerkung der autorin", "anmerkung des autors", "nota da autora",
    "nota do autor", "notas da autora", "nota dell'autore", "nota dell'autrice", "note dell'autrice", "note dell'autore",
  ],
  endNotes: ["end notes", "end note", "endnotes", "afterword"],
  disclaimer: [
    "disclaimer", "disclaimers", "copyright", "descargo", "descargo de responsabilidad", "aviso legal",
    "avis de non-responsabilité", "avis de non responsabilité", "haftungsausschluss", "ausschlussklausel",
    "isenção de responsabilidade", "isenção", "dichiarazione di non responsabilità", "declaración",
  ],
  published: [
    "date", "dated", "date written", "date posted", "written", "written on", "posted", "posted on", "posted at",
    "published", "first posted", "first published", "fecha", "fecha de publicación", "publicado", "date de publication",
    "publié", "publié le", "datum", "veröffentlicht", "veröffentlicht am", "data", "data de publicação",
    "pubblicato", "data di pubblicazione", "erstellt", "écrit le", "escrito",
  ],
  updated: ["updated", "last updated", "last update", "revised", "actualizado", "actualización", "mis à jour", "mise à jour", "aktualisiert", "atualizado", "atualização", "aggiornato", "aggiornamento"],
  words: [
    "word count", "wordcount", "words", "word", "length", "palabras", "número de palabras", "mots", "nombre de mots",
    "wörter", "wortanzahl", "wortzahl", "palavras", "número de palavras", "parole", "numero di parole", "longueur", "länge",
    "字数", "字數",
  ],
  status: ["status", "estado", "statut", "stato", "situação", "state", "статус", "状态", "狀態"],
  complete: ["complete", "completed", "completo", "completa", "terminé", "terminée", "fertig", "abgeschlossen", "concluída", "concluído", "finished"],
  wip: ["wip"],
  series: ["series", "serie", "série", "séries", "reihe", "saga", "part of", "series name", "parte de", "fait partie de", "teil von", "parte di", "verse"],
  sequelTo: ["sequel to", "sequel", "secuela de", "suite de", "fortsetzung von", "continuação de", "sequência de", "seguito di", "follows"],
  challenge: ["challenge", "challenges", "challenge/prompt", "prompt/challenge", "fest", "reto", "desafío", "défi", "herausforderung", "desafio", "sfida", "collection", "collections"],
  writtenFor: ["written for", "for", "gift for", "escrito para", "écrit pour", "geschrieben für", "scritto per"],
  language: ["language", "idioma", "langue", "sprache", "lingua", "língua", "idioma original"],
  chapters: ["chapters", "chapter count", "capítulos", "chapitres", "kapitel", "capitoli"],
  stats: ["stats", "statistics"],
  email: ["e-mail", "email", "e-mail address", "email address", "mail", "contact", "correo", "courriel", "e-mail-adresse"],
  url: ["url", "story url", "link", "source url", "original url", "originally posted at", "website"],
  // Mail and Usenet headers over a posted story: the sender is usually its author, the subject names it.
  mailFrom: ["from"],
  subject: ["subject", "subj"],
};

// Labels with no field of their own that still mark a line as part of a header (so that "Spoilers: season 7"
// at the top of a file starts the header). Unknown labels inside a header go to `extra` as well.
const EXTRA_LABELS = [
  "spoilers", "spoiler", "spoiler(s)", "timeline", "time frame", "timeframe", "setting", "time period", "beta",
  "betas", "beta(s)", "beta reader", "beta readers", "beta'd by", "betaed by", "beta-reader", "feedback",
  "archive", "archiving", "archive permission", "prompt", "prompts", "format", "dedication", "dedicated to",
  "inspiration", "inspired by", "thanks", "recipient", "request", "song", "songs", "lyrics", "music",
  "soundtrack", "site", "publisher", "packaged", "reviews", "favs", "follows", "id", "hits", "kudos",
  "bookmarks", "comments", "read", "read count", "continuity", "pov", "point of view", "season", "episode",
  "spoilers for", "contexto", "époque", "zeitraum", "betaleser", "bêta", "beta-lectrice", "beta-leitura",
  "to", "cc", "newsgroups", "message-id", "reply-to", "organization", "sender", "бета", "посвящение",
];

/**
 * Lower-cased, accents kept, typographic apostrophes straightened, spacing and `(s)` normalised: a label as the
 * importer looks it up, and as the review desk's label rules store it.
 * @example normaliseLabel("Category(s):") // "category"
 */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'")
    .replace(/\s*\(s\)/gu, "")
    .replace(/\s*\/\s*/gu, "/")
    .replace(/[\s_]+/gu, " ")
    .replace(/[*#:.\s]+$/u, "")
    .trim();
}

const FIELD_BY_LABEL = new Map<string, FieldKey>();
for (const [field, labels] of Object.entries(LABELS)) {
  for (const label of labels) FIELD_BY_LABEL.set(normaliseLabel(label), field as FieldKey);
}
for (const label of EXTRA_LABELS) FIELD_BY_LABEL.set(normaliseLabel(label), "extra");

/** The field a label fills; `extra` for known labels with no field; undefined for words that are no label. */
export function fieldForLabel(label: string): FieldKey | undefined {
  return FIELD_BY_LABEL.get(normaliseLabel(label));
}
