/** Takregel (optional): the stepped ceiling's bands (Från, Till, Procent), Till blank for no upper bound. */
import { CEILING_TABLE } from "../../core/contract";
import type { CeilingBand } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { WorkbookGrid } from "../grid";
import { describe } from "../values";
import { open, TableResult } from "./tableReader";

export function readCeilingBands(grid: WorkbookGrid, errors: IssueList): TableResult<CeilingBand[]> {
  const opened = open(grid, CEILING_TABLE, false, errors);
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const bands: CeilingBand[] = [];
  for (const row of r.rows()) {
    const from = r.value(row, "from");
    const to = r.optional(row, "to");
    const rate = r.value(row, "rate");
    if (rate && (rate.isNegative() || rate.greaterThan(1))) {
      errors.add(
        "invalid_percent",
        { problem: "percent_range", value: describe(r.cell(row, "rate")), label: "Procent" },
        r.ref(row.index, "rate"),
      );
    }
    if (from && to && to.lessThanOrEqualTo(from)) errors.add("ceiling_band_reversed", {}, r.ref(row.index, "to"));
    if (from && rate && to !== null) bands.push({ from, to: to ?? null, rate, cell: r.ref(row.index, "from") });
  }
  return { kind: "read", value: bands, sheet: r.t.sheet };
}
