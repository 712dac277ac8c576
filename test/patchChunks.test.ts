/**
 * The patched worksheet part is encoded in pieces (src/xlsx/patchSheet.ts): text gathered to about 16 000 characters,
 * encoded into megabyte buffers. An import of 30 000 rows whose texts have two-, three- and four-byte UTF-8 characters
 * crosses those boundaries hundreds of times; every row must read back exactly as the file has it. The part is deflated
 * piece by piece as it is made, never whole: one valid stream, read back by our reader. The rows' cells are made
 * when the part is written, not held for all rows at once.
 */
import { parseSie } from "../src/core/sie/parse";
import { templateSheets } from "../src/report/example";
import { rowAt } from "../src/report/sheetModel";
import { importSie } from "../src/workbook/sieImport";
import zlib from "zlib";
import { crc32Of } from "../src/core/crc32";
import { crc32, EntryDeflater, inflateEntry, readZip, writeZip } from "../src/xlsx/zip";
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
  // Huvudbok's rows are made when read: the edit holds the import rows, not a million rows of cells.
  const ledger = outcome.edits.find((e) => e.sheet === "Huvudbok")!;
  expect("row" in ledger.appended).toBe(true);
  expect(ledger.appended.length).toBe(ROWS);
  expect(rowAt(ledger.appended, 7)).toEqual(rowAt(ledger.appended, 7));
  await template.writeSheets(outcome.sheets, outcome.edits);
  const grid = await XlsxPort.fromBuffer(template.toBuffer()).readGrid();
  const rows = grid.sheets.find((s) => s.name === "Huvudbok")!.rows.slice(1);
  const withText = rows.filter((r) => r[2] === 6110);
  expect(withText.length).toBe(ROWS / 2);
  withText.forEach((r, i) => expect([r[3], r[4]]).toEqual([i + 1.25, text(i)]));
});

describe("an entry deflated piece by piece (zip.ts EntryDeflater)", () => {
  test("is one DEFLATE stream: inflated it is the pieces in order, its CRC and size are the whole part's", () => {
    // 18 MB in 1 MB pieces of mixed text: the first 16 MB at level 6, the rest at level 1, and an empty piece.
    const pieces = Array.from({ length: 18 }, (_, i) => Buffer.from(`<row r="${i}">åäö €${"x".repeat(i)}</row>`.repeat(40_000)));
    pieces.splice(3, 0, Buffer.alloc(0));
    const d = new EntryDeflater("xl/worksheets/sheet5.xml");
    for (const p of pieces) d.add(p);
    const e = d.entry();
    const whole = Buffer.concat(pieces);
    expect(zlib.inflateRawSync(e.data).equals(whole)).toBe(true);
    expect([e.size, e.crc, e.compressedSize]).toEqual([whole.length, crc32(whole), e.data.length]);
    // Read back through our own zip reader, as the next run reads the file.
    const [read] = readZip(writeZip([e]));
    expect(inflateEntry(read).equals(whole)).toBe(true);
  });

  test("CRC-32 continues from a value as over the whole; the table (where zlib has none) agrees with zlib", () => {
    const a = Buffer.from("Räkning 1 ");
    const b = Buffer.from("åäö € 𝄞");
    expect(crc32(b, crc32(a))).toBe(crc32(Buffer.concat([a, b])));
    expect(crc32Of("123456789")).toBe(0xcbf43926);
    expect(crc32Of(b, crc32Of(a))).toBe(crc32(Buffer.concat([a, b])));
  });
});
