/**
 * A note far to the right (column XFD) is one cell in the grid, not a row filled to 16 384 columns (issue 35): the
 * scanner keeps such rows sparse beyond DENSE_COLUMNS, and a workbook with 2 000 such notes beside the ledger
 * computes what the plain one computes, keeps the notes, and says where they are (cells_outside_tables).
 */
import { OUTPUTS } from "../src/core/compute";
import { exampleSheets, EXAMPLE_DEFAULTS } from "../src/report/example";
import { isBlank } from "../src/workbook/grid";
import { recalculate } from "../src/workbook/usecases";
import { DENSE_COLUMNS, readSheet } from "../src/xlsx/scan";
import { emptyPackage, writeSheetsToPackage } from "../src/xlsx/write";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { inflateEntry, readZip } from "../src/xlsx/zip";
import { withFarNotes } from "./helpers/farNotes";
import { FIXED_NOW } from "./helpers/office";

const ctx = { strings: ["tl", "täckt", "anteckning"], dates: [], date1904: false };
const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;

describe("rows beyond the dense columns", () => {
  const xml =
    "<worksheet><sheetData>" +
    `<row r="2"><c r="A2"><v>1</v></c>${s("XFD2", 2)}</row>` +
    `<row r="3">${s("AMK3", 0)}${s("XFD3", 1)}</row>` +
    `<row r="5">${s("XFD5", 2)}</row>` +
    `<row r="6"><c r="C6"><v>3</v></c></row>` +
    '</sheetData><mergeCells count="1"><mergeCell ref="AMK3:XFD3"/></mergeCells></worksheet>';
  const sheet = readSheet(xml, "Huvudbok", ctx);

  test("a far cell is where it is, and the row is dense only as far as its near cells go", () => {
    expect(DENSE_COLUMNS).toBe(1024);
    expect(sheet.rows[1].length).toBe(16384);
    expect(Object.keys(sheet.rows[1])).toEqual(["0", "16383"]);
    expect([sheet.rows[1][0], sheet.rows[1][16383]]).toEqual([1, "anteckning"]);
    // Between them nothing: blank to every reader.
    expect(isBlank(sheet.rows[1][1])).toBe(true);
    expect(isBlank(sheet.rows[1][5000])).toBe(true);
    // A row with only a far cell, and the empty row before it, are still rows.
    expect(sheet.rows[3]).toEqual([]);
    expect(Object.keys(sheet.rows[4])).toEqual(["16383"]);
    // Near cells are dense as before: a missing cell is null.
    expect(sheet.rows[5]).toEqual([null, null, 3]);
  });

  test("a merge that reaches past the dense columns keeps only its top-left value there too", () => {
    expect(sheet.rows[2][1024]).toBe("tl");
    expect(Object.keys(sheet.rows[2]).filter((k) => !isBlank(sheet.rows[2][Number(k)]))).toEqual(["1024"]);
  });
});

describe("2 000 notes in column XFD of Huvudbok", () => {
  const options = { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW, action: "Beräkna allt (test)" };
  const plain = writeSheetsToPackage(emptyPackage(), exampleSheets(EXAMPLE_DEFAULTS));

  test("compute the same figures as without them, name them in one warning, and keep every note in the result", async () => {
    const { buf, notes } = withFarNotes(plain, 2000);
    expect(notes).toBe(2000);
    const run = async (b: Buffer) => {
      const port = XlsxPort.fromBuffer(b);
      const outcome = await recalculate(port, options);
      return { outcome, out: port.toBuffer() };
    };
    const a = await run(plain);
    const b = await run(buf);
    expect(b.outcome.errors).toEqual([]);
    // The same JSON, but for the one warning that names the notes: read by nothing, so said.
    type Json = { warnings: Array<{ code: string; cell: string; message: string }> };
    const [ja, jb] = [a.outcome.json as unknown as Json, b.outcome.json as unknown as Json];
    const said = jb.warnings.filter((w) => w.code === "cells_outside_tables");
    expect(said.map((w) => [w.cell, /läses inte: ([^.]*)\./.exec(w.message)?.[1]])).toEqual([["Huvudbok!XFD2", "XFD2:XFD2001"]]);
    expect(said[0].message).toMatch(/^2\s000 ifyllda celler på Huvudbok/);
    expect({ ...jb, warnings: jb.warnings.filter((w) => !said.includes(w)) }).toEqual(ja);
    const all = readZip(b.out)
      .filter((e) => e.name.startsWith("xl/worksheets/"))
      .map((e) => inflateEntry(e).toString("utf8"))
      .join("");
    expect((all.match(/<c r="XFD\d+"/g) ?? []).length).toBe(2000);
  });
});
