/** Why a program the tests or scripts drive cannot be used here, for the skip message each of them prints. */
import { accessSync, constants } from "node:fs";

/**
 * @returns null when `path` exists with the access asked (executable by default; a jar need only be readable),
 *   else "no NAME at PATH: REMEDY".
 */
export function missingTool(name: string, path: string, remedy: string, mode: number = constants.X_OK): string | null {
  try {
    accessSync(path, mode);
    return null;
  } catch {
    return `no ${name} at ${path}: ${remedy}`;
  }
}
