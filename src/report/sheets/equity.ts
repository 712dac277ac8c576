/** Eget kapital: projected equity against the ceiling, the ceiling's bands, and later budget years. */
import type { Computation } from "../../core/compute";
import { toCellNumber } from "../../core/money";
import { FORMATS, SheetBuilder, SheetModel, Cell } from "../sheetModel";
import { formatNumber } from "../render";
import { amountFormat, ceilingRuleText, contributionSourceText, header, money, OWNED_SHEETS, RunInfo, text } from "./header";

type EquityRow =
  | "opening"
  | "result"
  | "closing"
  | "basis"
  | "ceiling"
  | "margin"
  | "unpaidGrants"
  | "commitmentsInForecast"
  | "commitmentsAfterYear"
  | "equityAfterCommitments";

export interface EquityLayout {
  rowOf: Record<EquityRow, number>;
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
    [
      "Prognostiserat utgående eget kapital",
      money(e.closing, fmt, { bold: true }),
      "Ingående eget kapital + prognostiserat resultat",
      "closing",
    ],
    ["Årets medlemsbidrag (underlag)", money(e.basis, fmt), contributionSourceText(c.contributions.get(s.year)?.source), "basis"],
    ["Tak för eget kapital", money(e.ceiling.ceiling, fmt, { bold: true }), ceilingRuleText(e.ceiling.rule), "ceiling"],
    ["Marginal (tak − eget kapital)", money(e.margin, fmt, { bold: true }), "Negativ när eget kapital överstiger taket", "margin"],
    [
      "Status",
      text(status, { bold: true }),
      e.status === "over"
        ? `Över taket med ${formatNumber(toCellNumber(e.overBy), FORMATS.kr)} kr`
        : "Prognostiserat eget kapital ryms under taket",
      "status",
    ],
    ["Över taket med", money(e.overBy, fmt), "0 när eget kapital ryms under taket", "overBy"],
    [
      "Ytterligare kostnader i år för att nå taket",
      money(e.extraSpendingNeeded, fmt),
      "Utöver prognosen; minskar resultatet krona för krona",
      "extraSpendingNeeded",
    ],
    [
      "Beslutade men ej utbetalda insatsmedel",
      money(e.unpaidGrants, fmt),
      "Beviljat − utbetalt enligt Insatser och Huvudbok (redan utlovat)",
      "unpaidGrants",
    ],
    [
      `varav betalas ${c.period.year} enligt prognosen`,
      money(e.commitmentsInForecast, fmt),
      "Ingår redan i prognostiserat resultat (Bidrag till insatser efter brytdatum)",
      "commitmentsInForecast",
    ],
    [
      `Återstående belopp för beslutad finansiering efter ${c.period.year}`,
      money(e.commitmentsAfterYear, fmt),
      "Ej utbetalda insatsmedel − det som prognosen redan betalar i år",
      "commitmentsAfterYear",
    ],
    [
      "Eget kapital efter beslutad finansiering",
      money(e.equityAfterCommitments, fmt, { bold: true }),
      "Prognostiserat utgående eget kapital − återstående belopp för beslutad finansiering",
      "equityAfterCommitments",
    ],
  ];
  const headerRow = b.nextRow;
  b.table(
    "EgetKapital",
    ["Post", "Belopp", "Förklaring", "Rad-id"],
    rows.map(([label, v, expl, id]) => [text(label), v, text(expl), text(id)]),
  );
  const at = (id: string) => headerRow + 1 + rows.findIndex((r) => r[3] === id);
  const rowOf: Record<EquityRow, number> = {
    opening: headerRow + 1,
    result: headerRow + 2,
    closing: headerRow + 3,
    basis: headerRow + 4,
    ceiling: headerRow + 5,
    margin: headerRow + 6,
    unpaidGrants: at("unpaidGrants"),
    commitmentsInForecast: at("commitmentsInForecast"),
    commitmentsAfterYear: at("commitmentsAfterYear"),
    equityAfterCommitments: at("equityAfterCommitments"),
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
