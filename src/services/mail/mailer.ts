/**
 * Outgoing mail (password resets, invitations, notifications) through a pluggable transport. By default mail is
 * written where the archive's owner can read it — the console, or one .eml file per message in a folder — so a
 * self-hosted archive works before anyone sets up mail; with an SMTP URL it is sent for real (nodemailer).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text: every message reads well without HTML. */
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export type MailTransport =
  | { kind: "console"; write: (text: string) => void }
  | { kind: "folder"; path: string }
  | { kind: "smtp"; url: string }
  | { kind: "memory"; outbox: MailMessage[] };

export const DEFAULT_FROM = "Quire <quire@localhost>";

export function createMailer(transport: MailTransport, from = DEFAULT_FROM): Mailer {
  switch (transport.kind) {
    case "console":
      return { send: async (m) => transport.write(`\n--- mail to ${m.to}: ${m.subject}\n${m.text}\n---\n`) };
    case "memory":
      return { send: async (m) => void transport.outbox.push(m) };
    case "folder":
      return {
        send: async (m) => {
          await mkdir(transport.path, { recursive: true });
          const name = `${new Date().toISOString().replace(/[:.]/gu, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
          await writeFile(join(transport.path, name), toEml(from, m), "utf8");
        },
      };
    case "smtp": {
      const smtp = nodemailer.createTransport(transport.url);
      return { send: async (m) => void (await smtp.sendMail({ from, to: m.to, subject: m.subject, text: m.text })) };
    }
  }
}

/** A message as an RFC 5322 file any mail program opens; the subject is encoded when it is not ASCII. */
function toEml(from: string, m: MailMessage): string {
  const subject = /^[\x20-\x7e]*$/u.test(m.subject) ? m.subject : `=?UTF-8?B?${Buffer.from(m.subject, "utf8").toString("base64")}?=`;
  return [`From: ${from}`, `To: ${m.to.replace(/[\r\n]/gu, "")}`, `Subject: ${subject.replace(/[\r\n]/gu, " ")}`, `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", m.text.replace(/\r?\n/gu, "\r\n"), ""].join("\r\n");
}
