/**
 * `--mail` (or QUIRE_MAIL) for `quire serve`: where the archive's mail goes. `console` (the default) prints each
 * message; a folder path writes one .eml file per message there; an smtp:// or smtps:// URL sends it (nodemailer,
 * with the user and password in the URL: smtps://user:pass@mail.example:465).
 */
import { resolve } from "node:path";
import { z } from "zod";
import type { MailTransport } from "../services/mail/mailer.js";
import { UsageError } from "./io.js";

export type MailSetting = { kind: "console" } | { kind: "folder"; path: string } | { kind: "smtp"; url: string };

const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//iu;

const mailSetting = z.string().trim().min(1, "--mail needs a value").transform((value, ctx): MailSetting => {
  if (value.toLowerCase() === "console") return { kind: "console" };
  if (/^smtps?:\/\//iu.test(value)) {
    if (!URL.canParse(value) || new URL(value).hostname === "") {
      ctx.addIssue({ code: "custom", message: `--mail: "${redactedMailUrl(value)}" is not a URL a mail server can be reached at` });
      return z.NEVER;
    }
    return { kind: "smtp", url: value };
  }
  if (ANY_SCHEME.test(value)) {
    ctx.addIssue({ code: "custom", message: "--mail takes console, a folder, or an smtp:// or smtps:// URL" });
    return z.NEVER;
  }
  return { kind: "folder", path: resolve(value) };
});

/**
 * The flag's value, else QUIRE_MAIL, else console.
 * @throws UsageError for a value that names none of them.
 */
export function parseMailSetting(flag: string | undefined, env: string | undefined): MailSetting {
  const parsed = mailSetting.safeParse(flag ?? (env?.trim() || "console"));
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "--mail takes console, a folder, or an smtp:// or smtps:// URL");
  return parsed.data;
}

/** The transport for the setting; console mail is written with `write`. */
export function mailTransport(setting: MailSetting, write: (text: string) => void): MailTransport {
  return setting.kind === "console" ? { kind: "console", write } : setting;
}

/** Where mail goes, for the server's start-up lines: never an SMTP password. */
export function describeMailSetting(setting: MailSetting): string {
  switch (setting.kind) {
    case "console": return "printed here (start with --mail DIR or --mail smtp://… to deliver it)";
    case "folder": return `written as .eml files to ${setting.path}`;
    case "smtp": return `sent through ${redactedMailUrl(setting.url)}`;
  }
}

function redactedMailUrl(value: string): string {
  if (!URL.canParse(value)) return value.replace(/\/\/[^@/]*@/u, "//…@");
  const url = new URL(value);
  if (url.password) url.password = "…";
  return url.toString();
}
