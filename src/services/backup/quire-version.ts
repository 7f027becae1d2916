/** The version of Quire that is running, as package.json gives it: a dump's header records it. */
import { packageVersion } from "../../package-root.js";

export const QUIRE_VERSION: string = packageVersion();
