/**
 * What every part of the proving ground is to run.ts, and the header each prints first: the machine it ran on
 * (so figures are never quoted without it), then what the run is made of.
 */
import { machineLine } from "../bench/machine.js";

/** A part's full-sized run: it reads its own flags from `argv`, prints its report, and says whether it passed. */
export type Part = (argv: readonly string[]) => Promise<boolean>;

/** `quire proving ground: TITLE — machine…`, then each line of `about`. */
export function printPartHeader(title: string, ...about: readonly string[]): void {
  console.log(machineLine(`quire proving ground: ${title}`));
  for (const line of about) console.log(line);
}
