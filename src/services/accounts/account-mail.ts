/**
 * Mail the account pages send as a courtesy (a reset link, a note that the address changed, an invitation): a
 * failure to send must neither undo what was done nor answer differently (a reset request for an account would
 * fail where one for no account does not), so it is handed back for the edge to log, not thrown.
 */
import type { Mailer, MailMessage } from "../mail/mailer.js";

/** @returns the error that kept the message from going, or null when it went. */
export async function sendOrReport(mailer: Mailer, message: MailMessage): Promise<Error | null> {
  try {
    await mailer.send(message);
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
