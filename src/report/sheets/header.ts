/**
 * What every owned sheet shares: the owned sheet names, the run's facts (version, time, fingerprint,
 * input stamps, log), the header block each sheet starts with, and small cell helpers.
 */
import type { Computation, ContributionSource } from "../../core/compute";
import type { CeilingRule } from "../../core/inputs";
import { Decimal, toCellNumber } from "../../core/money";
import { Cell, columnWidthPoints, FORMATS, SheetBuilder, SheetModel, sheetA1 } from "../sheetModel";
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
  /** The table's own fingerprint (core/fingerprint.ts), when the run read the table. */
  fingerprint?: string;
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
/** Text for auditors and scripts beside the printed part (row ids, chart data): small and grey. */
export const techText = (v: string): Cell => text(v, { small: true, tone: "muted" });

/**
 * The header block every owned sheet starts with: the title, then the facts for auditors and
 * scripts in small grey text. It stays in the workbook but outside the print area (the printed page
 * carries the title in its page header). Sets the page header and footer; `finishPage` completes them.
 */
export function header(b: SheetBuilder, title: string, c: Computation, run: RunInfo, unitText: string, pageTitle = title): void {
  const s = c.inputs.settings;
  const namer = run.tableNames;
  if (namer) b.tableName = (contract) => namer.name(contract);
  b.row([text(`${title} – ${s.association}`, { bold: true, title: true })]);
  const fact = (label: string, value: Cell, muted = true): void => {
    b.row([text(label, { small: true, tone: "muted" }), { ...value, small: true, ...(muted ? { tone: "muted" as const } : {}) }]);
  };
  fact("Förbund", text(s.association));
  fact("Räkenskapsår", { value: s.year, format: FORMATS.integer });
  fact("Brytdatum", text(c.period.cutoff));
  fact("Beloppsenhet", text(unitText));
  fact("Beräknad", text(run.computedAt, { volatile: true }));
  fact("Version", text(`Finsam Ekonomi ${run.version}`));
  fact("Indatafingeravtryck", text(run.fingerprint));
  // Live: Kontroller compares the input sheets now with what this run read.
  fact(
    "Indata",
    {
      value: STATUS_CURRENT,
      formula: b.name === OWNED_SHEETS.checks ? "" : sheetA1(OWNED_SHEETS.checks, HEADER_ROWS.status, 1),
      bold: true,
    },
    false,
  );
  b.conditionalFormats.push({ area: cellArea(HEADER_ROWS.status, 1), equals: STATUS_STALE, tone: "bad" });
  b.row([
    text("Bladet skrivs om vid varje omräkning. Ändra indata och beräkna om i stället för att ändra här.", {
      italic: true,
      small: true,
      tone: "muted",
    }),
  ]);
  b.blank();
  b.page = {
    orientation: "portrait",
    area: { top: b.nextRow, left: 0, bottom: b.nextRow, right: 0 },
    header: pageHeader(s.association, pageTitle),
    footer: `Sida &P av &N · Beräknad ${headerCodeText(run.computedAt.slice(0, 10))}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
}

const cellArea = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });

/** Excel's limit on a header or footer section, codes included. */
export const HEADER_FOOTER_MAX = 255;

/** The page header: association and report title in bold; a long name is shortened with "…" to fit Excel's limit. */
export function pageHeader(association: string, title: string): string {
  const codes = '&"-,Bold"&12';
  const rest = ` – ${headerCodeText(title)}`;
  let name = headerCodeText(association);
  const room = HEADER_FOOTER_MAX - codes.length - rest.length;
  if (name.length > room) name = name.slice(0, room - 1).replace(/&$/, "") + "…";
  return codes + name + rest;
}

/** Text inside a page header or footer: `&` is Excel's code character, so a literal one is doubled. */
export function headerCodeText(t: string): string {
  return t.replace(/&/g, "&&");
}

/** Printable size of an A4 page with our margins, in points. */
const PRINTABLE = {
  portrait: { width: (8.27 - 1) * 72, height: (11.69 - 1.5) * 72 },
  landscape: { width: (11.69 - 1) * 72, height: (8.27 - 1.5) * 72 },
};

/** The smallest print scale we allow: 11 pt text is not printed below 8 pt. */
export const MIN_PRINT_SCALE = 8 / 11;

/**
 * Completes the page setup: the print area from after the header block to the last printed row and
 * column (the id columns and the technical block stay outside), the rows repeated on every page, and
 * the orientation that needs the fewest pages at a readable size (portrait when equal).
 */
export function finishPage(b: SheetBuilder, lastCol: number, titleRow?: number): void {
  const page = b.page!;
  const chartBottom = Math.max(0, ...b.charts.map((ch) => ch.anchor.bottom));
  page.area = { top: page.area?.top ?? 0, left: 0, bottom: Math.max(b.nextRow - 1, chartBottom), right: lastCol };
  if (titleRow !== undefined) page.titleRows = { first: titleRow, last: titleRow };
  page.titleColumns = { first: 0, last: 0 };
  const model = { columnWidths: b.columnWidths, rowHeights: b.rowHeights, page };
  const options = (["portrait", "landscape"] as const)
    .map((orientation) => {
      const p = { ...page, orientation };
      return { orientation, scale: printScale({ ...model, page: p }), pages: printPages({ ...model, page: p }) };
    })
    .filter((o) => o.scale >= MIN_PRINT_SCALE || o.orientation === "landscape");
  options.sort((x, y) => x.pages - y.pages || (x.orientation === "portrait" ? -1 : 1));
  page.orientation = options[0].orientation;
}

/** Width in points of columns A…lastCol. */
export function printedWidth(widths: readonly number[], lastCol: number): number {
  let w = 0;
  for (let i = 0; i <= lastCol; i++) w += columnWidthPoints(widths[i] ?? 8.43);
  return w;
}

/** The scale a sheet prints at when fitted to one page wide (1 when it fits as it is). */
export function printScale(model: Pick<SheetModel, "columnWidths" | "page">): number {
  if (!model.page) return 1;
  const width = printedWidth(model.columnWidths, model.page.area?.right ?? model.columnWidths.length - 1);
  return Math.min(1, PRINTABLE[model.page.orientation].width / width);
}

/** An estimate of the printed pages: the print area's rows (15 pt unless set) at the fitted scale. */
export function printPages(model: Pick<SheetModel, "columnWidths" | "page" | "rowHeights">): number {
  const page = model.page;
  if (!page?.area) return 1;
  let height = 0;
  for (let r = page.area.top; r <= page.area.bottom; r++) height += model.rowHeights?.[r] ?? 15;
  return Math.max(1, Math.ceil((height * printScale(model)) / PRINTABLE[page.orientation].height));
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
export function ceilingRuleText(rule: CeilingRule, basis: "contributions" | "income" = "contributions"): string {
  const of = basis === "income" ? "årets verksamhetsintäkter" : "årets medlemsbidrag";
  return rule.kind === "flat" ? `${formatPercent(rule.rate)} av ${of}` : "Trappstegsregel enligt tabellen Takregel";
}
