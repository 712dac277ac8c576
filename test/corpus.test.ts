/**
 * The hostile and broken input corpus (test/corpus/cases.ts) through both adapters. For each case:
 * the outcome is the pinned one (error code and cell, or success with the named warning); the two
 * adapters agree; nothing crashes; on error nothing is written; no input cell ever changes; text
 * from the workbook comes back as text, never as a formula.
 */
import ExcelJS from "exceljs";
import { OUTPUTS } from "../src/core/compute";
import { OWNED_SHEETS } from "../src/report/sheets";
import { recalcAction } from "../src/excel/actions";
import { Outcome, recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { CASES, CorpusCase } from "./corpus/cases";
import { viewOfExcelJsSheet } from "./officeMock/fromXlsx";
import { bufferOf, comparableGrid, gridOfWorkbook, workbookOf } from "./helpers/exceljs";
import { exampleWorkbook, FIXED_NOW, mockExcelOf, runOf } from "./helpers/office";

const OWNED = new Set<string>(Object.values(OWNED_SHEETS));

function inputView(wb: ExcelJS.Workbook): string {
  const out: Array<[string, unknown]> = [];
  wb.eachSheet((ws) => {
    if (!OWNED.has(ws.name)) out.push([ws.name, [...viewOfExcelJsSheet(ws).entries()]]);
  });
  return JSON.stringify(out);
}

interface Result {
  ok: boolean;
  first: { code: string; cell: string } | null;
  warnings: Array<{ code: string; cell: string }>;
}
const summarize = (o: { ok: boolean; errors: Outcome["errors"]; warnings: Outcome["warnings"] }): Result => ({
  ok: o.ok,
  first: o.errors[0] ? { code: o.errors[0].code, cell: o.errors[0].cell } : null,
  warnings: o.warnings.map((w) => ({ code: w.code, cell: w.cell })),
});

async function runBoth(c: CorpusCase) {
  const wb = exampleWorkbook();
  c.edit(wb);
  // A real .xlsx file, as a user's workbook arrives (written by ExcelJS, not by us).
  const buffer = await bufferOf(wb);
  const input = await workbookOf(buffer);
  const excel = mockExcelOf(input);
  const officeBefore = excel.workbook.snapshot();
  const inputsBefore = inputView(input);
  const port = XlsxPort.fromBuffer(buffer);
  // Our .xlsx reader sees exactly what ExcelJS, an independent reader, sees.
  const ours = await port.readGrid();
  const theirs = gridOfWorkbook(input);
  let written = 0;
  const x = await recalculate(
    { readGrid: () => port.readGrid(), writeSheets: (s) => ((written += s.length), port.writeSheets(s)) },
    { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW, action: "Beräkna allt (test)" },
  );
  // What the command line would save, read back by ExcelJS.
  const file = await workbookOf(port.toBuffer());
  const o = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
  return { file, excel, officeBefore, inputsBefore, x, o, written, ours, theirs };
}

describe("hostile and broken input corpus", () => {
  test("has at least 60 cases with unique names", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  test.each(CASES.map((c) => [c.name, c] as const))(
    "%s",
    async (_name, c) => {
      const e = c.expect;
      const { file, excel, officeBefore, inputsBefore, x, o, written, ours, theirs } = await runBoth(c);
      expect(comparableGrid(ours)).toEqual(comparableGrid(theirs));
      const xs = summarize(x);
      const os = summarize(o);
      if (process.env.CORPUS_DUMP) console.log(JSON.stringify({ name: c.name, xs }));
      // Both adapters agree on the outcome.
      expect(os).toEqual(xs);
      // No input cell changed (ExcelJS side: compare every input sheet's cells).
      expect(inputView(file)).toBe(inputsBefore);
      if ("error" in e) {
        expect(xs.ok).toBe(false);
        expect(xs.first).toEqual({ code: e.error, cell: e.cell });
        // Nothing written by either adapter.
        expect(written).toBe(0);
        file.eachSheet((ws) => expect(OWNED.has(ws.name)).toBe(false));
        expect(excel.workbook.snapshot()).toBe(officeBefore);
        return;
      }
      expect({ ok: xs.ok, errors: x.errors }).toEqual({ ok: true, errors: [] });
      if (e.warning) {
        const w = xs.warnings.find((w) => w.code === e.warning);
        expect(w).toBeDefined();
        if (e.cell) expect(w!.cell).toBe(e.cell);
      }
      for (const code of e.noWarning ?? []) expect(xs.warnings.map((w) => w.code)).not.toContain(code);
      // Input sheets in the in-memory Excel untouched too.
      const officeInputs = (snap: string) =>
        JSON.stringify((JSON.parse(snap) as Array<{ name: string }>).filter((s) => !OWNED.has(s.name)));
      expect(officeInputs(excel.workbook.snapshot())).toBe(officeInputs(officeBefore));
      for (const t of e.text ?? []) {
        // xlsx: a plain string cell somewhere in an owned sheet; Office: a text cell, no formula.
        let inXlsx = false;
        file.eachSheet((ws) => {
          if (OWNED.has(ws.name)) ws.eachRow((row) => row.eachCell((cell) => void (cell.value === t && (inXlsx = true))));
        });
        expect(inXlsx).toBe(true);
        const inOffice = excel.workbook.sheets
          .filter((s) => OWNED.has(s.name))
          .flatMap((s) => [...s.cells.values()])
          .filter((cell) => cell.v === t);
        expect(inOffice.length).toBeGreaterThan(0);
        expect(inOffice.every((cell) => cell.f === undefined && !cell.error)).toBe(true);
      }
    },
    30000,
  );
});
