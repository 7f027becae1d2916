import { defineConfig } from "vitest/config";
import SkipPolicyReporter from "./test/support/skip-policy-reporter.js";

export default defineConfig({
  test: {
    // better-sqlite3 is a native addon: forks, not threads.
    pool: "forks",
    globalSetup: ["test/support/global-setup.ts"],
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    reporters: ["default", new SkipPolicyReporter()],
  },
});
