/**
 * `npm run docs`: writes the list of message codes into docs/workbook.md (between the codes
 * markers) from the catalogue, with each code's meaning and its Swedish example text.
 * test/docs.test.ts checks that the file holds exactly this.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
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

if (require.main === module) {
  const file = process.argv[2] ?? WORKBOOK_DOC;
  writeFileSync(file, withCodes(readFileSync(file, "utf8")));
  process.stdout.write(`Skrev ${file}\n`);
}
