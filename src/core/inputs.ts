/** The typed inputs of a run, as read from the workbook's tables. Cells are `Blad!A1` strings. */
import type { DeviationThreshold } from "./deviation";
import type { MonthDay } from "./dueDates";
import type { IsoDate } from "./dates";
import type { Decimal } from "./money";
import type { FunctionId, GrantType } from "./functionIds";
import type { AccountLine, Group, LeafLine } from "./reportLines";
import type { CellRef, DayNumber, Ore } from "./units";

export type DisplayUnit = "kr" | "tkr";

export type ForecastMethod = "budget" | "linjar" | "utfall_restbudget" | "foregaende_ar" | "ataganden" | "medfinansiering" | "manuell";

export const METHOD_LABELS: Record<ForecastMethod, string> = {
  budget: "budget",
  linjar: "linjär",
  utfall_restbudget: "utfall+restbudget",
  foregaende_ar: "föregående år",
  ataganden: "åtaganden",
  medfinansiering: "medfinansiering",
  manuell: "manuell",
};

export type CeilingRule = { kind: "flat"; rate: Decimal } | { kind: "table" };

export interface Settings {
  association: string;
  /** Organisationsnummer: filled by the first SIE import from #ORGNR; a file for another number is refused. */
  orgNumber: string | null;
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
  /** Takunderlag: the ceiling's base is the year's member contributions (default) or all its operating income. */
  ceilingBasis: "contributions" | "income";
  /** SIE import: the dimension whose objects are the projects (insatser); 6 = projekt by default. */
  sieProjectDimension: number;
  /** SIE import: the chart of accounts for proposed lines; null = from the file's #KPTYP. */
  sieChart: "BAS" | "KOMMUN-BAS" | null;
  /** Deviations from budget the Tertialrapport flags (Avvikelsegräns; 10 % and 100 tkr by default). */
  deviationThreshold: DeviationThreshold;
  /** What the municipalities' key is (Fördelningsnyckel avser: "invånare 1 nov 2025"), or null. */
  keyLabel: string | null;
  /** When the installments fall due (Förfallodagar), or null for the default per number of installments. */
  dueDays: MonthDay[] | null;
  /** Where each setting was read (for messages); keys are the setting ids below. */
  cells: Partial<Record<SettingId, CellRef>>;
  /** Cell of the first cell of the settings table, for messages about a setting that is missing. */
  tableCell: CellRef;
}

export type SettingId =
  | "association"
  | "orgNumber"
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
  | "ceilingRule"
  | "ceilingBasis"
  | "sieProjectDimension"
  | "sieChart"
  | "deviationThreshold"
  | "dueDays"
  | "keyLabel";

export interface Member {
  name: string;
  group: Group;
  /** The key of the report year (keyFor), for the checks that do not look at other years. */
  key: Decimal;
  /** Keys by year (`Nyckel 2026`, `Nyckel 2027` …); empty when Medlemmar has only Fördelningsnyckel. */
  keys: Map<number, Decimal>;
  /** The key without a year (Fördelningsnyckel), if given. */
  baseKey: Decimal | null;
  /** Member from and to (inclusive); null when open. */
  from: DayNumber | null;
  to: DayNumber | null;
  cell: CellRef;
  keyCell: CellRef;
}

export interface AccountRule {
  from: number;
  to: number;
  line: AccountLine | null;
  name: string;
  cell: CellRef;
}

export interface BudgetEntry {
  line: LeafLine;
  year: number;
  amount: Decimal;
  cell: CellRef;
}

export interface LedgerRow {
  day: DayNumber;
  voucher: string;
  account: number;
  /** Debit positive. */
  ore: Ore;
  text: string;
  project: string;
  /** `Blad!A1` of the row's first cell. */
  cell: CellRef;
  /** Row's cell references for the date and amount columns (for warnings). */
  dateCell: CellRef;
  accountCell: CellRef;
}

export interface Grant {
  code: string;
  name: string;
  dnr: string;
  granted: Decimal;
  from: DayNumber;
  to: DayNumber;
  /** Paid according to earlier years' ledgers no longer in Huvudbok (`Utbetalt tidigare`; Nytt år fills it). */
  paidEarlier: Decimal;
  /** Its verksamhet (`Typ`); null when Insatser has no Typ column, or the cell is blank (then `typeCell` names it). */
  type: GrantType | null;
  typeCell: CellRef | null;
  /**
   * The co-financiers' part of `granted` (`Medfinansiering`: ESF, a member's own money): the förbund pays the whole
   * grant and the co-financiers pay it this part back; zero when the insats is the förbund's own.
   */
  coFinancing: Decimal;
  /** Who co-finances (`Medfinansiär`), as typed; empty when nobody is named. */
  coFinancier: string;
  cell: CellRef;
}

export interface ForecastChoice {
  line: LeafLine;
  method: ForecastMethod;
  amount: Decimal | null;
  comment: string;
  /** The method cell; `lineCell` is the report line's. */
  cell: CellRef;
  lineCell?: CellRef;
}

export interface CeilingBand {
  from: Decimal;
  to: Decimal | null;
  rate: Decimal;
  cell: CellRef;
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
  /** Tilläggsbidrag (optional table); empty when absent. */
  extras: ExtraContribution[];
  /** Whether the optional tables were present at all (and Insatser's optional Typ column). */
  present: { grants: boolean; forecast: boolean; ceilingBands: boolean; ledger: boolean; budget: boolean; grantTypes: boolean };
  /** Budget rows per verksamhet (Rapportrad Administration, Strukturövergripande insatser, Individinriktade insatser). */
  functionBudget: FunctionBudgetEntry[];
  /** Comments typed in the last run's Tertialrapport that differ from what the inputs gave (kept, with a warning). */
  reportComments?: ReportComment[];
  /** Sheet each input was read from (tables may live on renamed sheets). */
  sheets: Partial<Record<InputTable, string>>;
}

/** A budget row for a verksamhet: a memo of how the cost budget is split, not a report line. */
export interface FunctionBudgetEntry {
  fn: FunctionId;
  year: number;
  amount: Decimal;
  cell: CellRef;
}

/** A comment in the Tertialrapport's Kommentar column, with what the inputs gave when it was written. */
export interface ReportComment {
  line: string;
  text: string;
  /** "Kommentar enligt indata" beside it; null in a report written before that column existed. */
  inputComment: string | null;
  cell: CellRef;
}

export type InputTable =
  "Installningar" | "Medlemmar" | "Kontoplan" | "Budget" | "Huvudbok" | "Insatser" | "Prognos" | "Takregel" | "Tillaggsbidrag";

/** A contribution decided on top of the year's (Tilläggsbidrag): split like the year's unless the row gives shares. */
export interface ExtraContribution {
  year: number;
  amount: Decimal;
  /** When it falls due (its own installment). */
  due: DayNumber;
  /** The decision's reference (Beslut). */
  decision: string;
  /** The row's own group shares (all three, 100 % together), or null for the year's. */
  shares: Record<Group, Decimal> | null;
  cell: CellRef;
}
