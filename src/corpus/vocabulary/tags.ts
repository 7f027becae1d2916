/**
 * Additional tags ("freeforms"), most used first, and the genre words among them. Genres may be written on a
 * `Genre:` line joined by `/` (`Angst/Romance`), as legacy headers do; the rest go on a `Tags:` line.
 *
 * No tag is a word the importer reads as an Archive category (`Slash`, `Het`, `Gen`, `Multi`, `Other`,
 * `Threesome`, `Poly`…) or holds a comma, and only Hurt/Comfort holds a `/` among the genres.
 */
export const GENRE_TAGS: readonly string[] = [
  "Angst", "Fluff", "Hurt/Comfort", "Romance", "Humor", "Friendship", "Drama", "Family", "Adventure", "Tragedy",
  "Mystery", "Horror", "Suspense",
];

/** Common tags that are not genres, most used first. */
export const OTHER_TAGS: readonly string[] = [
  "Alternate Universe", "Established Relationship", "Slow Burn", "Smut", "Canon Compliant", "Angst with a Happy Ending",
  "First Kiss", "Post-Canon", "Missing Scene", "Fix-It", "Domestic Fluff", "Friends to Lovers", "Enemies to Lovers",
  "Pining", "Mutual Pining", "Found Family", "Character Study", "Introspection", "Banter", "Whump", "Fluff and Angst",
  "Crack", "Happy Ending", "Sad Ending", "Minor Injuries", "Nightmares", "Light Angst", "Alternate Universe - Modern Setting",
  "Alternate Universe - College/University", "Time Travel", "Soulmates", "Road Trip", "Christmas", "Sick Fic",
  "Case Fic", "Weddings", "Snowed In", "Cooking", "Letters", "Hospitals", "Bed Sharing", "Fake Dating", "Grief",
  "Recovery", "Magic", "Rain", "Tea", "Kissing", "Sharing a Bed", "Secret Relationship", "Protectiveness",
];

/** Nouns the long tail of tags is made of ("Lighthouses", "Borrowed Coats"). */
export const TAG_TAIL_NOUNS: readonly string[] = [
  "Lighthouses", "Umbrellas", "Boilers", "Bookshops", "Trains", "Mittens", "Bees", "Lanterns", "Maps", "Keys",
  "Orchards", "Kettles", "Ferries", "Libraries", "Greenhouses", "Postcards", "Radios", "Scarves", "Thunderstorms",
  "Bakeries", "Harbors", "Tattoos", "Piano", "Chess", "Gardening", "Knitting", "Stargazing", "Swimming", "Birthdays",
  "Museums", "Ghosts", "Dragons", "Pirates", "Spies", "Heists", "Detectives", "Werewolves", "Vampires", "Mermaids",
];

/** Patterns for the long tail of tags. */
export const TAG_TAIL_FORMS: readonly string[] = ["{noun}", "Borrowed {noun}", "{noun} Mentioned", "Too Many {noun}", "Fun with {noun}", "{noun} as a Metaphor"];
