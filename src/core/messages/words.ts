/**
 * What the message areas share: the entry shape (meaning, Swedish, English, example), the words for a cell's
 * value problem, report line and group names in both languages, and short lists.
 */
import type { Formatter } from "../locale";
import { FUNCTION_LABELS, FUNCTION_LABELS_EN, FunctionId } from "../functionIds";
import { Group, GROUP_LABELS, LEAF_LABELS_EN, LeafLine, LINE_LABELS } from "../reportLines";

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
  | "date_range"
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

export type None = Record<string, never>;

/** The codes whose parameters describe a cell's value (`ValueParams`). */
export type ValueCode =
  "invalid_amount" | "invalid_number" | "invalid_percent" | "invalid_date" | "invalid_year" | "invalid_account" | "invalid_setting";

export type Render<P> = (p: P, f: Formatter) => string;

export interface Entry<P> {
  /** What the code means, for docs/workbook.md (Swedish, like the contract). */
  meaning: string;
  sv: Render<P>;
  en: Render<P>;
  /** Parameters for the docs and the catalogue test. */
  example: P;
}

/** Swedish line and group names are the report's own (reportLines.ts); English ones are here. */
export const LINE_SV: Record<LeafLine, string> = LINE_LABELS;

export const LINE_EN: Record<LeafLine, string> = LEAF_LABELS_EN;
/** A Budget row's Rapportrad: a leaf line or a verksamhet (costs per verksamhet). */
export const BUDGET_ROW_SV: Record<LeafLine | FunctionId, string> = { ...LINE_LABELS, ...FUNCTION_LABELS };
export const BUDGET_ROW_EN: Record<LeafLine | FunctionId, string> = { ...LEAF_LABELS_EN, ...FUNCTION_LABELS_EN };

export const GROUP_SV: Record<Group, string> = GROUP_LABELS;
export const GROUP_EN: Record<Group, string> = { Stat: "The state", Region: "The region", Kommun: "The municipalities" };

export function cellSv(value: string | null): string {
  return value === null ? "tom cell" : value;
}
export function cellEn(value: string | null): string {
  return value === null ? "an empty cell" : value;
}

/** What was wrong with a value, as a sentence (with the setting or column in front when known). */
export function valueSv(p: ValueParams): string {
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
    date_range: `${v} ligger utanför de år ett kalkylblad kan hålla (1900–9999)`,
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

export function valueEn(p: ValueParams): string {
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
    date_range: `${v} is outside the years a spreadsheet can hold (1900–9999)`,
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

export function valueEntry(meaning: string, example: ValueParams): Entry<ValueParams> {
  return { meaning, sv: valueSv, en: valueEn, example };
}

export const none: None = {};

export const KIND_SV = {
  encrypted: "en lösenordsskyddad (krypterad) arbetsbok",
  xls: "en .xls-arbetsbok (Excel 97–2003)",
  ods: "ett OpenDocument-kalkylblad (.ods)",
};
export const KIND_EN = {
  encrypted: "a password-protected (encrypted) workbook",
  xls: "an .xls workbook (Excel 97–2003)",
  ods: "an OpenDocument spreadsheet (.ods)",
};
/** The operating system's error codes in words (src/cli/files.ts decides which count as the user's to fix). */
export const OS_SV: Record<string, string> = {
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
export const OS_EN: Record<string, string> = {
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
export const SHEET_NAME_SV = {
  empty: "det är tomt",
  too_long: "det är längre än 31 tecken",
  character: "det innehåller något av tecknen [ ] : * ? / \\",
  apostrophe: "det börjar eller slutar med apostrof",
  reserved: "History är reserverat av Excel",
};
export const SHEET_NAME_EN = {
  empty: "it is empty",
  too_long: "it is longer than 31 characters",
  character: "it contains one of [ ] : * ? / \\",
  apostrophe: "it begins or ends with an apostrophe",
  reserved: "History is reserved by Excel",
};
export const SIE_KIND_SV = { UB: "utgående balans (#UB)", RES: "resultat (#RES)", PSALDO: "periodsaldo (#PSALDO)" };
export const SIE_KIND_EN = { UB: "closing balance (#UB)", RES: "result (#RES)", PSALDO: "period balance (#PSALDO)" };
export const SIE_ROWS_SV = { UB: "IB plus årets rader", RES: "årets rader", PSALDO: "månadens rader" };
export const SIE_ROWS_EN = {
  UB: "the opening balance plus the year's rows give",
  RES: "the year's rows give",
  PSALDO: "the month's rows give",
};

/** A list of numbers for a message: the first ten, then "… och N till" (the JSON has them all). */
export function listOf(items: readonly number[], more: (n: number) => string): string {
  return items.length <= 10 ? items.join(", ") : `${items.slice(0, 10).join(", ")} ${more(items.length - 10)}`;
}
export const listSv = (items: readonly number[]) => listOf(items, (n) => `… och ${n} till`);
export const listEn = (items: readonly number[]) => listOf(items, (n) => `… and ${n} more`);
export const METHODS_SV = "budget, linjär, utfall+restbudget, föregående år, åtaganden, medfinansiering eller manuell";
