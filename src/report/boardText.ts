/**
 * The paragraphs "Periodens resultat" and "Helårsprognos" for the board papers: deterministic text
 * built from the figures, in the sheet's unit, naming the deviations from budget that reach the
 * threshold (Avvikelsegräns) with their comments, and closing with equity against the ceiling in the
 * annual reports' words. Swedish for the sheet; English for a pane in English.
 */
import type { Computation } from "../core/compute";
import { flagDeviation } from "../core/deviation";
import { allocate } from "../core/allocation";
import { Decimal } from "../core/money";
import { LEAF_LABELS_EN, LeafLine, NOTE_COST_LINES, NOTE_INCOME_LINES } from "../core/reportLines";
import { formatDecimal } from "../core/locale";

export interface BoardText {
  periodTitle: string;
  period: string;
  forecastTitle: string;
  forecast: string;
}

/** At most this many deviations are named; the rest are in the table. */
const MAX_NAMED = 3;

/**
 * An amount in the sheet's unit with the unit, in the language's way and never broken across lines:
 * `-1 368 tkr` (no-break spaces), in English `-1,368 tkr`. Thousands round half away from zero, as the sheet shows them.
 */
export function amountText(v: Decimal, unit: "kr" | "tkr", lang: "sv" | "en" = "sv"): string {
  const shown = v.isZero() ? "0" : formatDecimal(unit === "tkr" ? v.dividedBy(1000) : v, 0, lang);
  return `${shown}\u00a0${unit}`;
}

export function boardText(c: Computation, lang: "sv" | "en" = "sv"): BoardText | null {
  const t = c.tertial;
  if (!t) return null;
  const unit = c.inputs.settings.displayUnit;
  const a = (v: Decimal) => amountText(v, unit, lang);
  const abs = (v: Decimal) => amountText(v.abs(), unit, lang);
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
  const w = WORDS[lang];
  // Before the year's first ledger rows there is no outcome to describe: the text says so and what the budget says,
  // and the forecast (built on the budget, core/tertial.ts) is named as the budget's. Without last year's rows for the
  // same period there is no comparison, and none is printed.
  const noOutcome = !closed && t.rows.period === 0;
  const period = noOutcome
    ? w.noOutcome(cutoff, y, a(result.budget), a(income.budget), abs(costs.budget))
    : (t.rows.priorPeriod === 0
        ? w.periodNoPrior(cutoff, a(result.period), a(income.period), abs(costs.period))
        : w.period(cutoff, a(result.period), a(result.priorPeriod), a(income.period), abs(costs.period))) +
      (t.accrued ? w.accrued(t.months) : "");
  const lines = flagged.map(({ v, cost }) => {
    // Report sign: a positive deviation is better than budget, which for a cost is a lower cost.
    const higher = cost ? !v.deviation.isPositive() : v.deviation.isPositive();
    const label = lang === "en" ? (LEAF_LABELS_EN[v.id as LeafLine] ?? v.label) : v.label;
    // The user's own words only: the Prognos table's comment or one typed in the report, not what the forecast rests on.
    const own = v.comment;
    return w.line(label, abs(v.forecast), abs(v.deviation), higher, own ? ` (${own})` : "");
  });
  const forecast =
    (noOutcome ? w.forecastByBudget(y, a(result.forecast)) : w.forecast(closed, y, a(result.forecast), a(result.budget))) +
    (lines.length ? lines.join(" ") : w.noDeviation) +
    functionsSentence(c, lang) +
    (c.equity ? ` ${equitySentence(c, lang)}` : "");
  return { periodTitle: w.periodTitle, period, forecastTitle: w.forecastTitle, forecast };
}

/** The phrases of the board text, one set per language; the figures come in already formatted. */
const WORDS = {
  sv: {
    periodTitle: "Periodens resultat",
    forecastTitle: "Helårsprognos",
    period: (cutoff: string, result: string, prior: string, income: string, costs: string) =>
      `Per ${cutoff} uppgår resultatet till ${result} (samma period i fjol ${prior}). ` +
      `Intäkterna uppgår till ${income} och kostnaderna till ${costs}.`,
    periodNoPrior: (cutoff: string, result: string, income: string, costs: string) =>
      `Per ${cutoff} uppgår resultatet till ${result}; huvudboken har inget utfall för samma period i fjol att jämföra med. ` +
      `Intäkterna uppgår till ${income} och kostnaderna till ${costs}.`,
    noOutcome: (cutoff: string, year: number, result: string, income: string, costs: string) =>
      `Per ${cutoff} finns ännu inget utfall för ${year}: huvudboken har inga rader för året. ` +
      `Budgeten för ${year} är ett resultat på ${result}, med intäkter på ${income} och kostnader på ${costs}.`,
    forecastByBudget: (year: number, result: string) =>
      `Utan utfall bygger prognosen för helåret ${year} på budgeten: ett resultat på ${result}. `,
    accrued: (months: number) => ` Medlemsbidragen är periodiserade (${months}/12 av årsbeloppet).`,
    line: (label: string, forecast: string, deviation: string, higher: boolean, note: string) =>
      `${label} prognostiseras till ${forecast}, ${deviation} ${higher ? "högre" : "lägre"} än budgeterat${note}.`,
    forecast: (closed: boolean, year: number, result: string, budget: string) =>
      `${closed ? "Resultatet" : "Det prognostiserade resultatet"} för helåret ${year} uppgår till ${result}, ` +
      `jämfört med budgeterade ${budget}. `,
    noDeviation: "Ingen rad avviker från budget mer än avvikelsegränsen.",
    equity: (closed: boolean, closing: string, ceiling: string) =>
      `${closed ? "Eget kapital" : "Prognostiserat eget kapital"} på balansdagen uppgår till ${closing}. ` +
      `Högsta rekommenderade nivå på sparade medel uppgår till ${ceiling}.`,
    equityByBudget: (closing: string, ceiling: string) =>
      `Enligt budgeten blir eget kapital på balansdagen ${closing} (inget utfall ännu). ` +
      `Högsta rekommenderade nivå på sparade medel uppgår till ${ceiling}.`,
    over: (by: string) => ` Eget kapital överstiger nivån med ${by}.`,
  },
  en: {
    periodTitle: "Result for the period",
    forecastTitle: "Full-year forecast",
    period: (cutoff: string, result: string, prior: string, income: string, costs: string) =>
      `As of ${cutoff} the result is ${result} (same period last year ${prior}). Income amounts to ${income} and costs to ${costs}.`,
    periodNoPrior: (cutoff: string, result: string, income: string, costs: string) =>
      `As of ${cutoff} the result is ${result}; the ledger has no actual for the same period last year to compare with. ` +
      `Income amounts to ${income} and costs to ${costs}.`,
    noOutcome: (cutoff: string, year: number, result: string, income: string, costs: string) =>
      `As of ${cutoff} there is no actual for ${year} yet: the ledger has no rows for the year. ` +
      `The budget for ${year} is a result of ${result}, with income of ${income} and costs of ${costs}.`,
    forecastByBudget: (year: number, result: string) =>
      `Without an actual, the forecast for the full year ${year} rests on the budget: a result of ${result}. `,
    accrued: (months: number) => ` Member contributions are accrued (${months}/12 of the annual amount).`,
    line: (label: string, forecast: string, deviation: string, higher: boolean, note: string) =>
      // "The forecast for …" agrees with any label ("Staff costs is forecast" did not).
      `The forecast for ${label.charAt(0).toLowerCase()}${label.slice(1)} is ${forecast}, ` +
      `${deviation} ${higher ? "higher" : "lower"} than budgeted${note}.`,
    forecast: (closed: boolean, year: number, result: string, budget: string) =>
      `${closed ? "The result" : "The forecast result"} for the full year ${year} is ${result}, against a budgeted ${budget}. `,
    noDeviation: "No line deviates from budget beyond the deviation threshold.",
    equity: (closed: boolean, closing: string, ceiling: string) =>
      `${closed ? "Equity" : "Projected equity"} at the balance sheet date amounts to ${closing}. ` +
      `The highest recommended level is ${ceiling}.`,
    equityByBudget: (closing: string, ceiling: string) =>
      `By the budget, equity at the balance sheet date will be ${closing} (no actual yet). ` +
      `The highest recommended level is ${ceiling}.`,
    over: (by: string) => ` Equity exceeds that level by ${by}.`,
  },
} as const;

/**
 * " Av helårets prognostiserade kostnader är 22 % administration, …": the costs per verksamhet in whole percent that
 * sum to 100 (largest remainder), when the table was made and the year has an outcome; else nothing.
 */
function functionsSentence(c: Computation, lang: "sv" | "en"): string {
  const f = c.functions;
  if (!f || "refused" in f || c.tertial?.rows.period === 0) return "";
  const shares = allocate(
    new Decimal(100),
    f.lines.map((l) => l.share.abs()),
    { unit: new Decimal(1) },
  );
  if (!shares.ok || f.lines.every((l) => l.share.isZero())) return "";
  const pct = (i: number) => (lang === "en" ? `${shares.value[i].toFixed()}%` : `${shares.value[i].toFixed()}\u00a0%`);
  const [adm, str, ind] = [0, 1, 2].map(pct);
  return lang === "en"
    ? ` Of the year's forecast costs, ${adm} are administration, ${str} structural initiatives and ${ind} initiatives for individuals.`
    : ` Av helårets prognostiserade kostnader är ${adm} administration, ${str} strukturövergripande och ${ind} individinriktade insatser.`;
}

/** "Prognostiserat eget kapital på balansdagen uppgår till X tkr. Högsta rekommenderade nivå … Y tkr." */
export function equitySentence(c: Computation, lang: "sv" | "en" = "sv"): string {
  const e = c.equity!;
  const unit = c.inputs.settings.displayUnit;
  const w = WORDS[lang];
  const over = e.status === "over" ? w.over(amountText(e.overBy, unit, lang)) : "";
  const [closing, ceiling] = [amountText(e.closing, unit, lang), amountText(e.ceiling.ceiling, unit, lang)];
  // Before the year's first ledger rows the forecast is the budget's (core/tertial.ts), and the sentence says so.
  const noOutcome = !c.period.closed && c.tertial?.rows.period === 0;
  return (noOutcome ? w.equityByBudget(closing, ceiling) : w.equity(c.period.closed, closing, ceiling)) + over;
}

const PLAN_WORDS = {
  sv: {
    outcome: (span: string, last: number, closing: string, ceiling: string) =>
      `Enligt budgeten för ${span} blir eget kapital ${closing} vid utgången av ${last} (högsta rekommenderade nivå ${ceiling}).`,
    underAll: " Eget kapital ligger under nivån alla år.",
    underFrom: (year: number) => ` Från ${year} ligger eget kapital under nivån.`,
    stillOver: (last: number, over: string, spend: string, cut: string) =>
      ` ${last} ligger eget kapital fortfarande ${over} över nivån: ytterligare ${spend} behöver användas det året, ` +
      `eller medlemsbidragen ${last} minskas med ${cut} (nivån sjunker med bidragen).`,
    commitments: (after: string, year: number, span: string, budgeted: string) =>
      ` Av de beslutade insatsmedlen återstår ${after} att betala efter ${year}; budgeten för ${span} har ${budgeted} till insatser`,
    covered: ", så de ryms i planen.",
    uncovered: (short: string) => `, ${short} mindre än det beslutade: utan en ändrad budget är flerårsprognosen så mycket för hög.`,
    coFinanced: (theirs: string, own: string) =>
      ` Av det som återstår betalar medfinansiärerna tillbaka ${theirs}; förbundets egen del är ${own}.`,
    afterCommitments: (figure: string) =>
      ` Eget kapital efter beslutad finansiering (${figure}) är vad som skulle återstå om allt beslutat betalades ut på balansdagen; ` +
      "flerårsprognosen fördelar utbetalningarna över budgetåren.",
  },
  en: {
    outcome: (span: string, last: number, closing: string, ceiling: string) =>
      `Under the budget for ${span}, equity ends ${last} at ${closing} (highest recommended level ${ceiling}).`,
    underAll: " Equity is under the level in every year.",
    underFrom: (year: number) => ` From ${year} on, equity is under the level.`,
    stillOver: (last: number, over: string, spend: string, cut: string) =>
      ` In ${last} equity is still ${over} over the level: a further ${spend} must be spent that year, ` +
      `or the ${last} member contributions reduced by ${cut} (the level falls with the contributions).`,
    commitments: (after: string, year: number, span: string, budgeted: string) =>
      ` Of the decided grants, ${after} remain to be paid after ${year}; the budget for ${span} has ${budgeted} for grants`,
    covered: ", so they fit in the plan.",
    uncovered: (short: string) => `, ${short} less than decided: unless the budget changes, the projection is that much too high.`,
    coFinanced: (theirs: string, own: string) =>
      ` Of what remains, the co-financiers pay back ${theirs}; the association's own part is ${own}.`,
    afterCommitments: (figure: string) =>
      ` Equity after decided financing (${figure}) is what would remain if everything decided were paid at the balance sheet date; ` +
      "the projection spreads the payments over the budget years.",
  },
} as const;

/**
 * What the budget's plan years achieve, in words (issue 25, point 5): where equity ends against the ceiling, from
 * when it is under or what would bring it under, and how the decided grants and "eget kapital efter beslutad
 * finansiering" relate to the projection — so that the page tells one story. Null without plan years.
 */
export function planText(c: Computation, lang: "sv" | "en" = "sv"): string | null {
  const e = c.equity;
  const plan = e?.plan;
  if (!e || !plan) return null;
  const unit = c.inputs.settings.displayUnit;
  const a = (v: Decimal) => amountText(v, unit, lang);
  const w = PLAN_WORDS[lang];
  const span = plan.first === plan.last.year ? String(plan.first) : `${plan.first}–${plan.last.year}`;
  let text = w.outcome(span, plan.last.year, a(plan.last.closing), a(plan.last.ceiling));
  if (plan.underFrom !== null) text += plan.underFrom === c.period.year ? w.underAll : w.underFrom(plan.underFrom);
  else text += w.stillOver(plan.last.year, a(plan.spendMore), a(plan.spendMore), a(plan.contributeLess));
  if (e.commitmentsAfterYear.greaterThan(0)) {
    text += w.commitments(a(e.commitmentsAfterYear), c.period.year, span, a(plan.budgetedGrants));
    text += plan.uncovered.greaterThan(0) ? w.uncovered(a(plan.uncovered)) : w.covered;
    if (e.coFinancedAfterYear.greaterThan(0)) text += w.coFinanced(a(e.coFinancedAfterYear), a(e.ownCommitmentsAfterYear));
    text += w.afterCommitments(a(e.equityAfterCommitments));
  }
  return text;
}
