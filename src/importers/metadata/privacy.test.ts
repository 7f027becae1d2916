import { describe, expect, it } from "vitest";
import { redactEmails, statedEmail } from "./privacy.js";

describe("redactEmails", () => {
  it.each<[string, string, string]>([
    ["a plain address", "mara.quill@example.org", ""],
    ["an address after a name", "Mara Quill mara.quill@example.org", "Mara Quill"],
    ["an address in brackets", "Mara Quill (mara.quill@example.org)", "Mara Quill"],
    ["an address in square brackets", "Mara Quill [mara_q+fic@mail.example.co.uk]", "Mara Quill"],
    ["an address in angle brackets", "Mara Quill <mara@example.net>", "Mara Quill"],
    ["an address after a separator", "Mara Quill - mara@example.net", "Mara Quill"],
    ["an address before the name", "mara@example.net, Mara Quill", "Mara Quill"],
    ["a mailto: link", "Mara Quill mailto:mara@example.net", "Mara Quill"],
    ["a disguised address", "Mara Quill, mara [at] example [dot] com", "Mara Quill"],
    ["a disguised address in parentheses", "Mara Quill (mara (at) example (dot) com)", "Mara Quill"],
    ["a disguised address with braces", "mara{at}example{dot}com", ""],
    ["an address with a hyphenated domain", "Feedback to mara@fic-archive.example.com please", "Feedback to please"],
    ["an accented local part", "Zoë (zoë@example.fr)", "Zoë"],
    ["two addresses", "Mara (mara@example.net) and Rowan (rowan@example.net)", "Mara and Rowan"],
    ["two addresses in one bracket", "Mara (mara@example.net; rowan@example.net)", "Mara"],
    ["an address with its own label", "Mara Quill (email: mara@example.net)", "Mara Quill"],
    ["an address between names", "Mara, <mara@example.net>, Rowan", "Mara, Rowan"],
    ["an address between dashes", "Mara - mara@example.net - Rowan", "Mara - Rowan"],
  ])("removes %s", (_label, value, expected) => {
    const result = redactEmails(value);
    expect(result).toBe(expected);
    expect(result).not.toMatch(/@|\[at\]|\(at\)|\{at\}/iu);
    expect(result).not.toMatch(/\(\s*\)|\[\s*\]|<\s*>|\{\s*\}/u);
  });

  it.each([
    "Mara Quill",
    "Rated T for language (and some violence)",
    "Thanks to my beta, Rowan.",
    "Look at that: [dot] matrix printers!",
    "Twitter: @maraquill",
  ])("leaves %j unchanged", (value) => {
    expect(redactEmails(value)).toBe(value);
  });
});

describe("statedEmail", () => {
  it("finds the author's address on an e-mail, author or From line of the header", () => {
    expect(statedEmail("Title: Tides\nAuthor: Jo Marsh <jo@example.org>\n\nThe sea came in.")).toBe("jo@example.org");
    expect(statedEmail("Title: Tides\nE-mail: mailto:tides@example.net\nRating: G\n\nText")).toBe("tides@example.net");
    expect(statedEmail("From: Jo <jo@example.org>\nSubject: Tides\n\nText")).toBe("jo@example.org");
  });

  it("ignores addresses off those lines and below the header", () => {
    expect(statedEmail("Title: Tides\nBeta: reader@example.org\n\nText")).toBeNull();
    expect(statedEmail(`Title: Tides\n${"A line of story.\n".repeat(80)}Email: late@example.org`)).toBeNull();
    expect(statedEmail("Title: Tides\nAuthor: Jo Marsh\n")).toBeNull();
  });
});
