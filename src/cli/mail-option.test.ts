import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createMailer } from "../services/mail/mailer.js";
import { UsageError } from "./io.js";
import { describeMailSetting, mailTransport, parseMailSetting } from "./mail-option.js";

describe("the --mail setting", () => {
  it("is console unless the flag or QUIRE_MAIL says otherwise, and the flag wins", () => {
    expect(parseMailSetting(undefined, undefined)).toEqual({ kind: "console" });
    expect(parseMailSetting(undefined, "  ")).toEqual({ kind: "console" });
    expect(parseMailSetting(undefined, "smtp://mail.example:25")).toEqual({ kind: "smtp", url: "smtp://mail.example:25" });
    expect(parseMailSetting("Console", "smtp://mail.example:25")).toEqual({ kind: "console" });
  });

  it("takes a folder path, made absolute, and SMTP URLs with or without TLS", () => {
    expect(parseMailSetting("outbox", undefined)).toEqual({ kind: "folder", path: resolve("outbox") });
    expect(parseMailSetting("smtps://quire:s3cret@mail.example:465", undefined)).toEqual({ kind: "smtp", url: "smtps://quire:s3cret@mail.example:465" });
  });

  it("refuses other schemes, an SMTP URL without a host, and an empty value", () => {
    for (const value of ["http://mail.example", "smtp://", ""]) expect(() => parseMailSetting(value, undefined)).toThrow(UsageError);
  });

  it("never prints an SMTP password", () => {
    const described = describeMailSetting(parseMailSetting("smtps://quire:s3cret@mail.example:465", undefined));
    expect(described).toContain("mail.example");
    expect(described).not.toContain("s3cret");
  });

  it("prints console mail through the writer it is given", async () => {
    let written = "";
    await createMailer(mailTransport({ kind: "console" }, (text) => (written += text))).send({ to: "reader@example.test", subject: "Hello", text: "A line of mail." });
    expect(written).toContain("mail to reader@example.test: Hello");
    expect(written).toContain("A line of mail.");
  });
});
