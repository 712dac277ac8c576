/**
 * Budget, in long form (Rapportrad, År, Belopp) or wide form (Rapportrad and one column per year).
 * Amounts are typed positive for income and costs alike.
 */
import { BUDGET_TABLE } from "../../core/contract";
import { FUNCTION_IDS, FunctionId, parseFunction } from "../../core/functionIds";
import type { BudgetEntry, FunctionBudgetEntry } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { Decimal } from "../../core/money";
import { isBalanceLine, LeafLine, parseAccountLine } from "../../core/reportLines";
import type { CellRef } from "../../core/units";
import { cellRef, isBlank, isErrorCell, RawCell, WorkbookGrid } from "../grid";
import { at, mapColumns } from "../tables";
import { cellText, describe, errorCellFailure, parseAmount } from "../values";
import { locateInput, reportValue, TableReader, TableResult } from "./tableReader";
import { yearColumns } from "./yearColumns";

/** A leaf report line (a code or its label), or null. */
export function leafLine(text: RawCell): LeafLine | null {
  const l = parseAccountLine(cellText(text));
  return l && !isBalanceLine(l) && l !== "avslutspost" ? l : null;
}

/** Reports an unknown report line (or the error value in its cell). */
export function reportUnknownLine(errors: IssueList, v: RawCell, table: string, cell: CellRef): void {
  if (isErrorCell(v)) reportValue(errors, "invalid_number", errorCellFailure(v), cell);
  else errors.add("unknown_report_line", { value: describe(v) ?? "", table }, cell);
}

/** A Budget row's Rapportrad: a leaf line, or a verksamhet (the cost budget's split, core/functions.ts), or null. */
function budgetRow(text: RawCell): LeafLine | FunctionId | null {
  return leafLine(text) ?? parseFunction(cellText(text));
}

type Push = (line: LeafLine | FunctionId, year: number, amount: Decimal, cell: CellRef) => void;
type BudgetReader = TableReader<typeof BUDGET_TABLE>;

function readLong(r: BudgetReader, push: Push): void {
  for (const row of r.rows(["line", "year", "amount"])) {
    const line = budgetRow(r.cell(row, "line"));
    if (!line) reportUnknownLine(r.errors, r.cell(row, "line"), "Budget", r.ref(row.index, "line"));
    const year = r.value(row, "year");
    const amount = r.value(row, "amount");
    if (line && year !== null && amount) push(line, year, amount, r.ref(row.index, "amount"));
  }
}

function readWide(r: BudgetReader, push: Push): boolean {
  const years = yearColumns(r.t, BUDGET_TABLE.yearColumns, r.errors);
  if (years.length === 0) {
    r.errors.add("budget_years_missing", {}, cellRef(r.t.sheet, r.t.headerRow, r.t.left));
    return false;
  }
  for (const row of r.t.rows) {
    const lineCell = r.cell(row, "line");
    if (isBlank(lineCell)) {
      if (years.some((y) => !isBlank(at(row, y.col)))) r.errors.add("budget_line_blank", {}, r.ref(row.index, "line"));
      continue;
    }
    const line = budgetRow(lineCell);
    if (!line) {
      reportUnknownLine(r.errors, lineCell, "Budget", r.ref(row.index, "line"));
      continue;
    }
    for (const y of years) {
      const v = at(row, y.col);
      if (isBlank(v)) continue;
      const p = parseAmount(v);
      if (!p.ok) reportValue(r.errors, "invalid_amount", p.error, r.ref(row.index, y.col));
      else push(line, y.year, p.value, r.ref(row.index, y.col));
    }
  }
  return true;
}

export function readBudget(grid: WorkbookGrid, errors: IssueList): TableResult<{ lines: BudgetEntry[]; functions: FunctionBudgetEntry[] }> {
  const t = locateInput(grid, BUDGET_TABLE, errors);
  if (!t) return { kind: "absent" };
  const cols = mapColumns(t, BUDGET_TABLE.columns, errors);
  if (!cols) return { kind: "broken" };
  // Long form when it has Belopp: then År is required too.
  const isLong = cols.amount !== undefined;
  if (isLong && cols.year === undefined) {
    errors.add(
      "missing_column",
      { column: "År", alias: "Year", sheet: t.sheet, row: t.headerRow + 1 },
      cellRef(t.sheet, t.headerRow, t.left),
    );
    return { kind: "broken" };
  }
  const r = new TableReader(BUDGET_TABLE, t, cols, errors, grid);
  const budget: BudgetEntry[] = [];
  const functions: FunctionBudgetEntry[] = [];
  const seen = new Map<string, CellRef>();
  const push: Push = (line, year, amount, cell) => {
    const key = `${line}|${year}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.add("duplicate_budget_row", { line, year, otherCell: earlier }, cell);
      return;
    }
    seen.set(key, cell);
    if (isFunction(line)) functions.push({ fn: line, year, amount, cell });
    else budget.push({ line, year, amount, cell });
  };
  if (isLong) readLong(r, push);
  else if (!readWide(r, push)) return { kind: "broken" };
  return { kind: "read", value: { lines: budget, functions }, sheet: t.sheet };
}

function isFunction(line: LeafLine | FunctionId): line is FunctionId {
  return (FUNCTION_IDS as readonly string[]).includes(line);
}
