/**
 * The owned output sheets as sheet models: Medlemsandelar, Tertialrapport, Eget kapital and
 * Kontroller. Layout, number formats, emphasis, table names and check formulas are decided here,
 * once, for both adapters.
 */
import type { Computation } from "./compute";
import { isoOfDayNumber } from "./dates";
import { formatPercent } from "./equity";
import { Decimal, toCellNumber } from "./money";
import { GROUP_LABELS, GROUPS, LINE_LABELS, NOTE_COST_LINES, NOTE_INCOME_LINES, REPORT_ROWS, ReportLineId } from "./reportLines";
import { a1, Cell, columnLetters, FORMATS, quoteSheetName, SheetBuilder, SheetModel, sheetA1 } from "./sheetModel";
import { splitByGroups } from "./memberShares";
import { formatNumber } from "./render";

export const OWNED_SHEETS = {
  memberShares: "Medlemsandelar",
  tertial: "Tertialrapport",
  equity: "Eget kapital",
  checks: "Kontroller",
  log: "Körlogg",
} as const;

export interface RunInfo {
  version: string;
  /** ISO time of computation; the only value that differs between identical runs. */
  computedAt: string;
  fingerprint: string;
  /** What each input sheet held when the run read it (for the staleness check). */
  stamps?: InputStamp[];
  /** The run log: earlier rows, kept, and the name of this action. */
  log?: { previous: LogValue[][]; action: string };
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

const money = (v: Decimal, format: string, extra: Partial<Cell> = {}): Cell => ({ value: toCellNumber(v), format, ...extra });
const text = (v: string, extra: Partial<Cell> = {}): Cell => ({ value: v, format: FORMATS.text, ...extra });

/** The header block every owned sheet starts with. Returns the builder positioned after it. */
function header(b: SheetBuilder, title: string, c: Computation, run: RunInfo, unitText: string): void {
  const s = c.inputs.settings;
  b.row([text(`${title} – ${s.association}`, { bold: true, title: true })]);
  b.row([text("Förbund"), text(s.association)]);
  b.row([text("Räkenskapsår"), { value: s.year, format: FORMATS.integer }]);
  b.row([text("Brytdatum"), text(c.period.cutoff)]);
  b.row([text("Beloppsenhet"), text(unitText)]);
  b.row([text("Beräknad"), text(run.computedAt, { volatile: true })]);
  b.row([text("Version"), text(`Finsam Ekonomi ${run.version}`)]);
  b.row([text("Indatafingeravtryck"), text(run.fingerprint)]);
  // Live: Kontroller compares the input sheets now with what this run read.
  b.row([text("Indata"), { value: STATUS_CURRENT, formula: b.name === OWNED_SHEETS.checks ? "" : sheetA1(OWNED_SHEETS.checks, HEADER_ROWS.status, 1), bold: true }]);
  b.row([text("Bladet skrivs om vid varje omräkning. Ändra indata och beräkna om i stället för att ändra här.", { italic: true })]);
  b.blank();
}

/** Row index of a header field, for other sheets' references. */
export const HEADER_ROWS = { title: 0, association: 1, year: 2, cutoff: 3, unit: 4, computedAt: 5, version: 6, fingerprint: 7, status: 8 } as const;

function amountFormat(c: Computation): string {
  return c.inputs.settings.displayUnit === "tkr" ? FORMATS.tkr : FORMATS.kr;
}

// ---------------------------------------------------------------------------------------------

export interface MemberSharesLayout {
  /** Rows of the totals table per year, and the ranges of group and member tables. */
  totalsRowByYear: Map<number, number>;
  groupRows: { first: number; last: number };
  memberRows: { first: number; last: number };
  /** Columns in the member table. */
  memberYearCol: number;
  memberAmountCol: number;
  firstInstallmentCol: number;
  installmentCount: number;
}

export function memberSharesSheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: MemberSharesLayout } {
  const s = c.inputs.settings;
  const n = s.installments;
  const b = new SheetBuilder(OWNED_SHEETS.memberShares, [34, 12, 22, 16, 14, 16, ...new Array(n).fill(14)]);
  header(b, "Medlemsandelar", c, run, "kr (medlemsandelar visas alltid i hela kronor)");
  const years = c.memberShares ?? [];
  b.row([text(`Medlemsbidrag per år. Avrundningsenhet ${s.roundingUnit.toFixed()} kr; delarna summerar exakt till totalen (största-rest-metoden).`, { italic: true })]);
  const totals = b.table(
    "Medlemsbidrag",
    ["År", "Totalt", "Källa"],
    years.map((y) => [
      { value: y.year, format: FORMATS.integer },
      money(y.total, FORMATS.kr),
      text(c.contributions.get(y.year)?.source ?? ""),
    ]),
  );
  const totalsRowByYear = new Map(years.map((y, i) => [y.year, totals.firstRow + i]));
  b.blank();
  const groupBody: Cell[][] = [];
  for (const y of years) {
    for (const g of y.groups) {
      groupBody.push([
        { value: y.year, format: FORMATS.integer },
        text(GROUP_LABELS[g.group]),
        { value: g.share.toNumber(), format: FORMATS.percent },
        money(g.amount, FORMATS.kr),
      ]);
    }
  }
  const groups = b.table("Huvudmannaandelar", ["År", "Huvudman", "Andel", "Belopp"], groupBody);
  b.blank();
  const memberBody: Cell[][] = [];
  for (const y of years) {
    for (const m of y.members) {
      memberBody.push([
        text(m.member),
        { value: y.year, format: FORMATS.integer },
        text(GROUP_LABELS[m.group]),
        { value: m.key.toNumber(), format: "#,##0.####" },
        { value: m.shareOfGroup.toDecimalPlaces(10).toNumber(), format: "0.0000%" },
        money(m.amount, FORMATS.kr),
        ...m.installments.map((i) => money(i, FORMATS.kr)),
      ]);
    }
  }
  const installmentHeaders = Array.from({ length: n }, (_, i) => `Inbetalning ${i + 1}`);
  const members = b.table(
    "Medlemsandelar",
    ["Medlem", "År", "Huvudman", "Fördelningsnyckel", "Andel av huvudman", "Belopp", ...installmentHeaders],
    memberBody,
  );
  b.blank();
  b.row([
    text(
      "Lika rester: den extra enheten går till den första i bokstavsordning, och ordningen roteras ett steg per räkenskapsår så att den växlar mellan åren. Inbetalningar: tidigare inbetalningar får den extra enheten.",
      { italic: true },
    ),
  ]);
  return {
    sheet: b.build(1),
    layout: {
      totalsRowByYear,
      groupRows: { first: groups.firstRow, last: groups.lastRow },
      memberRows: { first: members.firstRow, last: members.lastRow },
      memberYearCol: 1,
      memberAmountCol: 5,
      firstInstallmentCol: 6,
      installmentCount: n,
    },
  };
}

// ---------------------------------------------------------------------------------------------

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
  const values = (v: { priorPeriod: Decimal; period: Decimal; budget: Decimal; forecast: Decimal; deviation: Decimal }, bold: boolean): Cell[] =>
    [v.priorPeriod, v.period, v.budget, v.forecast, v.deviation].map((x) => money(x, fmt, { bold }));
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
  const s = c.inputs.settings;
  for (const line of NOTE_INCOME_LINES) {
    const v = t.byId[line];
    noteRowOf.set(line, note1Header + 1 + note1.length);
    note1.push([text(v.label), text(""), ...values(v, false), text(v.methodText), text(v.comment), text(line)]);
    if (line === "medlemsbidrag") {
      const cols = [v.priorPeriod, v.period, v.budget, v.forecast, v.deviation];
      const split = cols.map((x, i) => {
        // The deviation is split as forecast − budget, so each group's row adds up across.
        if (i === 4) return null;
        const unitForSplit = x.dividedBy(s.roundingUnit).isInteger() ? s.roundingUnit : new Decimal("0.01");
        return splitByGroups(x, s.shares, unitForSplit, i === 0 ? c.period.year - 1 : c.period.year);
      });
      GROUPS.forEach((g, gi) => {
        const parts = split.slice(0, 4).map((p) => p![gi]);
        groupRows.push(note1Header + 1 + note1.length);
        note1.push([
          text(`varav ${GROUP_LABELS[g]}`, { indent: 1 }),
          text(""),
          ...[...parts, parts[3].minus(parts[2])].map((x) => money(x, fmt, { italic: true })),
          text(`${formatPercent(s.shares[g])} av medlemsbidraget`),
          text(""),
          text(`medlemsbidrag_${g.toLowerCase()}`),
        ]);
      });
    }
  }
  const noteIncomeTotalRow = note1Header + 1 + note1.length;
  note1.push([text("Summa", { bold: true }), text(""), ...values(t.byId.verksamhetens_intakter, true), text("summa"), text(""), text("verksamhetens_intakter")]);
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
  note2.push([text("Summa", { bold: true }), text(""), ...values(t.byId.verksamhetens_kostnader, true), text("summa"), text(""), text("verksamhetens_kostnader")]);
  b.table("NotKostnader", ["Belopp", "Not", ...VALUE_HEADERS(c), "Prognosmetod", "Kommentar", "Rad-id"], note2);
  b.blank();

  if (t.grants.length > 0) {
    b.row([text("Beslutade insatser (underlag för metoden åtaganden)", { bold: true })]);
    b.table(
      "Insatsprognos",
      ["Insats", "Dnr", "Beviljat", "Från", "Till", "Utbetalt t.o.m. brytdatum", "Varav i år", "Återstår i år (prognos)", "Ej utbetalt", "Namn"],
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
      "Belopp i tkr: cellerna innehåller exakta kronor och visas avrundade till tusental (halvt bort från noll). Summor räknas på exakta belopp, så en kolumn kan avvika ±1 tkr från summan av de visade raderna.",
    );
  }
  notes.push("Tecken: intäkter positiva, kostnader negativa. Utfall = minus summan av huvudbokens belopp (debet positivt).");
  if (t.accrued) {
    const src = { ledger: "fjolårets bokförda medlemsbidrag", budget: "fjolårets budget", none: "–" }[t.contributionsPriorYearSource];
    notes.push(`Medlemsbidrag periodiseras: årets medlemsbidrag × ${t.months}/12 (jämförelseåret: ${src} × ${t.months}/12).`);
  } else notes.push("Medlemsbidrag redovisas som bokförda (ej periodiserade).");
  notes.push(
    `Prognosmetoder: budget = budget; linjär = utfall × 12/${t.months}; utfall+restbudget = utfall + budget × ${12 - t.months}/12; föregående år = utfall × fjolårets helår / fjolårets period; åtaganden = utfall + beslutade insatsers återstående del i år (beviljat belopp jämnt fördelat per dag över insatsens period, högst det som ännu inte betalats ut); manuell = angivet belopp med kommentar.`,
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

// ---------------------------------------------------------------------------------------------

export interface EquityLayout {
  rowOf: Record<"opening" | "result" | "closing" | "basis" | "ceiling" | "margin", number>;
  valueCol: number;
}

export function equitySheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: EquityLayout } {
  const e = c.equity!;
  const fmt = amountFormat(c);
  const s = c.inputs.settings;
  const b = new SheetBuilder(OWNED_SHEETS.equity, [46, 16, 60, 22, 16, 16, 16, 16, 14]);
  header(b, `Eget kapital ${c.period.year}`, c, run, s.displayUnit === "tkr" ? "tkr (tusental kronor)" : "kr");
  const openingSource = {
    setting: "Inställningar: Ingående eget kapital",
    ledger: "IB-rader på eget kapital-konton i Huvudbok",
    none: "Saknas – 0 används",
  }[e.openingSource];
  const status = e.status === "over" ? "Över taket" : "Under taket";
  const rows: Array<[string, Cell, string, string]> = [
    ["Ingående eget kapital", money(e.opening, fmt), openingSource, "opening"],
    ["Prognostiserat resultat", money(e.forecastResult, fmt), "Årets resultat, prognos (Tertialrapport)", "forecastResult"],
    ["Prognostiserat utgående eget kapital", money(e.closing, fmt, { bold: true }), "Ingående eget kapital + prognostiserat resultat", "closing"],
    ["Årets medlemsbidrag (underlag)", money(e.basis, fmt), c.contributions.get(s.year)?.source ?? "", "basis"],
    ["Tak för eget kapital", money(e.ceiling.ceiling, fmt, { bold: true }), e.ceiling.ruleText, "ceiling"],
    ["Marginal (tak − eget kapital)", money(e.margin, fmt, { bold: true }), "Negativ när eget kapital överstiger taket", "margin"],
    ["Status", text(status, { bold: true }), e.status === "over" ? `Över taket med ${formatNumber(toCellNumber(e.overBy), FORMATS.kr)} kr` : "Prognostiserat eget kapital ryms under taket", "status"],
    ["Över taket med", money(e.overBy, fmt), "0 när eget kapital ryms under taket", "overBy"],
    ["Ytterligare kostnader i år för att nå taket", money(e.extraSpendingNeeded, fmt), "Utöver prognosen; minskar resultatet krona för krona", "extraSpendingNeeded"],
    ["Beslutade men ej utbetalda insatsmedel", money(e.unpaidGrants, fmt), "Beviljat − utbetalt enligt Insatser och Huvudbok (redan utlovat)", "unpaidGrants"],
    ["Eget kapital som inte är utlovat", money(e.uncommitted, fmt), "Utgående eget kapital − ej utbetalda insatsmedel", "uncommitted"],
  ];
  const headerRow = b.nextRow;
  b.table("EgetKapital", ["Post", "Belopp", "Förklaring", "Rad-id"], rows.map(([label, v, expl, id]) => [text(label), v, text(expl), text(id)]));
  const rowOf = {
    opening: headerRow + 1,
    result: headerRow + 2,
    closing: headerRow + 3,
    basis: headerRow + 4,
    ceiling: headerRow + 5,
    margin: headerRow + 6,
  };
  b.blank();
  b.row([text("Takets beräkning", { bold: true })]);
  b.table(
    "Takberakning",
    ["Från", "Till", "Procent", "Underlag i intervallet", "Tak i intervallet"],
    e.ceiling.bands.map((band) => [
      money(band.from, fmt),
      band.to === null ? text("och uppåt") : money(band.to, fmt),
      { value: band.rate.toNumber(), format: FORMATS.percent },
      money(band.basisInBand, fmt),
      money(band.amount, fmt),
    ]),
  );
  b.blank();
  b.row([text("Flerårsprognos (följande år enligt budget)", { bold: true })]);
  const yearsTable = b.table(
    "Flerarsprognos",
    ["År", "Ingående eget kapital", "Resultat", "Utgående eget kapital", "Medlemsbidrag", "Tak", "Marginal", "Status", "Källa"],
    e.years.map((y) => [
      { value: y.year, format: FORMATS.integer },
      money(y.opening, fmt),
      money(y.result, fmt),
      money(y.closing, fmt),
      money(y.basis, fmt),
      money(y.ceiling, fmt),
      money(y.margin, fmt),
      text(y.status === "over" ? "Över taket" : "Under taket"),
      text(y.source === "forecast" ? "Prognos" : "Budget"),
    ]),
  );
  // Projected closing equity against the ceiling, for the report year and the budget years after it.
  const chartTop = b.nextRow + 1;
  b.charts.push({
    name: "EgetKapitalMotTak",
    title: "Prognostiserat eget kapital och tak",
    type: "ColumnClustered",
    series: [3, 5].map((col) => ({ nameRow: yearsTable.headerRow, col, firstRow: yearsTable.firstRow, lastRow: yearsTable.lastRow })),
    categories: { col: 0, firstRow: yearsTable.firstRow, lastRow: yearsTable.lastRow },
    anchor: { top: chartTop, left: 0, bottom: chartTop + 17, right: 3 },
  });
  return { sheet: b.build(1), layout: { rowOf, valueCol: 1 } };
}

// ---------------------------------------------------------------------------------------------

interface Check {
  name: string;
  /** Formula whose value is the difference (0 when the check holds). */
  diffFormula: string;
  description: string;
}

/** Kontroller: live formulas in plain A1 references that re-check the results in any spreadsheet program. */
export function checksSheet(
  c: Computation,
  run: RunInfo,
  layouts: { members?: MemberSharesLayout; tertial?: TertialLayout; equity?: EquityLayout },
): SheetModel {
  const checks: Check[] = [];
  const M = OWNED_SHEETS.memberShares;
  const T = OWNED_SHEETS.tertial;
  const E = OWNED_SHEETS.equity;
  const ref = sheetA1;
  const range = (sheet: string, r1: number, c1: number, r2: number, c2: number) => `${ref(sheet, r1, c1)}:${a1(r2, c2)}`;
  if (layouts.members && c.memberShares) {
    const L = layouts.members;
    const mr = L.memberRows;
    for (const y of c.memberShares) {
      const totalCell = ref(M, L.totalsRowByYear.get(y.year)!, 1);
      checks.push({
        name: `Huvudmännens andelar ${y.year} summerar till totalen`,
        diffFormula: `SUMIFS(${range(M, L.groupRows.first, 3, L.groupRows.last, 3)},${range(M, L.groupRows.first, 0, L.groupRows.last, 0)},${y.year})-${totalCell}`,
        description: "Staten + region + kommuner = årets medlemsbidrag",
      });
      checks.push({
        name: `Medlemmarnas andelar ${y.year} summerar till totalen`,
        diffFormula: `SUMIFS(${range(M, mr.first, L.memberAmountCol, mr.last, L.memberAmountCol)},${range(M, mr.first, L.memberYearCol, mr.last, L.memberYearCol)},${y.year})-${totalCell}`,
        description: "Summan av alla medlemmars belopp = årets medlemsbidrag",
      });
    }
    const instCols = Array.from({ length: L.installmentCount }, (_, i) => range(M, mr.first, L.firstInstallmentCol + i, mr.last, L.firstInstallmentCol + i));
    checks.push({
      name: "Inbetalningarna summerar till varje medlems belopp",
      diffFormula: `SUMPRODUCT(ABS(${instCols.join("+")}-${range(M, mr.first, L.memberAmountCol, mr.last, L.memberAmountCol)}))`,
      description: "För varje medlem: summan av inbetalningarna = medlemmens belopp",
    });
  }
  if (layouts.tertial && c.tertial) {
    const L = layouts.tertial;
    const span = (row: number) => range(T, row, L.firstValueCol, row, L.lastValueCol);
    for (const def of REPORT_ROWS) {
      if (!def.parts || def.note) continue;
      checks.push({
        name: `${LINE_LABELS[def.id]} = summan av sina delar`,
        diffFormula: `SUMPRODUCT(ABS(${span(L.rowOf.get(def.id)!)}-(${def.parts.map((p) => span(L.rowOf.get(p)!)).join("+")})))`,
        description: def.parts.map((p) => LINE_LABELS[p]).join(" + "),
      });
    }
    checks.push({
      name: "Not 1 summerar till verksamhetens intäkter",
      diffFormula: `SUMPRODUCT(ABS(${span(L.noteIncomeTotalRow)}-(${NOTE_INCOME_LINES.map((l) => span(L.noteRowOf.get(l)!)).join("+")})))+SUMPRODUCT(ABS(${span(L.noteIncomeTotalRow)}-${span(L.rowOf.get("verksamhetens_intakter")!)}))`,
      description: "Medlemsbidrag + övriga intäkter = summan i not 1 = raden i resultaträkningen",
    });
    checks.push({
      name: "Medlemsbidragets fördelning per huvudman summerar",
      diffFormula: `SUMPRODUCT(ABS(${span(L.noteRowOf.get("medlemsbidrag")!)}-(${L.groupRows.map(span).join("+")})))`,
      description: "Staten + region + kommuner = medlemsbidrag, i varje kolumn",
    });
    checks.push({
      name: "Not 2 summerar till verksamhetens kostnader",
      diffFormula: `SUMPRODUCT(ABS(${span(L.noteCostTotalRow)}-(${NOTE_COST_LINES.map((l) => span(L.noteRowOf.get(l)!)).join("+")})))+SUMPRODUCT(ABS(${span(L.noteCostTotalRow)}-${span(L.rowOf.get("verksamhetens_kostnader")!)}))`,
      description: "Bidrag till insatser + personalkostnader + övriga externa kostnader = summan i not 2 = raden i resultaträkningen",
    });
    checks.push({
      name: "Avvikelse = prognos − budget",
      diffFormula: `SUMPRODUCT(ABS(${range(T, L.rowOf.get("verksamhetens_intakter")!, L.lastValueCol, L.rowOf.get("arets_resultat")!, L.lastValueCol)}-(${range(T, L.rowOf.get("verksamhetens_intakter")!, L.lastValueCol - 1, L.rowOf.get("arets_resultat")!, L.lastValueCol - 1)}-${range(T, L.rowOf.get("verksamhetens_intakter")!, L.lastValueCol - 2, L.rowOf.get("arets_resultat")!, L.lastValueCol - 2)})))`,
      description: "För varje rad i resultaträkningen",
    });
  }
  if (layouts.equity && c.equity) {
    const L = layouts.equity;
    const v = (k: keyof EquityLayout["rowOf"]) => ref(E, L.rowOf[k], L.valueCol);
    checks.push({
      name: "Ingående eget kapital + prognostiserat resultat = utgående",
      diffFormula: `${v("opening")}+${v("result")}-${v("closing")}`,
      description: "Eget kapital",
    });
    if (layouts.tertial) {
      checks.push({
        name: "Prognostiserat resultat = årets resultat i Tertialrapport",
        diffFormula: `${v("result")}-${ref(T, layouts.tertial.rowOf.get("arets_resultat")!, layouts.tertial.lastValueCol - 1)}`,
        description: "Eget kapital och Tertialrapport använder samma prognos",
      });
    }
    checks.push({
      name: "Marginal = tak − utgående eget kapital",
      diffFormula: `${v("ceiling")}-${v("closing")}-${v("margin")}`,
      description: "Eget kapital",
    });
  }

  const b = new SheetBuilder(OWNED_SHEETS.checks, [58, 12, 16, 70, 18, 18, 30]);
  header(b, "Kontroller", c, run, "kr");
  b.row([text("Formlerna räknas om av Excel eller vilket kalkylprogram som helst, även utan tillägget.", { italic: true })]);
  const headerRow = b.nextRow;
  b.table(
    "Kontroller",
    ["Kontroll", "Resultat", "Differens", "Beskrivning"],
    checks.map((ch, i) => {
      const row = headerRow + 1 + i;
      return [
        text(ch.name),
        { value: "OK", formula: `IF(ABS(${a1(row, 2)})<0.005,"OK","FEL")`, bold: true },
        { value: 0, formula: `ROUND(${ch.diffFormula},2)`, format: FORMATS.ore },
        text(ch.description),
      ];
    }),
  );
  // Staleness: each input sheet's columns now (live SUM and COUNTA) against what the run read.
  const stamps = run.stamps ?? [];
  b.blank();
  b.row([text("Indata vid beräkningen", { bold: true })]);
  b.row([text("Summa (tal och datum) och antal ifyllda celler i indatatabellernas kolumner, nu och när resultaten beräknades. Skiljer de sig har indata ändrats efter beräkningen.", { italic: true })]);
  const stampHeader = b.nextRow;
  b.table(
    "Indatakontroll",
    ["Indata", "Status", "Kolumner", "Blad", "Summa vid beräkning", "Summa nu", "Antal vid beräkning", "Antal nu"],
    stamps.map((st, i) => {
      const row = stampHeader + 1 + i;
      const cols = `${quoteSheetName(st.sheet)}!$${columnLetters(st.left)}:$${columnLetters(st.right)}`;
      return [
        text(st.table),
        { value: STATUS_CURRENT, formula: `IF(AND(ABS(${a1(row, 5)}-${a1(row, 4)})<0.005,${a1(row, 7)}=${a1(row, 6)}),"${STATUS_CURRENT}","${STATUS_STALE}")`, bold: true },
        text(`${columnLetters(st.left)}:${columnLetters(st.right)}`),
        text(st.sheet),
        { value: toCellNumber(st.sum), format: FORMATS.ore },
        { value: toCellNumber(st.sum), formula: `SUM(${cols})`, format: FORMATS.ore },
        { value: st.count, format: FORMATS.integer },
        { value: st.count, formula: `COUNTA(${cols})`, format: FORMATS.integer },
      ];
    }),
  );
  const first = stampHeader + 1;
  const last = stampHeader + Math.max(1, stamps.length);
  const statusCell = b.rows[HEADER_ROWS.status][1]!;
  statusCell.formula = stamps.length
    ? `IF(COUNTIF(${a1(first, 1)}:${a1(last, 1)},"${STATUS_CURRENT}")=${stamps.length},"${STATUS_CURRENT}","${STATUS_STALE}")`
    : `"${STATUS_CURRENT}"`;
  return b.build(1);
}


// ---------------------------------------------------------------------------------------------

export const LOG_HEADERS = [
  "Tid",
  "Åtgärd",
  "Version",
  "Brytdatum",
  "Beloppsenhet",
  "Indatafingeravtryck",
  "Årets resultat (prognos)",
  "Utgående eget kapital (prognos)",
  "Tak",
  "Status",
  "Varningar",
] as const;

/** One row of the run log for this computation. */
export function logRow(c: Computation, run: RunInfo): LogValue[] {
  const result = c.tertial ? toCellNumber(c.tertial.byId.arets_resultat.forecast) : null;
  const e = c.equity;
  return [
    run.computedAt,
    run.log?.action ?? "Beräkna",
    run.version,
    c.period.cutoff,
    c.inputs.settings.displayUnit,
    run.fingerprint,
    result,
    e ? toCellNumber(e.closing) : null,
    e ? toCellNumber(e.ceiling.ceiling) : null,
    e ? (e.status === "over" ? "Över taket" : "Under taket") : null,
    c.warnings.length,
  ];
}

/** Körlogg: every run appends a row; earlier rows are kept as they were. */
export function logSheet(c: Computation, run: RunInfo): SheetModel {
  const b = new SheetBuilder(OWNED_SHEETS.log, [22, 30, 10, 12, 12, 68, 20, 22, 16, 14, 11]);
  header(b, "Körlogg", c, run, "kr");
  b.row([text("En rad per beräkning. Tidigare rader behålls; fingeravtrycket visar vilka indata varje rad bygger på (se README).", { italic: true })]);
  const fmt = (i: number): string | undefined => (i >= 6 && i <= 8 ? FORMATS.ore : i === 10 ? FORMATS.integer : FORMATS.text);
  const toCell = (v: LogValue, i: number): Cell => (typeof v === "number" ? { value: v, format: fmt(i) } : { value: v === null ? null : String(v), format: FORMATS.text });
  const rows = [...(run.log?.previous ?? []), logRow(c, run)];
  b.table(
    "Korlogg",
    [...LOG_HEADERS],
    rows.map((r) => LOG_HEADERS.map((_, i) => toCell(r[i] ?? null, i))),
  );
  return b.build(1);
}

export function buildSheets(c: Computation, run: RunInfo): SheetModel[] {
  const sheets: SheetModel[] = [];
  const layouts: Parameters<typeof checksSheet>[2] = {};
  if (c.memberShares) {
    const m = memberSharesSheet(c, run);
    sheets.push(m.sheet);
    layouts.members = m.layout;
  }
  if (c.tertial && c.outputs.has("tertial")) {
    const t = tertialSheet(c, run);
    sheets.push(t.sheet);
    layouts.tertial = t.layout;
  }
  if (c.equity) {
    const e = equitySheet(c, run);
    sheets.push(e.sheet);
    layouts.equity = e.layout;
  }
  sheets.push(checksSheet(c, run, layouts));
  if (run.log) sheets.push(logSheet(c, run));
  return sheets;
}

