/** Prognos (optional): a forecast method per report line, with amount and comment for `manuell`. */
import { FORECAST_TABLE } from "../../core/contract";
import type { ForecastChoice, ForecastMethod } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { Decimal } from "../../core/money";
import type { WorkbookGrid } from "../grid";
import { normalizeName } from "../tables";
import { leafLine, reportUnknownLine } from "./budget";
import { readRows, TableResult } from "./tableReader";

/** Every accepted spelling of each method (normalized: lower case, no diacritics). */
export const METHOD_NAMES: ReadonlyArray<[string, ForecastMethod]> = [
  ["budget", "budget"],
  ["linjar", "linjar"],
  ["linear", "linjar"],
  ["utfall+restbudget", "utfall_restbudget"],
  ["utfall + restbudget", "utfall_restbudget"],
  ["actual+remaining budget", "utfall_restbudget"],
  ["foregaende ar", "foregaende_ar"],
  ["prior year", "foregaende_ar"],
  ["ataganden", "ataganden"],
  ["commitments", "ataganden"],
  ["medfinansiering", "medfinansiering"],
  ["enligt medfinansiering", "medfinansiering"],
  ["co-financing", "medfinansiering"],
  ["cofinancing", "medfinansiering"],
  ["manuell", "manuell"],
  ["manual", "manuell"],
];
const METHOD_LOOKUP = new Map(METHOD_NAMES);

/** A method as typed in Prognos (any accepted spelling), or undefined. */
export function methodOf(text: string): ForecastMethod | undefined {
  return METHOD_LOOKUP.get(normalizeName(text).replace(/\s*\+\s*/g, "+"));
}

export function readForecast(grid: WorkbookGrid, errors: IssueList): TableResult<ForecastChoice[]> {
  return readRows(grid, FORECAST_TABLE, false, errors, (row, r) => {
    const line = leafLine(r.cell(row, "line"));
    if (!line) reportUnknownLine(errors, r.cell(row, "line"), "Prognos", r.ref(row.index, "line"));
    const methodText = r.value(row, "method");
    const method = methodText === null ? undefined : methodOf(methodText);
    if (methodText !== null && !method) errors.add("unknown_method", { value: methodText }, r.ref(row.index, "method"));
    const comment = r.value(row, "comment");
    let amount: Decimal | null = null;
    if (method === "manuell") {
      if (r.blank(row, "amount")) errors.add("manual_without_amount", {}, r.ref(row.index, r.cols.amount ?? r.cols.method!));
      else amount = r.value(row, "amount");
      if (comment === "") errors.add("manual_without_comment", {}, r.ref(row.index, r.cols.comment ?? r.cols.method!));
    }
    if (!line || !method || comment === null) return null;
    return { line, method, amount, comment, cell: r.ref(row.index, "method"), lineCell: r.ref(row.index, "line") };
  });
}
