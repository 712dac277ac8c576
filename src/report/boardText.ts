/**
 * The paragraphs "Periodens resultat" and "Helårsprognos" for the board papers: deterministic text
 * built from the figures, in the sheet's unit, naming the deviations from budget that reach the
 * threshold (Avvikelsegräns) with their comments, and closing with equity against the ceiling in the
 * annual reports' words. Swedish for the sheet; English for a pane in English.
 */
import type { Computation } from "../core/compute";
import { flagDeviation } from "../core/deviation";
import { Decimal, toCellNumber } from "../core/money";
import { LeafLine, NOTE_COST_LINES, NOTE_INCOME_LINES } from "../core/reportLines";
import { formatNumber } from "./render";
import { FORMATS } from "./sheetModel";

export interface BoardText {
  periodTitle: string;
  period: string;
  forecastTitle: string;
  forecast: string;
}

/** At most this many deviations are named; the rest are in the table. */
const MAX_NAMED = 3;

const LINE_EN: Record<LeafLine, string> = {
  medlemsbidrag: "Member contributions",
  ovriga_intakter: "Other income",
  bidrag_till_insatser: "Grants to projects",
  personalkostnader: "Staff costs",
  ovriga_externa_kostnader: "Other external costs",
  avskrivningar: "Depreciation",
  finansiella_intakter: "Financial income",
  finansiella_kostnader: "Financial costs",
  extraordinara_poster: "Extraordinary items",
} as Record<LeafLine, string>;

/** An amount in the sheet's unit with the unit: `1 368 tkr`, `1 367 776 kr`. */
export function amountText(v: Decimal, unit: "kr" | "tkr"): string {
  const shown = v.isZero() ? "0" : formatNumber(toCellNumber(v), unit === "tkr" ? FORMATS.tkr : FORMATS.kr);
  return `${shown} ${unit}`;
}

export function boardText(c: Computation, lang: "sv" | "en" = "sv"): BoardText | null {
  const t = c.tertial;
  if (!t) return null;
  const unit = c.inputs.settings.displayUnit;
  const a = (v: Decimal) => amountText(v, unit);
  const abs = (v: Decimal) => amountText(v.abs(), unit);
  const y = c.period.year;
  const cutoff = c.period.cutoff;
  const closed = c.period.closed;
  const result = t.byId.arets_resultat;
  const income = t.byId.verksamhetens_intakter;
  const costs = t.byId.verksamhetens_kostnader;
  const threshold = c.inputs.settings.deviationThreshold;
  const leaves = [...NOTE_INCOME_LINES, ...NOTE_COST_LINES] as LeafLine[];
  const flagged = leaves
    .map((id) => ({
      v: t.byId[id],
      flag: flagDeviation(t.byId[id].deviation, t.byId[id].budget, threshold),
      cost: NOTE_COST_LINES.includes(id),
    }))
    .filter((x) => x.flag !== null)
    .sort((p, q) => q.v.deviation.abs().comparedTo(p.v.deviation.abs()) || p.v.id.localeCompare(q.v.id))
    .slice(0, MAX_NAMED);
  const e = c.equity;
  if (lang === "en") {
    const label = (id: string) => LINE_EN[id as LeafLine] ?? id;
    const period =
      `As of ${cutoff} the result is ${a(result.period)} (same period last year ${a(result.priorPeriod)}). ` +
      `Income amounts to ${a(income.period)} and costs to ${abs(costs.period)}.` +
      (t.accrued ? ` Member contributions are accrued (${t.months}/12 of the annual amount).` : "");
    const lines = flagged.map(({ v, cost }) => {
      const better = v.deviation.isPositive();
      const dir = cost ? (better ? "lower" : "higher") : better ? "higher" : "lower";
      const note = v.comment ? ` (${v.comment})` : "";
      return `${label(v.id)} is forecast at ${abs(v.forecast)}, ${abs(v.deviation)} ${dir} than budgeted${note}.`;
    });
    const forecast =
      (closed
        ? `The result for the full year ${y} is ${a(result.forecast)}`
        : `The forecast result for the full year ${y} is ${a(result.forecast)}`) +
      `, against a budgeted ${a(result.budget)}. ` +
      (lines.length ? lines.join(" ") : "No line deviates from budget beyond the deviation threshold.") +
      (e
        ? ` Projected equity at the balance sheet date amounts to ${a(e.closing)}. ` +
          `The highest recommended level is ${a(e.ceiling.ceiling)}.`
        : "");
    return { periodTitle: "Result for the period", period, forecastTitle: "Full-year forecast", forecast };
  }
  const period =
    `Per ${cutoff} uppgår resultatet till ${a(result.period)} (samma period i fjol ${a(result.priorPeriod)}). ` +
    `Intäkterna uppgår till ${a(income.period)} och kostnaderna till ${abs(costs.period)}.` +
    (t.accrued ? ` Medlemsbidragen är periodiserade (${t.months}/12 av årsbeloppet).` : "");
  const lines = flagged.map(({ v, cost }) => {
    const better = v.deviation.isPositive();
    const dir = cost ? (better ? "lägre" : "högre") : better ? "högre" : "lägre";
    const note = v.comment ? ` (${v.comment})` : "";
    return `${v.label} prognostiseras till ${abs(v.forecast)}, ${abs(v.deviation)} ${dir} än budgeterat${note}.`;
  });
  const forecast =
    (closed
      ? `Resultatet för helåret ${y} uppgår till ${a(result.forecast)}`
      : `Det prognostiserade resultatet för helåret ${y} uppgår till ${a(result.forecast)}`) +
    `, jämfört med budgeterade ${a(result.budget)}. ` +
    (lines.length ? lines.join(" ") : "Ingen rad avviker från budget mer än avvikelsegränsen.") +
    (e ? ` ${equitySentence(c)}` : "");
  return { periodTitle: "Periodens resultat", period, forecastTitle: "Helårsprognos", forecast };
}

/** "Prognostiserat eget kapital på balansdagen uppgår till X tkr. Högsta rekommenderade nivå … Y tkr." */
export function equitySentence(c: Computation): string {
  const e = c.equity!;
  const unit = c.inputs.settings.displayUnit;
  const over = e.status === "over" ? ` Eget kapital överstiger nivån med ${amountText(e.overBy, unit)}.` : "";
  return (
    `${c.period.closed ? "Eget kapital" : "Prognostiserat eget kapital"} på balansdagen uppgår till ${amountText(e.closing, unit)}. ` +
    `Högsta rekommenderade nivå på sparade medel uppgår till ${amountText(e.ceiling.ceiling, unit)}.${over}`
  );
}
