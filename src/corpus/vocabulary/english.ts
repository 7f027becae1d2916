/**
 * A hand-written English vocabulary for synthetic prose, by part of speech, each list roughly from the most to
 * the least common (they are drawn Zipf by position, so a full-text index sees realistic term frequencies).
 *
 * Words are chosen so that no generated paragraph can pass for something the importer treats specially: none of
 * the words that make a paragraph an author's note or a request for reviews ("beta", "review", "comment",
 * "kudos", "sequel", "update", "thanks"), none that open a chapter heading or an end marker ("chapter", "part",
 * "book", "section", "prologue", "end", "fin"), and no colons. Every character is one Windows-1252 can encode.
 */

/** Things: subjects of "The … " and objects of verbs. */
export const NOUNS: readonly string[] = [
  "door", "room", "house", "hand", "light", "night", "way", "day", "window", "voice", "table", "kitchen", "road",
  "car", "water", "morning", "fire", "street", "wall", "floor", "bed", "coat", "cup", "rain", "city", "town",
  "letter", "key", "bag", "chair", "lamp", "garden", "field", "tree", "river", "sea", "sky", "wind", "snow",
  "stairs", "box", "map", "phone", "desk", "candle", "knife", "ship", "dark", "silence", "corner", "hallway",
  "shoulder", "face", "eyes", "hair", "jacket", "tea", "coffee", "bread", "glass", "bottle", "photograph",
  "notebook", "pen", "paper", "clock", "minute", "hour", "week", "year", "winter", "summer", "autumn", "spring",
  "moon", "sun", "star", "cloud", "storm", "path", "bridge", "gate", "fence", "roof", "porch", "train", "station",
  "platform", "ticket", "village", "forest", "hill", "mountain", "lake", "shore", "beach", "harbor", "boat",
  "island", "castle", "tower", "library", "shop", "market", "church", "school", "office", "hospital", "bench",
  "blanket", "pillow", "sweater", "scarf", "boots", "gloves", "ring", "necklace", "mirror", "painting", "radio",
  "piano", "song", "story", "question", "answer", "promise", "secret", "plan", "mistake", "reason", "memory",
  "dream", "name", "word", "breath", "heart", "smile", "laugh", "sound", "smell", "warmth", "cold", "edge",
  "surface", "shadow", "fog", "mist", "dust", "ash", "salt", "stone", "iron", "wood", "rope", "thread", "needle",
  "lantern", "kettle", "stove", "oven", "sink", "cupboard", "drawer", "shelf", "crate", "envelope", "parcel",
  "engine", "wheel", "helmet", "armor", "sword", "shield", "spell", "potion", "wand", "scroll", "crown", "throne",
  "banner", "horse", "dog", "cat", "bird", "owl", "fox", "wolf", "crow", "orchard", "greenhouse", "cellar", "attic",
  "balcony", "courtyard", "alley", "doorway", "threshold", "carpet", "curtain", "ceiling", "staircase",
];

/** Describing words for nouns. */
export const ADJECTIVES: readonly string[] = [
  "old", "small", "long", "little", "dark", "cold", "quiet", "new", "last", "warm", "empty", "heavy", "bright",
  "narrow", "open", "broken", "soft", "low", "wet", "pale", "thin", "tired", "careful", "familiar", "strange",
  "distant", "sudden", "gentle", "slow", "sharp", "faint", "grey", "blue", "green", "red", "golden", "silver",
  "white", "black", "brown", "wooden", "stone", "iron", "crooked", "dusty", "muddy", "frozen", "burning", "quiet",
  "steady", "hollow", "rough", "smooth", "bitter", "sweet", "sour", "bare", "crowded", "lonely", "endless", "small",
  "ancient", "worn", "faded", "polished", "scratched", "folded", "crumpled", "borrowed", "stolen", "forgotten",
  "hidden", "whole", "half", "second", "other", "only", "same", "usual", "proper", "real", "ordinary", "impossible",
  "terrible", "wonderful", "ridiculous", "patient", "restless", "brave", "foolish", "clever", "kind", "stubborn",
];

/** Past-tense verbs that take an object ("held the cup"). */
export const TRANSITIVE_VERBS: readonly string[] = [
  "took", "held", "found", "opened", "closed", "watched", "turned", "touched", "carried", "kept", "left", "pushed",
  "pulled", "lifted", "dropped", "crossed", "followed", "noticed", "checked", "counted", "studied", "fixed",
  "folded", "set down", "picked up", "put away", "looked at", "reached for", "stared at", "leaned against",
  "walked past", "waited by", "knocked on", "tapped", "cleaned", "moved", "straightened", "brushed", "tested",
  "locked", "unlocked", "wiped", "filled", "emptied", "shook", "caught", "threw", "handed over", "passed",
  "remembered", "forgot", "imagined", "considered", "ignored", "avoided", "searched", "measured", "mended",
  "painted", "sharpened", "lit", "blew out", "wrapped", "unwrapped", "traced", "pocketed", "examined", "read",
  "wrote down", "marked", "sketched", "weighed", "balanced", "dragged", "rolled", "stacked", "sorted", "buttoned",
];

/** Past-tense verb phrases that stand alone ("laughed"). */
export const INTRANSITIVE_VERBS: readonly string[] = [
  "waited", "laughed", "nodded", "sighed", "smiled", "stopped", "listened", "paused", "shrugged", "frowned",
  "looked away", "sat down", "stood up", "said nothing", "went quiet", "kept walking", "turned around", "hesitated",
  "agreed", "refused", "slept", "woke", "breathed out", "swallowed", "blinked", "winced", "grinned", "flinched",
  "stayed", "left", "came back", "looked up", "looked down", "leaned closer", "stepped back", "took a breath",
  "closed both eyes", "held still", "let go", "went on", "gave up", "tried again", "moved closer", "settled",
];

/** How something was done. */
export const ADVERBS: readonly string[] = [
  "slowly", "quietly", "carefully", "again", "finally", "still", "already", "suddenly", "gently", "quickly",
  "softly", "firmly", "almost", "barely", "nearly", "simply", "calmly", "briefly", "silently", "patiently",
  "absently", "deliberately", "reluctantly", "eventually", "immediately", "once more", "without a word",
  "for a moment", "after all", "at last",
];

/** Where something happened, with the article or pronoun it takes. */
export const PREPOSITIONS: readonly string[] = [
  "in", "on", "by", "across", "under", "over", "behind", "beside", "through", "into", "toward", "against", "near",
  "along", "past", "around", "beyond", "below", "above", "outside", "inside", "beneath",
];

/** What stands before a noun. */
export const DETERMINERS: readonly string[] = [
  "the", "the", "the", "a", "his", "her", "their", "that", "one", "the last", "every", "the other", "an old",
];

/** Sentence openers: a time, a place or a beat. Each ends with a comma. */
export const OPENERS: readonly string[] = [
  "Later,", "That night,", "In the morning,", "For a long moment,", "After a while,", "Outside,", "Somewhere below,",
  "By the time the kettle boiled,", "Afterwards,", "When it was over,", "Much later,", "Before dawn,", "Across the room,",
  "At the window,", "Still,", "Even so,", "For once,", "Twice,", "Three days later,", "Meanwhile,", "Upstairs,",
  "On the way home,", "When the rain stopped,", "Without looking,", "Sometimes,", "By noon,", "That winter,",
];

/** Things people say. Straight apostrophes; the prose writer makes curly ones for works typeset that way. */
export const UTTERANCES: readonly string[] = [
  "We should go back", "You're late", "I don't think that's a good idea", "Where did you find it", "It's not what you think",
  "Give me a minute", "You could have told me", "I know", "Don't", "Come here", "It's fine", "We're not done",
  "That's not funny", "Stay with me", "I'll be right back", "Are you sure", "Tell me what happened", "Not yet",
  "It was never about the money", "You kept it", "I missed you", "Put the kettle on", "Nobody's asking you to",
  "Say that again", "I thought you'd gone", "What do we do now", "It's cold out there", "Sit down before you fall down",
  "You look terrible", "I'm not leaving", "Then we wait", "How long have you known", "It's only a map",
  "Don't make me ask twice", "We had a deal", "You should sleep", "I can't hear you", "Look at me", "That's everything",
  "It's not broken", "Breathe", "You came back", "I never said that", "Try it now", "Whose idea was this",
  "I'm fine", "Of course it is", "It doesn't matter", "We'll manage", "Well, that's new",
];

/** Speech verbs for statements: "… she said." */
export const SPEECH_VERBS: readonly string[] = ["said", "said", "said", "whispered", "muttered", "called", "admitted", "replied", "snapped", "murmured"];

/** Speech verbs for questions: "… she asked." */
export const QUESTION_VERBS: readonly string[] = ["asked", "asked", "said", "whispered", "wondered aloud"];

/** Pronoun subjects, capitalised and not, with the possessive that matches. */
export const PRONOUNS: readonly (readonly [string, string])[] = [
  ["She", "she"], ["He", "he"], ["They", "they"], ["Nobody", "nobody"], ["Everyone", "everyone"], ["Someone", "someone"],
];

/** Words titles are made of (nouns and adjectives with some weight to them). */
export const TITLE_NOUNS: readonly string[] = [
  "Salt", "Winter", "Lanterns", "Rain", "Harbor", "Iron", "Glass", "Ashes", "Orchard", "Tide", "Stars", "Silence",
  "Embers", "Thread", "Compass", "Bridges", "Gravity", "Crowns", "Ghosts", "Wolves", "Ravens", "Roses", "Thunder",
  "Snowfall", "Midnight", "Daylight", "Distance", "Shelter", "Promises", "Letters", "Maps", "Keys", "Borders",
  "Weather", "Static", "Honey", "Smoke", "Paper", "Stone", "Water", "Fire", "Light", "Dust", "Echoes", "Anchors",
  "Kingdoms", "Tea", "Sparrows", "Moths", "Foxes", "Gardens", "Mirrors", "Clocks", "Songs", "Oceans", "Heartbeats",
  "Constellations", "Lighthouses", "Ruins", "Rivers", "Fields", "Candles", "Storms", "Ink", "Bones", "Feathers",
];

/** Adjectives for titles. */
export const TITLE_ADJECTIVES: readonly string[] = [
  "Quiet", "Long", "Small", "Cold", "Last", "Burning", "Hollow", "Golden", "Borrowed", "Broken", "Distant",
  "Gentle", "Silver", "Northern", "Unspoken", "Restless", "Slow", "Bright", "Second", "Impossible", "Ordinary",
  "Wild", "Lost", "Hidden", "Wandering", "Sleepless", "Crooked", "Patient", "Faithful", "Forgotten",
];

/** Verbs for titles of the form "Where the … Fall". */
export const TITLE_VERBS: readonly string[] = [
  "Fall", "Burn", "Wait", "Sing", "Break", "Stay", "Drift", "Rise", "Sleep", "Wander", "Remain", "Return", "Gather",
];
