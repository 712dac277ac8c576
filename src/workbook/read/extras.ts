/** Tilläggsbidrag (optional): År, Belopp, Förfaller, Beslut, and optionally the row's own group shares. */
import { EXTRAS_TABLE } from "../../core/contract";
import type { ExtraContribution } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { Decimal, ZERO } from "../../core/money";
import type { WorkbookGrid } from "../grid";
import { readRows, TableReader, TableResult, TableRow } from "./tableReader";

export function readExtras(grid: WorkbookGrid, errors: IssueList): TableResult<ExtraContribution[]> {
  return readRows(grid, EXTRAS_TABLE, false, errors, (row, r) => {
    const year = r.value(row, "year");
    const amount = r.value(row, "amount");
    if (amount && amount.isNegative())
      errors.add("invalid_amount", { problem: "not_negative", value: amount.toFixed(), label: "Belopp" }, r.ref(row.index, "amount"));
    const due = r.value(row, "due");
    const decision = r.value(row, "decision");
    const shares = ownShares(row, r);
    const ok = year !== null && amount && !amount.isNegative() && due !== null && decision !== null && shares !== undefined;
    return ok ? { year, amount, due, decision, shares, cell: r.ref(row.index, "amount") } : null;
  });
}

/** The row's own group shares: all three or none (null), and 100 % together; undefined when they are wrong (reported). */
function ownShares(row: TableRow, r: TableReader<typeof EXTRAS_TABLE>): ExtraContribution["shares"] | undefined {
  const shareCols = ["state", "region", "municipalities"] as const;
  const given = shareCols.filter((k) => !r.blank(row, k));
  if (given.length === 0) return null;
  const parsed = shareCols.map((k) => r.optional(row, k) ?? null);
  if (given.length < 3) {
    r.errors.add(
      "blank_required",
      {},
      r.ref(
        row.index,
        shareCols.find((k) => r.blank(row, k))!,
      ),
    );
    return undefined;
  }
  if (!parsed.every((p): p is Decimal => p !== null)) return undefined;
  const sum = parsed.reduce((a, p) => a.plus(p), ZERO);
  if (!sum.equals(1)) {
    r.errors.add("shares_not_100", { sum: sum.toFixed() }, r.ref(row.index, "state"));
    return undefined;
  }
  return { Stat: parsed[0], Region: parsed[1], Kommun: parsed[2] };
}
