/** Prognos (optional): a forecast method per report line, with amount and comment for `manuell`. */
import type { ForecastChoice, ForecastMethod } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { Decimal } from "../../core/money";
import { isBlank, WorkbookGrid } from "../grid";
import { at, normalizeName } from "../tables";
import { cellText, parseAmount } from "../values";
import { leafLine, reportUnknownLine } from "./budget";
import { open, TableResult } from "./tableReader";

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
  ["manuell", "manuell"],
  ["manual", "manuell"],
];
const METHOD_LOOKUP = new Map(METHOD_NAMES);

export function readForecast(grid: WorkbookGrid, errors: IssueList): TableResult<ForecastChoice[]> {
  const opened = open(
    grid,
    "Prognos",
    [
      { id: "line", names: ["Rapportrad", "Report line"], required: true },
      { id: "method", names: ["Metod", "Method"], required: true },
      { id: "amount", names: ["Belopp", "Amount"], required: false },
      { id: "comment", names: ["Kommentar", "Comment"], required: false },
    ],
    false,
    errors,
  );
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const choices: ForecastChoice[] = [];
  for (const row of r.rows(["line", "method"])) {
    const line = leafLine(at(row, r.cols.line));
    if (!line) reportUnknownLine(errors, at(row, r.cols.line), "Prognos", r.ref(row.index, "line"));
    const methodText = cellText(at(row, r.cols.method));
    const method = METHOD_LOOKUP.get(normalizeName(methodText).replace(/\s*\+\s*/g, "+"));
    if (!method) errors.add("unknown_method", { value: methodText }, r.ref(row.index, "method"));
    const comment = cellText(at(row, r.cols.comment));
    let amount: Decimal | null = null;
    if (method === "manuell") {
      if (isBlank(at(row, r.cols.amount))) errors.add("manual_without_amount", {}, r.ref(row.index, r.cols.amount ?? r.cols.method!));
      else amount = r.parse(row, "amount", parseAmount, "invalid_amount");
      if (!comment) errors.add("manual_without_comment", {}, r.ref(row.index, r.cols.comment ?? r.cols.method!));
    }
    if (line && method)
      choices.push({ line, method, amount, comment, cell: r.ref(row.index, "method"), lineCell: r.ref(row.index, "line") });
  }
  return { kind: "read", value: choices, sheet: r.t.sheet };
}
