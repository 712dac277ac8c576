/**
 * The words for the forecast methods and what a forecast rests on (core/methodCodes.ts), in Swedish and English:
 * the report's method column and comment, the JSON's `methodText`, the board text. Plain words for the board, not the
 * Prognos table's spellings (contract: `linjär`, `utfall+restbudget` …).
 */
import type { Lang } from "../locale";
import type { ForecastExplanation, MethodFallback, ReportMethod } from "../methodCodes";

export const METHOD_WORDS: Record<ReportMethod, Record<Lang, string>> = {
  budget: { sv: "Budget", en: "Budget" },
  linjar: { sv: "Utfall uppräknat till helår", en: "Actual scaled up to the full year" },
  utfall_restbudget: { sv: "Utfall + återstående budget", en: "Actual + remaining budget" },
  foregaende_ar: { sv: "Utfall enligt fjolårets mönster", en: "Actual by last year's pattern" },
  ataganden: { sv: "Utfall + beslutade insatser", en: "Actual + decided grants" },
  medfinansiering: { sv: "Enligt medfinansiering", en: "By co-financing" },
  manuell: { sv: "Bedömning", en: "Estimate" },
  utfall_helar: { sv: "Utfall helår", en: "Full-year actual" },
  summa: { sv: "Summa", en: "Total" },
};

const FALLBACK_WORDS: Record<MethodFallback, Record<Lang, string>> = {
  no_prior_period: { sv: "inget utfall samma period i fjol", en: "no actual for the same period last year" },
  no_rows_in_period: { sv: "inget utfall ännu", en: "no actual yet" },
};

/** A line's method as the report prints it: `Utfall + återstående budget (inget utfall samma period i fjol)`. */
export function methodText(v: { method: ReportMethod; fallback?: MethodFallback }, lang: Lang): string {
  const words = METHOD_WORDS[v.method][lang];
  return v.fallback ? `${words} (${FALLBACK_WORDS[v.fallback][lang]})` : words;
}

/** What a forecast rests on, in words. */
export function explanationText(e: ForecastExplanation, lang: Lang): string {
  switch (e.code) {
    case "budget_plus_extras":
      return lang === "sv" ? "Budget + årets tilläggsbidrag" : "Budget + this year's extra contributions";
    case "prior_year_scaled":
      return lang === "sv"
        ? "Utfall × fjolårets helår / fjolårets utfall samma period"
        : "Actual × last year's full year / last year's actual for the same period";
    case "commitments":
      return lang === "sv"
        ? `Utfall + beslutade insatsers återstående del i år enligt Insatser (${e.grants} st)`
        : `Actual + what decided grants still pay this year according to Insatser (${e.grants})`;
    case "cofinancing":
      return lang === "sv"
        ? `Medfinansiärernas del av årets kostnader för medfinansierade insatser enligt Insatser (${e.grants} st)`
        : `The co-financiers' part of this year's costs of co-financed grants according to Insatser (${e.grants})`;
  }
}

/** What a line's comment cell shows: the officer's own words, else what the forecast rests on, else nothing. */
export function shownComment(v: { comment: string; explanation?: ForecastExplanation }, lang: Lang): string {
  return v.comment || (v.explanation ? explanationText(v.explanation, lang) : "");
}
