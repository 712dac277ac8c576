/** Insatser (optional): decided grants with code, name, Dnr, granted amount and period. */
import { GRANTS_TABLE } from "../../core/contract";
import type { Grant } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { CellRef } from "../../core/units";
import { ZERO } from "../../core/money";
import type { WorkbookGrid } from "../grid";
import { open, TableResult } from "./tableReader";

export function readGrants(grid: WorkbookGrid, errors: IssueList): TableResult<Grant[]> {
  const opened = open(grid, GRANTS_TABLE, false, errors);
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const grants: Grant[] = [];
  const codes = new Map<string, CellRef>();
  for (const row of r.rows()) {
    const code = r.value(row, "code");
    if (code !== null) {
      const earlier = codes.get(code);
      if (earlier) errors.add("duplicate_grant", { grant: code, otherCell: earlier }, r.ref(row.index, "code"));
      codes.set(code, r.ref(row.index, "code"));
    }
    const granted = r.value(row, "granted");
    if (granted && granted.isNegative()) {
      errors.add(
        "invalid_amount",
        { problem: "not_negative", value: granted.toFixed(), label: "Beviljat belopp" },
        r.ref(row.index, "granted"),
      );
    }
    const earlierPaid = r.optional(row, "paidEarlier");
    const paidEarlier = earlierPaid === undefined ? ZERO : earlierPaid;
    if (paidEarlier && paidEarlier.isNegative()) {
      errors.add(
        "invalid_amount",
        { problem: "not_negative", value: paidEarlier.toFixed(), label: "Utbetalt tidigare" },
        r.ref(row.index, "paidEarlier"),
      );
    }
    const from = r.value(row, "from");
    const to = r.value(row, "to");
    const name = r.value(row, "name");
    const dnr = r.value(row, "dnr");
    if (from !== null && to !== null && to < from) {
      errors.add("grant_dates_reversed", {}, r.ref(row.index, "to"));
      continue;
    }
    if (code !== null && granted && from !== null && to !== null && paidEarlier && name !== null && dnr !== null)
      grants.push({ code, name, dnr, granted, from, to, paidEarlier, cell: r.ref(row.index, "code") });
  }
  return { kind: "read", value: grants, sheet: r.t.sheet };
}
