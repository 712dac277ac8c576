/** Tilläggsbidrag (optional): År, Belopp, Förfaller, Beslut, and optionally the row's own group shares. */
import { EXTRAS_TABLE } from "../../core/contract";
import type { ExtraContribution } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { Decimal, ZERO } from "../../core/money";
import type { WorkbookGrid } from "../grid";
import { open, TableResult } from "./tableReader";

export function readExtras(grid: WorkbookGrid, errors: IssueList): TableResult<ExtraContribution[]> {
  const opened = open(grid, EXTRAS_TABLE, false, errors);
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const out: ExtraContribution[] = [];
  for (const row of r.rows()) {
    const year = r.value(row, "year");
    const amount = r.value(row, "amount");
    if (amount && amount.isNegative())
      errors.add("invalid_amount", { problem: "not_negative", value: amount.toFixed(), label: "Belopp" }, r.ref(row.index, "amount"));
    const due = r.value(row, "due");
    const decision = r.value(row, "decision");
    // The row's own shares: all three or none, and 100 % together.
    const shareCols = ["state", "region", "municipalities"] as const;
    const given = shareCols.filter((k) => !r.blank(row, k));
    let shares: ExtraContribution["shares"] = null;
    let sharesOk = true;
    if (given.length > 0) {
      const parsed = shareCols.map((k) => r.optional(row, k) ?? null);
      if (given.length < 3) {
        const missing = shareCols.find((k) => r.blank(row, k))!;
        errors.add("blank_required", {}, r.ref(row.index, missing));
        sharesOk = false;
      } else if (parsed.every((p): p is Decimal => p !== null)) {
        const sum = parsed.reduce((a, p) => a.plus(p), ZERO);
        if (!sum.equals(1)) {
          errors.add("shares_not_100", { sum: sum.toFixed() }, r.ref(row.index, "state"));
          sharesOk = false;
        } else shares = { Stat: parsed[0], Region: parsed[1], Kommun: parsed[2] };
      } else sharesOk = false;
    }
    if (year !== null && amount && !amount.isNegative() && due !== null && decision !== null && sharesOk)
      out.push({ year, amount, due, decision, shares, cell: r.ref(row.index, "amount") });
  }
  return { kind: "read", value: out, sheet: r.t.sheet };
}
