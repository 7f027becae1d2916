/**
 * `npm run proving-ground -- --only audit`: `npm audit` over every dependency, runtime and development; it fails
 * on any high or critical advisory, and when the registry cannot be asked, since then nothing was audited. It is
 * not a test in `npm test`: the audit endpoint is a POST to the registry, which a mirror or a proxy that lets only
 * downloads through (as on the machine of docs/reliability.md) refuses, and CI must not fail for the network.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { packageRoot } from "../src/package-root.js";
import { printPartHeader } from "./part.js";

const run = promisify(execFile);

interface AuditReport {
  vulnerabilities?: Record<string, { severity: string }>;
  metadata?: { vulnerabilities: Record<string, number> };
  message?: string;
}

/** The audit's JSON: npm exits non-zero when it finds anything, and when the registry fails, so the output is read either way. */
async function audit(): Promise<AuditReport> {
  try {
    return JSON.parse((await run("npm", ["audit", "--json"], { cwd: packageRoot(), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 })).stdout) as AuditReport;
  } catch (error) {
    const output = (name: string): string => (error instanceof Error && name in error ? String(Reflect.get(error, name)) : "");
    if (output("stdout").trim() === "") return { message: output("stderr").trim().split("\n")[0] || String(error) };
    return JSON.parse(output("stdout")) as AuditReport;
  }
}

export async function main(): Promise<boolean> {
  printPartHeader("npm audit");
  const report = await audit();
  if (!report.metadata) {
    console.log(`npm audit could not ask the registry: ${report.message ?? "no report"}; nothing was audited`);
    return false;
  }
  const counts = report.metadata.vulnerabilities;
  console.log(`advisories: ${["critical", "high", "moderate", "low", "info"].map((s) => `${counts[s] ?? 0} ${s}`).join(", ")}`);
  const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === "high" || v.severity === "critical");
  for (const [name, v] of serious) console.log(`  ${name}: ${v.severity}`);
  return serious.length === 0;
}
