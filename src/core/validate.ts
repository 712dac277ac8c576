/**
 * Checks of the inputs' meaning that no single table can make: group shares add up to 100 %, every
 * group with a share has a member, account ranges do not overlap, forecast choices fit their lines,
 * and the ceiling's bands are contiguous from 0. Errors name the cell to fix.
 */
import type { Output } from "./outputs";
import type { Inputs } from "./inputs";
import { anyCoFinanced } from "./grants";
import { AccountIndex } from "./ledger";
import type { IssueList } from "./messages";
import type { LeafLine } from "./reportLines";
import { GROUPS } from "./reportLines";
import { ZERO } from "./money";
import { asCellRef, CellRef } from "./units";

function checkShares(inputs: Inputs, errors: IssueList): void {
  const s = inputs.settings;
  const sum = GROUPS.reduce((a, g) => a.plus(s.shares[g]), ZERO);
  if (!sum.equals(1)) {
    const cell = s.cells.shareState ?? s.cells.shareRegion ?? s.cells.shareMunicipalities ?? s.tableCell;
    errors.add("shares_not_100", { sum: sum.toFixed() }, cell);
  }
}

function checkMembers(inputs: Inputs, errors: IssueList): void {
  for (const group of GROUPS) {
    if (inputs.settings.shares[group].isZero()) continue;
    if (inputs.members.some((m) => m.group === group && m.key.greaterThan(0))) continue;
    const cell = inputs.members.find((m) => m.group === group)?.keyCell ?? asCellRef(`${inputs.sheets.Medlemmar ?? "Medlemmar"}!A1`);
    errors.add("no_member_in_group", { group }, cell);
  }
}

function checkAccounts(inputs: Inputs, errors: IssueList): void {
  for (const [a, b] of new AccountIndex(inputs.accounts).overlaps()) {
    errors.add("overlapping_accounts", { from: b.from, to: b.to, otherFrom: a.from, otherTo: a.to, otherCell: a.cell }, b.cell);
  }
}

function checkForecastChoices(inputs: Inputs, errors: IssueList): void {
  const seen = new Map<LeafLine, CellRef>();
  for (const c of inputs.forecastChoices) {
    const earlier = seen.get(c.line);
    if (earlier) errors.add("duplicate_forecast", { line: c.line, otherCell: earlier }, c.lineCell ?? c.cell);
    seen.set(c.line, c.cell);
    if (c.method !== "ataganden" && c.method !== "medfinansiering") continue;
    // Both rest on Insatser: åtaganden forecasts the grants' costs, medfinansiering the co-financiers' part of them.
    if (c.line !== (c.method === "ataganden" ? "bidrag_till_insatser" : "projektmedel"))
      errors.add("method_not_allowed", { method: c.method }, c.cell);
    if (!inputs.present.grants) errors.add("grants_missing", { method: c.method }, c.cell);
    else if (c.method === "medfinansiering" && !anyCoFinanced(inputs.grants)) errors.add("cofinancing_none", {}, c.cell);
  }
}

function checkCeilingBands(inputs: Inputs, errors: IssueList): void {
  const s = inputs.settings;
  if (s.ceilingRule.kind !== "table") return;
  const bands = [...inputs.ceilingBands].sort((a, b) => a.from.comparedTo(b.from));
  if (bands.length === 0) {
    errors.add("ceiling_bands_missing", {}, s.cells.ceilingRule ?? s.tableCell);
    return;
  }
  if (!bands[0].from.isZero()) errors.add("ceiling_band_start", {}, bands[0].cell);
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1];
    if (prev.to === null) errors.add("ceiling_band_open", {}, prev.cell);
    else if (!prev.to.equals(bands[i].from)) {
      errors.add("ceiling_band_gap", { to: prev.to.toFixed(), from: bands[i].from.toFixed() }, bands[i].cell);
    }
  }
}

/** Every cross-table check the chosen outputs need. */
export function validateInputs(inputs: Inputs, outputs: ReadonlySet<Output>, errors: IssueList): void {
  const needsLedger = outputs.has("tertial") || outputs.has("eget-kapital");
  checkShares(inputs, errors);
  if (outputs.has("medlemsandelar")) checkMembers(inputs, errors);
  if (needsLedger) checkAccounts(inputs, errors);
  checkForecastChoices(inputs, errors);
  if (outputs.has("eget-kapital")) checkCeilingBands(inputs, errors);
}
