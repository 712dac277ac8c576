/**
 * Reads every input table of the workbook contract from a neutral grid into typed inputs.
 * All errors are collected in one pass; each names the sheet and cell.
 */
import { isoOfDayNumber } from "../core/dates";
import type { Output } from "../core/compute";
import { tablesFor } from "../core/compute";
import {
  AccountRule,
  BudgetEntry,
  CeilingBand,
  CeilingRule,
  DisplayUnit,
  ForecastChoice,
  ForecastMethod,
  Grant,
  Inputs,
  InputTable,
  LedgerRow,
  Member,
  SettingId,
  Settings,
} from "../core/inputs";
import { Issue, IssueList } from "../core/issues";
import { Decimal } from "../core/money";
import { LeafLine, parseAccountLine, parseGroup } from "../core/reportLines";
import { cellRef, isBlank, isErrorCell, RawCell, WorkbookGrid } from "./grid";
import { at, ColumnSpec, LocatedTable, locateTable, mapColumns, normalizeName } from "./tables";
import { cellText, describe, parseAmount, parseAmountOre, parseDate, parseInteger, parseNumber, Parsed, parsePercent, parseYesNo } from "./values";

/** Each input table: its table name, its sheet name. */
export const INPUT_TABLES: Record<InputTable, string> = {
  Installningar: "Inställningar",
  Medlemmar: "Medlemmar",
  Kontoplan: "Kontoplan",
  Budget: "Budget",
  Huvudbok: "Huvudbok",
  Insatser: "Insatser",
  Prognos: "Prognos",
  Takregel: "Takregel",
};

export interface ReadResult {
  inputs: Inputs | null;
  errors: Issue[];
  warnings: Issue[];
}

/** A table being read: reports parse failures against the right cell. */
class TableReader<K extends string> {
  constructor(
    readonly t: LocatedTable,
    readonly cols: Partial<Record<K, number>>,
    readonly errors: IssueList,
  ) {}
  ref(rowIndex: number, col: K | number): string {
    const c = typeof col === "number" ? col : this.cols[col] ?? 0;
    return cellRef(this.t.sheet, rowIndex, this.t.left + c);
  }
  /** Parses a cell; on failure records an error (code by kind, or cell_error_value) and returns null. */
  parse<T>(row: { index: number; cells: RawCell[] }, col: K, parser: (v: RawCell) => Parsed<T>, code: string): T | null {
    const v = at(row, this.cols[col]);
    const r = parser(v);
    if (r.ok) return r.value;
    this.errors.add(isErrorCell(v) ? "cell_error_value" : code, `${r.reason}.`, this.ref(row.index, col));
    return null;
  }
  /** Data rows to read: skips blank rows and rows whose required cells are all blank; errors on partly blank ones. */
  *rows(required: readonly K[]): Generator<{ index: number; cells: RawCell[] }> {
    for (const row of this.t.rows) {
      const blanks = required.filter((k) => isBlank(at(row, this.cols[k])));
      if (blanks.length === required.length) continue;
      if (blanks.length > 0) {
        for (const k of blanks) {
          this.errors.add("blank_required", `Cellen är tom men raden har andra uppgifter; fyll i den eller töm raden.`, this.ref(row.index, k));
        }
        continue;
      }
      yield row;
    }
  }
}

function open<K extends string>(
  grid: WorkbookGrid,
  table: InputTable,
  specs: readonly ColumnSpec<K>[],
  required: boolean,
  errors: IssueList,
): TableReader<K> | null | "absent" {
  const t = locateTable(grid, table, INPUT_TABLES[table]);
  if (!t) {
    if (required) {
      errors.add(
        "missing_table",
        `Tabellen ${table} (bladet ${INPUT_TABLES[table]}) saknas i arbetsboken.`,
        `${INPUT_TABLES[table]}!A1`,
      );
      return null;
    }
    return "absent";
  }
  const cols = mapColumns(t, specs, errors);
  if (!cols) return null;
  return new TableReader(t, cols, errors);
}

// ---------------------------------------------------------------------------------------------
// Inställningar

const SETTING_NAMES: Record<SettingId, string[]> = {
  association: ["Förbund", "Association", "Förbundets namn"],
  year: ["Räkenskapsår", "Fiscal year", "År"],
  cutoff: ["Brytdatum", "Cut-off date", "Cutoff date"],
  displayUnit: ["Beloppsenhet", "Display unit"],
  roundingUnit: ["Avrundningsenhet", "Rounding unit"],
  stateContribution: ["Statens bidrag", "State contribution"],
  totalContributions: ["Medlemsbidrag totalt", "Total contributions"],
  shareState: ["Andel stat", "State share"],
  shareRegion: ["Andel region", "Region share"],
  shareMunicipalities: ["Andel kommuner", "Municipalities share", "Andel kommun"],
  installments: ["Betalningstillfällen", "Installments"],
  accrueContributions: ["Periodisera medlemsbidrag", "Accrue contributions"],
  openingEquity: ["Ingående eget kapital", "Opening equity"],
  ceilingRule: ["Takregel", "Ceiling rule"],
};

export const SETTING_LABELS: Record<SettingId, string> = Object.fromEntries(
  Object.entries(SETTING_NAMES).map(([k, v]) => [k, v[0]]),
) as Record<SettingId, string>;

const settingLookup = new Map<string, SettingId>();
for (const [id, names] of Object.entries(SETTING_NAMES) as Array<[SettingId, string[]]>) {
  for (const n of names) settingLookup.set(normalizeName(n), id);
}

function readSettings(grid: WorkbookGrid, errors: IssueList, warnings: IssueList): { settings: Settings; sheet: string } | null {
  const r = open(
    grid,
    "Installningar",
    [
      { id: "name", names: ["Inställning", "Setting"], required: true },
      { id: "value", names: ["Värde", "Value"], required: true },
    ],
    true,
    errors,
  );
  if (!r || r === "absent") return null;
  const tableCell = cellRef(r.t.sheet, r.t.headerRow, r.t.left);
  const raw = new Map<SettingId, { v: RawCell; cell: string }>();
  for (const row of r.t.rows) {
    const nameCell = at(row, r.cols.name);
    if (isBlank(nameCell)) {
      if (!isBlank(at(row, r.cols.value))) errors.add("blank_required", "Inställningens namn saknas.", r.ref(row.index, "name"));
      continue;
    }
    const name = cellText(nameCell);
    const id = settingLookup.get(normalizeName(name));
    if (!id) {
      warnings.add("unknown_setting", `Inställningen "${name}" är okänd och används inte.`, r.ref(row.index, "name"));
      continue;
    }
    if (raw.has(id)) {
      errors.add("duplicate_setting", `Inställningen ${SETTING_LABELS[id]} finns redan på ${raw.get(id)!.cell}.`, r.ref(row.index, "name"));
      continue;
    }
    const v = at(row, r.cols.value);
    if (isBlank(v)) continue;
    raw.set(id, { v, cell: r.ref(row.index, "value") });
  }
  const cells: Settings["cells"] = {};
  for (const [id, { cell }] of raw) cells[id] = cell;
  const get = <T>(id: SettingId, parser: (v: RawCell) => Parsed<T>, code = "invalid_setting"): T | null => {
    const e = raw.get(id);
    if (!e) return null;
    const p = parser(e.v);
    if (p.ok) return p.value;
    errors.add(isErrorCell(e.v) ? "cell_error_value" : code, `${SETTING_LABELS[id]}: ${p.reason}.`, e.cell);
    return null;
  };
  const oneOf = <T>(id: SettingId, parser: (v: RawCell) => Parsed<T>, allowed: readonly T[], show: string): T | null => {
    const v = get(id, parser);
    if (v === null) return null;
    if (!allowed.some((a) => (a instanceof Decimal ? a.equals(v as unknown as Decimal) : a === v))) {
      errors.add("invalid_setting", `${SETTING_LABELS[id]} måste vara ${show}.`, raw.get(id)!.cell);
      return null;
    }
    return v;
  };

  const association = get("association", (v) => ({ ok: true, value: cellText(v) }));
  if (!association) errors.add("missing_setting", "Inställningen Förbund (förbundets namn) saknas.", tableCell);
  const year = get("year", parseInteger, "invalid_year");
  if (year === null && !raw.has("year")) errors.add("missing_setting", "Inställningen Räkenskapsår saknas.", tableCell);
  if (year !== null && (year < 1900 || year > 9999)) errors.add("invalid_year", `Räkenskapsår ${year} är inte ett rimligt år.`, cells.year!);
  const cutoffDay = get("cutoff", parseDate, "invalid_date");
  const unitText = get("displayUnit", (v) => ({ ok: true, value: cellText(v).toLowerCase() }));
  let displayUnit: DisplayUnit = "tkr";
  if (unitText !== null) {
    if (unitText === "kr" || unitText === "tkr") displayUnit = unitText;
    else errors.add("invalid_setting", `Beloppsenhet måste vara kr eller tkr.`, cells.displayUnit!);
  }
  const unitParser = (v: RawCell) => parseNumber(typeof v === "string" ? v.replace(/\s*kr$/i, "") : v);
  const roundingUnit = oneOf("roundingUnit", unitParser, [new Decimal(1), new Decimal(100), new Decimal(1000)], "1, 100 eller 1000 (kr)");
  const nonNegativeAmount = (id: SettingId) => {
    const a = get(id, parseAmount, "invalid_amount");
    if (a && a.isNegative()) {
      errors.add("invalid_setting", `${SETTING_LABELS[id]} får inte vara negativt.`, cells[id]!);
      return null;
    }
    return a;
  };
  const stateContribution = nonNegativeAmount("stateContribution");
  const totalContributions = nonNegativeAmount("totalContributions");
  const share = (id: SettingId, dflt: string) => {
    const p = get(id, parsePercent, "invalid_percent");
    if (p && (p.isNegative() || p.greaterThan(1))) {
      errors.add("invalid_percent", `${SETTING_LABELS[id]} måste ligga mellan 0 % och 100 %.`, cells[id]!);
    }
    return p ?? new Decimal(dflt);
  };
  const shares = { Stat: share("shareState", "0.5"), Region: share("shareRegion", "0.25"), Kommun: share("shareMunicipalities", "0.25") };
  const installments = oneOf("installments", parseInteger, [1, 2, 3, 4, 12], "1, 2, 3, 4 eller 12");
  const accrue = get("accrueContributions", parseYesNo);
  const openingEquity = get("openingEquity", parseAmount, "invalid_amount");
  let ceilingRule: CeilingRule = { kind: "flat", rate: new Decimal("0.2") };
  const ruleCell = raw.get("ceilingRule");
  if (ruleCell) {
    if (normalizeName(cellText(ruleCell.v)) === "tabell" || normalizeName(cellText(ruleCell.v)) === "table") {
      ceilingRule = { kind: "table" };
    } else {
      const p = parsePercent(ruleCell.v);
      if (p.ok && !p.value.isNegative() && p.value.lessThanOrEqualTo(1)) ceilingRule = { kind: "flat", rate: p.value };
      else errors.add("invalid_setting", `Takregel måste vara en procentsats (t.ex. 20 %) eller Tabell.`, ruleCell.cell);
    }
  }
  return {
    sheet: r.t.sheet,
    settings: {
      association: association ?? "",
      year: year ?? 0,
      cutoff: cutoffDay === null ? null : isoOfDayNumber(cutoffDay),
      displayUnit,
      roundingUnit: roundingUnit ?? new Decimal(1),
      stateContribution,
      totalContributions,
      shares,
      installments: installments ?? 4,
      accrueContributions: accrue ?? true,
      openingEquity,
      ceilingRule,
      cells,
      tableCell,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Medlemmar

function readMembers(grid: WorkbookGrid, required: boolean, errors: IssueList): { members: Member[]; sheet: string } | null {
  const r = open(
    grid,
    "Medlemmar",
    [
      { id: "member", names: ["Medlem", "Member"], required: true },
      { id: "group", names: ["Huvudman", "Group"], required: true },
      { id: "key", names: ["Fördelningsnyckel", "Key", "Nyckel"], required: true },
    ],
    required,
    errors,
  );
  if (!r || r === "absent") return null;
  const members: Member[] = [];
  const names = new Map<string, string>();
  for (const row of r.rows(["member", "group", "key"])) {
    const name = cellText(at(row, r.cols.member));
    const groupText = cellText(at(row, r.cols.group));
    const group = parseGroup(groupText);
    if (!group) errors.add("unknown_group", `Huvudman "${groupText}" är okänd; använd Stat, Region eller Kommun.`, r.ref(row.index, "group"));
    const key = r.parse(row, "key", parseNumber, "invalid_number");
    if (key && key.isNegative()) errors.add("negative_key", `Fördelningsnyckeln får inte vara negativ.`, r.ref(row.index, "key"));
    const norm = normalizeName(name);
    if (names.has(norm)) {
      errors.add("duplicate_member", `Medlemmen "${name}" finns redan på ${names.get(norm)}.`, r.ref(row.index, "member"));
    } else names.set(norm, r.ref(row.index, "member"));
    if (group && key && !key.isNegative()) {
      members.push({ name, group, key, cell: r.ref(row.index, "member"), keyCell: r.ref(row.index, "key") });
    }
  }
  return { members, sheet: r.t.sheet };
}

// ---------------------------------------------------------------------------------------------
// Kontoplan

function parseAccountSpec(v: RawCell): Parsed<{ from: number; to: number }> {
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 0 ? { ok: true, value: { from: v, to: v } } : { ok: false, reason: `${describe(v)} är inte ett kontonummer` };
  }
  if (typeof v === "string") {
    const m = /^\s*(\d+)\s*(?:[-–—]\s*(\d+))?\s*$/.exec(v);
    if (m) {
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (to < from) return { ok: false, reason: `intervallet ${v.trim()} slutar före sin början` };
      return { ok: true, value: { from, to } };
    }
  }
  if (isErrorCell(v)) return { ok: false, reason: `cellen innehåller felvärdet ${v.error}` };
  return { ok: false, reason: `${describe(v)} är inte ett kontonummer eller intervall (t.ex. 5000-5999)` };
}

function readAccounts(grid: WorkbookGrid, required: boolean, errors: IssueList): { accounts: AccountRule[]; sheet: string } | null {
  const r = open(
    grid,
    "Kontoplan",
    [
      { id: "account", names: ["Konto", "Account"], required: true },
      { id: "name", names: ["Benämning", "Name"], required: false },
      { id: "line", names: ["Rapportrad", "Report line"], required: false },
    ],
    required,
    errors,
  );
  if (!r || r === "absent") return null;
  const accounts: AccountRule[] = [];
  for (const row of r.rows(["account"])) {
    const spec = r.parse(row, "account", parseAccountSpec, "invalid_account");
    const lineCell = at(row, r.cols.line);
    let line = null;
    if (!isBlank(lineCell)) {
      line = parseAccountLine(cellText(lineCell));
      if (!line) {
        errors.add(
          isErrorCell(lineCell) ? "cell_error_value" : "unknown_report_line",
          `Rapportraden ${describe(lineCell)} är okänd.`,
          r.ref(row.index, "line"),
        );
        continue;
      }
    }
    if (spec) accounts.push({ ...spec, line, name: cellText(at(row, r.cols.name)), cell: r.ref(row.index, "account") });
  }
  return { accounts, sheet: r.t.sheet };
}

// ---------------------------------------------------------------------------------------------
// Budget

function leafLine(text: RawCell): LeafLine | null {
  const l = parseAccountLine(cellText(text));
  return l && l !== "eget_kapital" ? l : null;
}

function readBudget(grid: WorkbookGrid, required: boolean, errors: IssueList): { budget: BudgetEntry[]; sheet: string } | null {
  const t = locateTable(grid, "Budget", INPUT_TABLES.Budget);
  if (!t) {
    if (required) errors.add("missing_table", "Tabellen Budget (bladet Budget) saknas i arbetsboken.", "Budget!A1");
    return null;
  }
  const headerNames = t.header.map((c) => normalizeName(cellText(c)));
  const isLong = headerNames.includes("belopp") || headerNames.includes("amount");
  const budget: BudgetEntry[] = [];
  const seen = new Map<string, string>();
  const push = (line: LeafLine, year: number, amount: Decimal, cell: string) => {
    const key = `${line}|${year}`;
    if (seen.has(key)) {
      errors.add("duplicate_budget_row", `Budget för ${line} ${year} finns redan på ${seen.get(key)}.`, cell);
      return;
    }
    seen.set(key, cell);
    budget.push({ line, year, amount, cell });
  };
  if (isLong) {
    const cols = mapColumns(
      t,
      [
        { id: "line", names: ["Rapportrad", "Report line"], required: true },
        { id: "year", names: ["År", "Year"], required: true },
        { id: "amount", names: ["Belopp", "Amount"], required: true },
      ],
      errors,
    );
    if (!cols) return null;
    const r = new TableReader(t, cols, errors);
    for (const row of r.rows(["line", "year", "amount"])) {
      const line = leafLine(at(row, cols.line));
      if (!line) errors.add("unknown_report_line", `Rapportraden ${describe(at(row, cols.line))} är okänd i Budget.`, r.ref(row.index, "line"));
      const year = r.parse(row, "year", parseInteger, "invalid_year");
      const amount = r.parse(row, "amount", parseAmount, "invalid_amount");
      if (line && year !== null && amount) push(line, year, amount, r.ref(row.index, "amount"));
    }
  } else {
    const cols = mapColumns(t, [{ id: "line", names: ["Rapportrad", "Report line"], required: true }], errors);
    if (!cols) return null;
    const yearCols: Array<{ col: number; year: number }> = [];
    t.header.forEach((c, i) => {
      const y = parseInteger(c);
      if (y.ok && y.value >= 1900 && y.value <= 9999) yearCols.push({ col: i, year: y.value });
    });
    if (yearCols.length === 0) {
      errors.add("missing_column", "Budget saknar årskolumner (t.ex. 2026) eller kolumnerna År och Belopp.", cellRef(t.sheet, t.headerRow, t.left));
      return null;
    }
    const r = new TableReader(t, cols, errors);
    for (const row of t.rows) {
      const lineCell = at(row, cols.line);
      const hasAmounts = yearCols.some((y) => !isBlank(at(row, y.col)));
      if (isBlank(lineCell)) {
        if (hasAmounts) errors.add("blank_required", "Rapportrad saknas men raden har belopp.", r.ref(row.index, "line"));
        continue;
      }
      const line = leafLine(lineCell);
      if (!line) {
        errors.add(isErrorCell(lineCell) ? "cell_error_value" : "unknown_report_line", `Rapportraden ${describe(lineCell)} är okänd i Budget.`, r.ref(row.index, "line"));
        continue;
      }
      for (const y of yearCols) {
        const v = at(row, y.col);
        if (isBlank(v)) continue;
        const p = parseAmount(v);
        if (!p.ok) errors.add(isErrorCell(v) ? "cell_error_value" : "invalid_amount", `${p.reason}.`, r.ref(row.index, y.col));
        else push(line, y.year, p.value, r.ref(row.index, y.col));
      }
    }
  }
  return { budget, sheet: t.sheet };
}

// ---------------------------------------------------------------------------------------------
// Huvudbok

function readLedger(grid: WorkbookGrid, required: boolean, errors: IssueList): { ledger: LedgerRow[]; sheet: string } | null {
  const r = open(
    grid,
    "Huvudbok",
    [
      { id: "date", names: ["Datum", "Date"], required: true },
      { id: "voucher", names: ["Verifikation", "Voucher", "Ver", "Vernr"], required: false },
      { id: "account", names: ["Konto", "Account"], required: true },
      { id: "amount", names: ["Belopp", "Amount"], required: false },
      { id: "debit", names: ["Debet", "Debit"], required: false },
      { id: "credit", names: ["Kredit", "Credit"], required: false },
      { id: "text", names: ["Text", "Description"], required: false },
      { id: "project", names: ["Insats", "Project"], required: false },
    ],
    required,
    errors,
  );
  if (!r || r === "absent") return null;
  const { cols } = r;
  const useDebitCredit = cols.amount === undefined;
  if (useDebitCredit && (cols.debit === undefined || cols.credit === undefined)) {
    errors.add(
      "missing_column",
      `Kolumnen "Belopp" (Amount) saknas i ${r.t.sheet}, och det finns inte heller både Debet och Kredit.`,
      cellRef(r.t.sheet, r.t.headerRow, r.t.left),
    );
    return null;
  }
  const ledger: LedgerRow[] = [];
  let errorCount = 0;
  const amountCols: Array<"amount" | "debit" | "credit"> = useDebitCredit ? ["debit", "credit"] : ["amount"];
  for (const row of r.t.rows) {
    const dateV = at(row, cols.date);
    const accountV = at(row, cols.account);
    const amountBlank = amountCols.every((k) => isBlank(at(row, cols[k])));
    const blanks = [isBlank(dateV), isBlank(accountV), amountBlank];
    if (blanks.every(Boolean)) continue;
    if (errorCount > 200) break; // enough to act on; the count of further rows is not useful
    const before = errors.length;
    if (blanks.some(Boolean)) {
      const which = blanks[0] ? "date" : blanks[1] ? "account" : amountCols[0];
      errors.add("blank_required", `Cellen är tom men raden har andra uppgifter; fyll i den eller töm raden.`, r.ref(row.index, which));
      errorCount++;
      continue;
    }
    const day = r.parse(row, "date", parseDate, "invalid_date");
    const account = r.parse(row, "account", parseInteger, "invalid_account");
    let ore: number | null = null;
    if (useDebitCredit) {
      const d = isBlank(at(row, cols.debit)) ? 0 : r.parse(row, "debit", parseAmountOre, "invalid_amount");
      const c = isBlank(at(row, cols.credit)) ? 0 : r.parse(row, "credit", parseAmountOre, "invalid_amount");
      if (d !== null && c !== null) ore = d - c === 0 ? 0 : d - c;
    } else {
      ore = r.parse(row, "amount", parseAmountOre, "invalid_amount");
    }
    if (errors.length > before) {
      errorCount++;
      continue;
    }
    ledger.push({
      day: day!,
      voucher: cellText(at(row, cols.voucher)),
      account: account!,
      ore: ore!,
      text: cellText(at(row, cols.text)),
      project: cellText(at(row, cols.project)),
      cell: r.ref(row.index, 0),
      dateCell: r.ref(row.index, "date"),
      accountCell: r.ref(row.index, "account"),
    });
  }
  return { ledger, sheet: r.t.sheet };
}

// ---------------------------------------------------------------------------------------------
// Insatser

function readGrants(grid: WorkbookGrid, errors: IssueList): { grants: Grant[]; sheet: string } | null | "absent" {
  const r = open(
    grid,
    "Insatser",
    [
      { id: "code", names: ["Insats", "Project code", "Project"], required: true },
      { id: "name", names: ["Namn", "Name"], required: false },
      { id: "dnr", names: ["Dnr", "Diarienummer"], required: false },
      { id: "granted", names: ["Beviljat belopp", "Granted"], required: true },
      { id: "from", names: ["Från", "From"], required: true },
      { id: "to", names: ["Till", "To"], required: true },
    ],
    false,
    errors,
  );
  if (r === "absent") return "absent";
  if (!r) return null;
  const grants: Grant[] = [];
  const codes = new Map<string, string>();
  for (const row of r.rows(["code", "granted", "from", "to"])) {
    const code = cellText(at(row, r.cols.code));
    if (codes.has(code)) errors.add("duplicate_grant", `Insatsen ${code} finns redan på ${codes.get(code)}.`, r.ref(row.index, "code"));
    codes.set(code, r.ref(row.index, "code"));
    const granted = r.parse(row, "granted", parseAmount, "invalid_amount");
    if (granted && granted.isNegative()) errors.add("invalid_amount", "Beviljat belopp får inte vara negativt.", r.ref(row.index, "granted"));
    const from = r.parse(row, "from", parseDate, "invalid_date");
    const to = r.parse(row, "to", parseDate, "invalid_date");
    if (from !== null && to !== null && to < from) {
      errors.add("grant_dates_reversed", `Till-datum ligger före Från-datum.`, r.ref(row.index, "to"));
      continue;
    }
    if (granted && from !== null && to !== null) {
      grants.push({
        code,
        name: cellText(at(row, r.cols.name)),
        dnr: cellText(at(row, r.cols.dnr)),
        granted,
        from,
        to,
        cell: r.ref(row.index, "code"),
      });
    }
  }
  return { grants, sheet: r.t.sheet };
}

// ---------------------------------------------------------------------------------------------
// Prognos

const METHOD_LOOKUP = new Map<string, ForecastMethod>([
  ["budget", "budget"],
  ["linjar", "linjar"],
  ["linear", "linjar"],
  ["utfall+restbudget", "utfall_restbudget"],
  ["utfall + restbudget", "utfall_restbudget"],
  ["actual+remaining budget", "utfall_restbudget"],
  ["foregaende ar", "foregaende_ar"],
  ["prior year", "foregaende_ar"],
  ["ataganden", "ataganden"],
  ["commitments", "ataganden"],
  ["manuell", "manuell"],
  ["manual", "manuell"],
]);

function readForecast(grid: WorkbookGrid, errors: IssueList): { choices: ForecastChoice[]; sheet: string } | null | "absent" {
  const r = open(
    grid,
    "Prognos",
    [
      { id: "line", names: ["Rapportrad", "Report line"], required: true },
      { id: "method", names: ["Metod", "Method"], required: true },
      { id: "amount", names: ["Belopp", "Amount"], required: false },
      { id: "comment", names: ["Kommentar", "Comment"], required: false },
    ],
    false,
    errors,
  );
  if (r === "absent") return "absent";
  if (!r) return null;
  const choices: ForecastChoice[] = [];
  for (const row of r.rows(["line", "method"])) {
    const line = leafLine(at(row, r.cols.line));
    if (!line) errors.add("unknown_report_line", `Rapportraden ${describe(at(row, r.cols.line))} är okänd i Prognos.`, r.ref(row.index, "line"));
    const methodText = cellText(at(row, r.cols.method));
    const method = METHOD_LOOKUP.get(normalizeName(methodText).replace(/\s*\+\s*/g, "+"));
    if (!method) {
      errors.add(
        "unknown_method",
        `Prognosmetoden "${methodText}" är okänd; välj budget, linjär, utfall+restbudget, föregående år, åtaganden eller manuell.`,
        r.ref(row.index, "method"),
      );
    }
    const comment = cellText(at(row, r.cols.comment));
    let amount: Decimal | null = null;
    if (method === "manuell") {
      if (isBlank(at(row, r.cols.amount))) {
        errors.add("manual_without_amount", "Manuell prognos kräver ett belopp (helår, positivt).", r.ref(row.index, r.cols.amount ?? r.cols.method!));
      } else amount = r.parse(row, "amount", parseAmount, "invalid_amount");
      if (!comment) {
        errors.add("manual_without_comment", "Manuell prognos kräver en kommentar som förklarar beloppet.", r.ref(row.index, r.cols.comment ?? r.cols.method!));
      }
    }
    if (line && method) choices.push({ line, method, amount, comment, cell: r.ref(row.index, "method"), lineCell: r.ref(row.index, "line") });
  }
  return { choices, sheet: r.t.sheet };
}

// ---------------------------------------------------------------------------------------------
// Takregel

function readCeilingBands(grid: WorkbookGrid, errors: IssueList): { bands: CeilingBand[]; sheet: string } | null | "absent" {
  const r = open(
    grid,
    "Takregel",
    [
      { id: "from", names: ["Från", "From"], required: true },
      { id: "to", names: ["Till", "To"], required: true },
      { id: "rate", names: ["Procent", "Percent"], required: true },
    ],
    false,
    errors,
  );
  if (r === "absent") return "absent";
  if (!r) return null;
  const bands: CeilingBand[] = [];
  for (const row of r.rows(["from", "rate"])) {
    const from = r.parse(row, "from", parseAmount, "invalid_amount");
    const to = isBlank(at(row, r.cols.to)) ? null : r.parse(row, "to", parseAmount, "invalid_amount");
    const rate = r.parse(row, "rate", parsePercent, "invalid_percent");
    if (rate && (rate.isNegative() || rate.greaterThan(1))) errors.add("invalid_percent", "Procent måste ligga mellan 0 % och 100 %.", r.ref(row.index, "rate"));
    if (from && to && to.lessThanOrEqualTo(from)) errors.add("ceiling_band_gap", "Till måste vara större än Från.", r.ref(row.index, "to"));
    if (from && rate && (to !== null || isBlank(at(row, r.cols.to)))) bands.push({ from, to, rate, cell: r.ref(row.index, "from") });
  }
  return { bands, sheet: r.t.sheet };
}

// ---------------------------------------------------------------------------------------------

export function readInputs(grid: WorkbookGrid, outputs: ReadonlySet<Output>): ReadResult {
  const errors = new IssueList();
  const warnings = new IssueList();
  const { required } = tablesFor(outputs);
  const needs = (t: InputTable) => required.has(t);
  const ledgerNeeded = needs("Huvudbok");

  const settings = readSettings(grid, errors, warnings);
  for (const [table, sheetName] of Object.entries(INPUT_TABLES)) warnHiddenRows(grid, table, sheetName, warnings);
  const members = needs("Medlemmar") ? readMembers(grid, true, errors) : null;
  const accounts = ledgerNeeded ? readAccounts(grid, true, errors) : null;
  const budget = readBudget(grid, false, errors);
  const ledger = ledgerNeeded ? readLedger(grid, true, errors) : null;
  const grants = ledgerNeeded ? readGrants(grid, errors) : "absent";
  const forecast = ledgerNeeded ? readForecast(grid, errors) : "absent";
  const bands = outputs.has("eget-kapital") ? readCeilingBands(grid, errors) : "absent";

  if (errors.length > 0 || !settings) return { inputs: null, errors: errors.items, warnings: warnings.items };
  const sheets: Inputs["sheets"] = { Installningar: settings.sheet };
  if (members) sheets.Medlemmar = members.sheet;
  if (accounts) sheets.Kontoplan = accounts.sheet;
  if (budget) sheets.Budget = budget.sheet;
  if (ledger) sheets.Huvudbok = ledger.sheet;
  if (grants && grants !== "absent") sheets.Insatser = grants.sheet;
  if (forecast && forecast !== "absent") sheets.Prognos = forecast.sheet;
  if (bands && bands !== "absent") sheets.Takregel = bands.sheet;
  return {
    inputs: {
      settings: settings.settings,
      members: members?.members ?? [],
      accounts: accounts?.accounts ?? [],
      budget: budget?.budget ?? [],
      ledger: ledger?.ledger ?? [],
      grants: grants && grants !== "absent" ? grants.grants : [],
      forecastChoices: forecast && forecast !== "absent" ? forecast.choices : [],
      ceilingBands: bands && bands !== "absent" ? bands.bands : [],
      present: {
        grants: !!grants && grants !== "absent",
        forecast: !!forecast && forecast !== "absent",
        ceilingBands: !!bands && bands !== "absent",
        ledger: !!ledger,
        budget: !!budget,
      },
      sheets,
    },
    errors: [],
    warnings: warnings.items,
  };
}

/** Only the settings (for the task pane's header); errors are not reported here. */
export function readSettingsOnly(grid: WorkbookGrid): Settings | null {
  const r = readSettings(grid, new IssueList(), new IssueList());
  return r?.settings ?? null;
}

/** Hidden or filtered rows inside an input table still count; say so once per table. */
function warnHiddenRows(grid: WorkbookGrid, table: string, sheetName: string, warnings: IssueList): void {
  const t = grid.tables.find((x) => x.name.toLowerCase() === table.toLowerCase());
  const sheet = t ? grid.sheets.find((s) => s.name === t.sheet) : grid.sheets.find((s) => normalizeName(s.name) === normalizeName(sheetName));
  if (!sheet || !sheet.hiddenRows || sheet.hiddenRows.length === 0) return;
  let first: number;
  let last: number;
  let left = 0;
  if (t) {
    first = t.top + 1;
    last = t.top + t.rows.length - 1;
    left = t.left;
  } else {
    const header = sheet.rows.findIndex((r) => r && r.some((c) => !isBlank(c)));
    if (header < 0) return;
    first = header + 1;
    last = sheet.rows.length - 1;
  }
  const hidden = sheet.hiddenRows.filter((r) => r >= first && r <= last && (sheet.rows[r] ?? []).some((c) => !isBlank(c))).sort((a, b) => a - b);
  if (hidden.length === 0) return;
  warnings.add(
    "hidden_rows",
    `${hidden.length} dolda eller filtrerade rader i ${sheet.name} räknas ändå med i beräkningen.`,
    cellRef(sheet.name, hidden[0], left),
  );
}
