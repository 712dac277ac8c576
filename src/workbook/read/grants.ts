/** Insatser (optional): decided grants with code, name, Dnr, granted amount and period. */
import type { Grant } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { CellRef } from "../../core/units";
import { ZERO } from "../../core/money";
import { isBlank, WorkbookGrid } from "../grid";
import { at } from "../tables";
import { cellText, parseAmount, dateParser } from "../values";
import { open, TableResult } from "./tableReader";

export function readGrants(grid: WorkbookGrid, errors: IssueList): TableResult<Grant[]> {
  const opened = open(
    grid,
    "Insatser",
    [
      { id: "code", names: ["Insats", "Project code", "Project"], required: true },
      { id: "name", names: ["Namn", "Name"], required: false },
      { id: "dnr", names: ["Dnr", "Diarienummer"], required: false },
      { id: "granted", names: ["Beviljat belopp", "Granted"], required: true },
      { id: "from", names: ["Från", "From"], required: true },
      { id: "to", names: ["Till", "To"], required: true },
      { id: "paidEarlier", names: ["Utbetalt tidigare", "Paid earlier"], required: false },
    ],
    false,
    errors,
  );
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const grants: Grant[] = [];
  const codes = new Map<string, CellRef>();
  for (const row of r.rows(["code", "granted", "from", "to"])) {
    const code = cellText(at(row, r.cols.code));
    const earlier = codes.get(code);
    if (earlier) errors.add("duplicate_grant", { grant: code, otherCell: earlier }, r.ref(row.index, "code"));
    codes.set(code, r.ref(row.index, "code"));
    const granted = r.parse(row, "granted", parseAmount, "invalid_amount");
    if (granted && granted.isNegative()) {
      errors.add(
        "invalid_amount",
        { problem: "not_negative", value: granted.toFixed(), label: "Beviljat belopp" },
        r.ref(row.index, "granted"),
      );
    }
    const earlierCell = at(row, r.cols.paidEarlier);
    const paidEarlier = isBlank(earlierCell) ? ZERO : r.parse(row, "paidEarlier", parseAmount, "invalid_amount");
    if (paidEarlier && paidEarlier.isNegative()) {
      errors.add(
        "invalid_amount",
        { problem: "not_negative", value: paidEarlier.toFixed(), label: "Utbetalt tidigare" },
        r.ref(row.index, "paidEarlier"),
      );
    }
    const from = r.parse(row, "from", dateParser(grid), "invalid_date");
    const to = r.parse(row, "to", dateParser(grid), "invalid_date");
    if (from !== null && to !== null && to < from) {
      errors.add("grant_dates_reversed", {}, r.ref(row.index, "to"));
      continue;
    }
    if (granted && from !== null && to !== null && paidEarlier) {
      const name = cellText(at(row, r.cols.name));
      grants.push({ code, name, dnr: cellText(at(row, r.cols.dnr)), granted, from, to, paidEarlier, cell: r.ref(row.index, "code") });
    }
  }
  return { kind: "read", value: grants, sheet: r.t.sheet };
}
