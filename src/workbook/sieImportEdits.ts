/**
 * The SIE import's edits of the input tables (sieImport.ts runs them in order): Huvudbok's body, Kontoplan's new
 * accounts with their proposed lines, Inställningar's empty cells. Each step refuses by throwing a Refusal, which
 * the import turns into its outcome; nothing is written then.
 */
import { ACCOUNTS_TABLE, ColumnId, columnFormat, LEDGER_TABLE, SETTINGS_TABLE, TableDef, templateColumns } from "../core/contract";
import { yearOfDayNumber } from "../core/dates";
import { EXCEL_MAX_ROWS } from "../core/excelLimits";
import { Issue, IssueList } from "../core/messages";
import { AccountLine, parseAccountLine } from "../core/reportLines";
import { chartOf, ImportRow, proposeLine, sieLedgerRows } from "../core/sie/ledgerRows";
import type { SieFile } from "../core/sie/parse";
import { asCellRef, CellRef } from "../core/units";
import type { Cell, LazyRows, SheetModel, TableEdit } from "../report/sheetModel";
import { cellRef, isBlank, isErrorCell, RawCell, WorkbookGrid } from "./grid";
import { readSettingsOnly, SETTING_ALIASES } from "./read";
import { parseAccountSpec } from "./read/accounts";
import { bodyOf, cellOf, contentBelowIssue, lastRowOf, positionalBody, sheetWithBody, tableEdit } from "./rewriteTable";
import { findSheet, LocatedTable, locateTable, mapColumns, normalizeName } from "./tables";
import { dateParser, serialInWorkbook } from "./values";

export interface SieImportInfo {
  fileName: string;
  sha256: string;
  /** ISO time of the import, for Körlogg. */
  now: string;
  version: string;
  /**
   * Import even where the file's own balances disagree with the rows: the user's explicit choice
   * (`--importera-anda`, the pane's checkbox); Körlogg records it. A double import is refused all the same.
   */
  importAnyway?: boolean;
  /** Also take the file's budget (#PBUDGET, #BUDGET) of its year into Budget (`--budget`, the pane's checkbox). */
  budget?: boolean;
  /** Replace amounts Budget already has for that year (`--ersatt-budget`): without it such amounts refuse the import. */
  replaceBudget?: boolean;
}

/** An account no Kontoplan row covers, with its proposed line; `accountText` as the file writes it (`0351`). */
export interface Proposal {
  account: number;
  accountText: string;
  name: string;
  line: AccountLine | null;
}

/** Huvudbok's columns as the contract has them, with Belopp required: the import writes amounts there, never Debet/Kredit. */
const LEDGER_IMPORT_COLUMNS = LEDGER_TABLE.columns.filter((c) => c.template).map((c) => (c.id === "amount" ? { ...c, required: true } : c));

/** The format a written cell of a contract column gets. */
const formatOf = (table: TableDef, id: string): string => columnFormat(table.columns.find((c) => c.id === id)!);

/** Huvudbok's formats by column, as the contract has them. */
export const ledgerFormat = Object.fromEntries(LEDGER_TABLE.columns.map((c) => [c.id, columnFormat(c)])) as Record<
  ColumnId<typeof LEDGER_TABLE>,
  string
>;

/** A refusal met in a step: its issues; importSie turns it into the outcome (nothing written). */
export class Refusal {
  constructor(readonly issues: Issue[]) {}
}
export const refuse = (issue: Issue): never => {
  throw new Refusal([issue]);
};

export type Ledger = ReturnType<typeof sieLedgerRows>;
export type Settings = ReturnType<typeof readSettingsOnly>;

/** What every step shares: the workbook, the file, its rows, and the warnings gathered so far. */
export interface Import {
  grid: WorkbookGrid;
  sie: SieFile;
  info: SieImportInfo;
  ledger: Ledger;
  settings: Settings;
  warnings: Issue[];
  at: (line: number) => CellRef;
  /** An account as a cell: written with a leading zero (`0351`) it stays text, so that it keeps its zero. */
  accountCell: (account: number) => Cell;
  /** Accounts the imported budget uses: Kontoplan gets a proposal for those it does not cover, as for the rows'. */
  budgetAccounts?: readonly number[];
}

/** An input table the import writes into, located, or a refusal naming it. */
export function requireTable(grid: WorkbookGrid, def: TableDef): LocatedTable {
  const t = locateTable(grid, def.name, def.sheet);
  if (!t) return refuse({ code: "missing_table", params: { table: def.name, sheet: def.sheet }, cell: asCellRef(`${def.sheet}!A1`) });
  return t;
}

/** Kontoplan's rows as they stand: each readable account or range with its report line (null when none or unread). */
export function kontoplanRules(grid: WorkbookGrid): Array<{ from: number; to: number; line: AccountLine | null }> {
  const kp = locateTable(grid, ACCOUNTS_TABLE.name, ACCOUNTS_TABLE.sheet);
  const cols = kp ? (mapColumns(kp, ACCOUNTS_TABLE.columns, new IssueList()) ?? {}) : {};
  if (!kp) return [];
  return bodyOf(kp).flatMap((r) => {
    const spec = parseAccountSpec(r[cols.account ?? 0]);
    const text = cols.line !== undefined ? r[cols.line] : null;
    return spec.ok ? [{ ...spec.value, line: typeof text === "string" ? parseAccountLine(text) : null }] : [];
  });
}

/** The line the import proposes for an account Kontoplan does not cover (its #KONTO name, the chart's classes). */
export function proposedLine(x: Import, account: number): AccountLine | null {
  return proposeLine(account, x.sie.accounts.get(account) ?? "", x.settings?.sieChart ?? chartOf(x.sie));
}

/** Huvudbok: other years' rows kept in their order, the file's years replaced (or, a transaction file, its rows added). */
export function ledgerEdit(x: Import): { edit: TableEdit; replaced: number } {
  const { grid, ledger } = x;
  const hb = requireTable(grid, LEDGER_TABLE);
  const issues = new IssueList();
  const cols = mapColumns(hb, LEDGER_IMPORT_COLUMNS, issues);
  if (!cols) throw new Refusal(issues.items);
  const parseDate = dateParser(grid);
  const years = new Set(ledger.years);
  // The body as it stands, row by row; a replacing import keeps the other years' rows, in their order.
  const existingRows = positionalBody(hb).map((cells, i) => ({ index: hb.headerRow + 1 + i, cells }));
  const kept =
    ledger.mode === "add"
      ? existingRows
      : existingRows.filter((r) => {
          if (r.cells.every((c) => isBlank(c))) return false;
          const d = parseDate(r.cells[cols.date!]);
          return !(d.ok && years.has(yearOfDayNumber(d.value)));
        });
  // A kept row that moves up is written again from its values: an error value or a formula without a result
  // (NO_CACHED_VALUE, an error cell too) would become text. Such a row is refused, naming the cell.
  kept.forEach((r, i) => {
    const c = r.index === hb.headerRow + 1 + i ? -1 : r.cells.findIndex((v) => isErrorCell(v));
    if (c >= 0) refuse({ code: "sie_import_moves_error", params: { sheet: hb.sheet }, cell: cellRef(hb.sheet, r.index, hb.left + c) });
  });
  if (ledger.mode === "add" && cols.voucher !== undefined) checkVouchersNew(x, hb, cols.date!, cols.voucher);
  const totalRows = hb.headerRow + 1 + kept.length + ledger.rows.length;
  if (totalRows > EXCEL_MAX_ROWS)
    refuse({ code: "sie_too_many_rows", params: { rows: totalRows, limit: EXCEL_MAX_ROWS }, cell: asCellRef(`${hb.sheet}!A1`) });
  const keptCells: Array<Array<Cell | null>> = kept.map((r) => r.cells.map((c) => cellOf(c, grid)));
  const edit = tableEdit(grid, hb, ledgerBody(keptCells, ledgerRowMaker(x, cols, hb.header.length), ledger.rows));
  if (typeof edit === "string") refuse(contentBelowIssue(hb, edit));
  const replaced = ledger.mode === "add" ? 0 : existingRows.filter((r) => r.cells.some((c) => !isBlank(c))).length - kept.length;
  return { edit: edit as TableEdit, replaced };
}

/** A transaction file's voucher that Huvudbok already has (same date and number) was imported before: refused. */
function checkVouchersNew(x: Import, hb: LocatedTable, dateCol: number, voucherCol: number): void {
  const parseDate = dateParser(x.grid);
  const incoming = new Set(x.ledger.rows.map((r) => `${r.day}|${r.voucher}`));
  for (const row of hb.rows) {
    const d = parseDate(row.cells[dateCol] ?? null);
    const v = row.cells[voucherCol];
    if (!d.ok || (typeof v !== "string" && typeof v !== "number")) continue;
    if (incoming.has(`${d.value}|${String(v).trim()}`))
      refuse({
        code: "sie_voucher_in_ledger",
        params: { voucher: String(v).trim() },
        cell: cellRef(hb.sheet, row.index, hb.left + voucherCol),
      });
  }
}

/**
 * Huvudbok's body for the edit: the kept rows, then the file's rows made when read (a million imported rows are
 * never all cells at once). Its own function, so that the rows hold only what they are made from.
 */
function ledgerBody(kept: Array<Array<Cell | null>>, make: (row: ImportRow) => Array<Cell | null>, rows: readonly ImportRow[]): LazyRows {
  return { length: kept.length + rows.length, row: (i) => (i < kept.length ? kept[i] : make(rows[i - kept.length])) };
}

/**
 * How an imported row becomes Huvudbok's cells. The accounts' cells are made here (an account written `0351` stays
 * text); the rest of the import (the parsed file above all) is not held by the function returned.
 */
function ledgerRowMaker(x: Import, cols: Partial<Record<string, number>>, width: number): (row: ImportRow) => Array<Cell | null> {
  const accountCells = new Map<number, Cell>();
  for (const row of x.ledger.rows) if (!accountCells.has(row.account)) accountCells.set(row.account, x.accountCell(row.account));
  return rowMaker(cols, width, accountCells, { date1904: x.grid.date1904 });
}

function rowMaker(
  cols: Partial<Record<string, number>>,
  width: number,
  accountCells: Map<number, Cell>,
  dates1904: { date1904?: boolean },
): (row: ImportRow) => Array<Cell | null> {
  const put = (r: Array<Cell | null>, id: string, cell: Cell | null) => {
    const c = cols[id];
    if (c !== undefined && cell) r[c] = cell;
  };
  // Cells are read-only once built, so the few distinct dates and projects share theirs.
  const shared = <K>(cache: Map<K, Cell>, key: K, make: () => Cell): Cell => {
    let c = cache.get(key);
    if (!c) cache.set(key, (c = make()));
    return c;
  };
  const dates = new Map<number, Cell>();
  const projects = new Map<string, Cell>();
  return (row) => {
    const r = new Array<Cell | null>(width).fill(null);
    put(
      r,
      "date",
      shared(dates, row.day, () => ({ value: serialInWorkbook(dates1904, row.day), format: ledgerFormat.date })),
    );
    put(r, "voucher", { value: row.voucher, format: ledgerFormat.voucher });
    put(r, "account", accountCells.get(row.account)!);
    put(r, "amount", { value: row.ore / 100, format: ledgerFormat.amount });
    put(r, "text", row.text ? { value: row.text, format: ledgerFormat.text } : null);
    put(r, "project", row.project ? shared(projects, row.project, () => ({ value: row.project, format: ledgerFormat.project })) : null);
    return r;
  };
}

/** Kontoplan: accounts the table does not cover get a row with a proposed line; existing rows are never changed. */
export function accountsEdit(x: Import): { edits: TableEdit[]; sheets: SheetModel[]; proposals: Proposal[] } {
  const { grid } = x;
  const kp = locateTable(grid, ACCOUNTS_TABLE.name, ACCOUNTS_TABLE.sheet);
  const kpHeader: RawCell[] = kp?.header.length ? kp.header : templateColumns(ACCOUNTS_TABLE).map((c) => c.sv);
  const kpCols: Partial<Record<ColumnId<typeof ACCOUNTS_TABLE>, number>> = kp
    ? (mapColumns(kp, ACCOUNTS_TABLE.columns, new IssueList()) ?? {})
    : { account: 0, name: 1, line: 2 };
  const rules = kontoplanRules(grid);
  const proposals: Proposal[] = [];
  const used = new Map(x.ledger.accounts);
  for (const a of x.budgetAccounts ?? []) if (!used.has(a)) used.set(a, x.sie.accounts.get(a) ?? "");
  for (const [account, name] of [...used].sort((a, b) => a[0] - b[0])) {
    if (rules.some((r) => account >= r.from && account <= r.to)) continue;
    proposals.push({ account, accountText: String(x.accountCell(account).value), name, line: proposedLine(x, account) });
  }
  if (proposals.length === 0) return { edits: [], sheets: [], proposals };
  const added = proposals.map((p) => {
    const r: Array<Cell | null> = kpHeader.map(() => null);
    r[kpCols.account ?? 0] = x.accountCell(p.account);
    if (kpCols.name !== undefined) r[kpCols.name] = { value: p.name, format: formatOf(ACCOUNTS_TABLE, "name") };
    if (kpCols.line !== undefined && p.line) r[kpCols.line] = { value: p.line, format: formatOf(ACCOUNTS_TABLE, "line") };
    return r;
  });
  if (kp && kp.header.length > 0) {
    // The existing table: rows added below it, nothing else touched.
    const edit = tableEdit(grid, kp, [...positionalBody(kp).map((r) => r.map((c) => cellOf(c, grid))), ...added]);
    if (typeof edit === "string") refuse(contentBelowIssue(kp, edit));
    return { edits: [edit as TableEdit], sheets: [], proposals };
  }
  // No Kontoplan yet: the sheet is written whole (it is empty or new).
  const name = kp?.sheet ?? ACCOUNTS_TABLE.sheet;
  const table = {
    name: ACCOUNTS_TABLE.name,
    headerRow: kp?.headerRow ?? 0,
    left: kp?.left ?? 0,
    header: kpHeader,
    lastRow: kp ? lastRowOf(kp) : 0,
  };
  const widths = templateColumns(ACCOUNTS_TABLE).map((c) => c.width);
  const model = sheetWithBody(grid, findSheet(grid, name), name, table, added, widths);
  if (!model) refuse({ code: "sie_import_content_below", params: { sheet: name }, cell: asCellRef(`${name}!A1`) });
  return { edits: [], sheets: [model!], proposals };
}

/** Inställningar: Förbund, Organisationsnummer and Räkenskapsår from the file, only where they are empty. */
export function settingsEdit(x: Import): { edits: TableEdit[]; filled: string[] } {
  const filled: string[] = [];
  const st = locateTable(x.grid, SETTINGS_TABLE.name, SETTINGS_TABLE.sheet);
  const cols = st && st.header.length > 0 ? mapColumns(st, SETTINGS_TABLE.columns, new IssueList()) : null;
  if (!st || !cols || cols.name === undefined || cols.value === undefined) return { edits: [], filled };
  const [nameCol, valueCol] = [cols.name, cols.value];
  const body = positionalBody(st);
  const fill = (id: "association" | "year" | "orgNumber", value: string | number) => {
    const names = SETTING_ALIASES[id].map(normalizeName);
    const row = body.find((r) => names.includes(normalizeName(typeof r[nameCol] === "string" ? (r[nameCol] as string) : "")));
    if (row && !isBlank(row[valueCol])) return;
    if (row) row[valueCol] = value;
    else {
      const added = new Array<RawCell>(st.header.length).fill(null);
      added[nameCol] = SETTING_ALIASES[id][0];
      added[valueCol] = value;
      body.push(added);
    }
    filled.push(SETTING_ALIASES[id][0]);
  };
  if (x.sie.company) fill("association", x.sie.company);
  if (x.sie.orgNumber) fill("orgNumber", x.sie.orgNumber);
  fill("year", x.ledger.years[0]);
  if (filled.length === 0) return { edits: [], filled };
  const edit = tableEdit(
    x.grid,
    st,
    body.map((r) => r.map((c) => cellOf(c, x.grid))),
  );
  if (typeof edit === "string") refuse(contentBelowIssue(st, edit));
  return { edits: [edit as TableEdit], filled };
}
