/**
 * The patched worksheet part is encoded in pieces (src/xlsx/patchSheet.ts): text gathered to about 16 000 characters,
 * encoded into megabyte buffers. An import of 30 000 rows whose texts have two-, three- and four-byte UTF-8 characters
 * crosses those boundaries hundreds of times; every row must read back exactly as the file has it.
 */
import { parseSie } from "../src/core/sie/parse";
import { templateSheets } from "../src/report/example";
import { importSie } from "../src/workbook/sieImport";
import { XlsxPort } from "../src/xlsx/xlsxPort";

const ROWS = 30_000;
const text = (i: number) => `Räkning ${i} åäö € ✓ 𝄞 ${"x".repeat(i % 37)}`;

function sieFile(): Buffer {
  const lines = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", "#RAR 0 20260101 20261231", '#KONTO 1930 "Bank"', '#KONTO 6110 "Kontor"'];
  for (let i = 0; i < ROWS / 2; i++) {
    lines.push(`#VER A ${i + 1} 20260115 "v"`, "{", `#TRANS 6110 {} ${i + 1}.25 20260115 "${text(i)}"`, `#TRANS 1930 {} -${i + 1}.25`, "}");
  }
  // UTF-8 text in a file that says PC8 would be mojibake: write it as UTF-8 and say so.
  return Buffer.from(lines.join("\r\n").replace("#FORMAT PC8", "#FORMAT UTF8") + "\r\n", "utf8");
}

test("30 000 imported rows with multi-byte texts read back exactly", async () => {
  const port = XlsxPort.empty();
  await port.writeSheets(templateSheets());
  const template = XlsxPort.fromBuffer(port.toBuffer());
  const outcome = importSie(await template.readGrid(), parseSie(sieFile(), "x.se"), {
    fileName: "x.se",
    sha256: "t",
    now: "",
    version: "t",
  });
  expect(outcome.errors).toEqual([]);
  await template.writeSheets(outcome.sheets, outcome.edits);
  const grid = await XlsxPort.fromBuffer(template.toBuffer()).readGrid();
  const rows = grid.sheets.find((s) => s.name === "Huvudbok")!.rows.slice(1);
  const withText = rows.filter((r) => r[2] === 6110);
  expect(withText.length).toBe(ROWS / 2);
  withText.forEach((r, i) => expect([r[3], r[4]]).toEqual([i + 1.25, text(i)]));
});
