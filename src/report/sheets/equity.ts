/**
 * Eget kapital, as the annual reports write it: one sentence with projected equity at the balance
 * sheet date and the highest recommended level, the calculation as a short table, the ceiling's
 * bands, the multi-year projection with years as columns, and a chart of equity against the ceiling.
 */
import { anyCoFinanced } from "../../core/grants";
import type { Computation } from "../../core/compute";
import { amountText, equitySentence, planText } from "../boardText";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "../sheetModel";
import {
  amountFormat,
  ceilingRuleText,
  contributionSourceText,
  finishPage,
  header,
  money,
  OWNED_SHEETS,
  RunInfo,
  techText,
  text,
} from "./header";

type EquityRow =
  | "opening"
  | "direct"
  | "result"
  | "closing"
  | "basis"
  | "ceiling"
  | "margin"
  | "unpaidGrants"
  | "commitmentsInForecast"
  | "commitmentsAfterYear"
  | "coFinancedAfterYear"
  | "ownCommitmentsAfterYear"
  | "equityAfterCommitments";

export interface EquityLayout {
  /**
   * Every row's position; `direct` only when something was booked directly on equity accounts, the co-financiers' and
   * the own part of what remains after the year only when some insats is co-financed.
   */
  rowOf: Record<Exclude<EquityRow, OptionalRow>, number> & Partial<Record<OptionalRow, number>>;
  valueCol: number;
  /** The ceiling's bands (exact decimal text: from, to or null, rate) and their rows; the base in col 2, the level in col 3. */
  bands: { rows: number[]; rule: Array<{ from: string; to: string | null; rate: string }> };
  /** The following budget years: each year's column, and the rows of opening, result, closing, base, ceiling, margin. */
  projection?: {
    years: number[];
    firstCol: number;
    rowOf: Record<"opening" | "result" | "closing" | "basis" | "ceiling" | "margin", number>;
  };
  /** The chart's data: from `firstRow`, one row per year, the closing equity in `col` + 1 and the ceiling in `col` + 2. */
  chart: { col: number; firstRow: number; years: number[] };
}

type OptionalRow = "direct" | "coFinancedAfterYear" | "ownCommitmentsAfterYear";

/** Label, amount, then up to five year columns; then the technical columns (row id, chart data). */
const YEAR_COLS = 5;

/** The technical column (row ids) and the chart's data columns after it, outside the print area. */
const TECH_COL = 1 + YEAR_COLS + 1;

export function equitySheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: EquityLayout } {
  const unit = c.inputs.settings.displayUnit;
  const b = new SheetBuilder(OWNED_SHEETS.equity, [56, ...new Array(YEAR_COLS).fill(12), 3, 24, 10, 14, 14]);
  header(b, `Eget kapital per ${c.period.cutoff}`, c, run, unit === "tkr" ? "tkr (tusental kronor)" : "kr");
  statusLines(b, c);
  const { rowOf, headerRow } = calculationTable(b, c);
  const bands = bandsTable(b, c);
  const projection = projectionTable(b, c);
  const chart = equityChart(b, c, headerRow);
  finishPage(b, YEAR_COLS, headerRow);
  return { sheet: b.build(1), layout: { rowOf, valueCol: 1, bands, projection, chart } };
}

/** The annual report's sentence, and over or under the ceiling with what that means. */
function statusLines(b: SheetBuilder, c: Computation): void {
  const over = c.equity!.status === "over";
  b.paragraph(equitySentence(c), 0, YEAR_COLS, { bold: true });
  const explanation = over
    ? "Överskottet är vad som i år, utöver prognosen, skulle behöva användas för att eget kapital ska hamna på den högsta " +
      "rekommenderade nivån."
    : "Marginalen är vad eget kapital kan växa innan det når den högsta rekommenderade nivån.";
  const statusRow = b.row([
    text(over ? "Över taket" : "Under taket", { bold: true, tone: over ? "bad" : "good" }),
    text(explanation, { wrap: true }),
  ]);
  b.mergeText(statusRow, 1, YEAR_COLS, explanation);
  b.blank();
}

/** The calculation as a short table: opening, booked directly, result, closing, the ceiling, the margin, the commitments. */
function calculationTable(b: SheetBuilder, c: Computation): { rowOf: EquityLayout["rowOf"]; headerRow: number } {
  const e = c.equity!;
  const fmt = amountFormat(c);
  const s = c.inputs.settings;
  const over = e.status === "over";
  const openingSource = {
    setting: "inställning",
    ledger: "IB i Huvudbok",
    prior_year: "fjolårets utgående enligt Huvudbok",
    none: "saknas, 0",
  }[e.openingSource];
  const y = c.period.year;
  const ruleWords = e.ceiling.rule.kind === "table" ? "trappstegsregel" : ceilingRuleText(e.ceiling.rule, s.ceilingBasis);
  const directRow: [string, Cell, EquityRow] = [
    `Bokat direkt mot eget kapital ${y} (Huvudbok, t.o.m. brytdatum)`,
    money(e.directPostings, fmt),
    "direct",
  ];
  const coFinanced = anyCoFinanced(c.tertial?.grants ?? []);
  const coFinancedRows: Array<[string, Cell, EquityRow]> = [
    [`därav medfinansiärernas del (betalas tillbaka)`, money(e.coFinancedAfterYear, fmt, { italic: true }), "coFinancedAfterYear"],
    [`därav förbundets egen del`, money(e.ownCommitmentsAfterYear, fmt, { italic: true }), "ownCommitmentsAfterYear"],
  ];
  const rows: Array<[string, Cell, EquityRow]> = [
    [`Ingående eget kapital (${openingSource})`, money(e.opening, fmt), "opening"],
    // Only when there is some: booked straight onto equity accounts, as the balance sheet counts it.
    ...(e.directPostings.isZero() ? [] : [directRow]),
    [`Prognostiserat resultat ${y} (Tertialrapport)`, money(e.forecastResult, fmt), "result"],
    ["Prognostiserat eget kapital på balansdagen", money(e.closing, fmt, { bold: true }), "closing"],
    [
      s.ceilingBasis === "income"
        ? `Takunderlag: årets verksamhetsintäkter (prognos, Tertialrapport)`
        : `Årets medlemsbidrag (${contributionSourceText(c.contributions.get(y)?.source).toLowerCase()})`,
      money(e.basis, fmt),
      "basis",
    ],
    [`Högsta rekommenderade nivå (${ruleWords})`, money(e.ceiling.ceiling, fmt, { bold: true }), "ceiling"],
    ["Marginal (nivå − eget kapital; negativ över taket)", money(e.margin, fmt, { bold: true, tone: over ? "bad" : "good" }), "margin"],
    ["Beslutade men ej utbetalda insatsmedel", money(e.unpaidGrants, fmt), "unpaidGrants"],
    [`varav betalas ${y} enligt prognosen`, money(e.commitmentsInForecast, fmt, { italic: true }), "commitmentsInForecast"],
    [`varav återstår efter ${y} (beslutad finansiering)`, money(e.commitmentsAfterYear, fmt, { italic: true }), "commitmentsAfterYear"],
    // Co-financed insatser: the co-financiers pay their part back, so only the förbund's own part is equity promised.
    ...(coFinanced ? coFinancedRows : []),
    ["Eget kapital efter beslutad finansiering", money(e.equityAfterCommitments, fmt, { bold: true }), "equityAfterCommitments"],
  ];
  b.row([text("Beräkning", { bold: true })]);
  const headerRow = b.nextRow;
  const indent = (id: EquityRow) =>
    id === "commitmentsInForecast" || id === "commitmentsAfterYear"
      ? 1
      : id === "coFinancedAfterYear" || id === "ownCommitmentsAfterYear"
        ? 2
        : 0;
  b.table(
    "EgetKapital",
    ["Post", s.displayUnit === "tkr" ? "Belopp i tkr" : "Belopp i kr"],
    rows.map(([label, v, id]) => [text(label, indent(id) ? { indent: indent(id) } : {}), v]),
  );
  // Row ids beside the table, outside the print area.
  rows.forEach(([, , id], i) => b.put(headerRow + 1 + i, TECH_COL, techText(id)));
  b.put(headerRow, TECH_COL, techText("Rad-id"));
  const rowOf = Object.fromEntries(rows.map(([, , id], i) => [id, headerRow + 1 + i])) as EquityLayout["rowOf"];
  b.blank();
  return { rowOf, headerRow };
}

/** How the ceiling is reached: each band of the rule with its base and its level. */
function bandsTable(b: SheetBuilder, c: Computation): EquityLayout["bands"] {
  const e = c.equity!;
  const fmt = amountFormat(c);
  const s = c.inputs.settings;
  const unit = s.displayUnit;
  b.row([text("Högsta rekommenderade nivå: beräkning", { bold: true })]);
  const bound = (v: Parameters<typeof amountText>[0]) => amountText(v, unit).replace(/\u00a0t?kr$/, "");
  const t = b.table(
    "Takberakning",
    [
      `${s.ceilingBasis === "income" ? "Intäkter" : "Medlemsbidrag"} i intervallet (${unit})`,
      "Procent",
      "Underlag i intervallet",
      "Nivå i intervallet",
    ],
    e.ceiling.bands.map((band) => [
      text(band.to === null ? `${bound(band.from)} och uppåt` : `${bound(band.from)} – ${bound(band.to)}`),
      { value: band.rate.toNumber(), format: FORMATS.percent },
      money(band.basisInBand, fmt),
      money(band.amount, fmt),
    ]),
  );
  b.blank();
  return { rows: e.ceiling.bands.map((_, i) => t.firstRow + i), rule: ruleBands(c) };
}

/** The rule as bands of exact decimal text (a flat rule is one band from zero), for Kontroller's formulas. */
function ruleBands(c: Computation): EquityLayout["bands"]["rule"] {
  return c.equity!.ceiling.bands.map((band) => ({
    from: band.from.toFixed(),
    to: band.to === null ? null : band.to.toFixed(),
    rate: band.rate.toFixed(),
  }));
}

/** The following budget years (the report year's figures are in the calculation; printed once), with what the plan achieves. */
function projectionTable(b: SheetBuilder, c: Computation): EquityLayout["projection"] {
  const e = c.equity!;
  const fmt = amountFormat(c);
  const s = c.inputs.settings;
  const later = e.years.slice(0, YEAR_COLS).filter((yr) => yr.year > c.period.year);
  if (later.length === 0) return undefined;
  b.row([text("Flerårsprognos (följande år enligt budget)", { bold: true })]);
  // What the plan achieves, in words, beside the figures it speaks of: one story on the page.
  const story = planText(c);
  if (story) b.paragraph(story, 0, YEAR_COLS, { wrap: true });
  const line = (label: string, pick: (yr: (typeof later)[number]) => Cell, bold = false): Cell[] => [
    text(label, { bold }),
    ...later.map(pick),
  ];
  const t = b.table(
    "Flerarsprognos",
    [s.displayUnit === "tkr" ? "Belopp i tkr" : "Belopp i kr", ...later.map((yr) => String(yr.year))],
    [
      line("Ingående eget kapital", (yr) => money(yr.opening, fmt)),
      line("Budgeterat resultat", (yr) => money(yr.result, fmt)),
      line("Utgående eget kapital", (yr) => money(yr.closing, fmt, { bold: true }), true),
      line(s.ceilingBasis === "income" ? "Takunderlag: budgeterade intäkter" : "Medlemsbidrag", (yr) => money(yr.basis, fmt)),
      line("Högsta rekommenderade nivå", (yr) => money(yr.ceiling, fmt, { bold: true }), true),
      line("Marginal", (yr) => money(yr.margin, fmt, { tone: yr.status === "over" ? "bad" : "good" })),
    ],
  );
  const r = t.firstRow;
  const rowOf = { opening: r, result: r + 1, closing: r + 2, basis: r + 3, ceiling: r + 4, margin: r + 5 };
  return { years: later.map((yr) => yr.year), firstCol: 1, rowOf };
}

/** The chart of equity against the ceiling per year, and its data column-wise beside the calculation (not printed). */
function equityChart(b: SheetBuilder, c: Computation, yearsHeader: number): EquityLayout["chart"] {
  const fmt = amountFormat(c);
  const years = c.equity!.years.slice(0, YEAR_COLS);
  const dataCol = TECH_COL + 1;
  b.put(yearsHeader, dataCol, techText("År"));
  b.put(yearsHeader, dataCol + 1, techText("Eget kapital"));
  b.put(yearsHeader, dataCol + 2, techText("Högsta nivå"));
  years.forEach((yr, i) => {
    b.put(yearsHeader + 1 + i, dataCol, techText(String(yr.year)));
    b.put(yearsHeader + 1 + i, dataCol + 1, money(yr.closing, fmt, { small: true, tone: "muted" }));
    b.put(yearsHeader + 1 + i, dataCol + 2, money(yr.ceiling, fmt, { small: true, tone: "muted" }));
  });
  const chartTop = b.nextRow + 1;
  b.charts.push({
    name: "EgetKapitalMotTak",
    title: `Eget kapital och högsta rekommenderade nivå (${c.inputs.settings.displayUnit})`,
    type: "ColumnClustered",
    series: [1, 2].map((k) => ({ nameRow: yearsHeader, col: dataCol + k, firstRow: yearsHeader + 1, lastRow: yearsHeader + years.length })),
    categories: { col: dataCol, firstRow: yearsHeader + 1, lastRow: yearsHeader + years.length },
    anchor: { top: chartTop, left: 0, bottom: chartTop + 15, right: 3 },
  });
  return { col: dataCol, firstRow: yearsHeader + 1, years: years.map((yr) => yr.year) };
}
