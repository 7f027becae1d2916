import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const layer = (from, forbidden, message) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    "no-restricted-imports": ["error", { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

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
  // Dependency direction: domain <- importers <- cli. Only the CLI talks to the terminal and the file system.
  layer("domain", ["**/importers/**", "**/cli/**", "**/search/**", "**/services/**", "**/db/**", "**/web/**", "**/formats/**"], "domain code is pure: it imports nothing else from src/"),
  layer("importers", ["**/cli/**"], "importers return data; the CLI renders it"),
);
