/** Tilläggsbidrag (optional): År, Belopp, Förfaller, Beslut, and optionally the row's own group shares. */
import type { ExtraContribution } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { Decimal, ZERO } from "../../core/money";
import type { WorkbookGrid } from "../grid";
import { isBlank } from "../grid";
import { at } from "../tables";
import { cellText, dateParser, parseAmount, parseInteger, parsePercent } from "../values";
import { open, TableResult } from "./tableReader";

export function readExtras(grid: WorkbookGrid, errors: IssueList): TableResult<ExtraContribution[]> {
  const opened = open(
    grid,
    "Tillaggsbidrag",
    [
      { id: "year", names: ["År", "Year"], required: true },
      { id: "amount", names: ["Belopp", "Amount"], required: true },
      { id: "due", names: ["Förfaller", "Due", "Datum", "Date"], required: true },
      { id: "decision", names: ["Beslut", "Decision"], required: false },
      { id: "state", names: ["Andel stat", "State share"], required: false },
      { id: "region", names: ["Andel region", "Region share"], required: false },
      { id: "municipalities", names: ["Andel kommuner", "Municipalities share"], required: false },
    ],
    false,
    errors,
  );
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const out: ExtraContribution[] = [];
  for (const row of r.rows(["year", "amount", "due"])) {
    const year = r.parse(row, "year", parseInteger, "invalid_year");
    const amount = r.parse(row, "amount", parseAmount, "invalid_amount");
    if (amount && amount.isNegative())
      errors.add("invalid_amount", { problem: "not_negative", value: amount.toFixed(), label: "Belopp" }, r.ref(row.index, "amount"));
    const due = r.parse(row, "due", dateParser(grid), "invalid_date");
    // The row's own shares: all three or none, and 100 % together.
    const shareCols = ["state", "region", "municipalities"] as const;
    const given = shareCols.filter((k) => !isBlank(at(row, r.cols[k])));
    let shares: ExtraContribution["shares"] = null;
    let sharesOk = true;
    if (given.length > 0) {
      const parsed = shareCols.map((k) => (isBlank(at(row, r.cols[k])) ? null : r.parse(row, k, parsePercent, "invalid_percent")));
      if (given.length < 3) {
        const missing = shareCols.find((k) => isBlank(at(row, r.cols[k])))!;
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
    if (year !== null && amount && !amount.isNegative() && due !== null && sharesOk)
      out.push({ year, amount, due, decision: cellText(at(row, r.cols.decision)), shares, cell: r.ref(row.index, "amount") });
  }
  return { kind: "read", value: out, sheet: r.t.sheet };
}
