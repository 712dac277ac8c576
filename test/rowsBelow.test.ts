/**
 * Every filled cell of an input sheet is read or reported (issue 32, point 2): rows typed under an input table that did
 * not grow are refused, naming the range; nothing is written. In Excel the pane takes them in with one click
 * (`table.resize`, ExcelApi 1.13, on Microsoft's library over the in-memory Excel) and the next run counts them; an
 * Excel without ExcelApi 1.13 refuses the resize (ApiNotFound), as the in-memory Excel does. A note further down stays
 * the person's own.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { dayNumber, excelSerialOfDayNumber } from "../src/core/dates";
import { recalcAction } from "../src/excel/actions";
import { takeRowsInAction } from "../src/excel/tableActions";
import { exampleSheets } from "../src/report/example";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { FIXED_NOW, runOf } from "./helpers/office";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";
import type { MSheet } from "./officeMock/model";

const cli = path.resolve(__dirname, "../dist/cli/main.js");

/** The example in the in-memory Excel with a balanced voucher of 500 000 kr typed in the two rows under Huvudbok. */
function typedUnder(): { excel: MockExcel; last: number } {
  const excel = new MockExcel(mockWorkbookOfModels(exampleSheets()));
  const table = excel.workbook.tables.find((t) => t.name === "Huvudbok")!;
  const sheet = excel.workbook.sheet("Huvudbok") as MSheet;
  const last = table.rect.bottom;
  // A date in the period (the ledger's last rows are after the cut-off).
  const date = excelSerialOfDayNumber(dayNumber(2026, 5, 15));
  const rows = [
    [date, "V-HAND", 1930, 500000, "Inbetalning"],
    [date, "V-HAND", 3910, -500000, "Inbetalning"],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cell(last + 1 + i, c).v = v as never)));
  return { excel, last };
}

const resultOf = (json: Record<string, unknown> | undefined) =>
  (json as { tertialReport: { lines: Array<{ id: string; period: string }> } }).tertialReport.lines.find((l) => l.id === "ovriga_intakter")!
    .period;

describe("rows typed under an input table", () => {
  test("Excel: the run refuses naming the range, writes nothing; one click takes them in; the next run counts them", async () => {
    const { excel, last } = typedUnder();
    const env = { run: runOf(excel), now: FIXED_NOW };
    const before = excel.workbook.snapshot();
    const refused = await recalcAction(env, null);
    expect(refused.ok).toBe(false);
    expect(refused.errors).toEqual([
      {
        code: "rows_below_table",
        params: { table: "Huvudbok", sheet: "Huvudbok", range: `A${last + 2}:F${last + 3}`, rows: 2 },
        cell: `Huvudbok!A${last + 2}`,
      },
    ]);
    expect(excel.workbook.snapshot()).toBe(before);

    const taken = await takeRowsInAction(env, { table: "Huvudbok", range: `A${last + 2}:F${last + 3}` });
    expect(taken).toMatchObject({ ok: true, status: "rows_taken_in" });
    const table = excel.workbook.tables.find((t) => t.name === "Huvudbok")!;
    expect(table.rect.bottom).toBe(last + 2);
    // No cell changed: only the table's range grew.
    const cells = (snap: string) => JSON.stringify((JSON.parse(snap) as Array<{ cells?: unknown }>).map((s) => s.cells));
    expect(cells(excel.workbook.snapshot())).toBe(cells(before));

    const counted = await recalcAction(env, null);
    expect(counted.errors).toEqual([]);
    // Övriga intäkter in the period: the example's, plus the 500 000 typed under the table.
    const plain = await recalcAction({ run: runOf(new MockExcel(mockWorkbookOfModels(exampleSheets()))), now: FIXED_NOW }, null);
    expect(Number(resultOf(counted.json)) - Number(resultOf(plain.json))).toBe(500000);
  });

  test("Excel without ExcelApi 1.13: the resize is ApiNotFound and nothing changes (the pane does not offer it)", async () => {
    const { excel, last } = typedUnder();
    excel.apiVersion = "1.12";
    const before = excel.workbook.snapshot();
    await expect(takeRowsInAction({ run: runOf(excel) }, { table: "Huvudbok", range: `A${last + 2}:F${last + 3}` })).rejects.toThrow(
      /could not be found/,
    );
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("rows that moved since the run, or another table's columns, are not taken in", async () => {
    const { excel, last } = typedUnder();
    const env = { run: runOf(excel) };
    const before = excel.workbook.snapshot();
    for (const range of [`B${last + 2}:F${last + 3}`, `A${last + 6}:F${last + 7}`, `A${last - 5}:F${last}`, "nonsens"])
      expect(await takeRowsInAction(env, { table: "Huvudbok", range })).toMatchObject({ ok: false, status: "rows_not_taken_in" });
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("the in-memory Excel refuses a resize that moves the header row, leaves the table, or overlaps another table", async () => {
    const { excel } = typedUnder();
    const run = runOf(excel);
    const attempt = (address: string) =>
      run(async (context) => {
        context.workbook.tables.getItem("Huvudbok").resize(address);
        await context.sync();
      });
    await expect(attempt("A2:F600")).rejects.toThrow(/headers must stay in the same row/);
    await expect(attempt("H1:J3")).rejects.toThrow(/overlap the table/);
  });

  test("the command line: exit 1, the range and how to take the rows in, no output; a note three rows down is the officer's", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-below-"));
    const input = path.join(dir, "in.xlsx");
    const models = exampleSheets().map((m) => {
      if (m.name !== "Medlemmar") return m;
      // After a blank row under the table; and a note three blank rows further down, which stays the officer's own.
      const member = [{ value: "Nyby kommun" }, { value: "Kommun" }, { value: 5000 }];
      const rows = [...m.rows.map((r) => [...r]), [], member, [], [], [], [{ value: "Nycklarna: SCB 1 november" }]];
      return { ...m, rows };
    });
    const port = XlsxPort.empty();
    return port.writeSheets(models).then(() => {
      writeFileSync(input, port.toBuffer());
      const sha = createHash("sha256").update(readFileSync(input)).digest("hex");
      const r = spawnSync(process.execPath, [cli, "recalc", input], { encoding: "utf8", env: { ...process.env, LANG: "sv_SE.UTF-8" } });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("Medlemmar!A10: Raden A10:E10 under tabellen Medlemmar ingår inte i tabellen");
      expect(r.stderr).toContain("Tabelldesign → Ändra storlek på tabell");
      // One error: the note further down is neither read nor refused.
      expect(r.stderr.match(/under tabellen/g)).toHaveLength(1);
      expect(existsSync(path.join(dir, "in.beraknad.xlsx"))).toBe(false);
      expect(createHash("sha256").update(readFileSync(input)).digest("hex")).toBe(sha);
    });
  });
});
