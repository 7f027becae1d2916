/** `quire mute add|remove|list [tag] [--type TYPE]`: tags whose works vanish from every search and count. */
import { openQuire } from "../../composition.js";
import { listMutedTags, muteTag, unmuteTag } from "../../services/mute-tags.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, tagTypeOption } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire mute add|remove <tag> [--type TYPE] | quire mute list  [--db TARGET]";

export async function runMute(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...DB_OPTION, type: { type: "string" }, json: { type: "boolean", default: false } }, USAGE);
  const [action, ...words] = positionals;
  if (action !== "add" && action !== "remove" && action !== "list") throw new UsageError(`mute needs add, remove or list (usage: ${USAGE})`);
  const name = words.join(" ").trim();
  if (action === "list" ? name.length > 0 : name.length === 0) throw new UsageError(`usage: ${USAGE}`);
  const type = values.type === undefined ? null : tagTypeOption(values.type);

  const quire = await openQuire(databaseFrom(values.db));
  try {
    const { db } = quire.library;
    if (action === "list") {
      const muted = await listMutedTags(db);
      if (values.json) io.out(`${JSON.stringify(muted)}\n`);
      else io.out(muted.length === 0 ? "No tags are muted.\n" : `${muted.map((m) => `${m.name}${m.type ? ` (${m.type})` : ""}`).join("\n")}\n`);
      return 0;
    }
    const label = `"${name}"${type ? ` (${type})` : ""}`;
    if (action === "add") io.out((await muteTag(db, { name, type })) ? `Muted ${label}.\n` : `${label} was muted already.\n`);
    else io.out((await unmuteTag(db, { name, type })) ? `Unmuted ${label}.\n` : `${label} was not muted.\n`);
    return 0;
  } finally {
    await quire.close();
  }
}
