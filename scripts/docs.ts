/**
 * `npm run docs`: writes into docs/workbook.md what the code declares — the list of message codes (between the codes
 * markers) from the catalogue, with each code's meaning and its Swedish example text; each input table's heading
 * (its name, sheet and columns) and the settings table (between the settings markers) from the contract
 * (src/core/contract). test/docs.test.ts checks that the file holds exactly this.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { headerNames, INPUT_TABLE_DEFS, SETTING_DEFS, TableDef } from "../src/core/contract";
import { CATALOGUE, CODES, messageText, Message } from "../src/core/messages";

/** docs/workbook.md from the compiled script (build/scripts). */
const WORKBOOK_DOC = path.join(__dirname, "..", "..", "docs", "workbook.md");
const START = "<!-- codes:start -->";
const END = "<!-- codes:end -->";

/** The generated table: code, meaning, example message in Swedish. */
export function codesSection(): string {
  const rows = CODES.map((code) => {
    const entry = CATALOGUE[code];
    const example = messageText({ code, params: entry.example } as Message, "sv").replace(/\|/g, "\\|");
    return `| \`${code}\` | ${entry.meaning} | ${example} |`;
  });
  return ["| Kod | Betydelse | Exempel |", "|---|---|---|", ...rows].join("\n");
}

/** The document with its code list replaced by the catalogue's. */
export function withCodes(doc: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${START} … ${END} saknas`);
  return `${doc.slice(0, a + START.length)}\n${codesSection()}\n${doc.slice(b)}`;
}

/** A column as the docs write it: `Svenska` [English], with the other spellings read. */
function columnText(c: { sv: string; en: string; aliases: readonly string[] }): string {
  const aliases = headerNames(c).slice(2);
  return `\`${c.sv}\` [${c.en}]` + (aliases.length ? ` (även ${aliases.map((a) => `\`${a}\``).join(", ")})` : "");
}

/** An input table's heading in docs/workbook.md: name, sheet, whether optional, the columns read. */
export function tableHeading(def: TableDef): string {
  const where = [def.sheet !== def.name ? `bladet \`${def.sheet}\`` : "", def.optional ? "valfri" : ""].filter(Boolean).join(", ");
  const columns = def.columns.filter((c) => c.kind !== "note").map(columnText);
  if (def.yearColumns) columns.push(def.yearColumns.docs);
  return `### \`${def.name}\`${where ? ` (${where})` : ""}: ${columns.join(", ")}`;
}

const SETTINGS_START = "<!-- settings:start -->";
const SETTINGS_END = "<!-- settings:end -->";

/** The settings table: each setting with its English name, what it means, and what holds when it is empty. */
export function settingsSection(): string {
  const rows = SETTING_DEFS.map((s) => {
    const aliases = s.aliases.length ? ` (även ${s.aliases.join(", ")})` : "";
    return `| ${s.sv} [${s.en}]${aliases} | ${s.meaning} | ${s.otherwise} |`;
  });
  return ["| Inställning [engelska] | Betydelse | Om den är tom |", "|---|---|---|", ...rows].join("\n");
}

/** The document with its table headings and settings table made from the contract. */
export function withContract(doc: string): string {
  let out = doc;
  for (const def of INPUT_TABLE_DEFS) {
    const heading = new RegExp(`^### \`${def.name}\`.*$`, "m");
    if (!heading.test(out)) throw new Error(`Rubriken för ${def.name} saknas i workbook.md`);
    out = out.replace(heading, tableHeading(def));
  }
  const a = out.indexOf(SETTINGS_START);
  const b = out.indexOf(SETTINGS_END);
  if (a < 0 || b < a) throw new Error(`${SETTINGS_START} … ${SETTINGS_END} saknas`);
  return `${out.slice(0, a + SETTINGS_START.length)}\n${settingsSection()}\n${out.slice(b)}`;
}

if (require.main === module) {
  const file = process.argv[2] ?? WORKBOOK_DOC;
  writeFileSync(file, withContract(withCodes(readFileSync(file, "utf8"))));
  process.stdout.write(`Skrev ${file}\n`);
}
