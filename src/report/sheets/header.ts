/**
 * What every owned sheet shares: the owned sheet names, the run's facts (version, time, fingerprint,
 * input stamps, log), the header block each sheet starts with, and small cell helpers.
 */
import type { Computation, ContributionSource } from "../../core/compute";
import type { CeilingRule } from "../../core/inputs";
import { Decimal, toCellNumber } from "../../core/money";
import { Cell, FORMATS, SheetBuilder, sheetA1 } from "../sheetModel";
import type { TableNamer } from "../tableNames";

export const OWNED_SHEETS = {
  memberShares: "Medlemsandelar",
  tertial: "Tertialrapport",
  statements: "Bokslut",
  equity: "Eget kapital",
  checks: "Kontroller",
  log: "Körlogg",
} as const;

/** The owned sheets' names, for the adapters (they protect these, and only these). */
export const OWNED_SHEET_NAMES: ReadonlySet<string> = new Set<string>(Object.values(OWNED_SHEETS));

export interface RunInfo {
  version: string;
  /** ISO time of computation; the only value that differs between identical runs. */
  computedAt: string;
  fingerprint: string;
  /** What each input sheet held when the run read it (for the staleness check). */
  stamps?: InputStamp[];
  /** The run log: earlier rows, kept, and the name of this action. */
  log?: { previous: LogValue[][]; action: string };
  /** Names of the tables in this workbook (the contract's unless taken); without it, the contract's names. */
  tableNames?: TableNamer;
}

/**
 * The numbers a spreadsheet can recompute from an input table's columns: SUM (numbers, dates as
 * serial numbers) and COUNTA (non-empty cells) over whole columns of its sheet.
 */
export interface InputStamp {
  table: string;
  sheet: string;
  /** 0-based first and last column. */
  left: number;
  right: number;
  sum: Decimal;
  count: number;
}

export type LogValue = string | number | boolean | null;

export const STATUS_CURRENT = "Aktuell";
export const STATUS_STALE = "Indata har ändrats – beräkna om";

const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

export function periodLabel(year: number, months: number): string {
  return months === 1 ? `jan ${year}` : `jan–${MONTHS[months - 1]} ${year}`;
}

export const money = (v: Decimal, format: string, extra: Partial<Cell> = {}): Cell => ({ value: toCellNumber(v), format, ...extra });
export const text = (v: string, extra: Partial<Cell> = {}): Cell => ({ value: v, format: FORMATS.text, ...extra });

/** The header block every owned sheet starts with. Returns the builder positioned after it. */
export function header(b: SheetBuilder, title: string, c: Computation, run: RunInfo, unitText: string): void {
  const s = c.inputs.settings;
  const namer = run.tableNames;
  if (namer) b.tableName = (contract) => namer.name(contract);
  b.row([text(`${title} – ${s.association}`, { bold: true, title: true })]);
  b.row([text("Förbund"), text(s.association)]);
  b.row([text("Räkenskapsår"), { value: s.year, format: FORMATS.integer }]);
  b.row([text("Brytdatum"), text(c.period.cutoff)]);
  b.row([text("Beloppsenhet"), text(unitText)]);
  b.row([text("Beräknad"), text(run.computedAt, { volatile: true })]);
  b.row([text("Version"), text(`Finsam Ekonomi ${run.version}`)]);
  b.row([text("Indatafingeravtryck"), text(run.fingerprint)]);
  // Live: Kontroller compares the input sheets now with what this run read.
  b.row([
    text("Indata"),
    {
      value: STATUS_CURRENT,
      formula: b.name === OWNED_SHEETS.checks ? "" : sheetA1(OWNED_SHEETS.checks, HEADER_ROWS.status, 1),
      bold: true,
    },
  ]);
  b.row([text("Bladet skrivs om vid varje omräkning. Ändra indata och beräkna om i stället för att ändra här.", { italic: true })]);
  b.blank();
}

/** Row index of a header field, for other sheets' references. */
export const HEADER_ROWS = {
  title: 0,
  association: 1,
  year: 2,
  cutoff: 3,
  unit: 4,
  computedAt: 5,
  version: 6,
  fingerprint: 7,
  status: 8,
} as const;

export function amountFormat(c: Computation): string {
  return c.inputs.settings.displayUnit === "tkr" ? FORMATS.tkr : FORMATS.kr;
}

/** A share as the reports print it: `25 %`, `0,5 %`. */
export function formatPercent(rate: Decimal): string {
  return `${rate.times(100).toDecimalPlaces(4).toFixed().replace(".", ",")} %`;
}

/** Where a year's member contributions came from, as the sheets print it. */
export function contributionSourceText(source: ContributionSource | undefined): string {
  if (!source) return "";
  if (source.kind === "budget") return `Budget ${source.year}`;
  return source.kind === "state" ? "Statens bidrag ÷ Andel stat" : "Inställningar: Medlemsbidrag totalt";
}

/** The ceiling rule in words. */
export function ceilingRuleText(rule: CeilingRule): string {
  return rule.kind === "flat" ? `${formatPercent(rule.rate)} av årets medlemsbidrag` : "Trappstegsregel enligt tabellen Takregel";
}
