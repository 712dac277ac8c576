/** Kontoplan: Konto (a number or a range 5000-5999), Benämning, Rapportrad (a code or its label). */
import type { AccountRule } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { parseAccountLine } from "../../core/reportLines";
import { isBlank, isErrorCell, RawCell, WorkbookGrid } from "../grid";
import { at } from "../tables";
import { cellText, describe, errorCellFailure, Parsed } from "../values";
import { open, reportValue, TableResult } from "./tableReader";

/**
 * An account number or an inclusive range.
 * @example parseAccountSpec("5000-5999") // ok { from: 5000, to: 5999 }
 * @example parseAccountSpec("5999-5000") // error account_range_reversed
 */
export function parseAccountSpec(v: RawCell): Parsed<{ from: number; to: number }> {
  const fail = (problem: "not_account" | "account_range_reversed"): Parsed<{ from: number; to: number }> => ({
    ok: false,
    error: {
      problem: isErrorCell(v) ? errorCellFailure(v).problem : problem,
      value: problem === "account_range_reversed" ? String(v).trim() : describe(v),
    },
  });
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? { ok: true, value: { from: v, to: v } } : fail("not_account");
  if (typeof v !== "string") return fail("not_account");
  const m = /^\s*(\d+)\s*(?:[-–—]\s*(\d+))?\s*$/.exec(v);
  if (!m) return fail("not_account");
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return to < from ? fail("account_range_reversed") : { ok: true, value: { from, to } };
}

export function readAccounts(grid: WorkbookGrid, required: boolean, errors: IssueList): TableResult<AccountRule[]> {
  const opened = open(
    grid,
    "Kontoplan",
    [
      { id: "account", names: ["Konto", "Account"], required: true },
      { id: "name", names: ["Benämning", "Name"], required: false },
      { id: "line", names: ["Rapportrad", "Report line"], required: false },
    ],
    required,
    errors,
  );
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const accounts: AccountRule[] = [];
  for (const row of r.rows(["account"])) {
    const spec = r.parse(row, "account", parseAccountSpec, "invalid_account");
    const lineCell = at(row, r.cols.line);
    let line = null;
    if (!isBlank(lineCell)) {
      line = parseAccountLine(cellText(lineCell));
      if (!line) {
        const cell = r.ref(row.index, "line");
        if (isErrorCell(lineCell)) reportValue(errors, "invalid_account", errorCellFailure(lineCell), cell);
        else errors.add("unknown_report_line", { value: describe(lineCell) ?? "", table: "Kontoplan" }, cell);
        continue;
      }
    }
    if (spec) accounts.push({ ...spec, line, name: cellText(at(row, r.cols.name)), cell: r.ref(row.index, "account") });
  }
  return { kind: "read", value: accounts, sheet: r.t.sheet };
}
