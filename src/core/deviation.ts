/**
 * Which deviations from budget the report flags. The setting `Avvikelsegräns` gives a share of the
 * budget and an amount (`10 %; 100 tkr`, the default); a line is flagged when its deviation is at
 * least both (only the one given, when one is left out). The sign tells better or worse: the report
 * sign makes a positive deviation better than budget for income and costs alike.
 */
import { Decimal } from "./money";

export interface DeviationThreshold {
  /** Share of the budget's absolute value, or null for no share test. */
  rate: Decimal | null;
  /** Kronor, or null for no amount test. */
  amount: Decimal | null;
}

export const DEFAULT_DEVIATION_THRESHOLD: DeviationThreshold = { rate: new Decimal("0.1"), amount: new Decimal(100000) };

/** "better" or "worse" when the deviation reaches the threshold, otherwise null. */
export function flagDeviation(deviation: Decimal, budget: Decimal, t: DeviationThreshold): "better" | "worse" | null {
  if (deviation.isZero() || (t.rate === null && t.amount === null)) return null;
  const size = deviation.abs();
  if (t.rate !== null && size.lessThan(budget.abs().times(t.rate))) return null;
  if (t.amount !== null && size.lessThan(t.amount)) return null;
  return deviation.isPositive() ? "better" : "worse";
}

/**
 * Parses `10 %; 100 tkr`, `10 %`, `100 000 kr`, `5 % och 50 tkr` (parts separated by `;` or `och`/`and`).
 * A plain number is a share when at most 1 (a percent cell), kronor otherwise. Null when unreadable.
 */
export function parseDeviationThreshold(v: string | number): DeviationThreshold | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) return null;
    return v <= 1 ? { rate: new Decimal(v), amount: null } : { rate: null, amount: new Decimal(v) };
  }
  const out: DeviationThreshold = { rate: null, amount: null };
  const parts = v
    .split(/;|\boch\b|\band\b/i)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0 || parts.length > 2) return null;
  for (const part of parts) {
    const m = /^(\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(%|tkr|kr)?$/i.exec(part);
    if (!m) return null;
    const n = new Decimal(m[1].replace(/[\s\u00a0]/g, "").replace(",", "."));
    const unit = (m[2] ?? "kr").toLowerCase();
    if (unit === "%") {
      if (out.rate !== null || n.greaterThan(100)) return null;
      out.rate = n.dividedBy(100);
    } else {
      if (out.amount !== null) return null;
      out.amount = unit === "tkr" ? n.times(1000) : n;
    }
  }
  return out;
}
