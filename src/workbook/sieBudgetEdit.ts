/**
 * The SIE import's budget step (`finsam sie --budget`, the pane's checkbox): the file's budget for its year, summed
 * per report line through Kontoplan (with the import's proposals for accounts it does not cover), written into
 * Budget's column for that year (wide form) or its rows for that year (long form). Verksamhet rows and other years
 * stay as they are. Amounts that stand there and would change are replaced only when asked (`replaceBudget`), and
 * said. The written lines must give back the file's budget over the mapped accounts, or nothing is written.
 */
import { BUDGET_TABLE, columnFormat } from "../core/contract";
import { IssueList } from "../core/messages";
import { oreToKronorString } from "../core/money";
import { LEAF_LINES, LeafLine, LINE_LABELS, LINE_SIGN, type AccountLine } from "../core/reportLines";
import { budgetByLine, SieBudget } from "../core/sie/budget";
import { asOre, CellRef, Ore } from "../core/units";
import { Cell, FORMATS, TableEdit } from "../report/sheetModel";
import { cellRef, isBlank, RawCell } from "./grid";
import { leafLine } from "./read/budget";
import { yearColumns } from "./read/yearColumns";
import { cellOf, contentBelowIssue, positionalBody, tableEdit } from "./rewriteTable";
import { Import, kontoplanRules, proposedLine, refuse, Refusal, requireTable } from "./sieImportEdits";
import { LocatedTable, mapColumns } from "./tables";
import { parseAmount } from "./values";

export interface BudgetImport {
  edit: TableEdit | null;
  year: number;
  source: SieBudget["source"];
  /** Report lines written (with an amount), and amounts that stood there and changed. */
  lines: number;
  replaced: number;
}

const AMOUNT_FORMAT = columnFormat({ kind: "amount" });
const kr = oreToKronorString;

/** The report line of an account: Kontoplan's row that covers it, else the line the import proposes for it. */
function lineOfAccount(x: Import): (account: number) => AccountLine | null {
  const rules = kontoplanRules(x.grid);
  return (account) => {
    const rule = rules.find((r) => account >= r.from && account <= r.to);
    return rule ? rule.line : proposedLine(x, account);
  };
}

/** A budget amount (öre, typed positive) as the cell Budget gets. */
const amountCell = (ore: Ore): Cell => ({ value: Number(kr(ore)), format: AMOUNT_FORMAT });

/** An amount cell as it stands, in öre (null when blank, NaN when it is no amount: then it counts as changed). */
function oreOfCell(v: RawCell): number | null {
  if (isBlank(v)) return null;
  const p = parseAmount(v);
  return p.ok ? p.value.times(100).toNumber() : NaN;
}

export function budgetEdit(x: Import, budget: SieBudget, replaceBudget: boolean): BudgetImport {
  const { grid } = x;
  if (budget.errors.length > 0) throw new Refusal(budget.errors);
  const { lines, unmapped, mappedTotal } = budgetByLine(budget, lineOfAccount(x));
  if (unmapped.length > 0)
    x.warnings.push({
      code: "sie_budget_unmapped",
      params: { year: budget.year, accounts: unmapped.map((u) => u.account), total: kr(asOre(unmapped.reduce((a, u) => a + u.ore, 0))) },
      cell: x.at(budget.lines.get(unmapped[0].account) ?? 1),
    });
  const bt = requireTable(grid, BUDGET_TABLE);
  const issues = new IssueList();
  const cols = mapColumns(bt, BUDGET_TABLE.columns, issues);
  if (!cols || cols.line === undefined) throw new Refusal(issues.items);
  const raw = positionalBody(bt);
  const body: Array<Array<Cell | null>> = raw.map((r) => r.map((c) => cellOf(c, grid)));
  const width = bt.header.length;
  const year = budget.year;
  let replaced = 0;
  let firstReplaced: CellRef | null = null;
  const written = new Map<LeafLine, true>();
  /** Sets a body cell to a budget amount (or empty), counting an amount that stood there and changes. */
  const set = (i: number, c: number, ore: Ore | null) => {
    const before = oreOfCell(raw[i]?.[c] ?? null);
    if (before !== null && before !== ore) {
      replaced++;
      firstReplaced ??= cellRef(bt.sheet, bt.headerRow + 1 + i, bt.left + c);
    }
    body[i][c] = ore === null ? null : amountCell(ore);
  };
  // A new row names its line as the table's rows do: by code where they use codes (the example), else by label.
  const codes = raw.some((r) => typeof r[cols.line!] === "string" && (LEAF_LINES as readonly string[]).includes(r[cols.line!] as string));
  const newRow = (line: LeafLine): Array<Cell | null> => {
    const r = new Array<Cell | null>(width).fill(null);
    r[cols.line!] = { value: codes ? line : LINE_LABELS[line], format: FORMATS.text };
    return r;
  };
  // The column the year's amounts are in: Belopp (long form), or the year's own column (wide form).
  let amountCol: number;
  if (cols.amount !== undefined) {
    amountCol = cols.amount;
    // Long form: the year's rows of report lines are the file's; other years and verksamhet rows stay.
    const [yc, ac] = [cols.year!, cols.amount];
    raw.forEach((r, i) => {
      const line = leafLine(r[cols.line!]);
      const y = typeof r[yc] === "number" ? r[yc] : Number(String(r[yc] ?? "").trim());
      if (!line || y !== year) return;
      const ore = written.has(line) ? undefined : lines.get(line);
      if (ore === undefined) {
        // No budget in the file for the line, or a second row of it: the row is emptied.
        set(i, ac, null);
        body[i] = new Array<Cell | null>(width).fill(null);
        return;
      }
      set(i, ac, ore);
      written.set(line, true);
    });
    // New rows go first into the table's empty rows (the template has one), then below it.
    const empty = raw.map((r, i) => (r.every((c) => isBlank(c)) ? i : -1)).filter((i) => i >= 0);
    for (const line of LEAF_LINES) {
      const ore = lines.get(line);
      if (ore === undefined || written.has(line)) continue;
      const r = newRow(line);
      r[yc] = { value: year };
      r[ac] = amountCell(ore);
      const free = empty.shift();
      if (free === undefined) body.push(r);
      else body[free] = r;
      written.set(line, true);
    }
  } else {
    const columns = yearColumns(bt, BUDGET_TABLE.yearColumns, issues);
    if (issues.length > 0) throw new Refusal(issues.items);
    const column = columns.find((c) => c.year === year);
    if (!column)
      return refuse({ code: "sie_budget_no_column", params: { year, sheet: bt.sheet }, cell: cellRef(bt.sheet, bt.headerRow, bt.left) });
    amountCol = column.col;
    raw.forEach((r, i) => {
      const line = leafLine(r[cols.line!]);
      if (!line) return;
      const ore = written.has(line) ? null : (lines.get(line) ?? null);
      set(i, column.col, ore);
      if (ore !== null) written.set(line, true);
    });
    for (const line of LEAF_LINES) {
      const ore = lines.get(line);
      if (ore === undefined || written.has(line)) continue;
      const r = newRow(line);
      r[column.col] = amountCell(ore);
      body.push(r);
      written.set(line, true);
    }
  }
  if (replaced > 0 && !replaceBudget)
    refuse({ code: "sie_budget_exists", params: { year, count: replaced, sheet: bt.sheet }, cell: firstReplaced! });
  if (replaced > 0)
    x.warnings.push({ code: "sie_budget_replaced", params: { year, count: replaced, sheet: bt.sheet }, cell: firstReplaced! });
  checkColumn(bt, body, { ...cols, amountCol }, year, mappedTotal);
  const edit = tableEdit(grid, bt, body);
  if (typeof edit === "string") refuse(contentBelowIssue(bt, edit));
  return { edit: edit as TableEdit, year, source: budget.source, lines: written.size, replaced };
}

/**
 * The reconciliation: Budget's figures for the year, read back from the body that will be written, give the file's
 * budget over the accounts with a report line (as the bookkeeping's sum), or nothing is written.
 */
function checkColumn(
  bt: LocatedTable,
  body: Array<Array<Cell | null>>,
  cols: { line?: number; year?: number; amount?: number; amountCol: number },
  year: number,
  stated: Ore,
): void {
  const column = cols.amountCol;
  let total = 0;
  for (const r of body) {
    const line = leafLine((r[cols.line!]?.value ?? null) as RawCell);
    if (!line) continue;
    if (cols.amount !== undefined && Number(r[cols.year!]?.value) !== year) continue;
    const v = r[column]?.value;
    if (typeof v === "number") total -= Math.round(v * 100) * LINE_SIGN[line];
  }
  if (total !== stated)
    refuse({
      code: "sie_budget_reconciliation_failed",
      params: { year, written: kr(asOre(total)), stated: kr(stated) },
      cell: cellRef(bt.sheet, bt.headerRow, bt.left),
    });
}
