/**
 * Real fandoms and their main characters, the head of the corpus's fandom distribution. Fandoms are listed
 * roughly from the most to the least written-for, characters from the most to the least prominent, because
 * both are drawn Zipf by position. Names are facts about the canon; no text of any canon is used.
 *
 * Names avoid what header parsing would split (`,`, `;`, ` & `, ` and `, a `/` between capitalised words), as the
 * fandom and character names of real headers mostly do.
 */
export interface FandomEntry {
  /** The fandom as a header or an Archive tag names it. */
  name: string;
  /** Main characters, most prominent first. */
  characters: readonly string[];
}

/** The real fandoms, most written-for first. */
export const REAL_FANDOMS: readonly FandomEntry[] = [
  {
    name: "Harry Potter",
    characters: [
      "Harry Potter", "Hermione Granger", "Draco Malfoy", "Ron Weasley", "Severus Snape", "Sirius Black", "Remus Lupin",
      "Ginny Weasley", "Luna Lovegood", "Neville Longbottom", "Albus Dumbledore", "Minerva McGonagall",
    ],
  },
  {
    name: "Marvel Cinematic Universe",
    characters: [
      "Tony Stark", "Steve Rogers", "Bucky Barnes", "Natasha Romanov", "Loki", "Thor", "Clint Barton", "Bruce Banner",
      "Sam Wilson", "Pepper Potts", "Peter Parker",
    ],
  },
  {
    name: "Supernatural",
    characters: ["Dean Winchester", "Sam Winchester", "Castiel", "Bobby Singer", "Crowley", "Gabriel", "Jo Harvelle", "Ellen Harvelle", "Charlie Bradbury"],
  },
  {
    name: "Sherlock (TV)",
    characters: ["Sherlock Holmes", "John Watson", "Mycroft Holmes", "Greg Lestrade", "Molly Hooper", "Mrs. Hudson", "Jim Moriarty", "Irene Adler"],
  },
  {
    name: "Star Wars",
    characters: ["Luke Skywalker", "Leia Organa", "Han Solo", "Obi-Wan Kenobi", "Anakin Skywalker", "Padmé Amidala", "Rey", "Finn", "Poe Dameron", "Ben Solo"],
  },
  {
    name: "Buffy the Vampire Slayer",
    characters: [
      "Buffy Summers", "Spike", "Willow Rosenberg", "Xander Harris", "Rupert Giles", "Faith Lehane", "Tara Maclay",
      "Dawn Summers", "Angel", "Cordelia Chase", "Anya Jenkins", "Oz",
    ],
  },
  {
    name: "Naruto",
    characters: ["Naruto Uzumaki", "Sasuke Uchiha", "Sakura Haruno", "Kakashi Hatake", "Hinata Hyuuga", "Itachi Uchiha", "Shikamaru Nara", "Gaara", "Iruka Umino"],
  },
  {
    name: "Doctor Who",
    characters: ["The Doctor", "Rose Tyler", "Jack Harkness", "Donna Noble", "Martha Jones", "Clara Oswald", "Amy Pond", "Rory Williams", "River Song", "The Master"],
  },
  {
    name: "Star Trek: The Original Series",
    characters: ["James T. Kirk", "Spock", "Leonard McCoy", "Nyota Uhura", "Montgomery Scott", "Hikaru Sulu", "Pavel Chekov", "Christine Chapel"],
  },
  {
    name: "Good Omens",
    characters: ["Aziraphale", "Crowley", "Anathema Device", "Newton Pulsifer", "Adam Young", "Beelzebub", "Gabriel"],
  },
  {
    name: "Stargate SG-1",
    characters: ["Jack O'Neill", "Daniel Jackson", "Samantha Carter", "Teal'c", "George Hammond", "Janet Fraiser", "Jonas Quinn", "Cameron Mitchell", "Vala Mal Doran"],
  },
  {
    name: "Merlin (TV)",
    characters: ["Merlin", "Arthur Pendragon", "Gwen", "Morgana", "Gaius", "Lancelot", "Gwaine", "Uther Pendragon"],
  },
  {
    name: "Avatar: The Last Airbender",
    characters: ["Zuko", "Katara", "Aang", "Sokka", "Toph Beifong", "Iroh", "Azula", "Suki"],
  },
  {
    name: "The X-Files",
    characters: ["Fox Mulder", "Dana Scully", "Walter Skinner", "Alex Krycek", "John Doggett", "Monica Reyes"],
  },
  {
    name: "Stargate Atlantis",
    characters: ["John Sheppard", "Rodney McKay", "Teyla Emmagan", "Ronon Dex", "Elizabeth Weir", "Carson Beckett"],
  },
  {
    name: "Pride and Prejudice",
    characters: ["Elizabeth Bennet", "Fitzwilliam Darcy", "Jane Bennet", "Charles Bingley", "Lydia Bennet", "Charlotte Lucas", "George Wickham", "Caroline Bingley"],
  },
  {
    name: "Les Misérables",
    characters: ["Enjolras", "Grantaire", "Éponine Thénardier", "Combeferre", "Courfeyrac", "Cosette", "Marius Pontmercy", "Jean Valjean", "Javert"],
  },
];
