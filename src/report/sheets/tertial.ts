/** Tertialrapport: the income statement with notes, grants and explanations, and its chart. */
import type { Computation } from "../../core/compute";
import { isoOfDayNumber } from "../../core/dates";
import type { Decimal } from "../../core/money";
import { GROUP_LABELS, NOTE_COST_LINES, NOTE_INCOME_LINES, REPORT_ROWS, ReportLineId } from "../../core/reportLines";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "../sheetModel";
import { amountFormat, formatPercent, header, money, OWNED_SHEETS, periodLabel, RunInfo, text } from "./header";

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
}

const VALUE_HEADERS = (c: Computation) => {
  const y = c.period.year;
  const m = c.period.months;
  return [`Utfall ${periodLabel(y - 1, m)}`, `Utfall ${periodLabel(y, m)}`, `Budget ${y}`, `Prognos ${y}`, `Avvikelse prognos–budget`];
};

export function tertialSheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: TertialLayout } {
  const t = c.tertial!;
  const fmt = amountFormat(c);
  const unit = c.inputs.settings.displayUnit;
  const b = new SheetBuilder(OWNED_SHEETS.tertial, [36, 8, 20, 20, 16, 16, 24, 30, 48, 30]);
  header(b, `Tertialrapport ${c.period.cutoff}`, c, run, unit === "tkr" ? "tkr (tusental kronor)" : "kr");
  const values = (
    v: { priorPeriod: Decimal; period: Decimal; budget: Decimal; forecast: Decimal; deviation: Decimal },
    bold: boolean,
  ): Cell[] => [v.priorPeriod, v.period, v.budget, v.forecast, v.deviation].map((x) => money(x, fmt, { bold }));
  const rowOf = new Map<ReportLineId, number>();
  const body: Cell[][] = [];
  b.row([text("Resultaträkning", { bold: true })]);
  const headerRow = b.nextRow;
  for (const def of REPORT_ROWS) {
    const v = t.byId[def.id];
    const isTotal = !!def.parts && !def.note;
    rowOf.set(def.id, headerRow + 1 + body.length);
    body.push([
      text(v.label, { bold: isTotal }),
      def.note ? { value: def.note, format: FORMATS.integer } : text(""),
      ...values(v, isTotal),
      text(def.note ? `summa enligt not ${def.note}` : v.methodText),
      text(v.comment, { wrap: false }),
      text(def.id),
    ]);
  }
  b.table("Resultatrapport", ["Belopp", "Not", ...VALUE_HEADERS(c), "Prognosmetod", "Kommentar", "Rad-id"], body);
  b.blank();

  const noteRowOf = new Map<ReportLineId, number>();
  const groupRows: number[] = [];
  // Not 1: income, with member contributions split by group.
  b.row([text("Not 1 Verksamhetens intäkter", { bold: true })]);
  const note1Header = b.nextRow;
  const note1: Cell[][] = [];
  for (const line of NOTE_INCOME_LINES) {
    const v = t.byId[line];
    noteRowOf.set(line, note1Header + 1 + note1.length);
    note1.push([text(v.label), text(""), ...values(v, false), text(v.methodText), text(v.comment), text(line)]);
    if (line === "medlemsbidrag") {
      for (const g of t.contributionsByGroup) {
        groupRows.push(note1Header + 1 + note1.length);
        note1.push([
          text(`varav ${GROUP_LABELS[g.group]}`, { indent: 1 }),
          text(""),
          ...[g.priorPeriod, g.period, g.budget, g.forecast, g.deviation].map((x) => money(x, fmt, { italic: true })),
          text(`${formatPercent(g.share)} av medlemsbidraget`),
          text(""),
          text(`medlemsbidrag_${g.group.toLowerCase()}`),
        ]);
      }
    }
  }
  const noteIncomeTotalRow = note1Header + 1 + note1.length;
  note1.push([
    text("Summa", { bold: true }),
    text(""),
    ...values(t.byId.verksamhetens_intakter, true),
    text("summa"),
    text(""),
    text("verksamhetens_intakter"),
  ]);
  b.table("NotIntakter", ["Belopp", "Not", ...VALUE_HEADERS(c), "Prognosmetod", "Kommentar", "Rad-id"], note1);
  b.blank();

  b.row([text("Not 2 Verksamhetens kostnader", { bold: true })]);
  const note2Header = b.nextRow;
  const note2: Cell[][] = [];
  for (const line of NOTE_COST_LINES) {
    const v = t.byId[line];
    noteRowOf.set(line, note2Header + 1 + note2.length);
    note2.push([text(v.label), text(""), ...values(v, false), text(v.methodText), text(v.comment), text(line)]);
  }
  const noteCostTotalRow = note2Header + 1 + note2.length;
  note2.push([
    text("Summa", { bold: true }),
    text(""),
    ...values(t.byId.verksamhetens_kostnader, true),
    text("summa"),
    text(""),
    text("verksamhetens_kostnader"),
  ]);
  b.table("NotKostnader", ["Belopp", "Not", ...VALUE_HEADERS(c), "Prognosmetod", "Kommentar", "Rad-id"], note2);
  b.blank();

  if (t.grants.length > 0) {
    b.row([text("Beslutade insatser (underlag för metoden åtaganden)", { bold: true })]);
    b.table(
      "Insatsprognos",
      [
        "Insats",
        "Dnr",
        "Beviljat",
        "Från",
        "Till",
        "Utbetalt t.o.m. brytdatum",
        "Varav i år",
        "Återstår i år (prognos)",
        "Ej utbetalt",
        "Namn",
      ],
      t.grants.map((g) => [
        text(g.code),
        text(g.dnr),
        money(g.granted, fmt),
        text(isoOfDayNumber(g.from)),
        text(isoOfDayNumber(g.to)),
        money(g.paid, fmt),
        money(g.paidThisYear, fmt),
        money(g.remainingThisYear, fmt),
        money(g.unpaid, fmt),
        text(g.name),
      ]),
    );
    b.blank();
  }

  b.row([text("Förklaringar", { bold: true })]);
  const notes: string[] = [];
  if (unit === "tkr") {
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
    `Prognosmetoder: budget = budget; linjär = utfall × 12/${t.months}; ` +
      `utfall+restbudget = utfall + budget × ${12 - t.months}/12; föregående år = utfall × fjolårets helår / fjolårets period; ` +
      "åtaganden = utfall + beslutade insatsers återstående del i år " +
      "(beviljat belopp jämnt fördelat per dag över insatsens period, " +
      "högst det som ännu inte betalats ut); manuell = angivet belopp med kommentar.",
  );
  for (const n of notes) b.row([text(n, { italic: true })]);
  // Budget against forecast for each line of the income statement (the rows of Resultatrapport).
  const reportFirst = headerRow + 1;
  const reportLast = headerRow + REPORT_ROWS.length;
  const chartTop = b.nextRow + 1;
  b.charts.push({
    name: "BudgetMotPrognos",
    title: `Budget och prognos ${c.period.year} per rad${unit === "tkr" ? " (kr)" : ""}`,
    type: "ColumnClustered",
    series: [4, 5].map((col) => ({ nameRow: headerRow, col, firstRow: reportFirst, lastRow: reportLast })),
    categories: { col: 0, firstRow: reportFirst, lastRow: reportLast },
    anchor: { top: chartTop, left: 0, bottom: chartTop + 19, right: 4 },
  });
  return {
    sheet: b.build(1),
    layout: { rowOf, noteRowOf, noteIncomeTotalRow, noteCostTotalRow, groupRows, firstValueCol: 2, lastValueCol: 6 },
  };
}
