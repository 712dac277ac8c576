/**
 * Importing an SIE file into the workbook's input tables (docs/workbook.md, "finsam sie"):
 *
 * - Huvudbok: the rows of the fiscal years the file holds are replaced by the file's rows, and only
 *   those; rows of other years, typed by hand, stay. Importing the same file twice gives the same
 *   workbook.
 * - Kontoplan: an account the table does not cover gets a row with its #KONTO name and a proposed
 *   report line; existing rows are never changed.
 * - Inställningar: Förbund and Räkenskapsår are filled from the file only where they are empty.
 * - Körlogg: a row with the file's name, SHA-256, program, years, and the rows replaced and added.
 *
 * The sheets are rebuilt from the workbook's values with the tables' bodies replaced; the result is a
 * list of sheet models for the port to write. Nothing is decided here about files or Office.
 */
import { ACCOUNTS_TABLE, ColumnId, columnFormat, LEDGER_TABLE, TableDef, templateColumns } from "../core/contract";
import { yearOfDayNumber } from "../core/dates";
import { Issue, IssueList } from "../core/messages";
import type { AccountLine } from "../core/reportLines";
import { chartOf, proposeLine, sieLedgerRows } from "../core/sie/ledgerRows";
import type { SieFile } from "../core/sie/parse";
import { Reconciliation, reconcile } from "../core/sie/reconcile";
import { oreToKronorString } from "../core/money";
import { EXCEL_MAX_ROWS } from "../core/excelLimits";
import { asCellRef } from "../core/units";
import { Cell, FORMATS, SheetModel, TableEdit } from "../report/sheetModel";
import { bodyOf, cellOf, lastRowOf, positionalBody, sheetWithBody, tableEdit } from "./rewriteTable";
import { importLogRow, LOG, LOG_HEADERS, LOG_WIDTHS, logCells, OWNED_SHEETS } from "../report/sheets";
import { cellRef, isBlank, isErrorCell, RawCell, WorkbookGrid } from "./grid";
import { INPUT_TABLES, readSettingsOnly, SETTING_ALIASES } from "./read";
import { parseAccountSpec } from "./read/accounts";
import { previousLog, userSheetsInTheWay } from "./stamps";
import { findSheet, locateTable, mapColumns, normalizeName } from "./tables";
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
}

export interface SieImportOutcome {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** Owned sheets (Körlogg) and input sheets the import creates, written whole. */
  sheets: SheetModel[];
  /** Input tables that exist: only their changed body cells and appended rows (nothing beside or below them). */
  edits: TableEdit[];
  years: number[];
  replaced: number;
  added: number;
  /** Accounts no Kontoplan row covers, with their proposed line; `accountText` as the file writes it (`0351`). */
  proposals: Array<{ account: number; accountText: string; name: string; line: AccountLine | null }>;
  settingsFilled: string[];
  /** `replace`: the file's years replaced; `add`: a transaction file's vouchers added. */
  mode: "replace" | "add";
  /** The file's figures against the rows (null when the file could not be read that far). */
  reconciliation: Reconciliation | null;
  /** Imported despite differences (importAnyway). */
  forced: boolean;
}

/** Huvudbok's columns as the contract has them, with Belopp required: the import writes amounts there, never Debet/Kredit. */
const LEDGER_IMPORT_COLUMNS = LEDGER_TABLE.columns.filter((c) => c.template).map((c) => (c.id === "amount" ? { ...c, required: true } : c));

/** The format a written cell of a contract column gets. */
const formatOf = (table: TableDef, id: string): string => columnFormat(table.columns.find((c) => c.id === id)!);

/** Huvudbok's formats by column, as the contract has them. */
const ledgerFormat = Object.fromEntries(LEDGER_TABLE.columns.map((c) => [c.id, columnFormat(c)])) as Record<
  ColumnId<typeof LEDGER_TABLE>,
  string
>;

/** Earlier imports in Körlogg: time, file SHA-256 and years, from their columns. */
function earlierImports(grid: WorkbookGrid): Array<{ when: string; sha256: string; years: string }> {
  const out: Array<{ when: string; sha256: string; years: string }> = [];
  for (const r of previousLog(grid)) {
    const sha = r[LOG.sha256];
    if (typeof sha !== "string" || !/^[0-9a-f]{64}$/.test(sha)) continue;
    out.push({ when: String(r[LOG.time] ?? ""), sha256: sha, years: String(r[LOG.years] ?? "") });
  }
  return out;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");
const kr = oreToKronorString;

export function importSie(grid: WorkbookGrid, sie: SieFile, info: SieImportInfo): SieImportOutcome {
  let reconciliation: Reconciliation | null = null;
  // The file's and the import's warnings, carried by every outcome, a refusal too.
  const warnings: Issue[] = [...sie.warnings];
  const fail = (errors: Issue[]): SieImportOutcome => ({
    ok: false,
    errors,
    warnings,
    sheets: [],
    edits: [],
    years: [],
    replaced: 0,
    added: 0,
    proposals: [],
    settingsFilled: [],
    mode: "replace",
    reconciliation,
    forced: false,
  });
  if (sie.errors.length) return fail(sie.errors);
  const settings = readSettingsOnly(grid);
  const ledger = sieLedgerRows(sie, info.fileName, settings?.sieProjectDimension ?? 6);
  warnings.push(...ledger.warnings);
  if (ledger.errors.length) return fail(ledger.errors);
  const at = (line: number) => asCellRef(`${info.fileName}:${line}`);
  if (ledger.outside.count > 0)
    return fail([{ code: "sie_vouchers_outside_years", params: { count: ledger.outside.count }, cell: at(ledger.outside.line) }]);
  const chart = settings?.sieChart ?? chartOf(sie);

  // The file must be this workbook's: the same organisation, this year or the year before.
  const settingCell = (id: "orgNumber" | "year" | "association") => settings?.cells[id] ?? asCellRef("");
  if (settings?.orgNumber && sie.orgNumber && digitsOf(settings.orgNumber) !== digitsOf(sie.orgNumber))
    return fail([
      { code: "sie_orgnr_mismatch", params: { file: sie.orgNumber, workbook: settings.orgNumber }, cell: settingCell("orgNumber") },
    ]);
  if (settings?.year && !ledger.years.some((y) => y === settings.year || y === settings.year - 1))
    return fail([
      { code: "sie_year_mismatch", params: { workbook: settings.year, years: [...ledger.years].sort() }, cell: settingCell("year") },
    ]);
  if (settings?.association && sie.company && normalizeName(settings.association) !== normalizeName(sie.company))
    warnings.push({
      code: "sie_company_differs",
      params: { file: sie.company, workbook: settings.association },
      cell: settingCell("association"),
    });

  // What was imported before: a transaction file is added, so the same file twice would count twice.
  const earlier = earlierImports(grid).filter((e) => e.sha256 === info.sha256 && info.sha256 !== "");
  const yearsText = [...ledger.years].sort((a, b) => a - b).join("–");
  if (ledger.mode === "add" && earlier.length > 0)
    return fail([{ code: "sie_already_imported", params: { when: earlier[0].when }, cell: at(1) }]);
  const otherYears = earlier.find((e) => e.years !== yearsText);
  if (ledger.mode === "replace" && otherYears)
    warnings.push({ code: "sie_same_file_other_years", params: { years: otherYears.years, earlier: otherYears.when }, cell: at(1) });

  // The rows must give the file's own figures, or the import refuses (unless told to go ahead).
  reconciliation = reconcile(sie, info.fileName, ledger.importYears, ledger.rows);
  const forced = reconciliation.differences.length > 0;
  if (forced) {
    const first = reconciliation.differences[0];
    const params = { count: reconciliation.differences.length, accounts: reconciliation.accounts, total: kr(reconciliation.total) };
    if (!info.importAnyway)
      return fail([
        {
          code: "sie_reconciliation_failed",
          params: { ...params, years: [...new Set(reconciliation.differences.map((d) => d.year))] },
          cell: at(first.line),
        },
      ]);
    warnings.push({ code: "sie_reconciliation_forced", params, cell: at(first.line) });
  }

  // Huvudbok: other years' rows kept, the file's years replaced.
  const hb = locateTable(grid, "Huvudbok", INPUT_TABLES.Huvudbok);
  if (!hb)
    return fail([
      {
        code: "missing_table",
        params: { table: "Huvudbok", sheet: INPUT_TABLES.Huvudbok },
        cell: asCellRef(`${INPUT_TABLES.Huvudbok}!A1`),
      },
    ]);
  const issues = new IssueList();
  const found = mapColumns(hb, LEDGER_IMPORT_COLUMNS, issues);
  if (!found) return fail(issues.items);
  const cols = found as Record<string, number>;
  const parseDate = dateParser(grid);
  const years = new Set(ledger.years);
  // The body as it stands, row by row; a replacing import keeps the other years' rows, in their order.
  const existingRows = positionalBody(hb).map((cells, i) => ({ index: hb.headerRow + 1 + i, cells }));
  const kept =
    ledger.mode === "add"
      ? existingRows
      : existingRows.filter((r) => {
          if (r.cells.every((c) => isBlank(c))) return false;
          const d = parseDate(r.cells[cols.date]);
          return !(d.ok && years.has(yearOfDayNumber(d.value)));
        });
  // A kept row that moves up is written again from its values: an error value or a formula without a result
  // would become text. Such a row is refused, naming the cell, before anything is written.
  for (let i = 0; i < kept.length; i++) {
    if (kept[i].index === hb.headerRow + 1 + i) continue;
    // (A formula without a cached value is an error cell too: NO_CACHED_VALUE.)
    const c = kept[i].cells.findIndex((v) => isErrorCell(v));
    if (c >= 0)
      return fail([{ code: "sie_import_moves_error", params: { sheet: hb.sheet }, cell: cellRef(hb.sheet, kept[i].index, hb.left + c) }]);
  }
  if (ledger.mode === "add" && cols.voucher !== undefined) {
    // A transaction file's voucher that Huvudbok already has (same date and number): imported before.
    const incoming = new Set(ledger.rows.map((r) => `${r.day}|${r.voucher}`));
    for (const row of hb.rows) {
      const d = parseDate(row.cells[cols.date] ?? null);
      const v = row.cells[cols.voucher];
      if (!d.ok || (typeof v !== "string" && typeof v !== "number")) continue;
      if (incoming.has(`${d.value}|${String(v).trim()}`))
        return fail([
          {
            code: "sie_voucher_in_ledger",
            params: { voucher: String(v).trim() },
            cell: cellRef(hb.sheet, row.index, hb.left + cols.voucher),
          },
        ]);
    }
  }
  const totalRows = hb.headerRow + 1 + kept.length + ledger.rows.length;
  if (totalRows > EXCEL_MAX_ROWS)
    return fail([{ code: "sie_too_many_rows", params: { rows: totalRows, limit: EXCEL_MAX_ROWS }, cell: asCellRef(`${hb.sheet}!A1`) }]);
  const width = hb.header.length;
  // Model cells straight from the file's rows (a million-row import builds nothing in between).
  const put = (r: Array<Cell | null>, id: string, cell: Cell | null) => {
    if (cols[id] !== undefined && cell) r[cols[id]] = cell;
  };
  // Cells are read-only once built, so the few distinct dates, accounts and projects share theirs.
  const shared = <K>(cache: Map<K, Cell>, key: K, make: () => Cell): Cell => {
    let c = cache.get(key);
    if (!c) cache.set(key, (c = make()));
    return c;
  };
  // An account written with a leading zero (`0351`) stays text, so that it keeps its zero.
  const accountCell = (account: number): Cell => {
    const text = sie.accountTexts.get(account) ?? ledger.accountTexts.get(account);
    return text && text.length > 1 && text[0] === "0"
      ? { value: text, format: FORMATS.text }
      : { value: account, format: ledgerFormat.account };
  };
  const dates = new Map<number, Cell>();
  const accountCells = new Map<number, Cell>();
  const projects = new Map<string, Cell>();
  const newBody = ledger.rows.map((row) => {
    const r = new Array<Cell | null>(width).fill(null);
    put(
      r,
      "date",
      shared(dates, row.day, () => ({ value: serialInWorkbook(grid, row.day), format: ledgerFormat.date })),
    );
    put(r, "voucher", { value: row.voucher, format: ledgerFormat.voucher });
    put(
      r,
      "account",
      shared(accountCells, row.account, () => accountCell(row.account)),
    );
    put(r, "amount", { value: row.ore / 100, format: ledgerFormat.amount });
    put(r, "text", row.text ? { value: row.text, format: ledgerFormat.text } : null);
    put(r, "project", row.project ? shared(projects, row.project, () => ({ value: row.project, format: ledgerFormat.project })) : null);
    return r;
  });
  const ledgerBody: Array<Array<Cell | null>> = kept.map((r) => r.cells.map((c) => cellOf(c, grid)));
  for (const r of newBody) ledgerBody.push(r);
  const hbEdit = tableEdit(grid, hb, ledgerBody);
  if (typeof hbEdit === "string") return fail([{ code: "sie_import_content_below", params: { sheet: hb.sheet }, cell: hbEdit }]);
  const sheets: SheetModel[] = [];
  const edits: TableEdit[] = [hbEdit];

  // Kontoplan: accounts the table does not cover get a row with a proposed line.
  const kp = locateTable(grid, "Kontoplan", INPUT_TABLES.Kontoplan);
  const kpHeader: RawCell[] = kp?.header.length ? kp.header : templateColumns(ACCOUNTS_TABLE).map((c) => c.sv);
  const kpCols: Partial<Record<ColumnId<typeof ACCOUNTS_TABLE>, number>> = kp
    ? (mapColumns(kp, ACCOUNTS_TABLE.columns, new IssueList()) ?? {})
    : { account: 0, name: 1, line: 2 };
  const rules = kp
    ? bodyOf(kp).flatMap((r) => {
        const spec = parseAccountSpec(r[kpCols.account ?? 0]);
        return spec.ok ? [spec.value] : [];
      })
    : [];
  const proposals: SieImportOutcome["proposals"] = [];
  for (const [account, name] of [...ledger.accounts].sort((a, b) => a[0] - b[0])) {
    if (rules.some((r) => account >= r.from && account <= r.to)) continue;
    const cell = accountCell(account);
    proposals.push({ account, accountText: String(cell.value), name, line: proposeLine(account, name, chart) });
  }
  if (proposals.length > 0) {
    const added = proposals.map((p) => {
      const r: Array<Cell | null> = kpHeader.map(() => null);
      r[kpCols.account ?? 0] = accountCell(p.account);
      if (kpCols.name !== undefined) r[kpCols.name] = { value: p.name, format: formatOf(ACCOUNTS_TABLE, "name") };
      if (kpCols.line !== undefined && p.line) r[kpCols.line] = { value: p.line, format: formatOf(ACCOUNTS_TABLE, "line") };
      return r;
    });
    if (kp && kp.header.length > 0) {
      // The existing table: rows added below it, nothing else touched.
      const kpEdit = tableEdit(grid, kp, [...positionalBody(kp).map((r) => r.map((c) => cellOf(c, grid))), ...added]);
      if (typeof kpEdit === "string") return fail([{ code: "sie_import_content_below", params: { sheet: kp.sheet }, cell: kpEdit }]);
      edits.push(kpEdit);
    } else {
      // No Kontoplan yet: the sheet is written whole (it is empty or new).
      const name = kp?.sheet ?? INPUT_TABLES.Kontoplan;
      const model = sheetWithBody(
        grid,
        findSheet(grid, name),
        name,
        { name: "Kontoplan", headerRow: kp?.headerRow ?? 0, left: kp?.left ?? 0, header: kpHeader, lastRow: kp ? lastRowOf(kp) : 0 },
        added,
        templateColumns(ACCOUNTS_TABLE).map((c) => c.width),
      );
      if (!model) return fail([{ code: "sie_import_content_below", params: { sheet: name }, cell: asCellRef(`${name}!A1`) }]);
      sheets.push(model);
    }
  }

  // Inställningar: Förbund and Räkenskapsår only where empty.
  const settingsFilled: string[] = [];
  const st = locateTable(grid, "Installningar", INPUT_TABLES.Installningar);
  if (st && st.header.length > 0) {
    const body = positionalBody(st);
    const fill = (id: "association" | "year" | "orgNumber", value: string | number) => {
      const aliases = SETTING_ALIASES[id].map(normalizeName);
      const row = body.find((r) => aliases.includes(normalizeName(typeof r[0] === "string" ? r[0] : "")));
      if (row && !isBlank(row[1])) return;
      if (row) row[1] = value;
      else body.push([SETTING_ALIASES[id][0], value, ...new Array<RawCell>(Math.max(0, st.header.length - 2)).fill(null)]);
      settingsFilled.push(SETTING_ALIASES[id][0]);
    };
    if (sie.company) fill("association", sie.company);
    if (sie.orgNumber) fill("orgNumber", sie.orgNumber);
    fill("year", ledger.years[0]);
    if (settingsFilled.length) {
      const stEdit = tableEdit(
        grid,
        st,
        body.map((r) => r.map((c) => cellOf(c, grid))),
      );
      if (typeof stEdit === "string") return fail([{ code: "sie_import_content_below", params: { sheet: st.sheet }, cell: stEdit }]);
      edits.push(stEdit);
    }
  }

  // Körlogg: the earlier rows and this import.
  const replaced = ledger.mode === "add" ? 0 : existingRows.filter((r) => r.cells.some((c) => !isBlank(c))).length - kept.length;
  const proposed = proposals.map((p) => `${p.accountText} ${p.line ?? "–"}`).join(", ");
  const reconciled = forced
    ? `TVINGAD trots skillnad: ${reconciliation.differences.length} saldon på konto ${reconciliation.accounts.join(", ")} ` +
      "stämmer inte med filen, " +
      `sammanlagt ${kr(reconciliation.total)} kr`
    : `${reconciliation.compared} saldon avstämda mot filen`;
  const action = (
    `Importera SIE ${info.fileName} (${sie.program || "okänt program"}; år ${yearsText}; ` +
    `${reconciled}; ${ledger.mode === "add" ? "transaktionsfil, inget ersatt; " : ""}` +
    `${replaced} rader ersatta, ${newBody.length} tillagda; ${proposals.length} konton föreslagna${proposed ? `: ${proposed}` : ""})`
  ).slice(0, 32000);
  const row = importLogRow({ now: info.now, action, version: info.version, file: info.fileName, sha256: info.sha256, years: yearsText });
  const logTable = locateTable(grid, "Korlogg", OWNED_SHEETS.log);
  const logModel = sheetWithBody(
    grid,
    findSheet(grid, OWNED_SHEETS.log),
    OWNED_SHEETS.log,
    {
      name: "Korlogg",
      headerRow: logTable?.headerRow ?? 0,
      left: 0,
      header: [...LOG_HEADERS],
      lastRow: logTable ? lastRowOf(logTable) : 0,
    },
    logCells([...previousLog(grid), row]),
    LOG_WIDTHS,
  );
  const inTheWay = userSheetsInTheWay(grid, [OWNED_SHEETS.log]);
  if (inTheWay.length > 0) return fail(inTheWay);
  if (logModel) sheets.push(logModel);

  return {
    ok: true,
    errors: [],
    warnings,
    sheets,
    edits,
    years: ledger.years,
    replaced,
    added: newBody.length,
    proposals,
    settingsFilled,
    mode: ledger.mode,
    reconciliation,
    forced,
  };
}
