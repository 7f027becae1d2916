/**
 * `npm run licences`: writes docs/licences.md, every package of the installed tree (package-lock.json, which is
 * what `npm ci` installs) with its version and licence, runtime and development apart, and flags the licences that
 * would stop Quire from being shipped: a strong copyleft (GPL, AGPL, SSPL) or an unknown licence in a runtime
 * dependency. test/security/licences.test.ts fails when the file no longer matches the lock.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../src/package-root.js";

export interface LockedPackage {
  name: string;
  version: string;
  /** The SPDX expression the package declares, or null when it declares none. */
  licence: string | null;
  /** Needed only to develop Quire (tests, linting, building), never by `quire` itself. */
  dev: boolean;
}

/** What a licence means for shipping Quire: fine; fine with care (file-level copyleft); or not shippable. */
export type LicenceVerdict = "permissive" | "weak copyleft" | "incompatible";

/** Licences that ask only for their notice to travel with the code. */
const PERMISSIVE = new Set(["MIT", "MIT-0", "ISC", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "Apache-2.0", "BlueOak-1.0.0", "Zlib", "PSF-2.0", "Python-2.0", "WTFPL", "Unlicense", "CC0-1.0", "CC-BY-3.0", "CC-BY-4.0", "BSD-3-Clause-Clear", "Artistic-2.0"]);
/** Copyleft per file: using the package unmodified, as a dependency, asks nothing of Quire's own code. */
const WEAK_COPYLEFT = /^(?:MPL-2\.0|EPL-[12]\.0|LGPL-[23]\.[01](?:-only|-or-later)?|CDDL-1\.[01])$/u;

/**
 * Reads an SPDX expression: an OR takes the best of its choices, an AND the worst of its parts; an unknown name or
 * no licence at all is incompatible (nobody may ship what they have no licence to).
 * @example licenceVerdict("(MIT OR GPL-3.0-only)") // "permissive"
 */
export function licenceVerdict(licence: string | null): LicenceVerdict {
  const order: LicenceVerdict[] = ["permissive", "weak copyleft", "incompatible"];
  if (!licence) return "incompatible";
  const one = (name: string): LicenceVerdict => (PERMISSIVE.has(name) ? "permissive" : WEAK_COPYLEFT.test(name) ? "weak copyleft" : "incompatible");
  const choices = licence.replace(/[()]/gu, "").split(/\s+OR\s+/u).map((choice) => {
    const parts = choice.split(/\s+AND\s+/u).map((part) => one(part.trim()));
    return order[Math.max(...parts.map((p) => order.indexOf(p)))] ?? "incompatible";
  });
  return order[Math.min(...choices.map((c) => order.indexOf(c)))] ?? "incompatible";
}

/** The packages of a package-lock.json (lockfileVersion 2 or 3), sorted by name and version. */
export function lockedPackages(lockText: string): LockedPackage[] {
  const lock: unknown = JSON.parse(lockText);
  const packages = typeof lock === "object" && lock !== null && "packages" in lock && typeof lock.packages === "object" && lock.packages !== null ? lock.packages : {};
  const found: LockedPackage[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (path === "" || typeof entry !== "object" || entry === null) continue;
    const field = (name: string): unknown => (name in entry ? (entry as Record<string, unknown>)[name] : undefined);
    if (field("link") === true) continue;
    const name = typeof field("name") === "string" ? String(field("name")) : path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const licence = field("license");
    found.push({ name, version: String(field("version") ?? "?"), licence: typeof licence === "string" ? licence : null, dev: field("dev") === true });
  }
  const unique = new Map(found.map((p) => [`${p.name}@${p.version}@${p.dev}`, p]));
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The runtime packages whose licence would stop Quire from being shipped (empty: none). */
export function shippingProblems(packages: readonly LockedPackage[]): LockedPackage[] {
  return packages.filter((p) => !p.dev && licenceVerdict(p.licence) === "incompatible");
}

function table(packages: readonly LockedPackage[]): string {
  const rows = packages.map((p) => {
    const verdict = licenceVerdict(p.licence);
    return `| ${p.name} | ${p.version} | ${p.licence ?? "(none declared)"} |${verdict === "permissive" ? "" : ` ${verdict}`} |`;
  });
  return ["| package | version | licence | note |", "|---|---|---|---|", ...rows].join("\n");
}

function summary(packages: readonly LockedPackage[]): string {
  const counts = new Map<string, number>();
  for (const p of packages) counts.set(p.licence ?? "(none declared)", (counts.get(p.licence ?? "(none declared)") ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([licence, n]) => `${licence} ${n}`).join(", ");
}

/** docs/licences.md for the lock's packages. */
export function licencesDocument(packages: readonly LockedPackage[]): string {
  const runtime = packages.filter((p) => !p.dev);
  const dev = packages.filter((p) => p.dev);
  const problems = shippingProblems(packages);
  const weak = runtime.filter((p) => licenceVerdict(p.licence) === "weak copyleft");
  return `# Dependency licences

Every package of the installed tree (package-lock.json), written by \`npm run licences\`;
\`test/security/licences.test.ts\` fails when this file no longer matches the lock. The note column marks what is
not permissive: a **weak copyleft** (MPL, EPL, LGPL) covers the package's own files only, so using it unmodified
asks nothing of Quire's code; **incompatible** (a strong copyleft such as GPL, or no licence declared) in a runtime
dependency would stop Quire from being shipped under its own terms.

- Runtime: ${runtime.length} packages (${summary(runtime)}).
- Development only: ${dev.length} packages (${summary(dev)}).
- Runtime packages that stop shipping: ${problems.length === 0 ? "none" : problems.map((p) => `${p.name} ${p.version} (${p.licence ?? "none declared"})`).join(", ")}.
- Runtime packages under a weak copyleft: ${weak.length === 0 ? "none" : weak.map((p) => `${p.name} ${p.version} (${p.licence ?? ""})`).join(", ")}.

## Runtime (what \`quire\` runs on)

${table(runtime)}

## Development only (tests, linting, the build, benchmarks)

${table(dev)}
`;
}

/** Where the lock and the document are. */
export function licencePaths(): { lock: string; document: string } {
  return { lock: join(packageRoot(), "package-lock.json"), document: join(packageRoot(), "docs", "licences.md") };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const paths = licencePaths();
  const packages = lockedPackages(readFileSync(paths.lock, "utf8"));
  writeFileSync(paths.document, licencesDocument(packages));
  const problems = shippingProblems(packages);
  console.log(`docs/licences.md: ${packages.length} packages; ${problems.length === 0 ? "no runtime licence stops shipping" : `runtime licences that stop shipping: ${problems.map((p) => `${p.name} (${p.licence ?? "none"})`).join(", ")}`}`);
  if (problems.length > 0) process.exitCode = 1;
}
