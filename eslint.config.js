import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

// The layers' import directions (shared/STYLE.md): domain <- importers, search, corpus, tags <- db, services <- cli, web.
// One flat-config entry per layer, because a later entry's no-restricted-imports replaces an earlier one's.
const DRIVERS = { group: ["better-sqlite3", "pg"], message: "only src/db/dialects/ talks to a database driver" };
// Tests may cross layers to set up what they check.
const layer = (files, forbidden, message, { drivers = true, ignores = [] } = {}) => ({
  files,
  ignores: ["**/*.test.ts", ...ignores],
  rules: {
    "no-restricted-imports": ["error", {
      patterns: [...forbidden.map((group) => ({ group: [group], message })), ...(drivers ? [DRIVERS] : [])],
    }],
  },
});
// src/tags/ shares its name with src/domain/tags/, which every layer may use: only paths that climb to src/
// itself name the tagger.
const above = (...names) => names.flatMap((name) => (name === "tags" ? ["../tags/**", "../../tags/**", "../../../tags/**"] : [`**/${name}/**`]));

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  layer(["src/domain/**/*.ts"], above("importers", "search", "corpus", "tags", "db", "services", "cli", "web", "formats"), "domain code is pure: it imports nothing else from src/"),
  layer(["src/tags/**/*.ts"], above("importers", "search", "corpus", "db", "services", "cli", "web", "formats"), "tags/ holds the vocabulary and the tagger: pure code on domain values"),
  layer(["src/importers/**/*.ts"], above("search", "corpus", "tags", "db", "services", "cli", "web", "formats"), "importers turn files into works and know nothing of storage or display"),
  layer(["src/search/**/*.ts"], above("importers", "corpus", "tags", "db", "services", "cli", "web", "formats"), "search/ holds the query model and the SearchIndex port; adapters live in db/"),
  layer(["src/corpus/**/*.ts"], above("importers", "search", "tags", "db", "services", "cli", "web", "formats"), "the corpus generator writes files from domain values alone"),
  layer(["src/db/**/*.ts"], above("importers", "corpus", "services", "cli", "web", "formats"), "db/ stores domain values; use cases live in services/", { ignores: ["src/db/dialects/**"] }),
  layer(["src/db/dialects/**/*.ts"], above("importers", "corpus", "services", "cli", "web", "formats"), "db/ stores domain values; use cases live in services/", { drivers: false }),
  layer(["src/services/**/*.ts"], above("cli", "web"), "services report; the CLI and the web app render"),
  layer(["src/web/**/*.ts", "src/web/**/*.tsx"], above("cli", "importers", "corpus", "tags", "db"), "the web app is an edge: it calls services and renders"),
  layer(["src/cli/**/*.ts", "src/composition.ts", "src/config.ts"], [], ""),
  // The one script the pages load runs in browsers, not in Node.
  { files: ["src/web/static/**/*.js"], languageOptions: { globals: { ...globals.browser }, sourceType: "script" } },
);
