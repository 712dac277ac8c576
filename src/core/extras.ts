/** Tilläggsbidrag (docs/rules.md 2c): their total per year, and each one split among the members like its year. */
import { isoOfDayNumber } from "./dates";
import type { ExtraContribution, Inputs } from "./inputs";
import { allocationMessage } from "./allocation";
import { computeMemberShares, MemberSharesYear } from "./memberShares";
import type { IssueList } from "./messages";
import { Decimal, ZERO } from "./money";
import type { DayNumber } from "./units";

export interface ExtraShare {
  extra: ExtraContribution;
  shares: MemberSharesYear;
}

/** Tilläggsbidrag of a year, together; with `until`, only those due by that day. */
export function extrasOf(inputs: Inputs, year: number, until?: DayNumber): Decimal {
  return inputs.extras.filter((e) => e.year === year && (until === undefined || e.due <= until)).reduce((a, e) => a.plus(e.amount), ZERO);
}

/** Each Tilläggsbidrag split like its year's contributions (or by the row's own shares), due on its own date. */
export function extraSharesStep(inputs: Inputs, errors: IssueList): ExtraShare[] {
  const s = inputs.settings;
  const out: ExtraShare[] = [];
  for (const extra of inputs.extras) {
    const due = [isoOfDayNumber(extra.due)];
    const r = computeMemberShares(extra.year, extra.amount, extra.shares ?? s.shares, inputs.members, s.roundingUnit, 1, due);
    if (r.ok) out.push({ extra, shares: r.value });
    else errors.addMessage(allocationMessage(r.error, extra.year), extra.cell);
  }
  return out;
}
