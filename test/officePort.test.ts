/**
 * The Office.js adapter on the in-memory Excel: same cells, formats and tables as the xlsx adapter;
 * round trips that do not grow with rows except through payload splitting; text stays text;
 * owned sheets replaced in place and protected; and the mock itself enforces Office's rules.
 */
import { OUTPUTS } from "../src/core/compute";
import { columnWidthPoints } from "../src/report/sheetModel";
import { OWNED_SHEETS } from "../src/report/sheets";
import { recalcAction, templateAction, verifyAction, glanceAction, selectCellAction } from "../src/excel/actions";
import { DEFAULT_PAYLOAD_BUDGET, OfficePort } from "../src/excel/officePort";
import { recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { MockExcel, PAYLOAD_LIMIT } from "./officeMock/excel";
import { viewOfExcelJsSheet, viewOfMockSheet } from "./officeMock/fromXlsx";
import { colLetters, formatA1, MSheet, MWorkbook } from "./officeMock/model";
import { exampleWorkbook, FIXED_NOW, mockExcelOf, runOf } from "./helpers/office";
import { bufferOf, workbookOf } from "./helpers/exceljs";

const OWNED_COMPUTED = [OWNED_SHEETS.memberShares, OWNED_SHEETS.tertial, OWNED_SHEETS.equity, OWNED_SHEETS.checks];
const OWNED_ALL = [...OWNED_COMPUTED, OWNED_SHEETS.log];

describe("the in-memory Excel enforces Office.js rules", () => {
  test("a property read before load and sync throws; after them it is available", async () => {
    const excel = new MockExcel(new MWorkbook());
    excel.workbook.addSheet("Blad1").cell(0, 0).v = 42;
    await runOf(excel)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Blad1").getRange("A1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[42]]);
    });
  });
  test("writes apply at sync, in order; a protected sheet refuses them", async () => {
    const excel = new MockExcel(new MWorkbook());
    const sheet = excel.workbook.addSheet("Blad1");
    await runOf(excel)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Blad1").getRange("A1").values = [[1]];
      expect(sheet.get(0, 0)).toBeUndefined();
      await ctx.sync();
      expect(sheet.get(0, 0)?.v).toBe(1);
      ctx.workbook.worksheets.getItem("Blad1").protection.protect();
      ctx.workbook.worksheets.getItem("Blad1").getRange("A1").values = [[2]];
      await expect(ctx.sync()).rejects.toThrow(/protected/);
    });
    expect(sheet.get(0, 0)?.v).toBe(1);
  });
  test("a response over 5 MB is rejected and counted", async () => {
    const excel = new MockExcel(new MWorkbook());
    const s = excel.workbook.addSheet("Stor");
    for (let r = 0; r < 60000; r++) s.cell(r, 0).v = "x".repeat(100);
    await expect(
      runOf(excel)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Stor").getRange("A1:A60000").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(Math.max(...excel.stats.responseBytes)).toBeGreaterThan(PAYLOAD_LIMIT);
  });
  test("the Nth sync can be made to fail after k operations", async () => {
    const excel = new MockExcel(new MWorkbook());
    const s = excel.workbook.addSheet("Blad1");
    excel.failure = { sync: 1, afterOps: 1 };
    await expect(
      runOf(excel)(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Blad1");
        ws.getRange("A1").values = [[1]];
        ws.getRange("A2").values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException", message: expect.stringMatching(/Injected failure/) });
    // getItem is operation 1; so nothing was written.
    expect(s.get(0, 0)).toBeUndefined();
  });
});

describe("Office.js adapter", () => {
  test("produces exactly the cells, formats, widths and table names the xlsx adapter produces", async () => {
    const wb = exampleWorkbook();
    const excel = mockExcelOf(wb);
    const opts = { outputs: new Set(OUTPUTS), version: "0.2.0", now: FIXED_NOW };
    const xlsx = XlsxPort.fromBuffer(await bufferOf(wb));
    const a = await recalculate(xlsx, opts);
    // What the command line writes, read back by ExcelJS.
    const written = await workbookOf(xlsx.toBuffer());
    const b = await runOf(excel)((ctx) => recalculate(new OfficePort(ctx), opts));
    expect(a.ok && b.ok).toBe(true);
    expect(b.json).toEqual(a.json);
    for (const name of OWNED_COMPUTED) {
      const ws = written.getWorksheet(name)!;
      const ms = excel.workbook.sheet(name)!;
      expect(ms).toBeDefined();
      const x = viewOfExcelJsSheet(ws);
      const m = viewOfMockSheet(ms);
      expect(m.size).toBeGreaterThan(20);
      expect([...m.entries()].sort()).toEqual([...x.entries()].sort());
      const xTables = (ws.getTables() as unknown as Array<{ table: { name: string; tableRef: string } }>)
        .map((t) => `${t.table.name}@${t.table.tableRef}`)
        .sort();
      const mTables = excel.workbook.tables
        .filter((t) => t.sheet === ms)
        .map((t) => `${t.name}@${formatA1(t.rect)}`)
        .sort();
      expect(mTables).toEqual(xTables);
      ws.columns.forEach((col, i) => {
        if (col.width) expect(ms.columnWidths.get(i)).toBe(columnWidthPoints(col.width));
      });
      expect(ms.frozenRows).toBe(1);
      expect(ms.protection.protected).toBe(true);
      expect(ms.protection.password).toBeUndefined();
      expect(ms.protection.options).toMatchObject({ allowSort: true, allowAutoFilter: true });
    }
    // Charts: budget against forecast; equity against the ceiling (their data beside the tables, outside the print area).
    expect(excel.workbook.sheet(OWNED_SHEETS.tertial)!.charts.map((c) => c.series.map((s) => s.name))).toEqual([
      ["Budget 2026", "Prognos 2026"],
    ]);
    const eq = excel.workbook.sheet(OWNED_SHEETS.equity)!.charts[0];
    expect(eq.series.map((s) => s.name)).toEqual(["Eget kapital", "Högsta nivå"]);
    expect(eq.series.every((s) => s.xAxis?.includes("I"))).toBe(true);
  });

  test("page layout, merges, row heights, conditional formats and the shown sheet are the ones the .xlsx has", async () => {
    const wb = exampleWorkbook();
    const excel = mockExcelOf(wb);
    const opts = { outputs: new Set(OUTPUTS), version: "0.2.0", now: FIXED_NOW };
    const xlsx = XlsxPort.fromBuffer(await bufferOf(wb));
    await recalculate(xlsx, opts);
    const written = await workbookOf(xlsx.toBuffer());
    await runOf(excel)((ctx) => recalculate(new OfficePort(ctx), opts));
    for (const name of OWNED_COMPUTED) {
      const ws = written.getWorksheet(name)!;
      const ms = excel.workbook.sheet(name)!;
      const ps = ws.pageSetup;
      const pl = ms.pageLayout;
      // Orientation, A4, fit to one page wide, margins (inches in the file, points through Office.js).
      expect(pl.orientation?.toLowerCase()).toBe(ps.orientation);
      expect(pl.paperSize).toBe("A4");
      expect(ps.paperSize).toBe(9);
      expect(ps.fitToPage).toBe(true);
      expect([ps.fitToWidth, ps.fitToHeight]).toEqual([1, 0]);
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(pl.margins.leftMargin).toBe(Number(ps.margins!.left) * 72);
      expect(pl.margins.topMargin).toBe(Number(ps.margins!.top) * 72);
      // Print area and titles.
      expect(pl.printArea).toBe(String(ps.printArea).replace(/\$/g, ""));
      expect(pl.titleColumns).toBe("A:A");
      if (ps.printTitlesRow) expect(pl.titleRows).toBe(ps.printTitlesRow.replace(/\$/g, ""));
      else expect(pl.titleRows).toBeUndefined();
      // Header and footer: the .xlsx has the centre section code in front.
      expect(`&C${pl.centerHeader}`).toBe(ws.headerFooter.oddHeader);
      expect(`&C${pl.centerFooter}`).toBe(ws.headerFooter.oddFooter);
      expect(pl.centerFooter).toMatch(/^Sida &P av &N · Beräknad \d{4}-\d\d-\d\d$/);
      // Merges and row heights.
      const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
      expect(ms.merges.map(formatA1).sort()).toEqual(merges);
      const heights: Array<[number, number]> = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        if (row.height) heights.push([r - 1, row.height]);
      });
      expect([...ms.rowHeights.entries()].sort((x, y) => x[0] - y[0])).toEqual(heights);
      // Conditional formats: cell value equal to a text, same ranges, same colours.
      const xcf = (
        ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ operator: string; formulae: string[] }> }> }
      ).conditionalFormattings
        .flatMap((f) => f.rules.map((rule) => `${f.ref} ${rule.operator} ${rule.formulae[0]}`))
        .sort();
      // One <conditionalFormatting> per range, holding its rules (issue 23).
      const ranges = (ws as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings.map((f) => f.ref);
      expect(new Set(ranges).size).toBe(ranges.length);
      const mcf = ms.conditionalFormats
        .map((f) => `${formatA1(f.rect)} ${f.operator === "EqualTo" ? "equal" : f.operator} ${f.formula1.slice(1)}`)
        .sort();
      expect(mcf).toEqual(xcf);
      expect(mcf.length).toBeGreaterThan(0);
    }
    // Kontroller: OK green and FEL red while the formula shows them.
    const checks = excel.workbook.sheet(OWNED_SHEETS.checks)!.conditionalFormats;
    expect(checks.find((f) => f.formula1 === '="FEL"')?.fill).toBe("#FFC7CE");
    expect(checks.find((f) => f.formula1 === '="OK"')?.fill).toBe("#C6EFCE");
    // The Tertialrapport is the sheet shown afterwards, in both.
    expect(excel.workbook.activeSheet().name).toBe(OWNED_SHEETS.tertial);
    const order = written.worksheets.map((w) => w.name);
    expect(order[Number((written.views[0] as { activeTab?: number }).activeTab)]).toBe(OWNED_SHEETS.tertial);
    expect(excel.workbook.sheet(OWNED_SHEETS.tertial)!.pageBreaks.length).toBe(1);
  });

  test("round trips: the same for 1 000 and 20 000 ledger rows; 100 000 adds only payload-sized reads; none over 4 MB", async () => {
    const measure = async (rows: number) => {
      const excel = mockExcelOf(exampleWorkbook({ ledgerRows: rows }));
      const r = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
      expect(r.ok).toBe(true);
      const ledgerCells = rows * 6;
      return {
        syncs: excel.stats.syncs,
        max: excel.maxPayload,
        cells: excel.stats.maxCellsRead,
        ledgerCells,
        response: excel.stats.responseBytes.reduce((a, b) => a + b, 0),
      };
    };
    const small = await measure(1000);
    const medium = await measure(20000);
    const large = await measure(100000);
    expect(small.syncs).toBe(medium.syncs);
    expect(small.syncs).toBeLessThanOrEqual(6);
    expect(large.syncs).toBeGreaterThan(medium.syncs);
    // At most one extra round trip per 4 MB of data read (rounded up), beyond the fixed ones.
    expect(large.syncs - small.syncs).toBeLessThanOrEqual(Math.ceil(large.response / DEFAULT_PAYLOAD_BUDGET));
    for (const m of [small, medium, large]) expect(m.max).toBeLessThanOrEqual(DEFAULT_PAYLOAD_BUDGET);
    expect(large.cells).toBeLessThanOrEqual(5_000_000);
  });

  test("text from the workbook is written as text, never as a formula", async () => {
    const wb = exampleWorkbook();
    const members = wb.getWorksheet("Medlemmar")!;
    members.getCell("A4").value = "=1+1";
    members.getCell("A5").value = "@SUM(A1)";
    members.getCell("A6").value = "+46 70 123";
    members.getCell("A7").value = "-Strandvik";
    const excel = mockExcelOf(wb);
    const r = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, "medlemsandelar");
    expect(r.ok).toBe(true);
    const sheet = excel.workbook.sheet(OWNED_SHEETS.memberShares)!;
    const names = [...sheet.cells.values()].filter(
      (c) => typeof c.v === "string" && ["=1+1", "@SUM(A1)", "+46 70 123", "-Strandvik"].includes(c.v),
    );
    expect(new Set(names.map((c) => c.v)).size).toBe(4);
    expect(names.every((c) => c.f === undefined && !c.error)).toBe(true);
  });

  test("owned sheets are replaced in place: no duplicates, positions kept, other sheets untouched", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    const env = { run: runOf(excel), now: FIXED_NOW };
    await recalcAction(env, null);
    // The user moves Kontroller first and adds a sheet of their own.
    const wbm = excel.workbook;
    const checks = wbm.sheet(OWNED_SHEETS.checks)!;
    wbm.sheets = [checks, ...wbm.sheets.filter((s) => s !== checks)];
    wbm.addSheet("Mina anteckningar").cell(0, 0).v = "egen text";
    const notOwned = () =>
      JSON.stringify(wbm.sheets.filter((s) => !OWNED_ALL.includes(s.name as never)).map((s) => [s.name, [...s.cells]]));
    const inputs = notOwned();
    const before = wbm.sheets.map((s) => s.name);
    const snapshot = (w: MWorkbook) =>
      JSON.stringify(w.sheets.filter((s) => OWNED_COMPUTED.includes(s.name as never)).map((s: MSheet) => [s.name, [...s.cells], s.charts]));
    const first = snapshot(wbm);
    await recalcAction(env, null);
    expect(wbm.sheets.map((s) => s.name)).toEqual(before);
    expect(wbm.tables.map((t) => t.name).filter((n) => n === "Resultatrapport")).toHaveLength(1);
    expect(snapshot(wbm)).toBe(first);
    expect(notOwned() === inputs).toBe(true);
    // The log kept the first run's row and added one.
    const log = excel.workbook.tables.find((t) => t.name === "Korlogg")!;
    expect(log.rect.bottom - log.rect.top).toBe(2);
  });

  test("an input error writes nothing and names the cell", async () => {
    const wb = exampleWorkbook();
    wb.getWorksheet("Huvudbok")!.getCell("D5").value = "tolv";
    const excel = mockExcelOf(wb);
    const before = excel.workbook.snapshot();
    const r = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: "invalid_amount", cell: "Huvudbok!D5" });
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("verify finds nothing after a run and the changed cell after an edit of a result", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    const env = { run: runOf(excel), now: FIXED_NOW };
    await recalcAction(env, null);
    expect((await verifyAction(env)).differences).toEqual([]);
    const eq = excel.workbook.sheet(OWNED_SHEETS.equity)!;
    const cell = [...eq.cells.entries()].find(([, c]) => typeof c.v === "number" && c.v > 1000000)!;
    cell[1].v = (cell[1].v as number) + 1;
    const v = await verifyAction(env);
    expect(v.ok).toBe(false);
    expect(v.differences!.map((d) => d.cell)).toEqual([`'Eget kapital'!${colLetters(cell[0] % 16384)}${Math.floor(cell[0] / 16384) + 1}`]);
  });

  test("verify says what changed first: the input table, then the result cells by sheet (the pane shows the same)", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    const env = { run: runOf(excel), now: FIXED_NOW };
    await recalcAction(env, null);
    // The result cell typed over: the inputs are as they were.
    const eq = excel.workbook.sheet(OWNED_SHEETS.equity)!;
    const cell = [...eq.cells.entries()].find(([, c]) => typeof c.v === "number" && c.v > 1000000)!;
    const original = cell[1].v as number;
    cell[1].v = original + 1;
    const same = await verifyAction(env);
    expect(same.verification!.inputs.code).toBe("verify_inputs_same");
    expect(same.verification!.bySheet.map((s) => [s.sheet, s.differences.length])).toEqual([[OWNED_SHEETS.equity, 1]]);
    cell[1].v = original;
    // A ledger amount changed: Huvudbok is named, and the sheets' counts add up to the differences.
    const ledger = excel.workbook.sheet("Huvudbok")!;
    const amount = [...ledger.cells.entries()].find(([k, c]) => k % 16384 === 3 && typeof c.v === "number" && (c.v as number) > 1000)!;
    amount[1].v = (amount[1].v as number) + 1000;
    const v = await verifyAction(env);
    expect(v.verification!.inputs).toMatchObject({
      code: "verify_inputs_changed",
      params: { tables: [{ name: "Huvudbok", change: "changed" }] },
    });
    expect(v.verification!.changedTables.map((t) => t.table)).toEqual(["Huvudbok"]);
    const counts = v.verification!.bySheet.map((s) => s.differences.length);
    expect(counts.reduce((a, n) => a + n, 0)).toBe(v.differences!.length);
    expect(v.verification!.bySheet.every((s) => s.differences.length > 0)).toBe(true);
  });

  test("Skapa mall fills an empty workbook and refuses, changing nothing, where inputs exist", async () => {
    const empty = new MWorkbook();
    empty.addSheet("Blad1");
    const excel = new MockExcel(empty);
    const r = await templateAction({ run: runOf(excel) });
    expect(r.ok).toBe(true);
    expect(excel.workbook.tables.map((t) => t.name).sort()).toEqual(
      ["Budget", "Huvudbok", "Installningar", "Insatser", "Kontoplan", "Medlemmar", "Prognos", "Takregel", "Tillaggsbidrag"].sort(),
    );
    expect(excel.workbook.sheets.every((s) => !s.protection.protected)).toBe(true);
    const before = excel.workbook.snapshot();
    const again = await templateAction({ run: runOf(excel) });
    expect(again.ok).toBe(false);
    expect(again.errors[0].code).toBe("template_inputs_exist");
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("the task pane's glance reads the settings only; selecting a cell activates it", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    const g = await glanceAction({ run: runOf(excel) });
    expect(g).toEqual({ association: "Samordningsförbundet Älvdalen (fiktivt)", year: 2026, cutoff: "2026-08-31", hasInputs: true });
    expect(excel.stats.maxCellsRead).toBeLessThan(100);
    await selectCellAction({ run: runOf(excel) }, "Huvudbok!D12");
    expect(excel.workbook.selection).toEqual({ sheet: "Huvudbok", address: "D12" });
    await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
    await selectCellAction({ run: runOf(excel) }, "'Eget kapital'!B14");
    expect(excel.workbook.selection).toEqual({ sheet: "Eget kapital", address: "B14" });
  });
});
