/**
 * Where the library lives, parsed once at the edge: `--db` or `QUIRE_DB`, as `sqlite:PATH` (default
 * `./quire.db`), a bare path ending in .db/.sqlite, or `postgres://…`/`postgresql://…`.
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
