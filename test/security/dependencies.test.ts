/**
 * `npm audit`: no dependency, runtime or development, with a high or critical advisory. The audit asks the npm
 * registry, so where it cannot be reached the test skips with the reason (and under CI=true, where every test
 * must run, the skip fails the run).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-root.js";

const run = promisify(execFile);

interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  metadata?: { vulnerabilities: Record<string, number> };
  message?: string;
  error?: { summary?: string };
}

/** The audit's JSON: npm exits non-zero when it finds anything, and when the registry fails, so the output is read either way. */
async function audit(): Promise<AuditReport> {
  try {
    return JSON.parse((await run("npm", ["audit", "--json"], { cwd: packageRoot(), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 })).stdout);
  } catch (error) {
    const output = (name: string): string => (error instanceof Error && name in error ? String(Reflect.get(error, name)) : "");
    // No JSON at all (npm missing, no network at all): nothing was audited, which is a reason to skip, not a finding.
    if (output("stdout").trim() === "") return { message: output("stderr").trim().split("\n")[0] || String(error) };
    return JSON.parse(output("stdout"));
  }
}

/** The packages with a high or critical advisory, as "name: severity". */
function seriousAdvisories(report: AuditReport): string[] {
  return Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === "high" || v.severity === "critical").map(([name, v]) => `${name}: ${v.severity}`);
}

describe("npm audit", () => {
  it("reads an audit's findings by severity", () => {
    const report: AuditReport = { vulnerabilities: { a: { severity: "moderate", via: [] }, b: { severity: "high", via: [] }, c: { severity: "critical", via: [] } } };
    expect(seriousAdvisories(report)).toEqual(["b: high", "c: critical"]);
  });

  it("finds no high or critical advisory", async (context) => {
    const report = await audit();
    if (!report.metadata) {
      console.warn(`skipped: npm audit could not ask the registry (${report.message ?? report.error?.summary ?? "no report"})`);
      context.skip();
      return;
    }
    expect(seriousAdvisories(report)).toEqual([]);
    expect((report.metadata.vulnerabilities.high ?? 0) + (report.metadata.vulnerabilities.critical ?? 0)).toBe(0);
  }, 150_000);
});
