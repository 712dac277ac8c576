/** Kontoplan's Konto: an account number or an inclusive range (`5000-5999`). */
import { isErrorCell, RawCell } from "../grid";
import { describe, errorCellFailure, Parsed } from "../values";

/**
 * An account number or an inclusive range.
 * @example parseAccountSpec("5000-5999") // ok { from: 5000, to: 5999 }
 * @example parseAccountSpec("5999-5000") // error account_range_reversed
 */
export function parseAccountSpec(v: RawCell): Parsed<{ from: number; to: number }> {
  const fail = (problem: "not_account" | "account_range_reversed"): Parsed<{ from: number; to: number }> => ({
    ok: false,
    error: {
      problem: isErrorCell(v) ? errorCellFailure(v).problem : problem,
      value: problem === "account_range_reversed" ? String(v).trim() : describe(v),
    },
  });
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? { ok: true, value: { from: v, to: v } } : fail("not_account");
  if (typeof v !== "string") return fail("not_account");
  const m = /^\s*(\d+)\s*(?:[-–—]\s*(\d+))?\s*$/.exec(v);
  if (!m) return fail("not_account");
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return to < from ? fail("account_range_reversed") : { ok: true, value: { from, to } };
}
