/**
 * docs/licences.md is what `npm run licences` writes from package-lock.json today, and no runtime dependency has a
 * licence that would stop Quire from being shipped.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { licencePaths, licencesDocument, licenceVerdict, lockedPackages, shippingProblems } from "../../scripts/licences.js";

describe("dependency licences", () => {
  const paths = licencePaths();
  const packages = lockedPackages(readFileSync(paths.lock, "utf8"));

  it("docs/licences.md lists the lock's packages as they are (npm run licences rewrites it)", () => {
    expect(readFileSync(paths.document, "utf8")).toBe(licencesDocument(packages));
    // Every runtime dependency package.json names is in the list.
    const manifest: { dependencies: Record<string, string> } = JSON.parse(readFileSync(paths.lock.replace(/package-lock\.json$/u, "package.json"), "utf8"));
    const runtime = new Set(packages.filter((p) => !p.dev).map((p) => p.name));
    expect(Object.keys(manifest.dependencies).filter((name) => !runtime.has(name))).toEqual([]);
  });

  it("holds no runtime dependency under a strong copyleft or no licence", () => {
    expect(shippingProblems(packages)).toEqual([]);
  });

  it("reads SPDX expressions: an OR takes its best choice, an AND its worst part, and nothing declared is unknown", () => {
    expect(licenceVerdict("MIT")).toBe("permissive");
    expect(licenceVerdict("(MIT OR GPL-3.0-only)")).toBe("permissive");
    expect(licenceVerdict("(MIT AND GPL-3.0-only)")).toBe("incompatible");
    expect(licenceVerdict("MPL-2.0")).toBe("weak copyleft");
    expect(licenceVerdict("(MPL-2.0 OR Apache-2.0)")).toBe("permissive");
    expect(licenceVerdict("GPL-2.0-or-later")).toBe("incompatible");
    expect(licenceVerdict("SEE LICENSE IN LICENSE.txt")).toBe("incompatible");
    expect(licenceVerdict(null)).toBe("incompatible");
    expect(shippingProblems([{ name: "a", version: "1.0.0", licence: "AGPL-3.0-only", dev: false }, { name: "b", version: "1.0.0", licence: "GPL-3.0-only", dev: true }]).map((p) => p.name)).toEqual(["a"]);
  });
});
