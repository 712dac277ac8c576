/**
 * An input table with a totals row (Table Design → Total Row), which finance officers turn on to see the ledger's sum:
 * the row is Excel's own sum, not data. Before, the reader took it for a data row and refused the run with a wrong
 * message ("Summa" is not a date, a blank account). Now both adapters leave it out of the table's rows, rows typed
 * under it are still refused, and where rows would have to go under it (the SIE import, Ta med raderna) the run refuses
 * and says so (`table_totals_row`), naming the totals row, and writes nothing.
 */
import { OUTPUTS } from "../src/core/compute";
import { messageText } from "../src/core/messages";
import { parseSie } from "../src/core/sie/parse";
import { recalcAction } from "../src/excel/actions";
import { moveCommentAction, takeRowsInAction } from "../src/excel/tableActions";
import { exampleSheets, templateSheets } from "../src/report/example";
import { importSie } from "../src/workbook/sieImport";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { FIXED_NOW, runOf } from "./helpers/office";
import { examplePackage, recalcPackage, withTotalsRow } from "./helpers/package";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";
import { MSheet, MTable } from "./officeMock/model";

type Json = { warnings: unknown[]; tertialReport: { lines: Array<{ id: string; period: string; forecast: string }> } } & Record<
  string,
  unknown
>;

describe(".xlsx: a totals row under Huvudbok, Kontoplan and Budget", () => {
  let plain: Buffer;
  let totals: Buffer;
  let huvudbokTotals: number;
  beforeAll(async () => {
    plain = await examplePackage();
    const hb = withTotalsRow(plain, "Huvudbok");
    huvudbokTotals = hb.row;
    totals = withTotalsRow(withTotalsRow(hb.buf, "Kontoplan").buf, "Budget").buf;
  });

  test("is not read as data: the same figures and warnings as without it", async () => {
    const [a, b] = await Promise.all([recalcPackage(plain), recalcPackage(totals)]);
    expect(b.outcome.errors).toEqual([]);
    const json = (j: Record<string, unknown> | undefined) => ({ ...(j as Json), input: undefined, fingerprint: undefined });
    expect(json(b.outcome.json)).toEqual(json(a.outcome.json));
    // The ledger's rows are the example's: the totals row's "Summa" is no date, and its sum is no amount.
    const grid = await XlsxPort.fromBuffer(totals).readGrid();
    const table = grid.tables.find((t) => t.name === "Huvudbok")!;
    expect([table.bottom, table.totalsRow]).toEqual([huvudbokTotals - 2, huvudbokTotals - 1]);
    expect(table.rows.some((r) => r[0] === "Summa")).toBe(false);
  });

  test("rows typed under the totals row are refused as rows_below_table, from the row under it", async () => {
    const { buf } = withTotalsRow(plain, "Huvudbok");
    const typed = huvudbokTotals + 1;
    const port = XlsxPort.fromBuffer(buf);
    const grid = await port.readGrid();
    const sheet = grid.sheets.find((s) => s.name === "Huvudbok")!;
    sheet.rows[typed - 1] = [{ date: "2026-05-02" }, "X1", 3990, 1000, "skrivet under summaraden", null];
    const { readInputs } = await import("../src/workbook/read");
    const r = readInputs(grid, new Set(OUTPUTS));
    expect(r.errors.map((e) => [e.code, e.cell])).toEqual([["rows_below_table", `Huvudbok!A${typed}`]]);
  });
});

describe("the SIE import does not put rows under a totals row", () => {
  const head =
    '#FLAGGA 0\n#PROGRAM "Test" 1\n#FORMAT PC8\n#SIETYP 4\n#FNAMN "Testforbundet"\n#RAR 0 20260101 20261231\n' +
    '#KONTO 1930 "Bank"\n#KONTO 2010 "Eget kapital"\n#KONTO 3010 "Medlemsbidrag"\n';
  /** 2026 with `vouchers` member contributions of 10 000 each. */
  const file = (vouchers: number) => {
    const amount = (10000 * vouchers).toFixed(2);
    const ver = (n: number) => `#VER A ${n} 202601${10 + n} "V"\n{\n#TRANS 3010 {} -10000.00\n#TRANS 1930 {} 10000.00\n}\n`;
    return (
      head +
      `#IB 0 1930 100000.00\n#IB 0 2010 -100000.00\n#UB 0 1930 ${(100000 + 10000 * vouchers).toFixed(2)}\n#UB 0 2010 -100000.00\n` +
      `#RES 0 3010 -${amount}\n` +
      Array.from({ length: vouchers }, (_, i) => ver(i + 1)).join("")
    );
  };
  const importText = async (input: Buffer, text: string) => {
    const port = XlsxPort.fromBuffer(input);
    const outcome = importSie(await port.readGrid(), parseSie(Buffer.from(text, "latin1"), "f.se"), {
      fileName: "f.se",
      sha256: text.length.toString(),
      now: "2026-06-01T00:00:00Z",
      version: "t",
    });
    return { port, outcome };
  };

  test("refused with table_totals_row at the totals row; nothing written", async () => {
    const template = XlsxPort.empty();
    await template.writeSheets(templateSheets());
    const first = await importText(template.toBuffer(), file(1));
    expect(first.outcome.errors).toEqual([]);
    await first.port.writeSheets(first.outcome.sheets, first.outcome.edits);
    const { buf, row } = withTotalsRow(first.port.toBuffer(), "Huvudbok");
    // The same file again changes no row: the totals row stays where it is, under the table.
    const same = await importText(buf, file(1));
    expect(same.outcome.errors).toEqual([]);
    // One voucher more: a row more, which would have to go under the totals row.
    const second = await importText(buf, file(2));
    expect(second.outcome.ok).toBe(false);
    expect(second.outcome.errors).toEqual([
      { code: "table_totals_row", params: { table: "Huvudbok", sheet: "Huvudbok" }, cell: `Huvudbok!A${row}` },
    ]);
    expect(messageText(second.outcome.errors[0], "sv")).toBe(
      "Tabellen Huvudbok på Huvudbok har en summarad (Tabelldesign → Summarad), och rader kan inte läggas till under den. " +
        "Slå av summaraden, gör om, och slå på den igen; ingenting har skrivits.",
    );
    expect(second.outcome.edits ?? []).toEqual([]);
  });
});

/** The example in the in-memory Excel, with a totals row under `table` ("Summa" and the sum of its amounts, if any). */
function excelWithTotals(table: string): { excel: MockExcel; t: MTable; totalsRow: number } {
  const excel = new MockExcel(mockWorkbookOfModels(exampleSheets()));
  const t = excel.workbook.tables.find((x) => x.name === table)!;
  const sheet = t.sheet as MSheet;
  const totalsRow = t.rect.bottom + 1;
  sheet.cell(totalsRow, t.rect.left).v = "Summa";
  sheet.cell(totalsRow, t.rect.right).v = 123456;
  t.rect = { ...t.rect, bottom: totalsRow };
  t.showTotals = true;
  return { excel, t, totalsRow };
}

describe("Office.js: a table's totals row (showTotals)", () => {
  const periodOf = (json: Record<string, unknown> | undefined, id: string) => (json as Json).tertialReport.lines.find((l) => l.id === id)!;

  test("is left out of the table's rows: the same figures as without it", async () => {
    const { excel } = excelWithTotals("Huvudbok");
    const r = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
    expect(r.errors).toEqual([]);
    const plain = await recalcAction({ run: runOf(new MockExcel(mockWorkbookOfModels(exampleSheets()))), now: FIXED_NOW }, null);
    for (const id of ["medlemsbidrag", "personalkostnader", "ovriga_intakter"])
      expect(periodOf(r.json, id)).toEqual(periodOf(plain.json, id));
    expect(r.warnings).toEqual(plain.warnings);
  });

  test("Flytta till Prognos adds its row above the totals row, and the next run reads it", async () => {
    const { excel, t, totalsRow } = excelWithTotals("Prognos");
    const env = { run: runOf(excel), now: FIXED_NOW };
    const line = "personalkostnader";
    const moved = await moveCommentAction(env, { line, method: "linjar", text: "Uppräknat" });
    expect(moved).toMatchObject({ ok: true, status: "comment_moved" });
    // The totals row moved down one row, still the table's last; the new row is where it was.
    expect([t.rect.bottom, (t.sheet as MSheet).get(totalsRow + 1, t.rect.left)?.v]).toEqual([totalsRow + 1, "Summa"]);
    const after = await recalcAction(env, null);
    expect(after.errors).toEqual([]);
    expect((after.json as Json).tertialReport.lines.find((l) => l.id === line)).toMatchObject({ comment: "Uppräknat" });
  });

  test("Ta med raderna under a totals row is refused, naming it; the table is unchanged", async () => {
    const { excel, t, totalsRow } = excelWithTotals("Huvudbok");
    const before = { ...t.rect };
    const r = await takeRowsInAction(
      { run: runOf(excel), now: FIXED_NOW },
      { table: "Huvudbok", range: `A${totalsRow + 2}:F${totalsRow + 2}` },
    );
    expect(r).toMatchObject({ ok: false, status: "rows_not_taken_in" });
    expect(r.errors).toEqual([
      { code: "table_totals_row", params: { table: "Huvudbok", sheet: "Huvudbok" }, cell: `Huvudbok!A${totalsRow + 1}` },
    ]);
    expect(t.rect).toEqual(before);
  });
});
