/**
 * What the input sheets held when a run read them: per input table, SUM and COUNTA over its
 * columns of its sheet, computed the way a spreadsheet computes them (numbers and dates as serial
 * numbers are summed; text, booleans and blanks are not; every non-empty cell is counted).
 * Kontroller writes the same formulas live, so any spreadsheet shows when inputs changed since.
 */
import { Decimal, exactOre } from "../core/money";
import type { InputStamp, LogValue } from "../report/sheets";
import { LOG_HEADERS, logRowInOrder, OWNED_SHEETS } from "../report/sheets";
import type { Issue } from "../core/messages";
import { cellRef, GridSheet, isBlank, isDateCell, isErrorCell, RawCell, WorkbookGrid } from "./grid";
import { INPUT_TABLES } from "./read";
import { findSheet, locateTable } from "./tables";
import { parseDate, serialInWorkbook } from "./values";

/** The öre total is moved into the Decimal before it could pass 2^53 (each addend is below 1e11 öre). */
const FLUSH = 2 ** 52;

/** Decimals kept for the numbers that are not whole öre: a double written without an exponent has at most 22. */
const SCALE = 24;
const SCALE_DIVISOR = new Decimal(10).pow(SCALE);

/**
 * An exact sum of cell numbers, equal to adding every number as a Decimal: numbers with at most
 * two decimals (account numbers, date serials, amounts) are added as integer öre; other numbers as
 * written (`113.00999999999999`) as a whole number of 1e-24, exactly (BigInt); one written with an
 * exponent through Decimal. No object per cell.
 */
export class ExactSum {
  private ore = 0;
  private scaled = 0n;
  private rest = new Decimal(0);
  add(n: number): void {
    const ore = exactOre(n);
    if (ore === null) {
      this.addOther(n);
      return;
    }
    this.ore += ore;
    if (Math.abs(this.ore) > FLUSH) this.flush();
  }
  private addOther(n: number): void {
    const text = String(n);
    const dot = text.indexOf(".");
    if (text.indexOf("e") >= 0 || dot < 0 || text.length - dot - 1 > SCALE) {
      this.rest = this.rest.plus(n);
      return;
    }
    this.scaled += BigInt(text.slice(0, dot) + text.slice(dot + 1).padEnd(SCALE, "0"));
  }
  private flush(): void {
    this.rest = this.rest.plus(new Decimal(this.ore).dividedBy(100));
    this.ore = 0;
  }
  value(): Decimal {
    const scaled = this.scaled === 0n ? new Decimal(0) : new Decimal(this.scaled.toString()).dividedBy(SCALE_DIVISOR);
    return this.rest.plus(new Decimal(this.ore).dividedBy(100)).plus(scaled);
  }
}

export function inputStamps(grid: WorkbookGrid): InputStamp[] {
  const out: InputStamp[] = [];
  for (const [table, sheetName] of Object.entries(INPUT_TABLES)) {
    const t = locateTable(grid, table, sheetName);
    if (!t) continue;
    let width = t.header.length;
    while (width > 0 && isBlank(t.header[width - 1])) width--;
    if (width === 0) continue;
    const left = t.left;
    const right = t.left + width - 1;
    const sheet = findSheet(grid, t.sheet);
    const sum = new ExactSum();
    let count = 0;
    for (const row of sheet?.rows ?? []) {
      for (let c = left; c <= right; c++) {
        const v = row?.[c];
        if (v === null || v === undefined || v === "") continue;
        count++;
        if (typeof v === "number") sum.add(v);
        else if (isDateCell(v)) {
          // parseDate remembers each day it has seen; a date cell is always a valid date.
          const day = parseDate(v);
          // A date cell counts as the serial number the workbook's own date system gives it.
          if (day.ok) sum.add(serialInWorkbook(grid, day.value));
        }
      }
    }
    out.push({ table, sheet: t.sheet, left, right, sum: sum.value(), count });
  }
  return out;
}

function logValue(v: RawCell): LogValue {
  if (v === null || v === undefined) return null;
  if (isDateCell(v)) return v.date;
  if (isErrorCell(v)) return v.error;
  return v;
}

/** The rows already in the run log (table Korlogg, or the Körlogg sheet below its header row). */
export function previousLog(grid: WorkbookGrid): LogValue[][] {
  const t = locateTable(grid, "Korlogg", OWNED_SHEETS.log);
  if (!t) return [];
  let rows = t.rows;
  if (!t.fromTable) {
    // The sheet without its table: the log's header row is the one starting with "Tid".
    const sheet = findSheet(grid, OWNED_SHEETS.log)!;
    const header = sheet.rows.findIndex((r) => r?.[0] === "Tid" && r?.[1] === "Åtgärd");
    if (header < 0) return [];
    rows = sheet.rows.slice(header + 1).map((cells, i) => ({ index: header + 1 + i, cells: cells ?? [] }));
  }
  return rows.filter((r) => r.cells.some((c) => !isBlank(c))).map((r) => logRowInOrder(r.cells.slice(0, LOG_HEADERS.length).map(logValue)));
}

/**
 * Whether a sheet named like an owned sheet was written by Finsam Ekonomi: it is empty, or its header block
 * names the program ("Version" beside "Finsam Ekonomi x.y.z"), or it is the run log with its own headings.
 */
function writtenByUs(sheet: GridSheet): boolean {
  const rows = sheet.rows;
  if (rows.every((r) => (r ?? []).every((c) => isBlank(c)))) return true;
  for (let r = 0; r < Math.min(rows.length, 16); r++) {
    const v = rows[r]?.[1];
    if (rows[r]?.[0] === "Version" && typeof v === "string" && v.startsWith("Finsam Ekonomi ")) return true;
  }
  const head = (rows[0] ?? []).slice(0, 2);
  return head[0] === LOG_HEADERS[0] && head[1] === LOG_HEADERS[1];
}

/**
 * A person's own sheet that carries the name of a sheet the run would write, in any letter case (`KONTROLLER`,
 * `bokslut`): never replaced; the run refuses and names it, before anything is written.
 */
export function userSheetsInTheWay(grid: WorkbookGrid, names: readonly string[]): Issue[] {
  const out: Issue[] = [];
  for (const name of names) {
    const sheet = grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (sheet && !writtenByUs(sheet))
      out.push({ code: "owned_sheet_taken", params: { sheet: sheet.name, owned: name }, cell: cellRef(sheet.name, 0, 0) });
  }
  return out;
}
