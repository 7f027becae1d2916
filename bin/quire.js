#!/usr/bin/env node
// The compiled CLI lives in dist/, built by `npm install` (the prepare script), `npm start` and `npm test`.
let cli;
try {
  cli = await import("../dist/src/cli/main.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
  process.stderr.write("quire: not built yet; run `npm run build` in the Quire folder first\n");
  process.exit(1);
}
// Output piped into `head` closes early; that is the reader's choice, not an error to report.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await cli.main(process.argv.slice(2));
