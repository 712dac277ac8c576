/** Kontoplan: Konto (a number or a range 5000-5999), Benämning, Rapportrad (a code or its label). */
import { ACCOUNTS_TABLE } from "../../core/contract";
import type { AccountRule } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { parseAccountLine } from "../../core/reportLines";
import type { WorkbookGrid } from "../grid";
import { describe } from "../values";
import { readRows, TableResult } from "./tableReader";

export { parseAccountSpec } from "./accountSpec";

export function readAccounts(grid: WorkbookGrid, required: boolean, errors: IssueList): TableResult<AccountRule[]> {
  return readRows(grid, ACCOUNTS_TABLE, required, errors, (row, r) => {
    const spec = r.value(row, "account");
    const lineText = r.optional(row, "line");
    const name = r.value(row, "name");
    let line = null;
    if (lineText) {
      line = parseAccountLine(lineText);
      if (!line) {
        errors.add("unknown_report_line", { value: describe(r.cell(row, "line")) ?? "", table: "Kontoplan" }, r.ref(row.index, "line"));
        return null;
      }
    }
    return spec && lineText !== null && name !== null ? { ...spec, line, name, cell: r.ref(row.index, "account") } : null;
  });
}
