/**
 * Counts what ran and enforces the skip policy: on a laptop a test whose service is missing may skip (it prints
 * why); under CI=true every test must run, so any skip fails the run. Prints one closing line
 * `tests: N passed, N failed, N skipped` that CI reads.
 */
import type { Reporter, TestModule } from "vitest/node";

export default class SkipPolicyReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else {
          counts.skipped += 1;
          skipped.push(test.fullName);
        }
      }
    }
    if (process.env.CI === "true" && counts.skipped > 0) {
      console.error(`\nCI=true: ${counts.skipped} test(s) skipped, and in CI every test must run:\n  ${skipped.join("\n  ")}`);
      process.exitCode = 1;
    }
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
