/**
 * docs/workbook.md describes what the code implements: its list of message codes is the catalogue's
 * (regenerate with `npm run docs`), and it names every input table, setting, owned sheet and table,
 * command-line option and JSON field.
 */
import { readFileSync } from "fs";
import path from "path";
import { tableHeading, withCodes, withContract } from "../scripts/docs";
import { INPUT_TABLE_DEFS } from "../src/core/contract";
import { CODES } from "../src/core/messages";
import { INPUT_TABLES, SETTING_LABELS } from "../src/workbook/read";
import { OWNED_SHEETS } from "../src/report/sheets";

const doc = readFileSync(path.join(__dirname, "..", "docs", "workbook.md"), "utf8");

describe("docs/workbook.md", () => {
  test("its code list is the catalogue's", () => {
    expect(doc).toEqual(withCodes(doc));
    for (const code of CODES) expect(doc).toContain(`\`${code}\``);
  });

  test("its table headings and settings table are the contract's (src/core/contract)", () => {
    expect(doc).toEqual(withContract(doc));
    for (const def of INPUT_TABLE_DEFS) {
      expect(doc).toContain(tableHeading(def));
      for (const c of def.columns.filter((x) => x.kind !== "note")) expect(tableHeading(def)).toContain(`\`${c.sv}\` [${c.en}]`);
    }
  });

  test.each(Object.entries(INPUT_TABLES))("names the input table %s and its sheet %s", (table, sheet) => {
    expect(doc).toContain(`\`${table}\``);
    expect(doc).toContain(sheet);
  });

  test.each(Object.values(SETTING_LABELS))("names the setting %s", (label) => expect(doc).toContain(label));

  test.each(Object.values(OWNED_SHEETS))("names the owned sheet %s", (sheet) => expect(doc).toContain(sheet));

  test.each(["--only", "--brytdatum", "--json", "--sprak", "-o", "FINSAM_DEBUG", "verifiera", "mall", "exempel", "sie"])(
    "names the option %s",
    (option) => expect(doc).toContain(option),
  );

  test("the README's command list has every command the command line runs", () => {
    const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
    const main = readFileSync(path.join(__dirname, "..", "src", "cli", "main.ts"), "utf8");
    const commands = [...main.matchAll(/^ {4}case "([a-z-]+)":/gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(["recalc", "verifiera", "mall", "exempel", "sie", "nytt-ar"]));
    for (const c of commands)
      expect({ command: c, listed: new RegExp(`^finsam ${c} `, "m").test(readme) }).toEqual({ command: c, listed: true });
  });

  test("names every table the sheets write", () => {
    const sources = ["memberShares", "tertial", "equity", "statements", "checks", "log"].map((f) =>
      readFileSync(path.join(__dirname, "..", "src", "report", "sheets", `${f}.ts`), "utf8"),
    );
    const tables = sources.flatMap((s) => [...s.matchAll(/b\.table\(\s*"([A-Za-z]+)"/g)].map((m) => m[1]));
    expect(tables.length).toBeGreaterThan(8);
    for (const t of tables) expect(doc).toContain(`\`${t}\``);
  });
});
