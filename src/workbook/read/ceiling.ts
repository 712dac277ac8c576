/** Takregel (optional): the stepped ceiling's bands (Från, Till, Procent), Till blank for no upper bound. */
import type { CeilingBand } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { WorkbookGrid } from "../grid";
import { isBlank } from "../grid";
import { at } from "../tables";
import { describe, parseAmount, parsePercent } from "../values";
import { open, TableResult } from "./tableReader";

export function readCeilingBands(grid: WorkbookGrid, errors: IssueList): TableResult<CeilingBand[]> {
  const opened = open(
    grid,
    "Takregel",
    [
      { id: "from", names: ["Från", "From"], required: true },
      { id: "to", names: ["Till", "To"], required: true },
      { id: "rate", names: ["Procent", "Percent"], required: true },
    ],
    false,
    errors,
  );
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const bands: CeilingBand[] = [];
  for (const row of r.rows(["from", "rate"])) {
    const from = r.parse(row, "from", parseAmount, "invalid_amount");
    const toBlank = isBlank(at(row, r.cols.to));
    const to = toBlank ? null : r.parse(row, "to", parseAmount, "invalid_amount");
    const rate = r.parse(row, "rate", parsePercent, "invalid_percent");
    if (rate && (rate.isNegative() || rate.greaterThan(1))) {
      errors.add(
        "invalid_percent",
        { problem: "percent_range", value: describe(at(row, r.cols.rate)), label: "Procent" },
        r.ref(row.index, "rate"),
      );
    }
    if (from && to && to.lessThanOrEqualTo(from)) errors.add("ceiling_band_reversed", {}, r.ref(row.index, "to"));
    if (from && rate && (to !== null || toBlank)) bands.push({ from, to, rate, cell: r.ref(row.index, "from") });
  }
  return { kind: "read", value: bands, sheet: r.t.sheet };
}
