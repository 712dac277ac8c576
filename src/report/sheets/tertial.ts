/**
 * Tertialrapport: the text for the board papers, the income statement in the municipal order of the
 * associations' reports, its notes, the decided grants and the explanations, and a chart of budget
 * against forecast. Printed landscape on at most two pages; the id columns and the chart's data stay
 * outside the print area for scripts and auditors.
 */

import { anyCoFinanced } from "../../core/grants";
import { methodText, shownComment } from "../../core/messages/methods";
import type { Computation } from "../../core/compute";
import { isoOfDayNumber } from "../../core/dates";
import { flagDeviation } from "../../core/deviation";
import { Decimal, ZERO } from "../../core/money";
import { GROUP_LABELS, NOTE_COST_LINES, NOTE_INCOME_LINES, REPORT_ROWS, ReportLineId } from "../../core/reportLines";
import type { LineValues } from "../../core/tertial";
import { boardText } from "../boardText";
import { coFinancingTable, CoFinancingLayout } from "./cofinancing";
import { functionsTable } from "./functions";
import { Cell, FORMATS, SheetBuilder, SheetModel, Tone } from "../sheetModel";
import { amountFormat, finishPage, formatPercent, header, money, OWNED_SHEETS, periodLabel, RunInfo, techText, text } from "./header";
import { priorPeriodNote } from "./priorPeriodNote";

export interface TertialLayout {
  /** Row of each report line in the Resultatrapport table (notes' lines in their note tables). */
  rowOf: Map<ReportLineId, number>;
  noteRowOf: Map<ReportLineId, number>;
  noteIncomeTotalRow: number;
  noteCostTotalRow: number;
  groupRows: number[];
  /** First and last numeric columns (prior period … deviation). */
  firstValueCol: number;
  lastValueCol: number;
  /** The rows a municipality has and a förbund never (always zero). */
  municipalRows: number[];
  /** The chart's data: its lines' rows from `firstRow`, the budget in `col` + 1 and the forecast in `col` + 2. */
  chart: { col: number; firstRow: number; lines: ReportLineId[] };
  /** The decided grants' table: its rows, each grant's days (the spread), and its columns. */
  grants?: { rows: number[]; days: Array<{ rest: number; total: number }>; cols: GrantCols };
  /** Medfinansierade insatser, when some insats is co-financed. */
  coFinancing?: CoFinancingLayout;
  /** Kostnader per verksamhet: its three rows and Summa, and whether it has a budget column's figures. */
  functions?: {
    rows: number[];
    totalRow: number;
    budget: boolean;
    cols: { prior: number; period: number; budget: number; forecast: number; share: number };
  };
}

/** The columns of the decided grants' table. */
export interface GrantCols {
  granted: number;
  paid: number;
  paidThisYear: number;
  remaining: number;
  unpaid: number;
  /** Paid before this year (earlier years' ledgers and Utbetalt tidigare): outside the print area. */
  before: number;
}

const GRANT_COLS: GrantCols = { granted: 2, paid: 5, paidThisYear: 6, remaining: 7, unpaid: 8, before: 9 };

/** Columns: label, note, five amounts, method, comment (printed); row id, comment from the inputs, chart data (not printed). */
const WIDTHS = [34, 5, 12, 12, 12, 12, 12, 27, 38, 26, 30, 26, 12, 12];
const COMMENT_COL = 8;
const LAST_PRINTED = 8;
/** The header of the column that holds what the inputs say, beside a comment typed in the report. */
export const INPUT_COMMENT_HEADER = "Kommentar enligt indata";
export const ROW_ID_HEADER = "Rad-id";
export const COMMENT_HEADER = "Kommentar";

/** Rows the municipal income statement prints that a samordningsförbund never has: always "–". */
const MUNICIPAL_ONLY_ROWS: Array<{ after: ReportLineId; id: string; label: string }> = [
  { after: "verksamhetens_nettokostnader", id: "skatteintakter", label: "Skatteintäkter" },
  { after: "verksamhetens_nettokostnader", id: "generella_statsbidrag_och_utjamning", label: "Generella statsbidrag och utjämning" },
];

export function tertialTitle(c: Computation): string {
  const m = c.period.months;
  const kind = m === 12 ? "Helårsuppföljning" : m === 4 || m === 8 ? "Tertialuppföljning" : "Uppföljning";
  return `${kind} per ${c.period.cutoff}`;
}

/** What every table of the report writes a line with: the headers, and a line's cells (label, note, amounts, method, comment). */
interface LineWriter {
  headers: string[];
  fmt: string;
  lineRow(v: LineValues, row: number, extra: { note?: number; bold?: boolean; method?: string }): Cell[];
}

export function tertialSheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: TertialLayout } {
  const unit = c.inputs.settings.displayUnit;
  const b = new SheetBuilder(OWNED_SHEETS.tertial, WIDTHS);
  header(b, tertialTitle(c), c, run, unit === "tkr" ? "tkr (tusental kronor)" : "kr");
  const words = boardText(c, "sv")!;
  b.row([text(words.periodTitle, { bold: true })]);
  b.paragraph(words.period, 0, LAST_PRINTED);
  b.row([text(words.forecastTitle, { bold: true })]);
  b.paragraph(words.forecast, 0, LAST_PRINTED);
  b.blank();
  const w = lineWriter(b, c);
  const statement = incomeStatement(b, c, w);
  const notes = noteTables(b, c, w);
  const breakAt = b.nextRow;
  const functions = functionsTable(b, c, w, LAST_PRINTED);
  const grants = grantsTable(b, c, w.fmt);
  const coFinancing = grants ? coFinancingTable(b, c, w.fmt, grants.rows) : undefined;
  // The chart on the left, the explanations beside it on the right: they share their rows.
  const explained = explanations(b, c);
  const chartData = chart(b, c, w.fmt, statement.headerRow, explained);
  // Page 1: the text, the income statement and its notes; page 2: the grants, the explanations and the chart.
  // The header row is not repeated, since page 2 holds other tables.
  finishPage(b, LAST_PRINTED);
  b.page!.breaksBefore = [breakAt];
  const layout = { rowOf: statement.rowOf, ...notes, firstValueCol: 2, lastValueCol: 6, municipalRows: statement.municipalRows };
  return { sheet: b.build(1), layout: { ...layout, chart: chartData, grants, functions, coFinancing } };
}

function lineWriter(b: SheetBuilder, c: Computation): LineWriter {
  const fmt = amountFormat(c);
  const unit = c.inputs.settings.displayUnit;
  const y = c.period.year;
  const threshold = c.inputs.settings.deviationThreshold;
  const headers = [
    unit === "tkr" ? "Belopp i tkr" : "Belopp i kr",
    "Not",
    `Utfall ${periodLabel(y - 1, c.period.months)}`,
    `Utfall ${periodLabel(y, c.period.months)}`,
    `Budget ${y}`,
    c.period.closed ? `Helår ${y}` : `Prognos ${y}`,
    "Avvikelse mot budget",
    "Prognosmetod",
    COMMENT_HEADER,
    ROW_ID_HEADER,
    INPUT_COMMENT_HEADER,
  ];
  const deviationTone = (v: LineValues): Tone | undefined => {
    const f = flagDeviation(v.deviation, v.budget, threshold);
    return f === "better" ? "good" : f === "worse" ? "bad" : undefined;
  };
  const values = (v: LineValues, style: Partial<Cell>): Cell[] => [
    ...[v.priorPeriod, v.period, v.budget, v.forecast].map((x) => money(x, fmt, style)),
    money(v.deviation, fmt, { ...style, tone: deviationTone(v) }),
  ];
  /** A line's comment, wrapped in its column; the row grows to fit. */
  const comment = (v: LineValues, row: number): Cell => {
    const shown = shownComment(v, "sv");
    b.fitRow(row, COMMENT_COL, shown);
    // Open for typing on the protected sheet: a comment typed here is kept by the next run (see keepReportComments).
    return text(shown, { wrap: true, unlocked: true, tone: v.kept ? "warn" : undefined });
  };
  const lineRow: LineWriter["lineRow"] = (v, row, extra) => [
    text(v.label, { bold: extra.bold }),
    extra.note ? { value: extra.note, format: FORMATS.integer } : text(""),
    ...values(v, { bold: extra.bold }),
    text(extra.method ?? methodText(v, "sv"), { indent: 1 }),
    comment(v, row),
    techText(v.id),
    techText(v.kept ? v.kept.inputComment : shownComment(v, "sv")),
  ];
  return { headers, fmt, lineRow };
}

/** The income statement in the municipal order, with the rows a municipality has and a förbund never (always –). */
function incomeStatement(
  b: SheetBuilder,
  c: Computation,
  w: LineWriter,
): { rowOf: Map<ReportLineId, number>; headerRow: number; municipalRows: number[] } {
  const t = c.tertial!;
  const rowOf = new Map<ReportLineId, number>();
  const municipalRows: number[] = [];
  const body: Cell[][] = [];
  b.row([text("Resultaträkning", { bold: true })]);
  const headerRow = b.nextRow;
  const zero = { priorPeriod: ZERO, period: ZERO, budget: ZERO, forecast: ZERO, deviation: ZERO };
  for (const def of REPORT_ROWS) {
    const v = t.byId[def.id];
    const isTotal = !!def.parts && !def.note;
    const row = headerRow + 1 + body.length;
    rowOf.set(def.id, row);
    body.push(w.lineRow(v, row, { note: def.note, bold: isTotal, method: def.note ? `Summa enligt not ${def.note}` : undefined }));
    for (const extra of MUNICIPAL_ONLY_ROWS.filter((r) => r.after === def.id)) {
      const fake = { ...zero, id: extra.id as ReportLineId, label: extra.label, method: "summa" as const, comment: "" };
      municipalRows.push(headerRow + 1 + body.length);
      body.push(w.lineRow(fake, headerRow + 1 + body.length, { method: "" }));
    }
  }
  b.table("Resultatrapport", w.headers, body);
  const unit = c.inputs.settings.displayUnit;
  const threshold = c.inputs.settings.deviationThreshold;
  const thresholdText = [
    threshold.rate ? formatPercent(threshold.rate) + " av budget" : "",
    threshold.amount ? `${new Decimal(threshold.amount).dividedBy(unit === "tkr" ? 1000 : 1).toFixed()} ${unit}` : "",
  ]
    .filter((x) => x)
    .join(" och ");
  b.row([
    text(
      "Avvikelse: + = bättre än budget, − = sämre. " +
        (thresholdText ? `Grönt eller rött: avvikelsen är minst ${thresholdText} (Avvikelsegräns).` : ""),
      { italic: true },
    ),
  ]);
  b.blank();
  return { rowOf, headerRow, municipalRows };
}

/** Not 1 (income, member contributions split by group) and Not 2 (costs), each with its Summa row. */
function noteTables(
  b: SheetBuilder,
  c: Computation,
  w: LineWriter,
): Pick<TertialLayout, "noteRowOf" | "noteIncomeTotalRow" | "noteCostTotalRow" | "groupRows"> {
  const t = c.tertial!;
  const noteRowOf = new Map<ReportLineId, number>();
  const groupRows: number[] = [];
  // A Tilläggsbidrag of the year with its own group shares makes a group's part differ from its share: said so.
  const ownShares = c.extraShares.some((x) => x.extra.year === c.inputs.settings.year && x.extra.shares);
  b.row([text("Not 1 Verksamhetens intäkter", { bold: true })]);
  const note1Header = b.nextRow;
  const note1: Cell[][] = [];
  for (const line of NOTE_INCOME_LINES) {
    const row = note1Header + 1 + note1.length;
    noteRowOf.set(line, row);
    note1.push(w.lineRow(t.byId[line], row, {}));
    if (line !== "medlemsbidrag") continue;
    for (const g of t.contributionsByGroup) {
      groupRows.push(note1Header + 1 + note1.length);
      note1.push([
        text(`varav ${GROUP_LABELS[g.group]}`, { indent: 1 }),
        text(""),
        ...[g.priorPeriod, g.period, g.budget, g.forecast, g.deviation].map((x) => money(x, w.fmt, { italic: true })),
        text(ownShares ? `${formatPercent(g.share)}; tillägg efter egna andelar` : `${formatPercent(g.share)} av medlemsbidraget`, {
          indent: 1,
        }),
        text(""),
        techText(`medlemsbidrag_${g.group.toLowerCase()}`),
        techText(""),
      ]);
    }
  }
  const noteIncomeTotalRow = note1Header + 1 + note1.length;
  note1.push(w.lineRow(t.byId.verksamhetens_intakter, noteIncomeTotalRow, { bold: true, method: "Summa" }));
  note1[note1.length - 1][0] = text("Summa", { bold: true });
  b.table("NotIntakter", w.headers, note1);
  b.blank();

  b.row([text("Not 2 Verksamhetens kostnader", { bold: true })]);
  const note2Header = b.nextRow;
  const note2: Cell[][] = [];
  for (const line of NOTE_COST_LINES) {
    const row = note2Header + 1 + note2.length;
    noteRowOf.set(line, row);
    note2.push(w.lineRow(t.byId[line], row, {}));
  }
  const noteCostTotalRow = note2Header + 1 + note2.length;
  note2.push(w.lineRow(t.byId.verksamhetens_kostnader, noteCostTotalRow, { bold: true, method: "Summa" }));
  note2[note2.length - 1][0] = text("Summa", { bold: true });
  b.table("NotKostnader", w.headers, note2);
  b.blank();
  return { noteRowOf, noteIncomeTotalRow, noteCostTotalRow, groupRows };
}

/**
 * The decided grants the forecast method Utfall + beslutade insatser rests on; beside them (not printed) what each had
 * been paid before this year, so that Kontroller can tie paid, paid this year and unpaid together.
 */
function grantsTable(b: SheetBuilder, c: Computation, fmt: string): TertialLayout["grants"] {
  const grants = c.tertial!.grants;
  if (grants.length === 0) return undefined;
  const unit = c.inputs.settings.displayUnit;
  b.row([text(`Beslutade insatser, ${unit} (underlag för prognosmetoden Utfall + beslutade insatser)`, { bold: true })]);
  const grantHeader = b.nextRow;
  const t = b.table(
    "Insatsprognos",
    ["Insats", "Dnr", "Beviljat", "Från", "Till", "Utbetalt t.o.m. brytdatum", "Varav i år", "Återstår i år (prognos)", "Ej utbetalt"],
    grants.map((g, i) => [
      (b.fitRow(grantHeader + 1 + i, 0, `${g.code} ${g.name}`), text(`${g.code} ${g.name}`.trim(), { wrap: true })),
      text(g.dnr, { right: true }),
      money(g.granted, fmt),
      text(isoOfDayNumber(g.from), { right: true }),
      text(isoOfDayNumber(g.to), { right: true }),
      money(g.paid, fmt),
      money(g.paidThisYear, fmt),
      money(g.remainingThisYear, fmt),
      money(g.unpaid, fmt),
    ]),
  );
  b.put(grantHeader, GRANT_COLS.before, techText("Utbetalt före i år"));
  grants.forEach((g, i) =>
    b.put(t.firstRow + i, GRANT_COLS.before, money(g.paid.minus(g.paidThisYear), fmt, { small: true, tone: "muted" })),
  );
  b.blank();
  return {
    rows: grants.map((_, i) => t.firstRow + i),
    days: grants.map((g) => ({ rest: g.restDays, total: g.totalDays })),
    cols: GRANT_COLS,
  };
}

/** The chart's least height, in lines of 15 points. */
const CHART_LINES = 17;

/** The columns Förklaringar are written in, beside the chart (which takes the columns left of them). */
const EXPLAIN_LEFT = 7;

/**
 * Förklaringar, in the last two printed columns: the unit, the signs, the accrual, the methods, the comments kept. Returns
 * their first row and the number of text lines they take (the chart beside them is at least as tall).
 */
function explanations(b: SheetBuilder, c: Computation): { top: number; lines: number } {
  const t = c.tertial!;
  const top = b.row([...new Array(EXPLAIN_LEFT).fill(null), text("Förklaringar", { bold: true })]);
  const notes: string[] = [];
  if (c.inputs.settings.displayUnit === "tkr") {
    notes.push(
      "Belopp i tkr: cellerna innehåller exakta kronor och visas avrundade till tusental (halvt bort från " +
        "noll). Summor räknas på exakta belopp, så en kolumn kan avvika ±1 tkr från summan av de visade raderna.",
    );
  }
  notes.push("Tecken: intäkter positiva, kostnader negativa. Utfall = minus summan av huvudbokens belopp (debet positivt).");
  if (t.accrued) {
    const src = { ledger: "fjolårets bokförda medlemsbidrag", budget: "fjolårets budget", none: "–" }[t.contributionsPriorYearSource];
    notes.push(`Medlemsbidrag periodiseras: årets medlemsbidrag × ${t.months}/12 (jämförelseåret: ${src} × ${t.months}/12).`);
  } else notes.push("Medlemsbidrag redovisas som bokförda (ej periodiserade).");
  notes.push(
    `Prognosmetoder: Budget = årets budget; Utfall uppräknat till helår = utfall × 12/${t.months}; ` +
      `Utfall + återstående budget = utfall + budget × ${12 - t.months}/12; Utfall enligt fjolårets mönster = utfall × ` +
      "fjolårets helår / fjolårets period; Utfall + beslutade insatser = utfall + beslutade insatsers återstående del i år " +
      "(beviljat belopp jämnt fördelat per dag över insatsens period, högst det som ännu inte betalats ut); " +
      "Bedömning = angivet belopp med kommentar." +
      (anyCoFinanced(t.grants)
        ? " Medfinansierade insatser: förbundet betalar hela beviljade beloppet och medfinansiären sin del tillbaka; " +
          `medfinansiering × (utbetalt i år + återstår i år) / beviljat ${c.period.year} (Enligt medfinansiering), ` +
          "× (ej utbetalt − återstår i år) / beviljat därefter. Eget kapital räknar bara förbundets egen del som åtagande."
        : ""),
  );
  const priorNote = priorPeriodNote(c);
  if (priorNote) notes.push(priorNote);
  if (t.lines.some((l) => l.kept) || [...NOTE_INCOME_LINES, ...NOTE_COST_LINES].some((l) => t.byId[l].kept)) {
    notes.push(
      "Kommentarer i gult är skrivna direkt i rapporten och har behållits. Flytta dem till tabellen Prognos (Kommentar) " +
        "så att de följer med indata.",
    );
  }
  let lines = 1;
  for (const n of notes) {
    const row = b.paragraph(n, EXPLAIN_LEFT, LAST_PRINTED, { italic: true });
    lines += (b.rowHeights[row] ?? 15) / 15;
  }
  return { top, lines };
}

/** Budget against forecast per line, as positive amounts: the chart's data (outside the print area) and the chart. */
function chart(
  b: SheetBuilder,
  c: Computation,
  fmt: string,
  dataHeader: number,
  beside: { top: number; lines: number },
): TertialLayout["chart"] {
  const t = c.tertial!;
  const y = c.period.year;
  const closed = c.period.closed;
  const dataCol = 11;
  const lines = [...NOTE_INCOME_LINES, ...NOTE_COST_LINES];
  b.put(dataHeader, dataCol, techText("Diagramunderlag"));
  b.put(dataHeader, dataCol + 1, techText(`Budget ${y}`));
  b.put(dataHeader, dataCol + 2, techText(closed ? `Helår ${y}` : `Prognos ${y}`));
  lines.forEach((line, i) => {
    const v = t.byId[line];
    b.put(dataHeader + 1 + i, dataCol, techText(v.label));
    b.put(dataHeader + 1 + i, dataCol + 1, money(v.budget.abs(), fmt, { small: true, tone: "muted" }));
    b.put(dataHeader + 1 + i, dataCol + 2, money(v.forecast.abs(), fmt, { small: true, tone: "muted" }));
  });
  // Beside the explanations, from their title down; at least 17 lines tall (rows after them are one line each).
  const chartTop = beside.top;
  const chartBottom = b.nextRow + Math.max(0, CHART_LINES - beside.lines);
  b.charts.push({
    name: "BudgetMotPrognos",
    title: `Budget och ${closed ? "utfall" : "prognos"} ${y} per rad (${c.inputs.settings.displayUnit === "tkr" ? "tkr" : "kr"})`,
    type: "ColumnClustered",
    series: [1, 2].map((k) => ({ nameRow: dataHeader, col: dataCol + k, firstRow: dataHeader + 1, lastRow: dataHeader + lines.length })),
    categories: { col: dataCol, firstRow: dataHeader + 1, lastRow: dataHeader + lines.length },
    anchor: { top: chartTop, left: 0, bottom: chartBottom, right: EXPLAIN_LEFT - 1 },
  });
  return { col: dataCol, firstRow: dataHeader + 1, lines };
}
