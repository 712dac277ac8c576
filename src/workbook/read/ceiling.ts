/** Takregel (optional): the stepped ceiling's bands (Från, Till, Procent), Till blank for no upper bound. */
import { CEILING_TABLE } from "../../core/contract";
import type { CeilingBand } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { WorkbookGrid } from "../grid";
import { describe } from "../values";
import { readRows, TableResult } from "./tableReader";

export function readCeilingBands(grid: WorkbookGrid, errors: IssueList): TableResult<CeilingBand[]> {
  return readRows(grid, CEILING_TABLE, false, errors, (row, r) => {
    const from = r.value(row, "from");
    const to = r.optional(row, "to");
    const rate = r.value(row, "rate");
    if (rate && (rate.isNegative() || rate.greaterThan(1))) {
      const params = { problem: "percent_range", value: describe(r.cell(row, "rate")), label: "Procent" } as const;
      errors.add("invalid_percent", params, r.ref(row.index, "rate"));
    }
    if (from && to && to.lessThanOrEqualTo(from)) errors.add("ceiling_band_reversed", {}, r.ref(row.index, "to"));
    return from && rate && to !== null ? { from, to: to ?? null, rate, cell: r.ref(row.index, "from") } : null;
  });
}
