/** The bundled example's input sheets with one row of the Prognos table set to a method (and amount). */
import { exampleSheets } from "../../src/report/example";
import type { SheetModel } from "../../src/report/sheetModel";

export interface ForecastChoiceRow {
  line: string;
  method: string;
  amount?: number;
}

/**
 * The example's sheets with the Prognos table's row for `choice.line` replaced (or added at the table's end), a
 * manual method with a comment; `cell` is that row's method cell, as a warning names it. Without a choice, the example.
 */
export function exampleWith(choice?: ForecastChoiceRow): { models: SheetModel[]; cell: string } {
  const models = exampleSheets();
  if (!choice) return { models, cell: "" };
  const prognos = models.find((m) => m.name === "Prognos")!;
  const t = prognos.tables[0];
  const comment = choice.method === "manuell" ? "Enligt styrelsens beslut" : "";
  const row = [choice.line, choice.method, choice.amount ?? null, comment].map((v) => (v === null ? null : { value: v }));
  let at = prognos.rows.findIndex((r, i) => i > t.top && i <= t.bottom && r[0]?.value === choice.line);
  if (at >= 0) prognos.rows[at] = row;
  else {
    at = t.bottom + 1;
    prognos.rows.splice(at, 0, row);
    t.bottom++;
  }
  return { models, cell: `Prognos!B${at + 1}` };
}
