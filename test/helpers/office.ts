/** Helpers to run the add-in's actions on the in-memory Excel. */
import ExcelJS from "exceljs";
import { exampleSheets, ExampleOptions, EXAMPLE_DEFAULTS } from "../../src/report/example";
import type { ExcelRun } from "../../src/excel/actions";
import { writeSheetsToWorkbook } from "./exceljs";
import { MockExcel } from "../officeMock/excel";
import { mockWorkbookOf } from "../officeMock/fromXlsx";
import { libraryRun } from "../richApi/run";

export function exampleWorkbook(options: Partial<ExampleOptions> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  writeSheetsToWorkbook(wb, exampleSheets({ ...EXAMPLE_DEFAULTS, ...options }));
  return wb;
}

export function mockExcelOf(wb: ExcelJS.Workbook): MockExcel {
  return new MockExcel(mockWorkbookOf(wb));
}

/**
 * `Excel.run` for the adapter under test: Microsoft's library (its proxies, load/sync rules and serializer) in front
 * of the in-memory Excel, through the RichApi host (test/richApi).
 */
export function runOf(excel: MockExcel): ExcelRun {
  return libraryRun(excel);
}

export const FIXED_NOW = () => "2026-09-15T08:00:00Z";
