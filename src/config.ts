/**
 * Settings parsed once at the edge. Where the library lives: `--db` or `QUIRE_DB`, as `sqlite:PATH` (default
 * `./quire.db`), a bare path ending in .db/.sqlite, or `postgres://…`/`postgresql://…`. Where the archive is on
 * the web: `--origin` or `QUIRE_ORIGIN`.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { QuireError } from "./domain/errors.js";

export type DatabaseTarget = Readonly<{ engine: "sqlite"; path: string } | { engine: "postgres"; url: string }>;

export const DEFAULT_DATABASE = "sqlite:./quire.db";

const target = z.string().trim().min(1).transform((value, ctx): DatabaseTarget => {
  if (/^postgres(?:ql)?:\/\//iu.test(value)) {
    if (!URL.canParse(value)) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a valid PostgreSQL URL` });
      return z.NEVER;
    }
    return Object.freeze({ engine: "postgres", url: value });
  }
  const path = value.replace(/^sqlite:(?:\/\/)?/iu, "");
  if (path === ":memory:") return Object.freeze({ engine: "sqlite", path });
  if (path.length === 0 || /^[a-z][a-z0-9+.-]*:\/\//iu.test(path)) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a database (use sqlite:PATH or postgres://…)` });
    return z.NEVER;
  }
  return Object.freeze({ engine: "sqlite", path: resolve(path) });
});

/**
 * @throws QuireError("config") naming what is wrong.
 * @example parseDatabaseTarget("sqlite:lib.db") // { engine: "sqlite", path: "/cwd/lib.db" }
 */
export function parseDatabaseTarget(value: string | undefined, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const result = target.safeParse(value ?? env.QUIRE_DB ?? DEFAULT_DATABASE);
  if (!result.success) throw new QuireError("config", result.error.issues.map((i) => i.message).join("; "));
  return result.data;
}

/** The target as it may be shown: a PostgreSQL password is masked. */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return `sqlite:${target.path}`;
  const url = new URL(target.url);
  if (url.password) url.password = "****";
  return url.toString();
}

const EXAMPLE_ORIGIN = "https://archive.example";

const publicOrigin = z.string().trim().min(1, `needs a value, such as ${EXAMPLE_ORIGIN}`).transform((value, ctx): string => {
  const refuse = (why: string) => {
    ctx.addIssue({ code: "custom", message: `"${value}" ${why} (such as ${EXAMPLE_ORIGIN})` });
    return z.NEVER;
  };
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url === null || (url.protocol !== "http:" && url.protocol !== "https:")) return refuse("is not an http or https address");
  if (url.username !== "" || url.password !== "") return refuse("holds a user name or password");
  // Every link is built as origin + path: a path here would be lost, and a query or fragment would break them.
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") return refuse("has a path, query or fragment: give the scheme, host and port alone");
  return url.origin;
});

/**
 * The archive's public origin, which mailed links and (when given) every absolute address use: `--origin`, else
 * QUIRE_ORIGIN (an empty one is unset), else null.
 * @throws QuireError("config") naming what is wrong.
 * @example parsePublicOrigin("https://Archive.example:443/") // "https://archive.example"
 */
export function parsePublicOrigin(value: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  const [source, given] = value === undefined ? ["QUIRE_ORIGIN", env.QUIRE_ORIGIN?.trim() || undefined] : ["--origin", value];
  if (given === undefined) return null;
  const result = publicOrigin.safeParse(given);
  if (!result.success) throw new QuireError("config", `${source} ${result.error.issues.map((i) => i.message).join("; ")}`);
  return result.data;
}
