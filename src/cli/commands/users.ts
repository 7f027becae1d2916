/**
 * `quire users add LOGIN --email ADDRESS [--role ROLE]` and `quire users role LOGIN ROLE`: accounts from the
 * command line, above all the first admin, whom a fresh archive cannot make on the web. The password comes from
 * QUIRE_PASSWORD, else is asked for on a terminal (twice, not shown), else is the first line of standard input —
 * never an argument, which other users of the machine could read in the process list.
 */
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { openQuire } from "../../composition.js";
import { isRole, ROLES, type Role } from "../../domain/account.js";
import { createAccount } from "../../services/accounts/create-account.js";
import { setRoleByLogin } from "../../services/accounts/roles.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, rejectOtherFlags } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire users add LOGIN --email ADDRESS [--role ROLE] | quire users role LOGIN ROLE  [--db TARGET]";

/** Where a new password comes from: the environment, else the terminal or a pipe. */
export interface PasswordSource {
  env: string | undefined;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where a terminal's prompts are written (stderr, so stdout stays the command's answer). */
  output: NodeJS.WritableStream;
}

/** @throws UsageError when no password comes, or a terminal's two entries differ. */
export async function readNewPassword(source: PasswordSource): Promise<string> {
  if (source.env !== undefined && source.env !== "") return source.env;
  if (!source.input.isTTY) {
    const line = await readFirstLine(source.input);
    if (line === "") throw new UsageError("no password: set QUIRE_PASSWORD, or give it as the first line of standard input");
    return line;
  }
  const first = await askHidden(source, "Password for the new account: ");
  const again = await askHidden(source, "The same password again: ");
  if (first !== again) throw new UsageError("the two passwords differ");
  return first;
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
  }
}

/** A question on the terminal whose answer is not echoed. */
async function askHidden(source: PasswordSource, question: string): Promise<string> {
  let echo = true;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (echo) source.output.write(chunk);
      done();
    },
  });
  const terminal = createInterface({ input: source.input, output, terminal: true });
  try {
    const answer = terminal.question(question);
    echo = false;
    return await answer;
  } finally {
    terminal.close();
    source.output.write("\n");
  }
}

function roleArgument(value: string): Role {
  const role = value.trim().toLowerCase();
  if (!isRole(role)) throw new UsageError(`a role is one of ${ROLES.join(", ")}, not "${value}"`);
  return role;
}

export async function runUsers(args: readonly string[], io: Io, passwordSource: PasswordSource = { env: process.env.QUIRE_PASSWORD, input: process.stdin, output: process.stderr }): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...DB_OPTION, email: { type: "string" }, role: { type: "string" } }, USAGE);
  const [action, login, roleName, ...extra] = positionals;
  if (action === "add") {
    if (login === undefined || roleName !== undefined) throw new UsageError(`users add takes one login (usage: ${USAGE})`);
    if (values.email === undefined) throw new UsageError(`users add needs --email (usage: ${USAGE})`);
    const role = roleArgument(values.role ?? "author");
    const password = await readNewPassword(passwordSource);
    return withLibrary(values.db, async (library) => {
      await createAccount(library.db, { login, email: values.email ?? "", password, role }, new Date().toISOString());
      io.out(`Made the account ${login.trim()} (${role}). It can sign in at /login.\n`);
    });
  }
  if (action === "role") {
    rejectOtherFlags(values, [], "users role", USAGE);
    if (login === undefined || roleName === undefined || extra.length > 0) throw new UsageError(`users role takes a login and a role (usage: ${USAGE})`);
    const role = roleArgument(roleName);
    return withLibrary(values.db, async (library) => {
      const { previous } = await setRoleByLogin(library, login, role, new Date().toISOString());
      io.out(previous === role ? `${login.trim()} was ${role} already.\n` : `${login.trim()} is now ${role} (was ${previous}).\n`);
    });
  }
  throw new UsageError(`users needs add or role (usage: ${USAGE})`);
}

async function withLibrary(db: string | undefined, work: (library: Awaited<ReturnType<typeof openQuire>>["library"]) => Promise<void>): Promise<number> {
  const quire = await openQuire(databaseFrom(db));
  try {
    await work(quire.library);
    return 0;
  } finally {
    await quire.close();
  }
}
