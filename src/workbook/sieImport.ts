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
import { yearOfDayNumber } from "../core/dates";
import type { Issue } from "../core/messages";
import { oreToKronorString } from "../core/money";
import { sieLedgerRows } from "../core/sie/ledgerRows";
import type { SieFile } from "../core/sie/parse";
import { Reconciliation, reconcile } from "../core/sie/reconcile";
import { sieBudget } from "../core/sie/budget";
import { BudgetImport, budgetEdit } from "./sieBudgetEdit";
import { asCellRef } from "../core/units";
import { importLogRow, LOG, LOG_HEADERS, LOG_WIDTHS, logCells, OWNED_SHEETS } from "../report/sheets";
import { Cell, FORMATS, SheetModel, TableEdit } from "../report/sheetModel";
import type { WorkbookGrid } from "./grid";
import { INPUT_TABLES, readSettingsOnly } from "./read";
import { lastRowOf, sheetWithBody } from "./rewriteTable";
import { finerYearsKept } from "./sieFinerYears";
import {
  accountsEdit,
  Import,
  Ledger,
  ledgerEdit,
  ledgerFormat,
  Proposal,
  Refusal,
  refuse,
  SieImportInfo,
  settingsEdit,
} from "./sieImportEdits";
import { previousLog, userSheetsInTheWay } from "./stamps";
import { findSheet, hiddenHeaderIssues, locateTable, normalizeName } from "./tables";

export type { Proposal, SieImportInfo } from "./sieImportEdits";

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
  proposals: Proposal[];
  settingsFilled: string[];
  /** `replace`: the file's years replaced; `add`: a transaction file's vouchers added. */
  mode: "replace" | "add";
  /** The file's figures against the rows (null when the file could not be read that far). */
  reconciliation: Reconciliation | null;
  /** Imported despite differences (importAnyway). */
  forced: boolean;
  /** The budget taken into Budget (with `budget`), else null. */
  budget: Omit<BudgetImport, "edit"> | null;
}

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
  // The file's and the import's warnings, carried by every outcome, a refusal too.
  const warnings: Issue[] = [...sie.warnings];
  let reconciliation: Reconciliation | null = null;
  try {
    if (sie.errors.length) throw new Refusal(sie.errors);
    // The tables the import writes into must show their headers: their columns are found by them.
    const headerless = hiddenHeaderIssues(grid, Object.entries(INPUT_TABLES));
    if (headerless.length) throw new Refusal(headerless);
    const settings = readSettingsOnly(grid);
    const ledger = sieLedgerRows(sie, info.fileName, settings?.sieProjectDimension ?? 6);
    warnings.push(...ledger.warnings);
    if (ledger.errors.length) throw new Refusal(ledger.errors);
    const accountCell = (account: number): Cell => {
      const text = sie.accountTexts.get(account) ?? ledger.accountTexts.get(account);
      return text && text.length > 1 && text[0] === "0"
        ? { value: text, format: FORMATS.text }
        : { value: account, format: ledgerFormat.account };
    };
    const fileBudget = info.budget ? sieBudget(sie, info.fileName) : null;
    const x: Import = {
      grid,
      sie,
      info,
      ledger,
      settings,
      warnings,
      at: (line) => asCellRef(`${info.fileName}:${line}`),
      accountCell,
      budgetAccounts: fileBudget ? [...fileBudget.accounts.keys()] : [],
    };
    checkBelongs(x);
    if (info.budget && !fileBudget)
      refuse({
        code: "sie_budget_none",
        params: { year: ledger.importYears.find((y) => y.offset === 0)?.year ?? ledger.years[0] },
        cell: x.at(1),
      });
    const yearsText = [...ledger.years].sort((a, b) => a - b).join("–");
    checkEarlierImports(x, yearsText);
    reconciliation = reconcile(sie, info.fileName, ledger.importYears, ledger.rows);
    const forced = checkReconciliation(x, reconciliation);
    // Last year's vouchers stay when the file has that year only as balances that they give (sieFinerYears.ts).
    const keep = finerYearsKept(x);
    if (keep.size > 0) x.ledger = withoutYears(ledger, keep);
    const huvudbok = ledgerEdit(x);
    const budget = fileBudget ? budgetEdit(x, fileBudget, info.replaceBudget === true) : null;
    const accounts = accountsEdit(x);
    const settingsEdits = settingsEdit(x);
    const edits = [huvudbok.edit, ...(budget?.edit ? [budget.edit] : []), ...accounts.edits, ...settingsEdits.edits];
    const kept = [...keep].sort((p, q) => p - q);
    const action = logAction(x, {
      yearsText,
      reconciliation,
      forced,
      replaced: huvudbok.replaced,
      kept,
      proposals: accounts.proposals,
      budget,
    });
    const log = logSheetOf(x, action, yearsText);
    return {
      ok: true,
      errors: [],
      warnings,
      sheets: [...accounts.sheets, ...log],
      edits,
      years: x.ledger.years,
      replaced: huvudbok.replaced,
      added: x.ledger.rows.length,
      proposals: accounts.proposals,
      settingsFilled: settingsEdits.filled,
      mode: ledger.mode,
      reconciliation,
      forced,
      budget: budget ? { year: budget.year, source: budget.source, lines: budget.lines, replaced: budget.replaced } : null,
    };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return {
      ok: false,
      errors: e.issues,
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
      budget: null,
    };
  }
}

/** The file's rows and years without the given calendar years (kept as Huvudbok has them). */
function withoutYears(l: Ledger, years: ReadonlySet<number>): Ledger {
  return {
    ...l,
    years: l.years.filter((y) => !years.has(y)),
    importYears: l.importYears.filter((y) => !years.has(y.year)),
    rows: l.rows.filter((r) => !years.has(yearOfDayNumber(r.day))),
  };
}

/** The file must be this workbook's: its vouchers within its years, the same organisation, this year or the year before. */
function checkBelongs(x: Import): void {
  const { ledger, settings, sie } = x;
  if (ledger.outside.count > 0)
    refuse({ code: "sie_vouchers_outside_years", params: { count: ledger.outside.count }, cell: x.at(ledger.outside.line) });
  const settingCell = (id: "orgNumber" | "year" | "association") => settings?.cells[id] ?? asCellRef("");
  if (settings?.orgNumber && sie.orgNumber && digitsOf(settings.orgNumber) !== digitsOf(sie.orgNumber))
    refuse({ code: "sie_orgnr_mismatch", params: { file: sie.orgNumber, workbook: settings.orgNumber }, cell: settingCell("orgNumber") });
  if (settings?.year && !ledger.years.some((y) => y === settings.year || y === settings.year - 1))
    refuse({ code: "sie_year_mismatch", params: { workbook: settings.year, years: [...ledger.years].sort() }, cell: settingCell("year") });
  if (settings?.association && sie.company && normalizeName(settings.association) !== normalizeName(sie.company))
    x.warnings.push({
      code: "sie_company_differs",
      params: { file: sie.company, workbook: settings.association },
      cell: settingCell("association"),
    });
}

/** What was imported before: a transaction file is added, so the same file twice would count twice. */
function checkEarlierImports(x: Import, yearsText: string): void {
  const earlier = earlierImports(x.grid).filter((e) => e.sha256 === x.info.sha256 && x.info.sha256 !== "");
  if (x.ledger.mode === "add" && earlier.length > 0)
    refuse({ code: "sie_already_imported", params: { when: earlier[0].when }, cell: x.at(1) });
  const otherYears = earlier.find((e) => e.years !== yearsText);
  if (x.ledger.mode === "replace" && otherYears)
    x.warnings.push({ code: "sie_same_file_other_years", params: { years: otherYears.years, earlier: otherYears.when }, cell: x.at(1) });
}

/** The rows must give the file's own figures, or the import refuses (unless told to go ahead). Whether it was forced. */
function checkReconciliation(x: Import, r: Reconciliation): boolean {
  if (r.differences.length === 0) return false;
  const first = r.differences[0];
  const params = { count: r.differences.length, accounts: r.accounts, total: kr(r.total) };
  if (!x.info.importAnyway)
    refuse({
      code: "sie_reconciliation_failed",
      params: { ...params, years: [...new Set(r.differences.map((d) => d.year))] },
      cell: x.at(first.line),
    });
  x.warnings.push({ code: "sie_reconciliation_forced", params, cell: x.at(first.line) });
  return true;
}

/** Körlogg's words for the import: program, years, the reconciliation (or that it was forced), rows and proposals. */
function logAction(
  x: Import,
  r: {
    yearsText: string;
    reconciliation: Reconciliation;
    forced: boolean;
    replaced: number;
    /** Years whose rows in Huvudbok were kept instead of the file's balances (sieFinerYears.ts). */
    kept: number[];
    proposals: Proposal[];
    budget: BudgetImport | null;
  },
): string {
  const { reconciliation } = r;
  const proposed = r.proposals.map((p) => `${p.accountText} ${p.line ?? "–"}`).join(", ");
  const reconciled = r.forced
    ? `TVINGAD trots skillnad: ${reconciliation.differences.length} saldon på konto ${reconciliation.accounts.join(", ")} ` +
      `stämmer inte med filen, sammanlagt ${kr(reconciliation.total)} kr`
    : `${reconciliation.compared} saldon avstämda mot filen`;
  return (
    `Importera SIE ${x.info.fileName} (${x.sie.program || "okänt program"}; år ${r.yearsText}; ` +
    `${reconciled}; ${x.ledger.mode === "add" ? "transaktionsfil, inget ersatt; " : ""}` +
    `${r.replaced} rader ersatta, ${x.ledger.rows.length} tillagda; ` +
    (r.kept.length ? `${r.kept.join(", ")} behölls som i Huvudbok (raderna ger filens saldon); ` : "") +
    `${r.proposals.length} konton föreslagna${proposed ? `: ${proposed}` : ""}` +
    (r.budget
      ? `; budget ${r.budget.year} ur #${r.budget.source}: ${r.budget.lines} rapportrader` +
        (r.budget.replaced > 0 ? `, ${r.budget.replaced} belopp ERSATTA` : "")
      : "") +
    ")"
  ).slice(0, 32000);
}

/** Körlogg: the earlier rows and this import's, written as the calculation writes the log; never over a person's own sheet. */
function logSheetOf(x: Import, action: string, yearsText: string): SheetModel[] {
  const { grid, info } = x;
  const row = importLogRow({ now: info.now, action, version: info.version, file: info.fileName, sha256: info.sha256, years: yearsText });
  const logTable = locateTable(grid, "Korlogg", OWNED_SHEETS.log);
  const table = {
    name: "Korlogg",
    headerRow: logTable?.headerRow ?? 0,
    left: 0,
    header: [...LOG_HEADERS],
    lastRow: logTable ? lastRowOf(logTable) : 0,
  };
  const model = sheetWithBody(
    grid,
    findSheet(grid, OWNED_SHEETS.log),
    OWNED_SHEETS.log,
    table,
    logCells([...previousLog(grid), row]),
    LOG_WIDTHS,
  );
  const inTheWay = userSheetsInTheWay(grid, [OWNED_SHEETS.log]);
  if (inTheWay.length > 0) throw new Refusal(inTheWay);
  return model ? [model] : [];
}
