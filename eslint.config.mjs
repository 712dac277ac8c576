// ESLint for the add-in: eslint-plugin-office-addins' recommended set with its load/sync rules
// raised to errors, TypeScript parsing, and the security rules of SECURITY.md (no eval, no
// new Function, no innerHTML-style sinks). Formatting is left to the editor (prettier off).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, globals: { Office: "readonly", Excel: "readonly", document: "readonly", window: "readonly", navigator: "readonly", location: "readonly", console: "readonly", process: "readonly", require: "readonly", module: "readonly", __dirname: "readonly" } },
    rules: {
      "prettier/prettier": "off",
      "no-undef": "off", // TypeScript checks names
      "no-redeclare": "off", // a class and its type share a name in TypeScript
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Build DOM with textContent; workbook text must never become HTML." },
        { property: "outerHTML", message: "Build DOM with textContent." },
        { property: "insertAdjacentHTML", message: "Build DOM with textContent." },
      ],
      "no-restricted-globals": ["error", { name: "fetch", message: "The add-in makes no network requests of its own." }, { name: "XMLHttpRequest", message: "No network requests." }, { name: "WebSocket", message: "No network requests." }],
    },
  },

  {
    // ExcelJS, not Office.js: its getCell() results are plain objects, not proxies to load.
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
];
