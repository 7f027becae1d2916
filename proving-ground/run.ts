/**
 * `npm run proving-ground [-- --only hostile,crash,load,scale,audit] [part options]`: every part of the proving ground
 * at full size, one after the other (they would measure each other if run at once), each printing its report.
 * Exits 1 when any part failed. The same cores run CI-sized in `npm test` (test/proving-ground/).
 */
import { flag } from "../bench/machine.js";
import type { Part } from "./part.js";

const PARTS: Record<string, () => Promise<Part>> = {
  hostile: async () => (await import("./hostile-input.js")).main,
  crash: async () => (await import("./crash.js")).main,
  load: async () => (await import("./load.js")).main,
  scale: async () => (await import("./scale.js")).main,
  audit: async () => (await import("./audit.js")).main,
};

const argv = process.argv.slice(2);
const chosen = flag("only", Object.keys(PARTS).join(","), argv).split(",");
const unknown = chosen.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`quire proving ground: no part called ${unknown.join(", ")} (the parts: ${Object.keys(PARTS).join(", ")})`);
  process.exit(2);
}
const failed: string[] = [];
for (const [name, load] of Object.entries(PARTS).filter(([name]) => chosen.includes(name))) {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const passed = await (await load())(argv);
  console.log(`=== ${name}: ${passed ? "passed" : "FAILED"} in ${((performance.now() - started) / 1000).toFixed(0)} s ===`);
  if (!passed) failed.push(name);
}
if (failed.length > 0) {
  console.log(`\nproving ground: ${failed.join(", ")} FAILED`);
  process.exit(1);
}
console.log("\nproving ground: every part passed");
