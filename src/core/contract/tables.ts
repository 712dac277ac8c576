/**
 * The workbook contract's input tables, declared once (docs/workbook.md, "Indatatabeller"): each table's name, its
 * sheet, whether the workbook may lack it, and its columns — Swedish and English header and the other spellings
 * read, the kind of value each cell holds, whether the column must be there and whether each row must fill it, and
 * the number format and width the template, the example, Nytt år and the SIE import write it with. The readers
 * find columns and parse cells by this; `mall`, `exempel`, Nytt år, the SIE import, the pane and the docs ask it.
 * Pure data: no I/O.
 */
import type { InputTable } from "../inputs";

/** What a cell of a column holds; each kind has one parser in the readers and one number format (CELL_FORMATS). */
export type ColumnKind =
  /** An Excel date or ISO text `ÅÅÅÅ-MM-DD`. */
  | "date"
  /** Kronor with at most two decimals. */
  | "amount"
  /** A year (`2026`). */
  | "year"
  /** A member's key: a number ≥ 0 (population or agreed share). */
  | "key"
  /** `25 %`, `0,25`. */
  | "percent"
  /** Free text (names, vouchers, comments, project codes). */
  | "text"
  /** A whole account number (Huvudbok). */
  | "account"
  /** An account number or a range `5000-5999` (Kontoplan). */
  | "accountRange"
  /** A report line's code or label. */
  | "reportLine"
  /** An insats' Typ: Individinriktad or Strukturövergripande (core/functions.ts). */
  | "grantType"
  /** Stat, Region or Kommun. */
  | "group"
  /** A forecast method. */
  | "method"
  /** A setting's name (Inställningar's first column). */
  | "setting"
  /** A setting's value: its kind is the setting's (contract/settings.ts). */
  | "settingValue"
  /** Words for people that no run reads (the template's Förklaring). */
  | "note";

/** The number format each kind of cell is written with (template, example, Nytt år, SIE import). */
export const CELL_FORMATS: Record<ColumnKind, string> = {
  date: "yyyy-mm-dd",
  amount: "#,##0.00",
  year: "0",
  key: "General",
  percent: "0.00%",
  text: "@",
  account: "0",
  accountRange: "@",
  reportLine: "@",
  group: "@",
  grantType: "@",
  method: "@",
  setting: "@",
  settingValue: "General",
  note: "@",
};

export interface ColumnDef<K extends string = string> {
  id: K;
  /** The header as the template writes it (Swedish). */
  sv: string;
  /** The English header, also read. */
  en: string;
  /** Other spellings read (normalized like the headers: case, diacritics and spaces do not matter). */
  aliases: readonly string[];
  kind: ColumnKind;
  /** The column must be in the header row (else missing_column). */
  required: boolean;
  /** Each data row must fill the cell (a row that fills some of these and not others is blank_required). */
  filled: boolean;
  /** Column width in characters, as the template writes it. */
  width: number;
  /** Written by the template and the example; false for another form of the same data (Debet/Kredit for Belopp). */
  template: boolean;
}

/** Columns whose header carries a year: Budget's `2026` (wide form), Medlemmar's `Nyckel 2027`. */
export interface YearColumnsDef {
  /** The words before the year (`Nyckel`); an empty string for a bare year. */
  prefixes: readonly string[];
  kind: ColumnKind;
  width: number;
  /** How docs/workbook.md writes such a column. */
  docs: string;
}

/** What Nytt år does with a table's rows (docs/workbook.md, "Nytt år"). */
export type NewYearRule =
  /** Carried as typed. */
  | "carry"
  /** Year, cut-off, opening equity set; last year's amounts cleared. */
  | "settings"
  /** Only rows (or year columns) for the new year and later. */
  | "fromNextYear"
  /** Only rows dated in the closed year or later (the new year's comparison). */
  | "fromClosedYear"
  /** Grants fully paid and ended dropped; Utbetalt tidigare carried. */
  | "grants"
  /** Emptied (the new year chooses again). */
  | "empty";

export interface TableDef<K extends string = string> {
  name: InputTable;
  sheet: string;
  /** The workbook may lack it. */
  optional: boolean;
  columns: readonly ColumnDef<K>[];
  yearColumns?: YearColumnsDef;
  newYear: NewYearRule;
}

type ColumnOptions = Partial<Pick<ColumnDef, "aliases" | "required" | "filled" | "template">>;

/** A column: required and filled unless said otherwise. Its id and kind stay literal types, for the readers. */
function column<const K extends string, const D extends ColumnKind>(
  id: K,
  sv: string,
  en: string,
  kind: D,
  width: number,
  o: ColumnOptions = {},
): ColumnDef<K> & { kind: D } {
  const required = o.required ?? true;
  return { id, sv, en, kind, width, aliases: o.aliases ?? [], required, filled: o.filled ?? required, template: o.template ?? true };
}

const OPTIONAL = { required: false } as const;

export const SETTINGS_TABLE = {
  name: "Installningar",
  sheet: "Inställningar",
  optional: false,
  newYear: "settings",
  columns: [
    column("name", "Inställning", "Setting", "setting", 28, { filled: false }),
    column("value", "Värde", "Value", "settingValue", 22, { filled: false }),
    column("help", "Förklaring", "Explanation", "note", 80, OPTIONAL),
  ],
} as const satisfies TableDef;

export const MEMBERS_TABLE = {
  name: "Medlemmar",
  sheet: "Medlemmar",
  optional: false,
  newYear: "carry",
  columns: [
    column("member", "Medlem", "Member", "text", 32),
    column("group", "Huvudman", "Group", "group", 12),
    column("key", "Fördelningsnyckel", "Key", "key", 18, { aliases: ["Nyckel"], required: false }),
    column("from", "Från", "From", "date", 12, OPTIONAL),
    column("to", "Till", "To", "date", 12, OPTIONAL),
  ],
  yearColumns: { prefixes: ["Nyckel", "Fördelningsnyckel", "Key"], kind: "key", width: 14, docs: "`Nyckel ÅÅÅÅ`" },
} as const satisfies TableDef;

export const ACCOUNTS_TABLE = {
  name: "Kontoplan",
  sheet: "Kontoplan",
  optional: false,
  newYear: "carry",
  columns: [
    column("account", "Konto", "Account", "accountRange", 14),
    column("name", "Benämning", "Name", "text", 36, OPTIONAL),
    column("line", "Rapportrad", "Report line", "reportLine", 28, OPTIONAL),
  ],
} as const satisfies TableDef;

export const BUDGET_TABLE = {
  name: "Budget",
  sheet: "Budget",
  optional: true,
  newYear: "fromNextYear",
  columns: [
    column("line", "Rapportrad", "Report line", "reportLine", 28),
    // The long form's year and amount; without Belopp the table is in wide form (a column per year).
    column("year", "År", "Year", "year", 10, OPTIONAL),
    column("amount", "Belopp", "Amount", "amount", 14, OPTIONAL),
  ],
  yearColumns: { prefixes: [""], kind: "amount", width: 14, docs: "`2026`, `2027` …" },
} as const satisfies TableDef;

export const LEDGER_TABLE = {
  name: "Huvudbok",
  sheet: "Huvudbok",
  optional: false,
  newYear: "fromClosedYear",
  columns: [
    column("date", "Datum", "Date", "date", 12),
    column("voucher", "Verifikation", "Voucher", "text", 12, { aliases: ["Ver", "Vernr"], required: false }),
    column("account", "Konto", "Account", "account", 8),
    // Belopp, or Debet and Kredit (the reader says which is missing).
    column("amount", "Belopp", "Amount", "amount", 14, OPTIONAL),
    column("debit", "Debet", "Debit", "amount", 14, { required: false, template: false }),
    column("credit", "Kredit", "Credit", "amount", 14, { required: false, template: false }),
    column("text", "Text", "Description", "text", 40, OPTIONAL),
    column("project", "Insats", "Project", "text", 10, OPTIONAL),
  ],
} as const satisfies TableDef;

export const GRANTS_TABLE = {
  name: "Insatser",
  sheet: "Insatser",
  optional: true,
  newYear: "grants",
  columns: [
    column("code", "Insats", "Project code", "text", 10, { aliases: ["Project"] }),
    column("name", "Namn", "Name", "text", 44, OPTIONAL),
    column("dnr", "Dnr", "Reference", "text", 12, { aliases: ["Diarienummer"], required: false }),
    column("granted", "Beviljat belopp", "Granted", "amount", 16),
    column("from", "Från", "From", "date", 12),
    column("to", "Till", "To", "date", 12),
    column("paidEarlier", "Utbetalt tidigare", "Paid earlier", "amount", 18, OPTIONAL),
    column("type", "Typ", "Type", "grantType", 22, OPTIONAL),
    // The co-financiers' part of Beviljat belopp (the förbund pays the whole grant, they pay this part back), and who.
    column("coFinancing", "Medfinansiering", "Co-financing", "amount", 16, { aliases: ["Medfinansierat", "Cofinancing"], required: false }),
    column("coFinancier", "Medfinansiär", "Co-financier", "text", 16, { aliases: ["Medfinansiärer", "Cofinancier"], required: false }),
  ],
} as const satisfies TableDef;

export const FORECAST_TABLE = {
  name: "Prognos",
  sheet: "Prognos",
  optional: true,
  newYear: "empty",
  columns: [
    column("line", "Rapportrad", "Report line", "reportLine", 28),
    column("method", "Metod", "Method", "method", 20),
    column("amount", "Belopp", "Amount", "amount", 14, OPTIONAL),
    column("comment", "Kommentar", "Comment", "text", 60, OPTIONAL),
  ],
} as const satisfies TableDef;

export const CEILING_TABLE = {
  name: "Takregel",
  sheet: "Takregel",
  optional: true,
  newYear: "carry",
  columns: [
    column("from", "Från", "From", "amount", 14),
    // Blank in the last band: no upper bound.
    column("to", "Till", "To", "amount", 14, { filled: false }),
    column("rate", "Procent", "Percent", "percent", 10),
  ],
} as const satisfies TableDef;

export const EXTRAS_TABLE = {
  name: "Tillaggsbidrag",
  sheet: "Tilläggsbidrag",
  optional: true,
  newYear: "fromNextYear",
  columns: [
    column("year", "År", "Year", "year", 8),
    column("amount", "Belopp", "Amount", "amount", 14),
    column("due", "Förfaller", "Due", "date", 12, { aliases: ["Datum", "Date"] }),
    column("decision", "Beslut", "Decision", "text", 40, OPTIONAL),
    column("state", "Andel stat", "State share", "percent", 12, OPTIONAL),
    column("region", "Andel region", "Region share", "percent", 12, OPTIONAL),
    column("municipalities", "Andel kommuner", "Municipalities share", "percent", 14, OPTIONAL),
  ],
} as const satisfies TableDef;

/** Every input table, in the order the template and Nytt år write them. */
export const INPUT_TABLE_DEFS: readonly TableDef[] = [
  SETTINGS_TABLE,
  MEMBERS_TABLE,
  ACCOUNTS_TABLE,
  BUDGET_TABLE,
  LEDGER_TABLE,
  GRANTS_TABLE,
  FORECAST_TABLE,
  CEILING_TABLE,
  EXTRAS_TABLE,
];

/** Each input table's declaration by name. */
export const TABLE_DEFS = Object.fromEntries(INPUT_TABLE_DEFS.map((t) => [t.name, t])) as Record<InputTable, TableDef>;

/** Each input table: its table name, its sheet name. */
export const INPUT_TABLES = Object.fromEntries(INPUT_TABLE_DEFS.map((t) => [t.name, t.sheet])) as Record<InputTable, string>;

/** The ids of a table's columns. */
export type ColumnId<T extends { columns: readonly ColumnDef[] }> = T["columns"][number]["id"];

/** Every header a column answers to: Swedish, English, then the other spellings. */
export function headerNames(c: Pick<ColumnDef, "sv" | "en" | "aliases">): string[] {
  return [c.sv, c.en, ...c.aliases];
}

/** The columns the template and the example write, in order. */
export function templateColumns(t: TableDef): readonly ColumnDef[] {
  return t.columns.filter((c) => c.template);
}

/** The number format a column's cells are written with. */
export function columnFormat(c: Pick<ColumnDef, "kind">): string {
  return CELL_FORMATS[c.kind];
}
