/**
 * Budget, in long form (Rapportrad, År, Belopp) or wide form (Rapportrad and one column per year).
 * Amounts are typed positive for income and costs alike.
 */
import type { BudgetEntry } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { Decimal } from "../../core/money";
import { isBalanceLine, LeafLine, parseAccountLine } from "../../core/reportLines";
import type { CellRef } from "../../core/units";
import { cellRef, isBlank, isErrorCell, RawCell, WorkbookGrid } from "../grid";
import { at, LocatedTable, locateTable, mapColumns, normalizeName } from "../tables";
import { cellText, describe, errorCellFailure, parseAmount, parseInteger } from "../values";
import { INPUT_TABLES, reportValue, TableReader, TableResult } from "./tableReader";

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

type Push = (line: LeafLine, year: number, amount: Decimal, cell: CellRef) => void;

function readLong(t: LocatedTable, errors: IssueList, push: Push): boolean {
  const specs = [
    { id: "line" as const, names: ["Rapportrad", "Report line"], required: true },
    { id: "year" as const, names: ["År", "Year"], required: true },
    { id: "amount" as const, names: ["Belopp", "Amount"], required: true },
  ];
  const cols = mapColumns(t, specs, errors);
  if (!cols) return false;
  const r = new TableReader(t, cols, errors);
  for (const row of r.rows(["line", "year", "amount"])) {
    const line = leafLine(at(row, cols.line));
    if (!line) reportUnknownLine(errors, at(row, cols.line), "Budget", r.ref(row.index, "line"));
    const year = r.parse(row, "year", parseInteger, "invalid_year");
    const amount = r.parse(row, "amount", parseAmount, "invalid_amount");
    if (line && year !== null && amount) push(line, year, amount, r.ref(row.index, "amount"));
  }
  return true;
}

function readWide(t: LocatedTable, errors: IssueList, push: Push): boolean {
  const cols = mapColumns(t, [{ id: "line", names: ["Rapportrad", "Report line"], required: true }], errors);
  if (!cols) return false;
  const yearCols: Array<{ col: number; year: number }> = [];
  t.header.forEach((c, i) => {
    const y = parseInteger(c);
    if (y.ok && y.value >= 1900 && y.value <= 9999) yearCols.push({ col: i, year: y.value });
  });
  if (yearCols.length === 0) {
    errors.add("budget_years_missing", {}, cellRef(t.sheet, t.headerRow, t.left));
    return false;
  }
  const r = new TableReader(t, cols, errors);
  for (const row of t.rows) {
    const lineCell = at(row, cols.line);
    if (isBlank(lineCell)) {
      if (yearCols.some((y) => !isBlank(at(row, y.col)))) errors.add("budget_line_blank", {}, r.ref(row.index, "line"));
      continue;
    }
    const line = leafLine(lineCell);
    if (!line) {
      reportUnknownLine(errors, lineCell, "Budget", r.ref(row.index, "line"));
      continue;
    }
    for (const y of yearCols) {
      const v = at(row, y.col);
      if (isBlank(v)) continue;
      const p = parseAmount(v);
      if (!p.ok) reportValue(errors, "invalid_amount", p.error, r.ref(row.index, y.col));
      else push(line, y.year, p.value, r.ref(row.index, y.col));
    }
  }
  return true;
}

export function readBudget(grid: WorkbookGrid, errors: IssueList): TableResult<BudgetEntry[]> {
  const t = locateTable(grid, "Budget", INPUT_TABLES.Budget);
  if (!t) return { kind: "absent" };
  const headerNames = t.header.map((c) => normalizeName(cellText(c)));
  const isLong = headerNames.includes("belopp") || headerNames.includes("amount");
  const budget: BudgetEntry[] = [];
  const seen = new Map<string, CellRef>();
  const push: Push = (line, year, amount, cell) => {
    const key = `${line}|${year}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.add("duplicate_budget_row", { line, year, otherCell: earlier }, cell);
      return;
    }
    seen.set(key, cell);
    budget.push({ line, year, amount, cell });
  };
  const ok = isLong ? readLong(t, errors, push) : readWide(t, errors, push);
  return ok ? { kind: "read", value: budget, sheet: t.sheet } : { kind: "broken" };
}
