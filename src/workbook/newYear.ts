/**
 * Nytt år: the next year's workbook from this one (docs/workbook.md, "Nytt år"). The year is computed as closed at
 * 31 December; its closing equity becomes the new year's opening equity. The input tables are carried as the
 * officer typed them, with what a new year changes: the year and cut-off, amounts that were last year's, budget
 * years gone by, the ledger before the comparison year, grants fully paid, the Prognos choices. The source is only
 * read; the new workbook is written through another port. Refused, naming why, when the year does not look closed
 * or its closing equity cannot be trusted.
 */
import { compute, OUTPUTS } from "../core/compute";
import { dayNumber, excelSerialOfDayNumber, isoOfDayNumber } from "../core/dates";
import { fingerprint, Sha256 } from "../core/fingerprint";
import { CELL_FORMATS, ColumnId, ColumnKind, GRANTS_TABLE, headerNames, INPUT_TABLE_DEFS, SETTINGS, TableDef } from "../core/contract";
import type { SettingId } from "../core/inputs";
import type { Lang } from "../core/locale";
import { Issue, IssueList } from "../core/messages";
import { Decimal, toCellNumber, ZERO } from "../core/money";
import type { DayNumber } from "../core/units";
import { inputSheet, V } from "../report/inputSheets";
import type { SheetModel } from "../report/sheetModel";
import { OWNED_SHEET_NAMES } from "../report/sheets";
import { logSheet } from "../report/sheets/log";
import { isBlank, isDateCell, RawCell, WorkbookGrid } from "./grid";
import { WorkbookPort, WriteRefused } from "./port";
import { INPUT_TABLES, readInputs } from "./read";
import { cellsOutsideTables } from "./read/cellsOutside";
import { settingIdOf } from "./read/settings";
import { headerYear } from "./read/yearColumns";
import { columnIndex, LocatedTable, locateTable, normalizeName } from "./tables";
import { cellText, dateParser, parseAmount, parseInteger } from "./values";

export interface NewYearOptions {
  /** The source file's name, for Körlogg and the message. */
  source: string;
  version: string;
  now: () => string;
  sha256?: Sha256;
  lang?: Lang;
}

export interface NewYearOutcome {
  ok: boolean;
  errors: Issue[];
  /** The source year's warnings and what the officer should know about the new workbook. */
  warnings: Issue[];
  year?: number;
  openingEquity?: Decimal;
  sheets?: SheetModel[];
}

/** Plans the new year from a source grid; writes nothing. */
export function planNewYear(grid: WorkbookGrid, options: NewYearOptions): NewYearOutcome {
  const outputs = new Set(OUTPUTS);
  const read = readInputs(grid, outputs);
  if (!read.inputs) return { ok: false, errors: read.errors, warnings: read.warnings };
  const inputs = read.inputs;
  const year = inputs.settings.year;
  const errors = new IssueList();
  const notes = new IssueList();

  // 1. The year is closed: the ledger reaches its last month.
  const start = dayNumber(year, 1, 1);
  const december = dayNumber(year, 12, 1);
  const end = dayNumber(year, 12, 31);
  let last: DayNumber | null = null;
  for (const r of inputs.ledger) if (r.voucher !== "IB" && r.day >= start && r.day <= end && (last === null || r.day > last)) last = r.day;
  const ledgerSheet = inputs.sheets.Huvudbok ?? INPUT_TABLES.Huvudbok;
  if (last === null || last < december)
    errors.add("new_year_not_closed", { year, sheet: ledgerSheet, last: last === null ? "–" : isoOfDayNumber(last) }, "");
  if (errors.length > 0) return { ok: false, errors: errors.items, warnings: read.warnings };

  // 2. Its closing equity, the same in Bokslut and Eget kapital.
  const result = compute(inputs, { outputs, cutoffOverride: isoOfDayNumber(end) });
  if (!result.ok) return { ok: false, errors: result.errors, warnings: [...read.warnings, ...result.warnings] };
  const c = result.value;
  const warnings = [...read.warnings, ...c.warnings];
  const equity = c.equity;
  if (!equity || equity.openingSource === "none") errors.add("new_year_equity_unknown", { year }, inputs.settings.tableCell);
  const statements = c.statements;
  if (statements && statements.refused.length > 0) errors.add("new_year_statements_refused", { year }, "");
  const bokslut = statements?.balanceSheet.find((l) => l.id === "eget_kapital")?.amount;
  if (equity && bokslut && !bokslut.equals(equity.closing))
    errors.add("new_year_equity_mismatch", { year, statements: bokslut.toFixed(2), equity: equity.closing.toFixed(2) }, "");
  if (errors.length > 0 || !equity) return { ok: false, errors: errors.items, warnings };
  const closing = equity.closing;
  const next = year + 1;

  // 3. The input tables, carried by each table's rule in the contract.
  const parseDate = dateParser(grid);
  const sheets: SheetModel[] = [];
  // What stays in the source file, said in one note: never a silent drop.
  // Cells beside or below the tables (their totals rows too: the new tables have none) stay where they are.
  const outside = cellsOutsideTables(grid, { totalsRows: true }).reduce((n, s) => n + s.count, 0);
  const left = { ledgerRows: 0, before: year, budgetYears: [] as string[], forecastRows: 0, extraRows: 0, outside };
  for (const def of INPUT_TABLE_DEFS) {
    const t = locateTable(grid, def.name, def.sheet);
    if (!t) continue;
    const header = trimmedHeader(t);
    let rows = t.rows.map((r) => header.map((_, i) => r.cells[i] ?? null)).filter((r) => !r.every((v) => isBlank(v)));
    const before = rows.length;
    const col = (id: string) =>
      columnIndex(
        header,
        def.columns.find((c) => c.id === id)!,
      );
    switch (def.newYear) {
      case "settings":
        rows = nextSettings(rows, col("name"), col("value"), { year: next, closing, notes });
        break;
      case "fromNextYear": {
        const yearCol = col("year");
        if (def.name === "Budget") {
          const gone = [...new Set(inputs.budget.map((b) => b.year).filter((y) => y < next))].sort((a, b) => a - b);
          left.budgetYears = gone.map(String);
          if (!inputs.budget.some((b) => b.year === next)) notes.add("new_year_budget_missing", { year: next }, "");
        }
        if (yearCol >= 0 && (def.name !== "Budget" || col("amount") >= 0)) rows = fromYear(rows, yearCol, next);
        else dropYearColumns(header, rows, def, next);
        if (def.name === "Tillaggsbidrag") left.extraRows = before - rows.length;
        break;
      }
      case "fromClosedYear": {
        const dateCol = col("date");
        rows = rows.filter((r) => {
          const d = parseDate(r[dateCol]);
          return !d.ok || d.value >= start;
        });
        left.ledgerRows = before - rows.length;
        break;
      }
      case "grants":
        rows = nextGrants(rows, header, col, c.tertial?.grants ?? [], dayNumber(next, 1, 1), parseDate, notes);
        break;
      case "empty":
        left.forecastRows = rows.length;
        rows = [];
        break;
      case "carry":
        break;
    }
    sheets.push(sheetOf(def, t.sheet, header, rows, parseDate));
  }

  // 4. Körlogg starts with the source: its file, its inputs' fingerprint, and the closed year's figures.
  const action = `Nytt år ${next} från ${options.source}`;
  const run = {
    version: options.version,
    computedAt: options.now(),
    fingerprint: fingerprint(inputs, options.sha256),
    log: { previous: [], action },
  };
  const log = logSheet(c, run);
  // Its live status cell refers to Kontroller, which the new workbook gets at its first calculation; its heading is
  // the new year's (the row below it is the closed year's run, with its own cut-off).
  for (const row of log.rows)
    row.forEach((cell, i) => {
      if (cell?.formula) row[i] = { ...cell, formula: undefined, value: "Inte beräknad ännu" };
    });
  const headingEnd = log.tables[0]?.top ?? log.rows.length;
  for (const row of log.rows.slice(0, headingEnd)) {
    if (row[0]?.value === "Räkenskapsår" && row[1]) row[1] = { ...row[1], value: next };
    if (row[0]?.value === "Brytdatum" && row[1]) row[1] = { ...row[1], value: `${next}-04-30` };
  }
  sheets.push(log);

  if (left.ledgerRows || left.budgetYears.length || left.forecastRows || left.extraRows || left.outside)
    notes.add("new_year_rows_left", { ...left, budgetYears: left.budgetYears.join(", ") }, "");
  const inputSheets = new Set(INPUT_TABLE_DEFS.map((d) => normalizeName(d.sheet)));
  const names = grid.sheetNames ?? grid.sheets.map((s) => s.name);
  const own = names.filter((n) => !inputSheets.has(normalizeName(n)) && !OWNED_SHEET_NAMES.has(n));
  if (own.length > 0) notes.add("new_year_sheets_left", { sheets: own.join(", ") }, "");
  notes.add("new_year_done", { year: next, equity: closing.toFixed(2), source: options.source }, "");
  return { ok: true, errors: [], warnings: [...warnings, ...notes.items], year: next, openingEquity: closing, sheets };
}

/** Reads the source and writes the new year's workbook through `target` (an empty workbook). */
export async function newYear(source: WorkbookPort, target: WorkbookPort, options: NewYearOptions): Promise<NewYearOutcome> {
  return writeNewYear(planNewYear(await source.readGrid(), options), target);
}

/** Writes a planned new year through `target` (an empty workbook); a refused write is the outcome's errors. */
export async function writeNewYear(plan: NewYearOutcome, target: WorkbookPort): Promise<NewYearOutcome> {
  if (!plan.ok) return plan;
  try {
    await target.writeSheets(plan.sheets!);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    return { ok: false, errors: e.issues, warnings: plan.warnings };
  }
  return plan;
}

/** Drops the year columns (`2025`) before `first` from a table in wide form (Budget). */
function dropYearColumns(header: string[], rows: RawCell[][], def: TableDef, first: number): void {
  const years = def.yearColumns;
  if (!years) return;
  const gone = header.map((h, i) => ((headerYear(h, years) ?? first) < first ? i : -1)).filter((i) => i >= 0);
  for (const i of gone.reverse()) {
    header.splice(i, 1);
    rows.forEach((r) => r.splice(i, 1));
  }
}

/** Rows whose year (in `yearCol`) is `first` or later; a row without a readable year is kept. */
function fromYear(rows: RawCell[][], yearCol: number, first: number): RawCell[][] {
  return rows.filter((r) => {
    const y = parseInteger(r[yearCol]);
    return !y.ok || y.value >= first;
  });
}

function trimmedHeader(t: LocatedTable): string[] {
  const header = t.header.map((h) => cellText(h));
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  return header;
}

/** Inställningar for the next year: year, cut-off 30 April, opening equity; last year's amounts cleared. */
function nextSettings(
  rows: RawCell[][],
  nameCol: number,
  valueCol: number,
  p: { year: number; closing: Decimal; notes: IssueList },
): RawCell[][] {
  const set: Partial<Record<SettingId, RawCell>> = {
    year: p.year,
    cutoff: `${p.year}-04-30`,
    openingEquity: toCellNumber(p.closing),
  };
  const seen = new Set<SettingId>();
  const out = rows.map((r) => {
    const id = settingIdOf(cellText(r[nameCol]));
    if (!id) return r;
    seen.add(id);
    const row = [...r];
    if (id in set) row[valueCol] = set[id]!;
    else if ((id === "stateContribution" || id === "totalContributions") && !isBlank(r[valueCol])) {
      const amount = parseAmount(r[valueCol]);
      p.notes.add(
        "new_year_setting_cleared",
        { setting: cellText(r[nameCol]), value: amount.ok ? amount.value.toFixed(2) : cellText(r[valueCol]), year: p.year },
        "",
      );
      row[valueCol] = null;
    } else if (id === "keyLabel" && !isBlank(r[valueCol]))
      p.notes.add("new_year_key_basis", { basis: cellText(r[valueCol]), year: p.year }, "");
    return row;
  });
  for (const id of Object.keys(set) as SettingId[])
    if (!seen.has(id)) {
      const row: RawCell[] = [];
      row[nameCol] = SETTINGS[id].sv;
      row[valueCol] = set[id]!;
      out.push(row);
    }
  return out;
}

/**
 * Insatser for the next year: a grant fully paid and ended, and not paid in the closed year, is left out; the others
 * keep their decided amount, and `Utbetalt tidigare` carries what was paid before the comparison year (whose ledger
 * rows the new Huvudbok drops).
 */
function nextGrants(
  rows: RawCell[][],
  header: string[],
  col: (id: ColumnId<typeof GRANTS_TABLE>) => number,
  grants: ReadonlyArray<{ code: string; paid: Decimal; paidThisYear: Decimal; unpaid: Decimal; to: DayNumber }>,
  nextStart: DayNumber,
  parseDate: ReturnType<typeof dateParser>,
  notes: IssueList,
): RawCell[][] {
  const codeCol = col("code");
  let earlierCol = col("paidEarlier");
  if (earlierCol < 0) earlierCol = header.push(GRANTS_TABLE.columns.find((c) => c.id === "paidEarlier")!.sv) - 1;
  const toCol = col("to");
  const byCode = new Map(grants.map((g) => [g.code, g]));
  const closed: string[] = [];
  const out: RawCell[][] = [];
  for (const r of rows) {
    const g = byCode.get(cellText(r[codeCol]));
    const to = parseDate(r[toCol]);
    // Kept while the closed year paid it: that year stays in Huvudbok as the comparison, and its rows need their insats
    // (and its Typ) for the costs per verksamhet. The year after, it goes.
    if (g && g.unpaid.isZero() && g.paidThisYear.isZero() && to.ok && to.value < nextStart) {
      closed.push(g.code);
      continue;
    }
    const row = [...r];
    const earlier = g ? g.paid.minus(g.paidThisYear) : ZERO;
    row[earlierCol] = earlier.isZero() ? null : toCellNumber(earlier);
    out.push(row);
  }
  if (closed.length > 0) notes.add("new_year_grants_closed", { grants: closed.join(", ") }, "");
  return out;
}

/** A header's column in the contract (its kind and width), a year column's, or null for a column of the officer's own. */
function contractColumn(def: TableDef, header: string): { kind: ColumnKind; width: number } | null {
  const name = normalizeName(header);
  const c = def.columns.find((x) => headerNames(x).some((n) => normalizeName(n) === name));
  if (c) return c;
  if (def.yearColumns && headerYear(header, def.yearColumns) !== null) return def.yearColumns;
  return null;
}

/**
 * A table as an input sheet of the new workbook, each column by its kind in the contract: dates as dates, amounts with
 * öre, text as text; the officer's own columns as they were.
 */
function sheetOf(def: TableDef, sheet: string, header: string[], rows: RawCell[][], parseDate: ReturnType<typeof dateParser>): SheetModel {
  const columns = header.map((h) => contractColumn(def, h));
  const values: V[][] = rows.map((r) =>
    header.map((_, i) => {
      const v = r[i] ?? null;
      if (columns[i]?.kind === "date" && !isBlank(v)) {
        const d = parseDate(v);
        if (d.ok) return excelSerialOfDayNumber(d.value);
      }
      if (v === null || typeof v === "string" || typeof v === "number") return v;
      if (typeof v === "boolean") return v ? "Ja" : "Nej";
      if (isDateCell(v)) return v.date;
      return v.error;
    }),
  );
  const sheetColumns = header.map((h, i) => ({
    header: h,
    format: columns[i] ? CELL_FORMATS[columns[i].kind] : "General",
    width: columns[i]?.width ?? 14,
  }));
  return inputSheet({ ...def, sheet }, values, sheetColumns);
}
