/** The version of Quire that is running, as package.json gives it: a dump's header records it. */
import packageJson from "../../../package.json" with { type: "json" };

export const QUIRE_VERSION: string = packageJson.version;
