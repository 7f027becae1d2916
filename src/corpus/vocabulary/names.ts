/**
 * Name pieces: first names and surnames for the characters of invented fandoms and for authors who write under
 * a name, word pieces for pen names, and the parts invented fandoms are named from. A few carry accents, so that
 * Windows-1252 and UTF-16 files hold characters outside ASCII; every one is Windows-1252-encodable.
 */
export const FIRST_NAMES: readonly string[] = [
  "Ada", "Alba", "Amara", "Anaïs", "Ansel", "Arden", "Auden", "Bastian", "Beatrix", "Bram", "Briar", "Cade", "Calla",
  "Cassia", "Cato", "Cleo", "Corin", "Dara", "Delphine", "Desmond", "Eamon", "Edda", "Elio", "Elspeth", "Emrys",
  "Esme", "Ezra", "Fenna", "Finch", "Fiora", "Gideon", "Greer", "Hale", "Halle", "Hollis", "Ilse", "Imre", "Ines",
  "Isolde", "Ivo", "Jana", "Jory", "Juno", "Kasimir", "Keir", "Kestrel", "Lark", "Leander", "Linnea", "Lio", "Lorne",
  "Mabry", "Maren", "Marek", "Mira", "Morrow", "Nell", "Nico", "Noor", "Oona", "Orrin", "Osric", "Pell", "Perrin",
  "Petra", "Quill", "Ravi", "Remy", "Renée", "Rhosyn", "Rook", "Rowan", "Saoirse", "Selim", "Senna", "Silas",
  "Søren", "Sorrel", "Tamsin", "Tavi", "Teo", "Thea", "Tobin", "Ulla", "Vesna", "Wren", "Yara", "Ysolde", "Zadie",
  "Zoë", "Anselm", "Clement", "Honora", "Lucan", "Niamh", "Odile", "Piet", "Rosalind", "Tomas",
];

/** Surnames, for the same. */
export const SURNAMES: readonly string[] = [
  "Ashby", "Avery", "Barrow", "Blackwood", "Brannock", "Calloway", "Carrow", "Castell", "Corbin", "Crane", "Dacre",
  "Darrow", "Delacroix", "Ellery", "Esterhazy", "Fairfax", "Falk", "Farrow", "Fenwick", "Galloway", "Garrick",
  "Greaves", "Hale", "Halloran", "Harrow", "Hawthorne", "Hollow", "Ingram", "Iverson", "Jarrow", "Kellan", "Kestrel",
  "Lacey", "Larkin", "Lindqvist", "Lowell", "Marrin", "Merrow", "Morrow", "Nakamura", "Navarro", "Northcott",
  "Oakes", "Okafor", "Orme", "Pell", "Penhallow", "Quarrie", "Quint", "Radley", "Renwick", "Rook", "Sayer",
  "Selby", "Sinclair", "Soto", "Starling", "Strand", "Sutton", "Tallis", "Thorne", "Tremaine", "Vale", "Varga",
  "Voss", "Wainwright", "Warrick", "Weller", "Winter", "Wolfe", "Yardley", "Ziegler", "Ambrose", "Beaumont",
  "Chevalier", "Duchesne", "Lefèvre", "Moreau", "Müller", "Ström",
];

/** Lower-case word pieces that pen names are glued from ("quill" + "feather"). */
export const PEN_NAME_PIECES: readonly string[] = [
  "quill", "feather", "ink", "moth", "lantern", "tea", "tartan", "marrow", "fog", "salt", "rook", "wren", "paper",
  "star", "moon", "velvet", "ember", "ash", "honey", "thistle", "bramble", "clover", "copper", "silver", "raven",
  "sparrow", "fox", "otter", "badger", "tide", "harbor", "static", "signal", "tinsel", "pocket", "teacup", "biscuit",
  "cobalt", "indigo", "saffron", "juniper", "hazel", "willow", "spike", "slayer", "gate", "tardis", "winchester",
  "impala", "baker", "street", "orchid", "ghost", "midnight", "sunday", "rainy", "sleepy", "lazy", "odd", "little",
  "tiny", "grumpy", "wandering", "lost", "quiet", "late", "stray", "paper", "cardigan", "scarf", "lighthouse",
];

/** Suffixes fans put on pen names. */
export const PEN_NAME_SUFFIXES: readonly string[] = ["luvr", "fan", "writes", "girl", "boy", "kid", "queen", "_fics", "ish", "face", "heart", "nerd"];

/** Pieces of invented fandom names: "The Lanterns of Ysolde", "Harrow Bay (TV)". */
export const FANDOM_PLACES: readonly string[] = [
  "Harrow Bay", "Saltmarsh", "Greywater", "Northcott", "Ninefold", "Starfall", "Ashgrove", "Coldharbor", "Thornfield",
  "Emberlyn", "Wrenfield", "Blackwater", "Silvermere", "Hollowmere", "Ravenscar", "Fairhaven", "Stillwater",
  "Brightwell", "Marrowdale", "Lanternfall", "Kestrel Point", "Ironvale", "Duskwood", "Glasshouse", "Moonreach",
];

/** Patterns for invented fandom names, filled from the lists above. */
export const FANDOM_FORMS: readonly string[] = [
  "{place} (TV)", "{place} Academy", "{place} Station", "The Chronicles of {place}", "{place} (Video Game)",
  "The Lanterns of {name}", "{name} and the {noun}", "{place} Heights", "{place} Chronicles", "{place} (Web Series)",
  "{place} - {surname}", "The {noun} of {place}", "{place} Mysteries", "Tales of {place}", "{place} (Anime)",
];
