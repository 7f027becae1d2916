/**
 * Authors' notes, disclaimers and header extras, as legacy files wrote them. Notes before a chapter thank a beta
 * or set the scene; notes after it thank readers, which is how the importer tells them from story text.
 */
export const LEADING_NOTES: readonly string[] = [
  "Thanks to my beta, who caught all the commas.",
  "This one got away from me a little.",
  "Written for a prompt on the comment fic meme.",
  "Set some time after the second season.",
  "Sorry for the wait on this one!",
  "Unbetaed, so all mistakes are mine.",
  "Many thanks to everyone who left a comment on the last part.",
  "Part of the winter ficathon. Enjoy!",
  "Shorter than usual, but the next one is longer.",
  "A little fluff to make up for last time.",
];

/** Notes after a chapter: thanks to readers, news of the next part. */
export const END_NOTES: readonly string[] = [
  "Thank you for reading!",
  "Thanks for reading. Reviews make my day.",
  "Feedback is always welcome.",
  "Thank you for all the lovely comments!",
  "The next chapter is already half written, I promise.",
  "Thanks for reading, and for the kudos.",
];

/** How a note is labelled at the start of its paragraph. */
export const NOTE_LABELS: readonly string[] = ["A/N:", "A/N:", "AN:", "Author's Note:", "Note:", "Notes:"];

/** The disclaimers fan fiction headers carried. */
export const DISCLAIMERS: readonly string[] = [
  "Not mine. No profit is made.",
  "The characters belong to their creators. I only borrow them.",
  "I own nothing but the plot.",
  "Not my sandbox. I just play in it.",
];

/** Header lines with no field of their own, which the importer keeps in `extra`. */
export const EXTRA_FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ["Spoilers", ["Through season four", "None", "The whole series", "Up to the finale"]],
  ["Beta", ["my long-suffering flatmate", "Marguerite", "the lovely Jo"]],
  ["Feedback", ["Always welcome!", "Yes please", "Be gentle"]],
  ["Archive", ["Ask first", "Yes, just let me know where", "My site only"]],
  ["Timeline", ["Post-canon", "Between the first and second seasons", "Ten years after"]],
];
