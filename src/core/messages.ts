/**
 * The message catalogue: every error and warning code the product reports, with its typed
 * parameters and one message function per language (Swedish, English). The engine reports codes
 * with parameters; only the shells turn them into text, in the user's language (`messageText`).
 *
 * Longer than 400 lines on purpose: it is the one place where every code meets its words, like
 * Actual Budget's errors module. Splitting it would scatter what a translator reads at once.
 * docs/workbook.md lists the codes; `npm run docs` regenerates that list and a test compares them.
 */
import { Formatter, formatter, Lang } from "./locale";
import { Group, GROUP_LABELS, LEAF_LABELS_EN, LeafLine, LINE_LABELS } from "./reportLines";
import type { CellRef } from "./units";

/** What was wrong with a cell's value. `value` describes the cell: `"text"` quoted, a number, or null when empty. */
export type ValueProblem =
  | "not_number"
  | "not_amount"
  | "amount_decimals"
  | "amount_too_large"
  | "not_percent"
  | "not_integer"
  | "integer_too_large"
  | "not_date"
  | "not_iso_date"
  | "impossible_date"
  | "not_yes_no"
  | "not_account"
  | "account_range_reversed"
  | "error_value"
  | "no_cached_value"
  | "one_of"
  | "not_negative"
  | "percent_range"
  | "percent_or_table"
  | "deviation_threshold"
  | "due_dates"
  | "year_range";

export interface ValueParams {
  problem: ValueProblem;
  /** The cell as the user sees it: `"12,5 kr"` (text, quoted), `12.5`, `#REF!`, `2026-02-30`; null for an empty cell. */
  value: string | null;
  /** The setting or column the value belongs to, as named in the workbook (Swedish contract names). */
  label?: string;
  /** The values allowed, for `one_of`: `1, 100 eller 1000 (kr)`. */
  allowed?: string;
}

type None = Record<string, never>;

/** The codes whose parameters describe a cell's value (`ValueParams`). */
export type ValueCode =
  "invalid_amount" | "invalid_number" | "invalid_percent" | "invalid_date" | "invalid_year" | "invalid_account" | "invalid_setting";

/** The parameters of each code. Amounts are exact kronor strings ("-300000.5"); dates ISO. */
export interface Params {
  // Finding tables and columns
  missing_table: { table: string; sheet: string };
  /** `debitCredit`: the ledger's Belopp is missing and so is one of Debet and Kredit. */
  missing_column: { column: string; alias: string; sheet: string; row: number; debitCredit?: boolean };
  budget_years_missing: None;
  blank_required: None;
  setting_name_blank: None;
  budget_line_blank: None;
  hidden_rows: { count: number; sheet: string };
  // Cell values
  invalid_amount: ValueParams;
  invalid_number: ValueParams;
  invalid_percent: ValueParams;
  invalid_date: ValueParams;
  invalid_year: ValueParams;
  invalid_account: ValueParams;
  invalid_setting: ValueParams;
  cell_error_value: ValueParams;
  // Settings
  unknown_setting: { name: string };
  duplicate_setting: { setting: string; otherCell: string };
  missing_setting: { setting: string };
  state_share_zero: None;
  total_conflict: { total: string; derived: string };
  shares_not_100: { sum: string };
  contributions_missing: { year: number };
  cutoff_invalid: { cutoff: string };
  cutoff_outside_year: { cutoff: string; year: number };
  cutoff_not_month_end: { cutoff: string };
  // Members and allocation
  unknown_group: { value: string };
  negative_key: None;
  duplicate_member: { name: string; otherCell: string };
  no_member_in_group: { group: Group };
  total_not_multiple_of_unit: { year: number; total: string; unit: string };
  no_positive_weight: { year: number };
  negative_weight: { year: number };
  bad_unit: { year: number };
  // Chart of accounts, budget, ledger
  unknown_report_line: { value: string; table: string };
  overlapping_accounts: { from: number; to: number; otherFrom: number; otherTo: number; otherCell: string };
  duplicate_budget_row: { line: LeafLine; year: number; otherCell: string };
  unknown_account: { account: number };
  unknown_accounts_more: { count: number };
  amount_overflow: None;
  // Grants, forecast choices, ceiling bands
  duplicate_grant: { grant: string; otherCell: string };
  grant_dates_reversed: None;
  unknown_method: { value: string };
  manual_without_amount: None;
  manual_without_comment: None;
  duplicate_forecast: { line: LeafLine; otherCell: string };
  method_not_allowed: None;
  grants_missing: None;
  ceiling_bands_missing: None;
  ceiling_band_start: None;
  ceiling_band_open: None;
  ceiling_band_gap: { to: string; from: string };
  ceiling_band_reversed: None;
  // Warnings
  rows_after_cutoff: { count: number; sheet: string; cutoff: string };
  /** `id` and `method` let the pane offer to move the comment to the Prognos table (leaf lines only). */
  report_comment_kept: { line: string; id?: string; method?: string; text?: string };
  rows_other_years: { count: number; sheet: string; from: number; to: number };
  unbalanced_voucher: { count: number; sheet: string; voucher: string; difference: string };
  duplicate_rows: { count: number; sheet: string };
  dates_1904: { sheet: string };
  budget_missing: { year: number };
  budget_negative: None;
  contributions_differ: { year: number; budget: string; settings: string };
  prior_contributions_missing: None;
  opening_equity_missing: None;
  forecast_fallback: { line: LeafLine };
  manual_forecast_closed_year: { line: LeafLine; manual: string; actual: string };
  // Financial statements (Bokslut)
  bokslut_no_balance_lines: None;
  balance_accounts_without_line: { accounts: number[] };
  ib_unbalanced: { year: number; difference: string; accounts: number[] };
  statements_unbalanced: { difference: string; accounts: number[] };
  // SIE files
  sie_not_sie: None;
  sie_too_large: { megabytes: number };
  sie_replacement_characters: { count: number };
  sie_unbalanced_voucher: { series: string; number: string; difference: string };
  sie_trans_incomplete: None;
  sie_bad_amount: { value: string };
  sie_bad_date: { value: string };
  sie_checksum_wrong: { stated: string; actual: string };
  sie_balance_mismatch: { kind: "UB" | "RES" | "PSALDO"; account: number; period: string; year: number; stated: string; computed: string };
  sie_year_not_calendar: { start: string; end: string };
  sie_no_fiscal_year: None;
  sie_import_content_below: { sheet: string };
  sie_import_moves_error: { sheet: string };
  input_formula_master: None;
  owned_sheet_taken: { sheet: string; owned: string };
  cell_text_too_long: { length: number; limit: number };
  sheet_name_invalid: { sheet: string; reason: "empty" | "too_long" | "character" | "apostrophe" | "reserved" };
  sheet_too_large: { sheet: string; rows: number; columns: number };
  sie_account_not_number: { value: string };
  sie_amount_too_large: { value: string };
  sie_stray_brace: { brace: "{" | "}" };
  sie_not_a_record: { text: string };
  sie_voucher_without_brace: None;
  sie_voucher_not_closed: None;
  sie_trans_outside_voucher: None;
  sie_bad_year_index: { value: string };
  sie_fiscal_year_reversed: { start: string; end: string };
  sie_fiscal_years_overlap: { start: string; end: string; otherStart: string; otherEnd: string };
  sie_checksum_unclosed: None;
  sie_years_span: { first: number; last: number };
  sie_transactions_added: { year: number };
  sie_year_skipped: { start: string; end: string };
  sie_year_no_data: { year: number };
  sie_year_balances_only: { year: number };
  sie_psaldo_ambiguous: { account: number; period: string };
  sie_bad_period: { value: string };
  sie_vouchers_outside_years: { count: number };
  sie_reconciliation_failed: { count: number; accounts: number[]; total: string; years: number[] };
  sie_reconciliation_forced: { count: number; accounts: number[]; total: string };
  sie_orgnr_mismatch: { file: string; workbook: string };
  sie_company_differs: { file: string; workbook: string };
  sie_year_mismatch: { workbook: number; years: number[] };
  sie_too_many_rows: { rows: number; limit: number };
  sie_same_file_other_years: { years: string; earlier: string };
  sie_already_imported: { when: string };
  sie_voucher_in_ledger: { voucher: string };
  duplicate_vouchers: { count: number; sheet: string; voucher: string };
  // Use cases and shells
  no_results: None;
  template_inputs_exist: { found: string[] };
  verify_difference: { stored: string; recomputed: string };
  file_unreadable: { file: string; detail: string };
  file_kind: { file: string; kind: "encrypted" | "xls" | "ods" };
  file_system: { file: string; reason: string };
  file_exists: { file: string };
  file_not_regular: { file: string };
  file_too_large: { file: string; megabytes: number; limit: number };
  output_extension: { file: string; expected: ".xlsx" | ".xlsm" };
  workbook_strict: None;
  sheet_protected_password: { sheet: string };
  calculation_manual: None;
  unexpected: { detail: string };
}

export type Code = keyof Params;

/** A code with its parameters: what the engine reports. */
export type Message = { [C in Code]: { code: C; params: Params[C] } }[Code];

/** A message about a place: `cell` is `Blad!A1`, or empty when it is about no one cell. */
export type Issue = Message & { cell: CellRef | "" };

/** An error or warning as JSON and the task pane show it. */
export interface IssueText {
  code: Code;
  message: string;
  cell: string;
}

type Render<P> = (p: P, f: Formatter) => string;

interface Entry<P> {
  /** What the code means, for docs/workbook.md (Swedish, like the contract). */
  meaning: string;
  sv: Render<P>;
  en: Render<P>;
  /** Parameters for the docs and the catalogue test. */
  example: P;
}

/** Swedish line and group names are the report's own (reportLines.ts); English ones are here. */
const LINE_SV: Record<LeafLine, string> = LINE_LABELS;

const LINE_EN: Record<LeafLine, string> = LEAF_LABELS_EN;

const GROUP_SV: Record<Group, string> = GROUP_LABELS;
const GROUP_EN: Record<Group, string> = { Stat: "The state", Region: "The region", Kommun: "The municipalities" };

function cellSv(value: string | null): string {
  return value === null ? "tom cell" : value;
}
function cellEn(value: string | null): string {
  return value === null ? "an empty cell" : value;
}

/** What was wrong with a value, as a sentence (with the setting or column in front when known). */
function valueSv(p: ValueParams): string {
  const v = cellSv(p.value);
  const text: Record<ValueProblem, string> = {
    not_number: `${v} är inte ett tal`,
    not_amount: `${v} är inte ett belopp`,
    amount_decimals: `${v} har fler än två decimaler (belopp anges i kronor och ören)`,
    amount_too_large: `${v} är orimligt stort för ett belopp`,
    not_percent: `${v} är inte en procentsats`,
    not_integer: `${v} är inte ett heltal`,
    integer_too_large: `${v} är för stort`,
    not_date: `${v} är inte ett datum`,
    not_iso_date: `${v} är inte ett datum (skriv ÅÅÅÅ-MM-DD)`,
    impossible_date: `${v} är inte ett giltigt datum`,
    not_yes_no: `${v} är inte Ja eller Nej`,
    not_account: `${v} är inte ett kontonummer eller intervall (t.ex. 5000-5999)`,
    account_range_reversed: `intervallet ${v} slutar före sin början`,
    error_value: `cellen innehåller felvärdet ${v}`,
    no_cached_value:
      "cellen har en formel utan beräknat värde (filen sparades av ett program som inte räknar formler); " +
      "öppna och spara filen i Excel eller LibreOffice först",
    one_of: `måste vara ${p.allowed ?? ""}`,
    not_negative: `får inte vara negativt`,
    percent_range: `måste ligga mellan 0 % och 100 %`,
    percent_or_table: `måste vara en procentsats (t.ex. 20 %) eller Tabell`,
    deviation_threshold: `${v} är ingen avvikelsegräns (skriv t.ex. 10 %; 100 tkr)`,
    due_dates: `${v} är inte ${p.allowed ?? ""} förfallodagar i datumordning (skriv t.ex. 01-31; 04-30; 07-31; 10-31)`,
    year_range: `${v} är inte ett rimligt år`,
  };
  return `${p.label ? `${p.label}: ` : ""}${text[p.problem]}.`;
}

function valueEn(p: ValueParams): string {
  const v = cellEn(p.value);
  const allowed = (p.allowed ?? "").replace(" eller ", " or ");
  const text: Record<ValueProblem, string> = {
    not_number: `${v} is not a number`,
    not_amount: `${v} is not an amount`,
    amount_decimals: `${v} has more than two decimals (amounts are kronor and öre)`,
    amount_too_large: `${v} is unreasonably large for an amount`,
    not_percent: `${v} is not a percentage`,
    not_integer: `${v} is not a whole number`,
    integer_too_large: `${v} is too large`,
    not_date: `${v} is not a date`,
    not_iso_date: `${v} is not a date (write YYYY-MM-DD)`,
    impossible_date: `${v} is not a valid date`,
    not_yes_no: `${v} is not Ja (yes) or Nej (no)`,
    not_account: `${v} is not an account number or range (e.g. 5000-5999)`,
    account_range_reversed: `the range ${v} ends before it starts`,
    error_value: `the cell holds the error value ${v}`,
    no_cached_value:
      "the cell has a formula without a computed value (the file was saved by a program that does not calculate); " +
      "open and save the file in Excel or LibreOffice first",
    one_of: `must be ${allowed}`,
    not_negative: `must not be negative`,
    percent_range: `must be between 0% and 100%`,
    percent_or_table: `must be a percentage (e.g. 20 %) or Tabell`,
    deviation_threshold: `${v} is not a deviation threshold (write e.g. 10 %; 100 tkr)`,
    due_dates: `${v} is not ${allowed} due dates in calendar order (write e.g. 01-31; 04-30; 07-31; 10-31)`,
    year_range: `${v} is not a plausible year`,
  };
  return `${p.label ? `${p.label}: ` : ""}${text[p.problem]}.`;
}

function valueEntry(meaning: string, example: ValueParams): Entry<ValueParams> {
  return { meaning, sv: valueSv, en: valueEn, example };
}

const none: None = {};

const KIND_SV = {
  encrypted: "en lösenordsskyddad (krypterad) arbetsbok",
  xls: "en .xls-arbetsbok (Excel 97–2003)",
  ods: "ett OpenDocument-kalkylblad (.ods)",
};
const KIND_EN = {
  encrypted: "a password-protected (encrypted) workbook",
  xls: "an .xls workbook (Excel 97–2003)",
  ods: "an OpenDocument spreadsheet (.ods)",
};
/** The operating system's error codes in words (src/cli/files.ts decides which count as the user's to fix). */
const OS_SV: Record<string, string> = {
  ENOENT: "filen eller mappen finns inte",
  EACCES: "behörighet saknas",
  EPERM: "behörighet saknas",
  EROFS: "filsystemet är skrivskyddat",
  ENOSPC: "disken är full",
  EDQUOT: "diskkvoten är slut",
  EISDIR: "det är en mapp, inte en fil",
  ENOTDIR: "en del av sökvägen är inte en mapp",
  EEXIST: "filen finns redan",
  ENAMETOOLONG: "namnet är för långt",
  EMFILE: "för många öppna filer",
};
const OS_EN: Record<string, string> = {
  ENOENT: "the file or folder does not exist",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "part of the path is not a folder",
  EEXIST: "the file exists",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
};

/** What the SIE file states, and what gives it, per kind of figure. */
const SHEET_NAME_SV = {
  empty: "det är tomt",
  too_long: "det är längre än 31 tecken",
  character: "det innehåller något av tecknen [ ] : * ? / \\",
  apostrophe: "det börjar eller slutar med apostrof",
  reserved: "History är reserverat av Excel",
};
const SHEET_NAME_EN = {
  empty: "it is empty",
  too_long: "it is longer than 31 characters",
  character: "it contains one of [ ] : * ? / \\",
  apostrophe: "it begins or ends with an apostrophe",
  reserved: "History is reserved by Excel",
};
const SIE_KIND_SV = { UB: "utgående balans (#UB)", RES: "resultat (#RES)", PSALDO: "periodsaldo (#PSALDO)" };
const SIE_KIND_EN = { UB: "closing balance (#UB)", RES: "result (#RES)", PSALDO: "period balance (#PSALDO)" };
const SIE_ROWS_SV = { UB: "IB plus årets rader", RES: "årets rader", PSALDO: "månadens rader" };
const SIE_ROWS_EN = { UB: "the opening balance plus the year's rows give", RES: "the year's rows give", PSALDO: "the month's rows give" };

/** A list of numbers for a message: the first ten, then "… och N till" (the JSON has them all). */
function listOf(items: readonly number[], more: (n: number) => string): string {
  return items.length <= 10 ? items.join(", ") : `${items.slice(0, 10).join(", ")} ${more(items.length - 10)}`;
}
const listSv = (items: readonly number[]) => listOf(items, (n) => `… och ${n} till`);
const listEn = (items: readonly number[]) => listOf(items, (n) => `… and ${n} more`);
const METHODS_SV = "budget, linjär, utfall+restbudget, föregående år, åtaganden eller manuell";

/** Every code's words. The type requires an entry for every code, with both languages. */
export const CATALOGUE: { [C in Code]: Entry<Params[C]> } = {
  // ------------------------------------------------------------------ finding tables and columns
  missing_table: {
    meaning: "En obligatorisk indatatabell saknas (varken tabell eller blad med namnet finns).",
    sv: (p) => `Tabellen ${p.table} (bladet ${p.sheet}) saknas i arbetsboken.`,
    en: (p) => `The table ${p.table} (sheet ${p.sheet}) is missing from the workbook.`,
    example: { table: "Medlemmar", sheet: "Medlemmar" },
  },
  missing_column: {
    meaning: "En obligatorisk kolumn saknas i rubrikraden (i Huvudbok: Belopp, eller både Debet och Kredit).",
    sv: (p) =>
      p.debitCredit
        ? `Kolumnen "${p.column}" (${p.alias}) saknas i ${p.sheet}, och det finns inte heller både Debet och Kredit.`
        : `Kolumnen "${p.column}" (${p.alias}) saknas i ${p.sheet}; rubrikraden är rad ${p.row}.`,
    en: (p) =>
      p.debitCredit
        ? `The column "${p.column}" (${p.alias}) is missing in ${p.sheet}, and there are not both Debet and Kredit either.`
        : `The column "${p.column}" (${p.alias}) is missing in ${p.sheet}; the header row is row ${p.row}.`,
    example: { column: "Datum", alias: "Date", sheet: "Huvudbok", row: 1 },
  },
  budget_years_missing: {
    meaning: "Budget har varken årskolumner (bred form) eller kolumnerna År och Belopp (lång form).",
    sv: () => "Budget saknar årskolumner (t.ex. 2026) eller kolumnerna År och Belopp.",
    en: () => "Budget has no year columns (such as 2026) and no columns År (Year) and Belopp (Amount).",
    example: none,
  },
  blank_required: {
    meaning: "En obligatorisk cell är tom på en rad som har andra uppgifter.",
    sv: () => "Cellen är tom men raden har andra uppgifter; fyll i den eller töm raden.",
    en: () => "The cell is empty but the row has other data; fill it in or clear the row.",
    example: none,
  },
  setting_name_blank: {
    meaning: "En rad i Inställningar har ett värde men inget namn.",
    sv: () => "Inställningens namn saknas.",
    en: () => "The setting's name is missing.",
    example: none,
  },
  budget_line_blank: {
    meaning: "En rad i Budget har belopp men ingen rapportrad.",
    sv: () => "Rapportrad saknas men raden har belopp.",
    en: () => "The report line is missing but the row has amounts.",
    example: none,
  },
  hidden_rows: {
    meaning: "Varning: dolda eller filtrerade rader i en indatatabell räknas ändå med.",
    sv: (p, f) => `${f.count(p.count)} dolda eller filtrerade rader i ${p.sheet} räknas ändå med i beräkningen.`,
    en: (p, f) => `${f.count(p.count)} hidden or filtered rows in ${p.sheet} are still included in the calculation.`,
    example: { count: 3, sheet: "Huvudbok" },
  },
  // ------------------------------------------------------------------ cell values
  invalid_amount: valueEntry("Cellen är inte ett belopp i kronor med högst två decimaler.", {
    problem: "not_amount",
    value: '"12,5 kr"',
  }),
  invalid_number: valueEntry("Cellen är inte ett tal.", { problem: "not_number", value: '"tre"' }),
  invalid_percent: valueEntry("Cellen är inte en procentsats mellan 0 % och 100 %.", {
    problem: "percent_range",
    value: '"125 %"',
    label: "Andel region",
  }),
  invalid_date: valueEntry("Cellen är inte ett giltigt datum (Excel-datum eller ÅÅÅÅ-MM-DD).", {
    problem: "not_iso_date",
    value: '"15/3 2020"',
  }),
  invalid_year: valueEntry("Räkenskapsåret eller ett budgetår är inte ett rimligt årtal.", {
    problem: "not_integer",
    value: '"tjugotjugoett"',
    label: "Räkenskapsår",
  }),
  invalid_account: valueEntry("Cellen är inte ett kontonummer eller ett intervall.", { problem: "not_account", value: '"lön"' }),
  invalid_setting: valueEntry("En inställning har ett värde som inte är tillåtet.", {
    problem: "one_of",
    value: "500",
    label: "Avrundningsenhet",
    allowed: "1, 100 eller 1000 (kr)",
  }),
  cell_error_value: valueEntry("Cellen innehåller ett felvärde (#REF!, #N/A, #SAKNAS! …) i stället för ett värde.", {
    problem: "error_value",
    value: "#REF!",
  }),
  // ------------------------------------------------------------------ settings
  unknown_setting: {
    meaning: "Varning: en rad i Inställningar har ett namn som inte är en känd inställning.",
    sv: (p) => `Inställningen "${p.name}" är okänd och används inte.`,
    en: (p) => `The setting "${p.name}" is unknown and is not used.`,
    example: { name: "Färg" },
  },
  duplicate_setting: {
    meaning: "Samma inställning finns på två rader.",
    sv: (p) => `Inställningen ${p.setting} finns redan på ${p.otherCell}.`,
    en: (p) => `The setting ${p.setting} is already given at ${p.otherCell}.`,
    example: { setting: "Förbund", otherCell: "Inställningar!A2" },
  },
  missing_setting: {
    meaning: "En obligatorisk inställning (Förbund, Räkenskapsår) saknas.",
    sv: (p) => `Inställningen ${p.setting} saknas. Skriv den här: värdet i kolumnen Värde, på en rad med namnet ${p.setting}.`,
    en: (p) => `The setting ${p.setting} is missing. Type it here: its value in the column Värde, on a row named ${p.setting}.`,
    example: { setting: "Räkenskapsår" },
  },
  state_share_zero: {
    meaning: "Statens bidrag är angivet men Andel stat är 0 %, så totalen kan inte räknas fram.",
    sv: () => "Statens bidrag är angivet men Andel stat är 0 %.",
    en: () => "Statens bidrag (state contribution) is given but Andel stat (state share) is 0%.",
    example: none,
  },
  total_conflict: {
    meaning: "Medlemsbidrag totalt stämmer inte med Statens bidrag ÷ Andel stat.",
    sv: (p, f) => `Medlemsbidrag totalt (${f.money(p.total)}) stämmer inte med Statens bidrag ÷ Andel stat (${f.money(p.derived)}).`,
    en: (p, f) => `Medlemsbidrag totalt (${f.money(p.total)}) does not match Statens bidrag ÷ Andel stat (${f.money(p.derived)}).`,
    example: { total: "9500000", derived: "8886000" },
  },
  shares_not_100: {
    meaning: "Andel stat, region och kommuner blir inte 100 % tillsammans.",
    sv: (p, f) => `Andel stat, region och kommuner blir tillsammans ${f.percent(p.sum)}, inte 100 %.`,
    en: (p, f) => `The state, region and municipality shares add up to ${f.percent(p.sum)}, not 100%.`,
    example: { sum: "1.1" },
  },
  contributions_missing: {
    meaning: "Årets medlemsbidrag går inte att bestämma (varken inställning eller budgetrad).",
    sv: (p) =>
      `Årets medlemsbidrag saknas: ange Statens bidrag eller Medlemsbidrag totalt i Inställningar, ` +
      `eller raden medlemsbidrag för ${p.year} i Budget.`,
    en: (p) =>
      `The year's member contributions are missing: give Statens bidrag or Medlemsbidrag totalt in Inställningar, ` +
      `or the line medlemsbidrag for ${p.year} in Budget.`,
    example: { year: 2026 },
  },
  cutoff_invalid: {
    meaning: "Brytdatum är inte ett giltigt datum.",
    sv: (p) => `Brytdatum "${p.cutoff}" är inte ett giltigt datum (ÅÅÅÅ-MM-DD).`,
    en: (p) => `The cut-off date "${p.cutoff}" is not a valid date (YYYY-MM-DD).`,
    example: { cutoff: "2026-13-01" },
  },
  cutoff_outside_year: {
    meaning: "Brytdatum ligger utanför räkenskapsåret.",
    sv: (p, f) => `Brytdatum ${f.date(p.cutoff)} ligger utanför räkenskapsåret ${p.year}.`,
    en: (p, f) => `The cut-off date ${f.date(p.cutoff)} is outside the fiscal year ${p.year}.`,
    example: { cutoff: "2025-04-30", year: 2026 },
  },
  cutoff_not_month_end: {
    meaning: "Brytdatum är inte sista dagen i en månad.",
    sv: (p, f) => `Brytdatum ${f.date(p.cutoff)} är inte sista dagen i en månad.`,
    en: (p, f) => `The cut-off date ${f.date(p.cutoff)} is not the last day of a month.`,
    example: { cutoff: "2026-04-15" },
  },
  // ------------------------------------------------------------------ members and allocation
  unknown_group: {
    meaning: "Huvudman är inte Stat, Region eller Kommun.",
    sv: (p) => `Huvudman "${p.value}" är okänd; använd Stat, Region eller Kommun.`,
    en: (p) => `The group "${p.value}" is unknown; use Stat, Region or Kommun.`,
    example: { value: "Landet" },
  },
  negative_key: {
    meaning: "En fördelningsnyckel är negativ.",
    sv: () => "Fördelningsnyckeln får inte vara negativ.",
    en: () => "The allocation key must not be negative.",
    example: none,
  },
  duplicate_member: {
    meaning: "Samma medlem finns på två rader.",
    sv: (p) => `Medlemmen "${p.name}" finns redan på ${p.otherCell}.`,
    en: (p) => `The member "${p.name}" is already listed at ${p.otherCell}.`,
    example: { name: "Storstad", otherCell: "Medlemmar!A4" },
  },
  no_member_in_group: {
    meaning: "En huvudman har en andel men ingen medlem med positiv fördelningsnyckel.",
    sv: (p) => `Huvudmannen ${GROUP_SV[p.group]} har en andel men ingen medlem med positiv fördelningsnyckel.`,
    en: (p) => `${GROUP_EN[p.group]} has a share but no member with a positive allocation key.`,
    example: { group: "Kommun" },
  },
  total_not_multiple_of_unit: {
    meaning: "Årets medlemsbidrag är inte en jämn multipel av avrundningsenheten.",
    sv: (p, f) => `${p.year}: Beloppet ${f.money(p.total)} är inte en jämn multipel av avrundningsenheten ${f.money(p.unit)}.`,
    en: (p, f) => `${p.year}: The amount ${f.money(p.total)} is not a whole multiple of the rounding unit ${f.money(p.unit)}.`,
    example: { year: 2026, total: "8886500", unit: "1000" },
  },
  no_positive_weight: {
    meaning: "Det finns ingen del med positiv nyckel att fördela ett belopp på.",
    sv: (p) => `${p.year}: Det finns ingen del med positiv fördelningsnyckel att fördela beloppet på.`,
    en: (p) => `${p.year}: There is no part with a positive key to allocate the amount to.`,
    example: { year: 2026 },
  },
  negative_weight: {
    meaning: "En fördelningsnyckel är negativ (upptäckt vid fördelningen).",
    sv: (p) => `${p.year}: En fördelningsnyckel är negativ.`,
    en: (p) => `${p.year}: An allocation key is negative.`,
    example: { year: 2026 },
  },
  bad_unit: {
    meaning: "Avrundningsenheten är inte positiv.",
    sv: (p) => `${p.year}: Avrundningsenheten måste vara positiv.`,
    en: (p) => `${p.year}: The rounding unit must be positive.`,
    example: { year: 2026 },
  },
  // ------------------------------------------------------------------ chart of accounts, budget, ledger
  unknown_report_line: {
    meaning: "Rapportraden är inte en av kontraktets koder eller benämningar.",
    sv: (p) => `Rapportraden ${p.value} är okänd i ${p.table}.`,
    en: (p) => `The report line ${p.value} is unknown in ${p.table}.`,
    example: { value: '"löner"', table: "Kontoplan" },
  },
  overlapping_accounts: {
    meaning: "Två kontointervall i Kontoplan överlappar.",
    sv: (p) => `Kontointervallet ${p.from}–${p.to} överlappar ${p.otherFrom}–${p.otherTo} (${p.otherCell}).`,
    en: (p) => `The account range ${p.from}–${p.to} overlaps ${p.otherFrom}–${p.otherTo} (${p.otherCell}).`,
    example: { from: 5500, to: 5600, otherFrom: 5000, otherTo: 5999, otherCell: "Kontoplan!A4" },
  },
  duplicate_budget_row: {
    meaning: "Samma rapportrad och år finns två gånger i Budget.",
    sv: (p) => `Budget för ${LINE_SV[p.line]} ${p.year} finns redan på ${p.otherCell}.`,
    en: (p) => `The budget for ${LINE_EN[p.line]} ${p.year} is already given at ${p.otherCell}.`,
    example: { line: "personalkostnader", year: 2026, otherCell: "Budget!C4" },
  },
  unknown_account: {
    meaning: "Ett konto i Huvudbok täcks inte av någon rad i Kontoplan.",
    sv: (p) => `Kontot ${p.account} finns inte i Kontoplan.`,
    en: (p) => `The account ${p.account} is not in Kontoplan (the chart of accounts).`,
    example: { account: 9999 },
  },
  unknown_accounts_more: {
    meaning: "Fler än 50 rader har konton som saknas i Kontoplan (de första 50 visas var för sig).",
    sv: (p, f) => `Ytterligare ${f.count(p.count)} rader har konton som inte finns i Kontoplan.`,
    en: (p, f) => `A further ${f.count(p.count)} rows have accounts that are not in Kontoplan.`,
    example: { count: 120 },
  },
  amount_overflow: {
    meaning: "En summa blir för stor för att räknas exakt i ören.",
    sv: () => "Summan blir för stor för att räknas exakt.",
    en: () => "The sum becomes too large to be computed exactly.",
    example: none,
  },
  // ------------------------------------------------------------------ grants, forecast, ceiling
  duplicate_grant: {
    meaning: "Samma insatskod finns två gånger i Insatser.",
    sv: (p) => `Insatsen ${p.grant} finns redan på ${p.otherCell}.`,
    en: (p) => `The project ${p.grant} is already listed at ${p.otherCell}.`,
    example: { grant: "P1", otherCell: "Insatser!A2" },
  },
  grant_dates_reversed: {
    meaning: "En insats Till-datum ligger före dess Från-datum.",
    sv: () => "Till-datum ligger före Från-datum.",
    en: () => "The Till (to) date is before the Från (from) date.",
    example: none,
  },
  unknown_method: {
    meaning: "Prognosmetoden är inte en av de sex metoderna.",
    sv: (p) => `Prognosmetoden "${p.value}" är okänd; välj ${METHODS_SV}.`,
    en: (p) =>
      `The forecast method "${p.value}" is unknown; choose budget, linjär, utfall+restbudget, föregående år, åtaganden or manuell.`,
    example: { value: "gissning" },
  },
  manual_without_amount: {
    meaning: "Metoden manuell saknar belopp.",
    sv: () => "Manuell prognos kräver ett belopp (helår, positivt).",
    en: () => "A manual forecast needs an amount (full year, positive).",
    example: none,
  },
  manual_without_comment: {
    meaning: "Metoden manuell saknar kommentar.",
    sv: () => "Manuell prognos kräver en kommentar som förklarar beloppet.",
    en: () => "A manual forecast needs a comment that explains the amount.",
    example: none,
  },
  duplicate_forecast: {
    meaning: "Samma rapportrad har två prognosmetoder.",
    sv: (p) => `Raden ${LINE_SV[p.line]} har redan en prognosmetod (${p.otherCell}).`,
    en: (p) => `The line ${LINE_EN[p.line]} already has a forecast method (${p.otherCell}).`,
    example: { line: "personalkostnader", otherCell: "Prognos!B2" },
  },
  method_not_allowed: {
    meaning: "Metoden åtaganden används på en annan rad än Bidrag till insatser.",
    sv: () => "Metoden åtaganden kan bara användas för Bidrag till insatser.",
    en: () => "The method åtaganden (commitments) can only be used for Bidrag till insatser (grants to projects).",
    example: none,
  },
  grants_missing: {
    meaning: "Metoden åtaganden är vald men tabellen Insatser saknas.",
    sv: () => "Metoden åtaganden kräver tabellen Insatser.",
    en: () => "The method åtaganden (commitments) needs the table Insatser.",
    example: none,
  },
  ceiling_bands_missing: {
    meaning: "Takregel är Tabell men tabellen Takregel saknas eller är tom.",
    sv: () => "Takregel är satt till Tabell men tabellen Takregel saknas eller är tom.",
    en: () => "Takregel (ceiling rule) is set to Tabell but the table Takregel is missing or empty.",
    example: none,
  },
  ceiling_band_start: {
    meaning: "Takregelns första intervall börjar inte på 0.",
    sv: () => "Första intervallet i Takregel måste börja på 0.",
    en: () => "The first band in Takregel must start at 0.",
    example: none,
  },
  ceiling_band_open: {
    meaning: "Ett intervall som inte är det sista saknar Till.",
    sv: () => "Bara det sista intervallet i Takregel får sakna Till.",
    en: () => "Only the last band in Takregel may leave Till (to) empty.",
    example: none,
  },
  ceiling_band_gap: {
    meaning: "Takregelns intervall hänger inte ihop (ett Till följs av ett annat Från).",
    sv: (p, f) => `Intervallen i Takregel hänger inte ihop: ${f.money(p.to)} följs av ${f.money(p.from)}.`,
    en: (p, f) => `The bands in Takregel are not contiguous: ${f.money(p.to)} is followed by ${f.money(p.from)}.`,
    example: { to: "5000000", from: "6000000" },
  },
  ceiling_band_reversed: {
    meaning: "Ett intervall i Takregel har Till mindre än eller lika med Från.",
    sv: () => "Till måste vara större än Från.",
    en: () => "Till (to) must be greater than Från (from).",
    example: none,
  },
  // ------------------------------------------------------------------ warnings
  report_comment_kept: {
    meaning: "Varning: en kommentar skriven direkt i Tertialrapporten behölls; den hör hemma i tabellen Prognos.",
    sv: (p) =>
      `Kommentaren till ${p.line} är skriven direkt i Tertialrapporten och behölls. ` +
      "Flytta den till tabellen Prognos (Kommentar) så att den följer med indata, eller töm cellen.",
    en: (p) =>
      `The comment on ${p.line} was typed in the Tertialrapport and was kept. ` +
      "Move it to the Prognos table (Kommentar) so that it travels with the inputs, or clear the cell.",
    example: { line: "Personalkostnader" },
  },
  rows_after_cutoff: {
    meaning: "Varning: rader i huvudboken efter brytdatum ingår inte i utfallet.",
    sv: (p, f) => `${f.count(p.count)} rader i ${p.sheet} är daterade efter brytdatum ${f.date(p.cutoff)} och ingår inte i utfallet.`,
    en: (p, f) => `${f.count(p.count)} rows in ${p.sheet} are dated after the cut-off date ${f.date(p.cutoff)} and are not in the actuals.`,
    example: { count: 22, sheet: "Huvudbok", cutoff: "2026-08-31" },
  },
  rows_other_years: {
    meaning: "Varning: rader i huvudboken från andra år än rapportåret och året före ingår inte.",
    sv: (p, f) => `${f.count(p.count)} rader i ${p.sheet} hör till andra år än ${p.from}–${p.to} och ingår inte i rapporten.`,
    en: (p, f) => `${f.count(p.count)} rows in ${p.sheet} belong to years other than ${p.from}–${p.to} and are not in the report.`,
    example: { count: 5, sheet: "Huvudbok", from: 2025, to: 2026 },
  },
  unbalanced_voucher: {
    meaning: "Varning: verifikationer vars rader inte summerar till noll (debet ≠ kredit).",
    sv: (p, f) =>
      `${f.count(p.count)} verifikationer i ${p.sheet} balanserar inte (debet ≠ kredit), ` +
      `t.ex. ${p.voucher} med differens ${f.money(p.difference)}.`,
    en: (p, f) =>
      `${f.count(p.count)} vouchers in ${p.sheet} do not balance (debit ≠ credit), ` +
      `e.g. ${p.voucher} with a difference of ${f.money(p.difference)}.`,
    example: { count: 1, sheet: "Huvudbok", voucher: "A 12", difference: "-12771" },
  },
  duplicate_vouchers: {
    meaning:
      "Varning: en verifikation finns två gånger i samma år, på olika ställen i " +
      "Huvudbok (dubbelimport?). Lika rader inom en verifikation är normala.",
    sv: (p, f) =>
      `${f.count(p.count)} verifikationer i ${p.sheet} finns en gång till längre ner med samma rader (först ${p.voucher}). Dubbelimport?`,
    en: (p, f) =>
      `${f.count(p.count)} vouchers in ${p.sheet} appear again further down with the same rows (first ${p.voucher}). Imported twice?`,
    example: { count: 1, sheet: "Huvudbok", voucher: "A 12" },
  },
  duplicate_rows: {
    meaning: "Varning: rader utan verifikationsnummer som är exakta kopior av en tidigare sådan rad (inklistrade två gånger?).",
    sv: (p, f) =>
      `${f.count(p.count)} rader utan verifikationsnummer i ${p.sheet} är exakta kopior av en tidigare rad ` +
      `(samma datum, konto, belopp och text). Inklistrade två gånger?`,
    en: (p, f) =>
      `${f.count(p.count)} rows without a voucher number in ${p.sheet} are exact copies of an earlier row ` +
      `(same date, account, amount and text). Pasted twice?`,
    example: { count: 2, sheet: "Huvudbok" },
  },
  dates_1904: {
    meaning: "Varning: datumen ser förskjutna ut med 1904-datumsystemets skillnad (4 år och 1 dag).",
    sv: (p) =>
      `Nästan alla datum i ${p.sheet} ligger 4 år och 1 dag före räkenskapsåret, som när en arbetsbok med ` +
      `1904-datumsystemet kopierats till en med 1900-systemet. Kontrollera datumen ` +
      `(Excel: Arkiv > Alternativ > Avancerat > Använd datumsystemet 1904).`,
    en: (p) =>
      `Almost all dates in ${p.sheet} are 4 years and 1 day before the fiscal year, as when a workbook using the ` +
      `1904 date system was copied into one using the 1900 system. Check the dates ` +
      `(Excel: File > Options > Advanced > Use 1904 date system).`,
    example: { sheet: "Huvudbok" },
  },
  budget_missing: {
    meaning: "Varning: Budget har inga belopp för rapportåret.",
    sv: (p) => `Budget saknar belopp för ${p.year}; budgetkolumnen visar 0.`,
    en: (p) => `Budget has no amounts for ${p.year}; the budget column shows 0.`,
    example: { year: 2026 },
  },
  budget_negative: {
    meaning: "Varning: ett budgetbelopp är negativt (budget skrivs positivt för intäkter och kostnader).",
    sv: () => "Budgetbeloppet är negativt; budget skrivs som positiva belopp för både intäkter och kostnader.",
    en: () => "The budget amount is negative; budgets are written as positive amounts for both income and costs.",
    example: none,
  },
  contributions_differ: {
    meaning: "Varning: budgetens medlemsbidrag skiljer sig från årets medlemsbidrag enligt Inställningar.",
    sv: (p, f) =>
      `Budgetens medlemsbidrag ${p.year} (${f.money(p.budget)}) skiljer sig från årets medlemsbidrag ` +
      `enligt Inställningar (${f.money(p.settings)}).`,
    en: (p, f) =>
      `The budget's member contributions for ${p.year} (${f.money(p.budget)}) differ from the year's ` +
      `member contributions in Inställningar (${f.money(p.settings)}).`,
    example: { year: 2026, budget: "8886000", settings: "8900000" },
  },
  prior_contributions_missing: {
    meaning: "Varning: fjolårets medlemsbidrag saknas för periodiseringens jämförelsekolumn.",
    sv: () => "Fjolårets medlemsbidrag saknas i både huvudbok och budget; jämförelsekolumnen visar 0.",
    en: () => "Last year's member contributions are in neither the ledger nor the budget; the comparison column shows 0.",
    example: none,
  },
  opening_equity_missing: {
    meaning: "Varning: ingående eget kapital saknas (varken inställning eller IB-rader); 0 används.",
    sv: () => "Ingående eget kapital saknas (varken inställning eller IB-rader på eget kapital-konton); 0 används.",
    en: () => "Opening equity is missing (neither the setting nor IB rows on equity accounts); 0 is used.",
    example: none,
  },
  bokslut_no_balance_lines: {
    meaning: "Varning: Kontoplan har inga balansrader (t.ex. kassa_och_bank), så bladet Bokslut skapas inte.",
    sv: () =>
      "Bokslut skapas inte: Kontoplan har inga balansrader. Ge balanskontona (klass 1–2) rapportraderna anlaggningstillgangar, " +
      "fordringar, kassa_och_bank, eget_kapital, avsattningar, langfristiga_skulder eller kortfristiga_skulder.",
    en: () =>
      "Bokslut (financial statements) is not created: Kontoplan has no balance-sheet lines. Give the balance accounts " +
      "(classes 1–2) the report lines anlaggningstillgangar, fordringar, kassa_och_bank, eget_kapital, avsattningar, " +
      "langfristiga_skulder or kortfristiga_skulder.",
    example: none,
  },
  balance_accounts_without_line: {
    meaning: "Varning: balanskonton (klass 1–2) har rader i huvudboken men ingen rapportrad i Kontoplan.",
    sv: (p) => `Balanskonton utan rapportrad i Kontoplan: ${p.accounts.join(", ")}. De saknas i balansräkningen.`,
    en: (p) => `Balance accounts without a report line in Kontoplan: ${p.accounts.join(", ")}. They are missing from the balance sheet.`,
    example: { accounts: [1510, 2440] },
  },
  ib_unbalanced: {
    meaning:
      "Varning: de ingående balanserna (IB-rader) för ett år summerar inte till noll; bokslutet görs inte (bladet Bokslut säger varför).",
    sv: (p, f) =>
      `De ingående balanserna (IB-rader) för ${p.year} summerar till ${f.money(p.difference)} i stället för 0. ` +
      `Kontrollera IB-raderna för kontona ${p.accounts.join(", ")}.`,
    en: (p, f) =>
      `The opening balances (IB rows) for ${p.year} sum to ${f.money(p.difference)} instead of 0. ` +
      `Check the IB rows for the accounts ${p.accounts.join(", ")}.`,
    example: { year: 2026, difference: "1250", accounts: [1930, 2010, 2440] },
  },
  statements_unbalanced: {
    meaning:
      "Varning: balansräkningen går inte ihop (tillgångar ≠ eget kapital och skulder); bokslutet görs inte, kontona utan rapportrad nämns.",
    sv: (p, f) =>
      `Balansräkningen går inte ihop: tillgångarna skiljer sig från eget kapital och skulder med ${f.money(p.difference)}. ` +
      (p.accounts.length
        ? `Konton med rader men utan rapportrad i Kontoplan: ${p.accounts.join(", ")}.`
        : "Alla konton har rapportrad; se varningen om verifikationer som inte balanserar."),
    en: (p, f) =>
      `The balance sheet does not balance: assets differ from equity and liabilities by ${f.money(p.difference)}. ` +
      (p.accounts.length
        ? `Accounts with rows but no report line in Kontoplan: ${p.accounts.join(", ")}.`
        : "Every account has a report line; see the warning about vouchers that do not balance."),
    example: { difference: "-12500", accounts: [1510, 3990] },
  },
  manual_forecast_closed_year: {
    meaning: "Varning: året är stängt (brytdatum 31 december), så helåret är utfallet; en manuell prognos som skiljer sig används inte.",
    sv: (p, f) =>
      `${LINE_SV[p.line]}: året är stängt (brytdatum 31 december), så helåret är utfallet ${f.money(p.actual)}; ` +
      `den manuella prognosen ${f.money(p.manual)} används inte.`,
    en: (p, f) =>
      `${LINE_EN[p.line]}: the year is closed (cut-off 31 December), so the full year is the actual ${f.money(p.actual)}; ` +
      `the manual forecast ${f.money(p.manual)} is not used.`,
    example: { line: "ovriga_externa_kostnader", manual: "-600000", actual: "-587412.50" },
  },
  forecast_fallback: {
    meaning: "Varning: föregående år kan inte användas (fjolårets period är 0); utfall+restbudget används.",
    sv: (p) =>
      `${LINE_SV[p.line]}: föregående år kan inte användas eftersom fjolårets utfall för samma period är 0; ` +
      `utfall+restbudget används.`,
    en: (p) =>
      `${LINE_EN[p.line]}: föregående år (prior year) cannot be used because last year's actual for the same ` +
      `period is 0; utfall+restbudget (actual + remaining budget) is used.`,
    example: { line: "ovriga_intakter" },
  },
  // ------------------------------------------------------------------ use cases and shells
  sie_not_sie: {
    meaning: "Filen är inte en SIE-fil (ingen rad börjar med en SIE-tagg som #FLAGGA).",
    sv: () => "Filen är inte en SIE-fil: den första raden med innehåll är inte en SIE-post (#FLAGGA, #SIETYP …).",
    en: () => "The file is not an SIE file: its first line with content is not an SIE record (#FLAGGA, #SIETYP …).",
    example: none,
  },
  sie_too_large: {
    meaning: "SIE-filen är större än gränsen (256 MB); en export med en miljon transaktioner är omkring 60 MB.",
    sv: (p) => `SIE-filen är större än ${p.megabytes} MB och läses inte.`,
    en: (p) => `The SIE file is larger than ${p.megabytes} MB and is not read.`,
    example: { megabytes: 256 },
  },
  sie_replacement_characters: {
    meaning: "Varning: texten innehåller ersättningstecken (�), så filens teckenkodning stämmer inte helt.",
    sv: (p) => `SIE-filens text innehåller ${p.count} ersättningstecken (�): någon text har fel teckenkodning i filen.`,
    en: (p) => `The SIE file's text holds ${p.count} replacement characters (�): some text is in the wrong encoding.`,
    example: { count: 3 },
  },
  sie_unbalanced_voucher: {
    meaning: "Fel: en verifikation i SIE-filen balanserar inte (debet ≠ kredit).",
    sv: (p, f) =>
      `Verifikation ${[p.series, p.number].filter(Boolean).join(" ")} balanserar inte: raderna summerar till ${f.money(p.difference)}.`,
    en: (p, f) => `Voucher ${[p.series, p.number].filter(Boolean).join(" ")} does not balance: its rows sum to ${f.money(p.difference)}.`,
    example: { series: "A", number: "12", difference: "100.00" },
  },
  sie_trans_incomplete: {
    meaning: "Fel: en #TRANS-rad saknar konto eller belopp.",
    sv: () => "Transaktionsraden (#TRANS) saknar konto eller belopp.",
    en: () => "The transaction row (#TRANS) has no account or no amount.",
    example: none,
  },
  sie_bad_amount: {
    meaning: "Fel: ett belopp i SIE-filen är inte ett tal med högst två decimaler.",
    sv: (p) => `Beloppet "${p.value}" är inte ett belopp (tal med högst två decimaler, punkt som decimaltecken).`,
    en: (p) => `The amount "${p.value}" is not an amount (a number with at most two decimals, a point as the decimal sign).`,
    example: { value: "12,345.678" },
  },
  sie_bad_date: {
    meaning: "Fel: ett datum i SIE-filen finns inte eller är inte skrivet ÅÅÅÅMMDD.",
    sv: (p) => `Datumet "${p.value}" finns inte eller är inte skrivet ÅÅÅÅMMDD.`,
    en: (p) => `The date "${p.value}" does not exist or is not written YYYYMMDD.`,
    example: { value: "20250231" },
  },
  sie_checksum_wrong: {
    meaning: "Fel: filens kontrollsumma (#KSUMMA) stämmer inte; filen har ändrats eller skadats efter exporten.",
    sv: (p) =>
      `Kontrollsumman (#KSUMMA) stämmer inte: filen anger ${p.stated}, innehållet ger ${p.actual}. Filen har ändrats efter exporten.`,
    en: (p) =>
      `The checksum (#KSUMMA) does not match: the file states ${p.stated}, the content gives ${p.actual}. The file changed after export.`,
    example: { stated: "1573150874", actual: "204762964" },
  },
  sie_balance_mismatch: {
    meaning:
      "Varning (fel vid import): filens utgående balans (#UB), resultat (#RES) eller " +
      "periodsaldo (#PSALDO) för ett konto skiljer sig från det raderna ger.",
    sv: (p, f) =>
      `Konto ${p.account}, ${p.kind === "PSALDO" ? `period ${p.period}` : p.year}: filens ` +
      `${SIE_KIND_SV[p.kind]} är ${f.money(p.stated)}, ` +
      `men ${SIE_ROWS_SV[p.kind]} ger ${f.money(p.computed)}.`,
    en: (p, f) =>
      `Account ${p.account}, ${p.kind === "PSALDO" ? `period ${p.period}` : p.year}: the file's ` +
      `${SIE_KIND_EN[p.kind]} is ${f.money(p.stated)}, but ${SIE_ROWS_EN[p.kind]} ${f.money(p.computed)}.`,
    example: { kind: "UB", account: 1930, period: "", year: 2026, stated: "125000.00", computed: "124000.00" },
  },
  sie_year_not_calendar: {
    meaning: "SIE-filens räkenskapsår (år 0) är inte ett kalenderår; samordningsförbund har kalenderår, så filen importeras inte.",
    sv: (p, f) =>
      `Filens räkenskapsår går från ${f.date(p.start)} till ${f.date(p.end)}. Samordningsförbund har kalenderår; ` +
      "filen importeras inte (finsam sie <fil> --json läser och sammanfattar den ändå).",
    en: (p, f) =>
      `The file's fiscal year runs from ${f.date(p.start)} to ${f.date(p.end)}. Coordination associations keep calendar ` +
      "years; the file is not imported (finsam sie <file> --json still reads and summarises it).",
    example: { start: "2009-07-01", end: "2010-06-30" },
  },
  sie_import_content_below: {
    meaning: "SIE-importen lägger till rader i en tabell, men bladet har innehåll under tabellen i dess kolumner; inget skrivs.",
    sv: (p) =>
      `Bladet ${p.sheet} har innehåll under tabellen, i tabellens kolumner, där importen behöver lägga till rader. ` +
      "Flytta det längre åt sidan eller till ett annat blad och importera igen; ingenting har skrivits.",
    en: (p) =>
      `The sheet ${p.sheet} has content below its table, in the table's columns, where the import must add rows. ` +
      "Move it to the side or to another sheet and import again; nothing was written.",
    example: { sheet: "Huvudbok" },
  },
  cell_text_too_long: {
    meaning: "En text som skulle skrivas är längre än en cell rymmer (32 767 tecken); ingenting skrivs.",
    sv: (p, f) =>
      `Texten som skulle skrivas här är ${f.count(p.length)} tecken, fler än en cell rymmer (${f.count(p.limit)}). ` +
      "Korta texten i indata (eller i SIE-filen) och kör igen; ingenting har skrivits.",
    en: (p, f) =>
      `The text to be written here is ${f.count(p.length)} characters, more than a cell holds (${f.count(p.limit)}). ` +
      "Shorten it in the inputs (or in the SIE file) and run again; nothing was written.",
    example: { length: 40000, limit: 32767 },
  },
  sheet_name_invalid: {
    meaning: "Ett bladnamn som Excel inte tillåter (tomt, över 31 tecken, [ ] : * ? / \\, apostrof först eller sist, History).",
    sv: (p) => `Bladnamnet ${p.sheet} går inte i Excel (${SHEET_NAME_SV[p.reason]}). Ingenting har skrivits.`,
    en: (p) => `The sheet name ${p.sheet} is not allowed in Excel (${SHEET_NAME_EN[p.reason]}). Nothing was written.`,
    example: { sheet: "Bokslut: 2026", reason: "character" },
  },
  sheet_too_large: {
    meaning: "Ett blad skulle få fler rader (1 048 576) eller kolumner (16 384) än Excel har; ingenting skrivs.",
    sv: (p, f) =>
      `Bladet ${p.sheet} skulle få ${f.count(p.rows)} rader och ${f.count(p.columns)} kolumner; ett kalkylblad har högst ` +
      "1 048 576 rader och 16 384 kolumner. Ingenting har skrivits.",
    en: (p, f) =>
      `The sheet ${p.sheet} would get ${f.count(p.rows)} rows and ${f.count(p.columns)} columns; a worksheet has at most ` +
      "1,048,576 rows and 16,384 columns. Nothing was written.",
    example: { sheet: "Huvudbok", rows: 1100000, columns: 6 },
  },
  owned_sheet_taken: {
    meaning: "Ett eget blad har samma namn som ett blad Finsam Ekonomi skriver (i vilken bokstavsform som helst); det skrivs inte över.",
    sv: (p) =>
      `Bladet ${p.sheet} har samma namn som Finsam Ekonomis blad ${p.owned} men är inte skrivet av Finsam Ekonomi, så det skrivs ` +
      "inte över. Byt namn på ditt blad (högerklicka på fliken → Byt namn) och kör igen; ingenting har skrivits.",
    en: (p) =>
      `The sheet ${p.sheet} has the name of Finsam Ekonomi's sheet ${p.owned} but was not written by Finsam Ekonomi, so it is not ` +
      "overwritten. Rename your sheet (right-click its tab → Rename) and run again; nothing was written.",
    example: { sheet: "KONTROLLER", owned: "Kontroller" },
  },
  input_formula_master: {
    meaning: "Importen skulle skriva i en cell som är huvudcell för en delad formel eller en matrisformel; inget skrivs.",
    sv: () =>
      "Cellen har en formel som andra celler delar (delad formel eller matrisformel) och skulle skrivas över av importen. " +
      "Ersätt formlerna i tabellen med värden, eller flytta dem utanför tabellen, och importera igen; ingenting har skrivits.",
    en: () =>
      "The cell holds a formula that other cells share (a shared or array formula) and the import would overwrite it. " +
      "Replace the table's formulas with values, or move them out of the table, and import again; nothing was written.",
    example: {},
  },
  sie_import_moves_error: {
    meaning: "SIE-importen skulle flytta en rad vars cell har ett felvärde eller en formel utan beräknat värde; inget skrivs.",
    sv: (p) =>
      `En rad i ${p.sheet} som importen behåller flyttas upp, och cellen har ett felvärde eller en formel utan beräknat värde, ` +
      "som skulle bli text. Rätta cellen eller räkna om arbetsboken i Excel, och importera igen; ingenting har skrivits.",
    en: (p) =>
      `A row of ${p.sheet} that the import keeps moves up, and the cell holds an error value or a formula without a computed ` +
      "value, which would become text. Correct the cell or recalculate the workbook in Excel, and import again; nothing was written.",
    example: { sheet: "Huvudbok" },
  },
  sie_no_fiscal_year: {
    meaning: "SIE-filen anger inget räkenskapsår (#RAR), så importen vet inte vilka år den ersätter.",
    sv: () => "Filen anger inget räkenskapsår (#RAR 0); importen vet inte vilka år den ska ersätta.",
    en: () => "The file states no fiscal year (#RAR 0); the import cannot tell which years to replace.",
    example: none,
  },
  sie_account_not_number: {
    meaning: "Fel: ett konto i SIE-filen är inte ett kontonummer (bara siffror).",
    sv: (p) => `Kontot "${p.value}" är inte ett kontonummer (bara siffror, t.ex. 1930).`,
    en: (p) => `The account "${p.value}" is not an account number (digits only, e.g. 1930).`,
    example: { value: "FEL" },
  },
  sie_amount_too_large: {
    meaning: "Fel: ett belopp är större än vad som kan räknas exakt (±90 biljoner kronor, 2^53 öre).",
    sv: (p) => `Beloppet "${p.value}" är för stort för att räknas exakt (högst 90 071 992 547 409,91 kr).`,
    en: (p) => `The amount "${p.value}" is too large to be counted exactly (at most 90,071,992,547,409.91 kr).`,
    example: { value: "99999999999999999.00" },
  },
  sie_stray_brace: {
    meaning:
      "Fel: en klammer som inte hör till en verifikation (en `{` utan #VER före, en `{` i en öppen verifikation, en `}` som inget öppnat).",
    sv: (p) =>
      p.brace === "{"
        ? "Klammern { hör inte till någon #VER (den står utanför en verifikation eller inuti en öppen)."
        : "Klammern } stänger ingenting: ingen verifikation är öppen.",
    en: (p) =>
      p.brace === "{"
        ? "The brace { belongs to no #VER (it stands outside a voucher or inside an open one)."
        : "The brace } closes nothing: no voucher is open.",
    example: { brace: "}" },
  },
  sie_not_a_record: {
    meaning: "Fel: en rad inuti en verifikation är inte en SIE-post (börjar inte med #).",
    sv: (p) => `Raden "${p.text}" inuti en verifikation är inte en SIE-post (en post börjar med #, t.ex. #TRANS).`,
    en: (p) => `The line "${p.text}" inside a voucher is not an SIE record (a record starts with #, e.g. #TRANS).`,
    example: { text: "1930 {} -500.00" },
  },
  sie_voucher_without_brace: {
    meaning: "Fel: en #VER som inte följs av { (verifikationens rader kan inte skiljas från resten).",
    sv: () => "Verifikationen (#VER) följs inte av en klammer {; dess rader kan inte skiljas från filens övriga poster.",
    en: () => "The voucher (#VER) is not followed by a brace {; its rows cannot be told from the file's other records.",
    example: none,
  },
  sie_voucher_not_closed: {
    meaning: "Fel: en verifikation som aldrig stängs med } (före nästa #VER eller filens slut).",
    sv: () => "Verifikationen stängs aldrig med }: nästa #VER eller filens slut kommer först.",
    en: () => "The voucher is never closed with }: the next #VER or the end of the file comes first.",
    example: none,
  },
  sie_trans_outside_voucher: {
    meaning: "Fel: en #TRANS utanför en verifikations klamrar.",
    sv: () => "Transaktionsraden (#TRANS) står utanför en verifikation (#VER med { … }).",
    en: () => "The transaction row (#TRANS) stands outside a voucher (#VER with { … }).",
    example: none,
  },
  sie_bad_year_index: {
    meaning: "Fel: årsnumret i #RAR, #IB, #UB eller #RES är inte ett heltal (0 = i år, −1 = i fjol).",
    sv: (p) => `Årsnumret "${p.value}" är inte ett heltal (0 för räkenskapsåret, -1 för året före).`,
    en: (p) => `The year index "${p.value}" is not a whole number (0 for the fiscal year, -1 for the year before).`,
    example: { value: "x" },
  },
  sie_fiscal_year_reversed: {
    meaning: "Fel: ett räkenskapsår (#RAR) slutar före det börjar.",
    sv: (p, f) => `Räkenskapsåret slutar ${f.date(p.end)}, före det börjar (${f.date(p.start)}).`,
    en: (p, f) => `The fiscal year ends on ${f.date(p.end)}, before it starts (${f.date(p.start)}).`,
    example: { start: "2026-01-01", end: "2025-12-31" },
  },
  sie_fiscal_years_overlap: {
    meaning: "Fel: två räkenskapsår (#RAR) överlappar eller har samma årsnummer.",
    sv: (p, f) =>
      `Räkenskapsåret ${f.date(p.start)}–${f.date(p.end)} överlappar året ${f.date(p.otherStart)}–${f.date(p.otherEnd)} ` +
      "(eller har samma årsnummer).",
    en: (p, f) =>
      `The fiscal year ${f.date(p.start)}–${f.date(p.end)} overlaps the year ${f.date(p.otherStart)}–${f.date(p.otherEnd)} ` +
      "(or has the same index).",
    example: { start: "2025-06-01", end: "2026-05-31", otherStart: "2026-01-01", otherEnd: "2026-12-31" },
  },
  sie_checksum_unclosed: {
    meaning: "Fel: kontrollsumman (#KSUMMA) öppnas men stängs aldrig med en #KSUMMA med summan; filen är avkortad.",
    sv: () => "Kontrollsumman (#KSUMMA) öppnas här men filen slutar utan den avslutande #KSUMMA: filen är troligen avkortad.",
    en: () => "The checksum (#KSUMMA) opens here but the file ends without the closing #KSUMMA: the file is probably cut short.",
    example: none,
  },
  sie_years_span: {
    meaning: "En SIE-fil utan räkenskapsår (#RAR) vars verifikationer spänner över flera kalenderår importeras inte.",
    sv: (p) =>
      `Filen anger inget räkenskapsår (#RAR) och verifikationerna är daterade ${p.first}–${p.last}; ` +
      "importen kan inte avgöra året. Exportera ett år i taget.",
    en: (p) =>
      `The file states no fiscal year (#RAR) and its vouchers are dated ${p.first}–${p.last}; ` +
      "the import cannot tell the year. Export one year at a time.",
    example: { first: 2025, last: 2026 },
  },
  sie_transactions_added: {
    meaning:
      "Varning: en transaktionsfil (SIE 4I: verifikationer utan saldon, eller utan " +
      "räkenskapsår #RAR): verifikationerna läggs till året, inget ersätts.",
    sv: (p) =>
      `Filen är en transaktionsfil för ${p.year} (verifikationer utan årets saldon). Dess verifikationer läggs till ` +
      "Huvudbokens rader; inga rader ersätts.",
    en: (p) =>
      `The file is a transaction file for ${p.year} (vouchers without the year's balances). Its vouchers are added to ` +
      "Huvudbok's rows; no rows are replaced.",
    example: { year: 2026 },
  },
  sie_year_skipped: {
    meaning: "Varning: ett tidigare räkenskapsår i filen är inte ett kalenderår och importeras inte.",
    sv: (p, f) => `Räkenskapsåret ${f.date(p.start)}–${f.date(p.end)} är inte ett kalenderår och importeras inte.`,
    en: (p, f) => `The fiscal year ${f.date(p.start)}–${f.date(p.end)} is not a calendar year and is not imported.`,
    example: { start: "2024-07-01", end: "2025-06-30" },
  },
  sie_year_no_data: {
    meaning: "Varning: filen nämner ett räkenskapsår men har inga saldon eller verifikationer för det; årets rader i Huvudbok står kvar.",
    sv: (p) => `Filen nämner ${p.year} men har inga saldon eller verifikationer för året; ${p.year} års rader i Huvudbok står kvar.`,
    en: (p) => `The file names ${p.year} but holds no balances or vouchers for it; ${p.year}'s rows in Huvudbok stay as they are.`,
    example: { year: 2025 },
  },
  sie_year_balances_only: {
    meaning:
      "Varning: ett år har bara årssaldon (#UB/#RES, t.ex. SIE 1 eller fjolåret i en " +
      "SIE 4E-fil): en rad per konto den 31 december; perioder kan inte jämföras.",
    sv: (p) =>
      `${p.year} har bara årssaldon i filen (#UB och #RES): en rad per konto den 31 december. ` +
      `Jämförelse med samma period ${p.year} går inte; helåret stämmer.`,
    en: (p) =>
      `${p.year} has only year balances in the file (#UB and #RES): one row per account on 31 December. ` +
      `Comparing with the same period of ${p.year} is not possible; the full year is right.`,
    example: { year: 2025 },
  },
  sie_psaldo_ambiguous: {
    meaning:
      "Fel: ett konto har periodsaldon bara per objekt, i flera dimensioner " +
      "som inte summerar lika; totalen kan inte räknas utan dubbelräkning.",
    sv: (p) =>
      `Konto ${p.account}, period ${p.period}: filen har bara periodsaldon per objekt, i dimensioner som ger olika summor; ` +
      "totalen kan inte räknas utan att något räknas två gånger.",
    en: (p) =>
      `Account ${p.account}, period ${p.period}: the file has period balances per object only, in dimensions whose sums ` +
      "differ; the total cannot be counted without counting something twice.",
    example: { account: 5010, period: "202603" },
  },
  sie_bad_period: {
    meaning: "Fel: en period i #PSALDO är inte ÅÅÅÅMM inom räkenskapsåret.",
    sv: (p) => `Perioden "${p.value}" är inte en månad (ÅÅÅÅMM) inom räkenskapsåret.`,
    en: (p) => `The period "${p.value}" is not a month (YYYYMM) within the fiscal year.`,
    example: { value: "202613" },
  },
  sie_vouchers_outside_years: {
    meaning: "Importen vägras: verifikationer är daterade utanför filens alla räkenskapsår (de skulle annars försvinna utan ett ord).",
    sv: (p, f) =>
      `${f.count(p.count)} verifikationer är daterade utanför filens räkenskapsår (#RAR); den första står här. ` +
      "Importen skulle tappa dem, så ingenting har skrivits. Rätta datumen eller räkenskapsåren i bokföringsprogrammet.",
    en: (p, f) =>
      `${f.count(p.count)} vouchers are dated outside the file's fiscal years (#RAR); the first is here. ` +
      "The import would lose them, so nothing was written. Correct the dates or the fiscal years in the accounting program.",
    example: { count: 3 },
  },
  sie_reconciliation_failed: {
    meaning:
      "Importen vägras: raderna som skulle skrivas ger inte filens egna saldon (#UB, " +
      "#RES, #PSALDO) för några konton. Kan importeras ändå med ett uttryckligt val.",
    sv: (p, f) =>
      `Filens egna saldon stämmer inte med raderna importen skulle skriva (${p.years.join(", ")}): ` +
      `${f.count(p.count)} saldon på konto ${listSv(p.accounts)}, sammanlagt ${f.money(p.total)} i skillnad. ` +
      "Ingenting har skrivits. Exportera filen igen, eller importera ändå (kryssrutan Importera ändå; på kommandoraden --importera-anda).",
    en: (p, f) =>
      `The file's own balances do not agree with the rows the import would write (${p.years.join(", ")}): ` +
      `${f.count(p.count)} balances on accounts ${listEn(p.accounts)}, ${f.money(p.total)} of difference in all. ` +
      "Nothing was written. Export the file again, or import anyway (the Import anyway box; on the command line --importera-anda).",
    example: { count: 2, accounts: [1930, 2440], total: "1250.00", years: [2026] },
  },
  sie_reconciliation_forced: {
    meaning:
      "Varning: filen importerades trots att dess egna saldon inte stämmer med raderna (ett uttryckligt val); Körlogg säger hur mycket.",
    sv: (p, f) =>
      `Importerad trots skillnad: ${f.count(p.count)} saldon på konto ${listSv(p.accounts)} stämmer inte med filen, ` +
      `sammanlagt ${f.money(p.total)}. Körlogg har det.`,
    en: (p, f) =>
      `Imported despite a difference: ${f.count(p.count)} balances on accounts ${listEn(p.accounts)} disagree with the file, ` +
      `${f.money(p.total)} in all. Körlogg records it.`,
    example: { count: 2, accounts: [1930, 2440], total: "1250.00" },
  },
  sie_orgnr_mismatch: {
    meaning: "Importen vägras: filens organisationsnummer (#ORGNR) är ett annat än arbetsbokens (Inställningar, Organisationsnummer).",
    sv: (p) =>
      `Filen är för organisationsnummer ${p.file}, arbetsboken för ${p.workbook} (Inställningar). ` +
      "Fel fil eller fel arbetsbok; ingenting har skrivits.",
    en: (p) =>
      `The file is for organisation number ${p.file}, the workbook for ${p.workbook} (Inställningar). ` +
      "Wrong file or wrong workbook; nothing was written.",
    example: { file: "556677-8899", workbook: "222000-1234" },
  },
  sie_company_differs: {
    meaning: "Varning: filens företagsnamn (#FNAMN) är ett annat än arbetsbokens Förbund.",
    sv: (p) => `Filen är för "${p.file}", arbetsboken för "${p.workbook}". Kontrollera att det är rätt fil.`,
    en: (p) => `The file is for "${p.file}", the workbook for "${p.workbook}". Check that it is the right file.`,
    example: { file: "Samordningsförbundet Väst", workbook: "Samordningsförbundet Öst" },
  },
  sie_year_mismatch: {
    meaning: "Importen vägras: filen har varken arbetsbokens räkenskapsår eller året före.",
    sv: (p) =>
      `Arbetsboken gäller ${p.workbook} men filen har år ${p.years.join(", ") || "–"}, varken ${p.workbook} eller ` +
      `${p.workbook - 1}. Ingenting har skrivits.`,
    en: (p) =>
      `The workbook is for ${p.workbook} but the file holds ${p.years.join(", ") || "–"}, neither ${p.workbook} nor ` +
      `${p.workbook - 1}. Nothing was written.`,
    example: { workbook: 2026, years: [2023, 2024] },
  },
  sie_too_many_rows: {
    meaning: "Importen vägras: Huvudbok skulle få fler rader än ett kalkylblad rymmer (1 048 576).",
    sv: (p, f) =>
      `Huvudbok skulle få ${f.count(p.rows)} rader, fler än ett kalkylblad rymmer (${f.count(p.limit)}). ` +
      "Ingenting har skrivits. Importera färre år, eller ta bort äldre år ur Huvudbok.",
    en: (p, f) =>
      `Huvudbok would get ${f.count(p.rows)} rows, more than a worksheet holds (${f.count(p.limit)}). ` +
      "Nothing was written. Import fewer years, or remove older years from Huvudbok.",
    example: { rows: 1100000, limit: 1048576 },
  },
  sie_same_file_other_years: {
    meaning: "Varning: samma fil (samma SHA-256) importerades tidigare för andra år.",
    sv: (p) => `Samma fil importerades ${p.earlier} för år ${p.years}; nu blir det andra år. Kontrollera att det är rätt fil.`,
    en: (p) => `The same file was imported on ${p.earlier} for ${p.years}; now it gives other years. Check that it is the right file.`,
    example: { years: "2025", earlier: "2026-05-02T08:00:00Z" },
  },
  sie_voucher_in_ledger: {
    meaning: "Importen vägras: en transaktionsfil läggs till, men Huvudbok har redan en av dess verifikationer (samma datum och nummer).",
    sv: (p) =>
      `Huvudbok har redan verifikation ${p.voucher} med samma datum som i filen; filens verifikationer skulle räknas två gånger. ` +
      "Ingenting har skrivits.",
    en: (p) =>
      `Huvudbok already has voucher ${p.voucher} with the same date as the file; the file's vouchers would count twice. ` +
      "Nothing was written.",
    example: { voucher: "L 7" },
  },
  sie_already_imported: {
    meaning: "Importen vägras: en transaktionsfil (utan #RAR) läggs till, och samma fil är redan importerad (dubbelimport).",
    sv: (p) =>
      `Samma fil (samma SHA-256) importerades redan ${p.when}; dess verifikationer skulle läggas till en gång till. ` +
      "Ingenting har skrivits.",
    en: (p) => `The same file (same SHA-256) was already imported on ${p.when}; its vouchers would be added twice. Nothing was written.`,
    example: { when: "2026-05-02T08:00:00Z" },
  },
  no_results: {
    meaning: "Verifiera: arbetsboken har inga beräknade resultat.",
    sv: () => "Arbetsboken har inga beräknade resultat att verifiera; beräkna först.",
    en: () => "The workbook has no computed results to verify; calculate first.",
    example: none,
  },
  template_inputs_exist: {
    meaning: "Skapa mall: arbetsboken har redan indata, så mallen skapas inte.",
    sv: (p) => `Arbetsboken har redan indata (${p.found.join(", ")}). Mallen skapas bara i en tom arbetsbok; ingenting har ändrats.`,
    en: (p) =>
      `The workbook already has inputs (${p.found.join(", ")}). The template is only created in an empty workbook; nothing was changed.`,
    example: { found: ["Huvudbok", "Medlemmar"] },
  },
  verify_difference: {
    meaning: "Verifiera: ett lagrat resultat skiljer sig från en ny beräkning.",
    sv: (p) => `lagrat ${p.stored}, omräknat ${p.recomputed}`,
    en: (p) => `stored ${p.stored}, recomputed ${p.recomputed}`,
    example: { stored: "-2 459 tkr", recomputed: "-2 460 tkr" },
  },
  file_unreadable: {
    meaning: "Filen går inte att läsa som en .xlsx-arbetsbok (fel filtyp, skadad, krypterad, zip64).",
    sv: (p) => `Filen ${p.file} går inte att läsa som en Excel-arbetsbok (.xlsx): ${p.detail}. Ingenting har skrivits.`,
    en: (p) => `The file ${p.file} cannot be read as an Excel workbook (.xlsx): ${p.detail}. Nothing was written.`,
    example: { file: "huvudbok.csv", detail: "not a zip file" },
  },
  file_kind: {
    meaning: "Filen är en krypterad arbetsbok, en .xls (Excel 97–2003) eller ett OpenDocument-kalkylblad (.ods), inte en .xlsx.",
    sv: (p) =>
      `Filen ${p.file} är ${KIND_SV[p.kind]}. Öppna den i Excel` +
      `${p.kind === "encrypted" ? ", ta bort lösenordet (Arkiv → Info → Skydda arbetsbok)" : ""} ` +
      "och spara den som Excel-arbetsbok (*.xlsx). Ingenting har skrivits.",
    en: (p) =>
      `The file ${p.file} is ${KIND_EN[p.kind]}. Open it in Excel` +
      `${p.kind === "encrypted" ? ", remove the password (File → Info → Protect Workbook)" : ""} ` +
      "and save it as an Excel Workbook (*.xlsx). Nothing was written.",
    example: { file: "budget.xlsx", kind: "encrypted" },
  },
  file_system: {
    meaning: "Filsystemet säger nej: filen eller mappen finns inte, är skrivskyddad, disken är full, en mapp i stället för en fil.",
    sv: (p) => `${p.file}: ${OS_SV[p.reason] ?? `filsystemet svarar ${p.reason}`}. Ingenting har skrivits.`,
    en: (p) => `${p.file}: ${OS_EN[p.reason] ?? `the file system answers ${p.reason}`}. Nothing was written.`,
    example: { file: "/mnt/delad/arbetsbok.beraknad.xlsx", reason: "EROFS" },
  },
  file_not_regular: {
    meaning: "Det angivna namnet är ingen vanlig fil (en enhet som /dev/zero, en namngiven rörledning); den läses inte.",
    sv: (p) => `${p.file} är ingen vanlig fil (en enhet eller en rörledning) och läses inte. Ange en sparad fil.`,
    en: (p) => `${p.file} is not a regular file (a device or a pipe) and is not read. Give a saved file.`,
    example: { file: "/dev/zero" },
  },
  file_too_large: {
    meaning: "Filen är större än vad programmet läser (arbetsbok 1 000 MB, SIE-fil 500 MB); den läses inte.",
    sv: (p, f) => `Filen ${p.file} är ${f.count(p.megabytes)} MB, mer än de ${f.count(p.limit)} MB som läses. Ingenting har skrivits.`,
    en: (p, f) =>
      `The file ${p.file} is ${f.count(p.megabytes)} MB, more than the ${f.count(p.limit)} MB that are read. Nothing was written.`,
    example: { file: "huvudbok.xlsx", megabytes: 1200, limit: 1000 },
  },
  file_exists: {
    meaning: "Mall och exempel skriver inte över en fil som finns; --ersatt gör det.",
    sv: (p) => `Filen ${p.file} finns redan och skrivs inte över. Välj ett annat namn, eller lägg till --ersatt för att ersätta den.`,
    en: (p) => `The file ${p.file} exists and is not overwritten. Choose another name, or add --ersatt (--replace) to replace it.`,
    example: { file: "arbetsbok.xlsx" },
  },
  output_extension: {
    meaning: "Utfilens namn passar inte arbetsboken: en makroarbetsbok öppnas av Excel bara som .xlsm, en annan bara som .xlsx.",
    sv: (p) =>
      p.expected === ".xlsm"
        ? `Utfilen ${p.file} måste sluta på .xlsm: arbetsboken innehåller makron, och Excel öppnar den bara med det namnet. ` +
          "Ingenting har skrivits."
        : `Utfilen ${p.file} måste sluta på .xlsx: Excel öppnar arbetsboken bara med det namnet. Ingenting har skrivits.`,
    en: (p) =>
      p.expected === ".xlsm"
        ? `The output ${p.file} must end in .xlsm: the workbook holds macros, and Excel opens it only under that name. ` +
          "Nothing was written."
        : `The output ${p.file} must end in .xlsx: Excel opens the workbook only under that name. Nothing was written.`,
    example: { file: "arbetsbok.beraknad.xlsx", expected: ".xlsm" },
  },
  workbook_strict: {
    meaning: "Arbetsboken är sparad som Strict Open XML; resultat skrivs bara i en vanlig Excel-arbetsbok.",
    sv: () =>
      "Arbetsboken är sparad i formatet Strict Open XML, som Finsam Ekonomi inte skriver i. Öppna den i Excel, välj " +
      "Spara som → Excel-arbetsbok (*.xlsx) och kör igen. Ingenting har skrivits.",
    en: () =>
      "The workbook is saved as Strict Open XML, which Finsam Ekonomi does not write. Open it in Excel, choose " +
      "Save As → Excel Workbook (*.xlsx) and run again. Nothing was written.",
    example: none,
  },
  sheet_protected_password: {
    meaning: "Ett resultatblad är skyddat med lösenord, så det kan inte skrivas om. Ingenting skrivs.",
    sv: (p) =>
      `Bladet ${p.sheet} är skyddat med lösenord och kan inte skrivas om. Ta bort skyddet (Granska → Ta bort skydd för blad) ` +
      "och beräkna igen. Ingenting har skrivits.",
    en: (p) =>
      `The sheet ${p.sheet} is protected with a password and cannot be rewritten. Unprotect it (Review → Unprotect Sheet) ` +
      "and calculate again. Nothing was written.",
    example: { sheet: "Tertialrapport" },
  },
  calculation_manual: {
    meaning: "Excel räknar i manuellt läge; tillägget räknade om de blad det skrev, men andra formler kan visa gamla värden.",
    sv: () =>
      "Excel står i manuellt beräkningsläge. Finsam Ekonomi räknade om bladen det skrev; andra formler i arbetsboken " +
      "räknas om först när du trycker F9 (Formler → Beräkningsalternativ → Automatiskt).",
    en: () =>
      "Excel is in manual calculation mode. Finsam Ekonomi recalculated the sheets it wrote; other formulas in the " +
      "workbook update only when you press F9 (Formulas → Calculation Options → Automatic).",
    example: none,
  },
  unexpected: {
    meaning: "Ett oväntat programfel; detaljerna finns i Körlogg och konsolen. Indata är orörda.",
    sv: (p) => `Oväntat fel: ${p.detail}. Arbetsbokens indata är orörda; kör igen när felet är åtgärdat.`,
    en: (p) => `Unexpected error: ${p.detail}. The workbook's inputs are untouched; run again once the problem is fixed.`,
    example: { detail: "InvalidArgument" },
  },
};

export const CODES = Object.keys(CATALOGUE) as Code[];

/** The text of a message in a language. */
export function messageText(m: Message, lang: Lang): string {
  const entry = CATALOGUE[m.code] as Entry<Message["params"]>;
  return entry[lang](m.params, formatter(lang));
}

/** `Blad!A1: message`, or only the message when it is about no one cell. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const text = messageText(issue, lang);
  return issue.cell ? `${issue.cell}: ${text}` : text;
}

/** An issue as JSON and the task pane carry it: code, message in the language, cell. */
export function issueText(issue: Issue, lang: Lang): IssueText {
  return { code: issue.code, message: messageText(issue, lang), cell: issue.cell };
}

/** Collects issues in order. */
export class IssueList {
  readonly items: Issue[] = [];
  add<C extends Code>(code: C, params: Params[C], cell: CellRef | "" = ""): void {
    this.items.push({ code, params, cell } as Issue);
  }
  get length(): number {
    return this.items.length;
  }
}
