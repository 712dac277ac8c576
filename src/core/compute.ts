/**
 * The whole calculation from typed inputs: checks the inputs' meaning (errors name cells), then
 * computes member shares, the tertial report and the equity check. Pure: no I/O, no clock.
 */
import { AllocationError } from "./allocation";
import { defaultCutoff, reportPeriod, ReportPeriod } from "./periods";
import type { Inputs, InputTable, LedgerRow } from "./inputs";
import { Issue, IssueList } from "./issues";
import { AccountIndex, aggregateLedger, checkVouchers } from "./ledger";
import { computeMemberShares, MemberSharesYear } from "./memberShares";
import { Decimal, oreToKronor, ZERO } from "./money";
import { GROUPS, GROUP_LABELS, LEAF_LINES, LeafLine, LINE_LABELS, LINE_SIGN } from "./reportLines";
import { computeTertial, TertialReport } from "./tertial";
import { applyCeiling, EquityReport, equityYear, EquityYear } from "./equity";

export type Output = "medlemsandelar" | "tertial" | "eget-kapital";
export const OUTPUTS: readonly Output[] = ["medlemsandelar", "tertial", "eget-kapital"];

/** Which input tables each output reads (and therefore validates). Optional tables may be absent. */
export function tablesFor(outputs: ReadonlySet<Output>): { required: Set<InputTable>; optional: Set<InputTable> } {
  const required = new Set<InputTable>(["Installningar"]);
  const optional = new Set<InputTable>(["Budget"]);
  if (outputs.has("medlemsandelar")) required.add("Medlemmar");
  if (outputs.has("tertial") || outputs.has("eget-kapital")) {
    for (const t of ["Kontoplan", "Huvudbok"] as InputTable[]) required.add(t);
    for (const t of ["Insatser", "Prognos"] as InputTable[]) optional.add(t);
  }
  if (outputs.has("eget-kapital")) optional.add("Takregel");
  return { required, optional };
}

export interface ComputeOptions {
  outputs: ReadonlySet<Output>;
  /** `--brytdatum` or the task pane's cut-off field; overrides the setting. */
  cutoffOverride?: string;
}

export interface Computation {
  inputs: Inputs;
  outputs: ReadonlySet<Output>;
  period: ReportPeriod;
  /** Member contributions per year (report year first known), with where the figure came from. */
  contributions: Map<number, { total: Decimal; source: string }>;
  memberShares: MemberSharesYear[] | null;
  tertial: TertialReport | null;
  equity: EquityReport | null;
  warnings: Issue[];
}

export type ComputeResult = { ok: true; value: Computation } | { ok: false; errors: Issue[]; warnings: Issue[] };

function budgetFor(inputs: Inputs, year: number): Partial<Record<LeafLine, Decimal>> {
  const out: Partial<Record<LeafLine, Decimal>> = {};
  for (const b of inputs.budget) if (b.year === year) out[b.line] = (out[b.line] ?? ZERO).plus(b.amount);
  return out;
}

function budgetYears(inputs: Inputs): number[] {
  return [...new Set(inputs.budget.map((b) => b.year))].sort((a, b) => a - b);
}

/** The year's total member contributions: settings for the report year, else the budget line. */
function resolveContributions(inputs: Inputs, errors: IssueList): Map<number, { total: Decimal; source: string }> {
  const s = inputs.settings;
  const out = new Map<number, { total: Decimal; source: string }>();
  for (const y of budgetYears(inputs)) {
    const b = budgetFor(inputs, y).medlemsbidrag;
    if (b) out.set(y, { total: b, source: `Budget ${y}` });
  }
  let total: Decimal | null = null;
  let source = "";
  if (s.stateContribution) {
    if (s.shares.Stat.isZero()) {
      errors.add("total_conflict", "Statens bidrag är angivet men Andel stat är 0 %.", s.cells.stateContribution ?? s.tableCell);
    } else {
      total = s.stateContribution.dividedBy(s.shares.Stat);
      source = "Statens bidrag ÷ Andel stat";
      if (s.totalContributions && !s.totalContributions.equals(total)) {
        errors.add(
          "total_conflict",
          `Medlemsbidrag totalt (${s.totalContributions.toFixed()} kr) stämmer inte med Statens bidrag ÷ Andel stat (${total.toFixed()} kr).`,
          s.cells.totalContributions ?? s.tableCell,
        );
      }
    }
  }
  if (s.totalContributions) {
    total = s.totalContributions;
    source = "Inställningar: Medlemsbidrag totalt";
  }
  if (total) out.set(s.year, { total, source });
  return out;
}

export function compute(inputs: Inputs, options: ComputeOptions): ComputeResult {
  const errors = new IssueList();
  const warnings = new IssueList();
  const s = inputs.settings;
  const outputs = options.outputs;
  const needsLedger = outputs.has("tertial") || outputs.has("eget-kapital");

  // Period.
  const cutoff = options.cutoffOverride ?? s.cutoff ?? defaultCutoff(s.year);
  const cutoffCell = options.cutoffOverride ? "--brytdatum" : s.cells.cutoff ?? s.tableCell;
  const periodOrProblem = reportPeriod(s.year, cutoff);
  if (typeof periodOrProblem === "string") {
    const messages = {
      cutoff_invalid: `Brytdatum "${cutoff}" är inte ett giltigt datum (ÅÅÅÅ-MM-DD).`,
      cutoff_outside_year: `Brytdatum ${cutoff} ligger utanför räkenskapsåret ${s.year}.`,
      cutoff_not_month_end: `Brytdatum ${cutoff} är inte sista dagen i en månad.`,
    } as const;
    errors.add(periodOrProblem, messages[periodOrProblem], cutoffCell);
  }

  // Group shares.
  const shareSum = GROUPS.reduce((a, g) => a.plus(s.shares[g]), ZERO);
  if (!shareSum.equals(1)) {
    errors.add(
      "shares_not_100",
      `Andel stat, region och kommuner blir tillsammans ${shareSum.times(100).toFixed()} %, inte 100 %.`,
      s.cells.shareState ?? s.cells.shareRegion ?? s.cells.shareMunicipalities ?? s.tableCell,
    );
  }

  const contributions = resolveContributions(inputs, errors);
  const thisYear = contributions.get(s.year);
  if (!thisYear && (outputs.has("medlemsandelar") || outputs.has("eget-kapital") || (needsLedger && s.accrueContributions))) {
    errors.add(
      "contributions_missing",
      `Årets medlemsbidrag saknas: ange Statens bidrag eller Medlemsbidrag totalt i Inställningar, eller raden medlemsbidrag för ${s.year} i Budget.`,
      s.tableCell,
    );
  }

  // Members per group.
  if (outputs.has("medlemsandelar")) {
    for (const g of GROUPS) {
      if (s.shares[g].isZero()) continue;
      if (!inputs.members.some((m) => m.group === g && m.key.greaterThan(0))) {
        errors.add(
          "no_member_in_group",
          `Huvudmannen ${GROUP_LABELS[g]} har en andel men ingen medlem med positiv fördelningsnyckel.`,
          inputs.members.find((m) => m.group === g)?.keyCell ?? `${inputs.sheets.Medlemmar ?? "Medlemmar"}!A1`,
        );
      }
    }
  }

  // Chart of accounts.
  if (needsLedger) {
    for (const [a, b] of new AccountIndex(inputs.accounts).overlaps()) {
      errors.add(
        "overlapping_accounts",
        `Kontointervallet ${b.from}–${b.to} överlappar ${a.from}–${a.to} (${a.cell}).`,
        b.cell,
      );
    }
  }

  // Forecast choices.
  const seen = new Map<LeafLine, string>();
  for (const c of inputs.forecastChoices) {
    if (seen.has(c.line)) {
      errors.add("duplicate_forecast", `Raden ${LINE_LABELS[c.line]} har redan en prognosmetod (${seen.get(c.line)}).`, c.lineCell ?? c.cell);
    }
    seen.set(c.line, c.cell);
    if (c.method === "ataganden" && c.line !== "bidrag_till_insatser") {
      errors.add("method_not_allowed", `Metoden åtaganden kan bara användas för Bidrag till insatser.`, c.cell);
    }
    if (c.method === "ataganden" && !inputs.present.grants) {
      errors.add("grants_missing", `Metoden åtaganden kräver tabellen Insatser.`, c.cell);
    }
  }

  // Ceiling bands.
  if (outputs.has("eget-kapital") && s.ceilingRule.kind === "table") {
    const bands = [...inputs.ceilingBands].sort((a, b) => a.from.comparedTo(b.from));
    if (bands.length === 0) {
      errors.add("ceiling_bands_missing", "Takregel är satt till Tabell men tabellen Takregel saknas eller är tom.", s.cells.ceilingRule ?? s.tableCell);
    } else {
      if (!bands[0].from.isZero()) errors.add("ceiling_band_gap", `Första intervallet i Takregel måste börja på 0.`, bands[0].cell);
      for (let i = 1; i < bands.length; i++) {
        const prev = bands[i - 1];
        if (prev.to === null) {
          errors.add("ceiling_band_gap", `Bara det sista intervallet i Takregel får sakna Till.`, prev.cell);
        } else if (!prev.to.equals(bands[i].from)) {
          errors.add(
            "ceiling_band_gap",
            `Intervallen i Takregel hänger inte ihop: ${prev.to.toFixed()} följs av ${bands[i].from.toFixed()}.`,
            bands[i].cell,
          );
        }
      }
    }
  }

  if (errors.length > 0 || typeof periodOrProblem === "string") {
    return { ok: false, errors: errors.items, warnings: warnings.items };
  }
  const period = periodOrProblem;

  // Member shares for every year with a known total.
  let memberShares: MemberSharesYear[] | null = null;
  if (outputs.has("medlemsandelar")) {
    memberShares = [];
    for (const [year, c] of [...contributions.entries()].sort((a, b) => a[0] - b[0])) {
      try {
        memberShares.push(computeMemberShares(year, c.total, s.shares, inputs.members, s.roundingUnit, s.installments));
      } catch (e) {
        if (!(e instanceof AllocationError)) throw e;
        const cell = year === s.year ? s.cells.totalContributions ?? s.cells.stateContribution ?? s.tableCell : s.tableCell;
        errors.add(e.code, `${year}: ${e.message}`, cell);
      }
    }
  }

  // Ledger and tertial report.
  let tertial: TertialReport | null = null;
  let equity: EquityReport | null = null;
  if (needsLedger) {
    const agg = aggregateLedger(inputs.ledger, inputs.accounts, period, errors);
    if (errors.length > 0) return { ok: false, errors: errors.items, warnings: warnings.items };
    const ledgerSheet = inputs.sheets.Huvudbok ?? "Huvudbok";
    if (agg.rowsAfterCutoff > 0) {
      warnings.add(
        "rows_after_cutoff",
        `${agg.rowsAfterCutoff} rader i ${ledgerSheet} är daterade efter brytdatum ${period.cutoff} och ingår inte i utfallet.`,
        agg.firstRowAfterCutoff,
      );
    }
    const vouchers = checkVouchers(inputs.ledger);
    if (vouchers.firstUnbalanced) {
      const u = vouchers.firstUnbalanced;
      warnings.add(
        "unbalanced_voucher",
        `${vouchers.unbalanced} verifikationer i ${ledgerSheet} balanserar inte (debet ≠ kredit), t.ex. ${u.voucher} med differens ${oreToKronor(u.ore).toFixed(2)} kr.`,
        u.cell,
      );
    }
    if (vouchers.duplicateRows > 0) {
      warnings.add(
        "duplicate_rows",
        `${vouchers.duplicateRows} rader i ${ledgerSheet} är exakta kopior av en tidigare rad (samma datum, verifikation, konto, belopp och text). Dubbelimport?`,
        vouchers.firstDuplicate,
      );
    }
    const shift1904 = looksShifted1904(inputs.ledger, period);
    if (shift1904) {
      warnings.add(
        "dates_1904",
        `Nästan alla datum i ${ledgerSheet} ligger 4 år och 1 dag före räkenskapsåret, som när en arbetsbok med 1904-datumsystemet kopierats till en med 1900-systemet. Kontrollera datumen (Excel: Arkiv > Alternativ > Avancerat > Använd datumsystemet 1904).`,
        agg.firstRowOtherYear,
      );
    }
    if (agg.rowsOtherYears > 0) {
      warnings.add(
        "rows_other_years",
        `${agg.rowsOtherYears} rader i ${ledgerSheet} hör till andra år än ${period.year - 1}–${period.year} och ingår inte i rapporten.`,
        agg.firstRowOtherYear,
      );
    }
    const budget = budgetFor(inputs, s.year);
    if (Object.keys(budget).length === 0) {
      warnings.add("budget_missing", `Budget saknar belopp för ${s.year}; budgetkolumnen visar 0.`, `${inputs.sheets.Budget ?? "Budget"}!A1`);
    }
    for (const b of inputs.budget) {
      if (b.amount.isNegative() && !b.amount.isZero()) {
        warnings.add("budget_negative", `Budgetbeloppet är negativt; budget skrivs som positiva belopp för både intäkter och kostnader.`, b.cell);
      }
    }
    const thisYearBudgetContrib = budget.medlemsbidrag;
    if (thisYear && thisYearBudgetContrib && !thisYearBudgetContrib.equals(thisYear.total)) {
      warnings.add(
        "contributions_differ",
        `Budgetens medlemsbidrag ${s.year} (${thisYearBudgetContrib.toFixed()} kr) skiljer sig från årets medlemsbidrag enligt Inställningar (${thisYear.total.toFixed()} kr).`,
        s.cells.totalContributions ?? s.cells.stateContribution ?? s.tableCell,
      );
    }
    tertial = computeTertial(
      {
        period,
        agg,
        budget,
        contributionsThisYear: thisYear?.total ?? null,
        contributionsPriorYear: contributions.get(s.year - 1)?.total ?? null,
        accrue: s.accrueContributions,
        choices: inputs.forecastChoices,
        grants: inputs.grants,
        grantsPresent: inputs.present.grants && inputs.grants.length > 0,
      },
      warnings,
    );
    if (s.accrueContributions && tertial.contributionsPriorYearSource === "none") {
      const priorPeriod = tertial.byId.medlemsbidrag.priorPeriod;
      if (priorPeriod.isZero()) {
        warnings.add("prior_contributions_missing", `Fjolårets medlemsbidrag saknas i både huvudbok och budget; jämförelsekolumnen visar 0.`, "");
      }
    }

    if (outputs.has("eget-kapital") && thisYear) {
      let opening = ZERO;
      let openingSource: EquityReport["openingSource"] = "none";
      if (s.openingEquity) {
        opening = s.openingEquity;
        openingSource = "setting";
      } else if (agg.openingEquityIb !== null) {
        opening = oreToKronor(-agg.openingEquityIb);
        openingSource = "ledger";
      } else {
        warnings.add(
          "opening_equity_missing",
          `Ingående eget kapital saknas (varken inställning eller IB-rader på eget kapital-konton); 0 används.`,
          s.tableCell,
        );
      }
      const forecastResult = tertial.byId.arets_resultat.forecast;
      const basis = thisYear.total;
      const ceiling = applyCeiling(basis, s.ceilingRule, inputs.ceilingBands);
      const closing = opening.plus(forecastResult);
      const margin = ceiling.ceiling.minus(closing);
      const overBy = margin.isNegative() ? margin.negated() : ZERO;
      const unpaidGrants = tertial.grants.reduce((a, g) => a.plus(g.unpaid), ZERO);
      const years: EquityYear[] = [equityYear(s.year, opening, forecastResult, basis, s.ceilingRule, inputs.ceilingBands, "forecast")];
      for (const y of budgetYears(inputs).filter((y) => y > s.year)) {
        const b = budgetFor(inputs, y);
        const result = LEAF_LINES.reduce((a, l) => a.plus((b[l] ?? ZERO).times(LINE_SIGN[l])), ZERO);
        const prev = years[years.length - 1];
        if (prev.year !== y - 1) break;
        const yBasis = contributions.get(y)?.total ?? ZERO;
        years.push(equityYear(y, prev.closing, result, yBasis, s.ceilingRule, inputs.ceilingBands, "budget"));
      }
      equity = {
        opening,
        openingSource,
        forecastResult,
        closing,
        basis,
        ceiling,
        margin,
        status: margin.isNegative() ? "over" : "under",
        overBy,
        extraSpendingNeeded: overBy,
        unpaidGrants,
        uncommitted: closing.minus(unpaidGrants),
        years,
      };
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.items, warnings: warnings.items };

  return {
    ok: true,
    value: { inputs, outputs, period, contributions, memberShares, tertial, equity, warnings: warnings.items },
  };
}

/** The 1900 and 1904 date systems differ by 1 462 days. */
const DAYS_1904 = 1462;

/** Most dated rows fall outside the report years, yet would fall inside if shifted by the 1904 difference. */
function looksShifted1904(rows: readonly LedgerRow[], period: ReportPeriod): boolean {
  let inside = 0;
  let shiftedInside = 0;
  let n = 0;
  for (const r of rows) {
    n++;
    if (r.day >= period.priorStart && r.day <= period.yearEnd) inside++;
    const d = r.day + DAYS_1904;
    if (d >= period.priorStart && d <= period.yearEnd) shiftedInside++;
  }
  return n >= 10 && inside <= n * 0.1 && shiftedInside >= n * 0.9;
}
