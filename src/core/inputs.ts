/** The typed inputs of a run, as read from the workbook's tables. Cells are `Blad!A1` strings. */
import type { IsoDate } from "./dates";
import type { Decimal } from "./money";
import type { AccountLine, Group, LeafLine } from "./reportLines";

export type DisplayUnit = "kr" | "tkr";

export type ForecastMethod = "budget" | "linjar" | "utfall_restbudget" | "foregaende_ar" | "ataganden" | "manuell";

export const METHOD_LABELS: Record<ForecastMethod, string> = {
  budget: "budget",
  linjar: "linjär",
  utfall_restbudget: "utfall+restbudget",
  foregaende_ar: "föregående år",
  ataganden: "åtaganden",
  manuell: "manuell",
};

export type CeilingRule = { kind: "flat"; rate: Decimal } | { kind: "table" };

export interface Settings {
  association: string;
  year: number;
  cutoff: IsoDate | null;
  displayUnit: DisplayUnit;
  roundingUnit: Decimal;
  stateContribution: Decimal | null;
  totalContributions: Decimal | null;
  shares: Record<Group, Decimal>;
  installments: number;
  accrueContributions: boolean;
  openingEquity: Decimal | null;
  ceilingRule: CeilingRule;
  /** Where each setting was read (for messages); keys are the setting ids below. */
  cells: Partial<Record<SettingId, string>>;
  /** Cell of the first cell of the settings table, for messages about a setting that is missing. */
  tableCell: string;
}

export type SettingId =
  | "association"
  | "year"
  | "cutoff"
  | "displayUnit"
  | "roundingUnit"
  | "stateContribution"
  | "totalContributions"
  | "shareState"
  | "shareRegion"
  | "shareMunicipalities"
  | "installments"
  | "accrueContributions"
  | "openingEquity"
  | "ceilingRule";

export interface Member {
  name: string;
  group: Group;
  key: Decimal;
  cell: string;
  keyCell: string;
}

export interface AccountRule {
  from: number;
  to: number;
  line: AccountLine | null;
  name: string;
  cell: string;
}

export interface BudgetEntry {
  line: LeafLine;
  year: number;
  amount: Decimal;
  cell: string;
}

export interface LedgerRow {
  /** Day number (days since 1970-01-01). */
  day: number;
  voucher: string;
  account: number;
  /** Amount in integer öre, debit positive. */
  ore: number;
  text: string;
  project: string;
  /** `Blad!A1` of the row's first cell. */
  cell: string;
  /** Row's cell references for the date and amount columns (for warnings). */
  dateCell: string;
  accountCell: string;
}

export interface Grant {
  code: string;
  name: string;
  dnr: string;
  granted: Decimal;
  from: number;
  to: number;
  cell: string;
}

export interface ForecastChoice {
  line: LeafLine;
  method: ForecastMethod;
  amount: Decimal | null;
  comment: string;
  /** The method cell; `lineCell` is the report line's. */
  cell: string;
  lineCell?: string;
}

export interface CeilingBand {
  from: Decimal;
  to: Decimal | null;
  rate: Decimal;
  cell: string;
}

export interface Inputs {
  settings: Settings;
  members: Member[];
  accounts: AccountRule[];
  budget: BudgetEntry[];
  ledger: LedgerRow[];
  grants: Grant[];
  forecastChoices: ForecastChoice[];
  ceilingBands: CeilingBand[];
  /** Whether the optional tables were present at all. */
  present: { grants: boolean; forecast: boolean; ceilingBands: boolean; ledger: boolean; budget: boolean };
  /** Sheet each input was read from (tables may live on renamed sheets). */
  sheets: Partial<Record<InputTable, string>>;
}

export type InputTable =
  | "Installningar"
  | "Medlemmar"
  | "Kontoplan"
  | "Budget"
  | "Huvudbok"
  | "Insatser"
  | "Prognos"
  | "Takregel";
