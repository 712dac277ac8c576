/**
 * Huvudbok: Datum, Verifikation, Konto, Belopp (or Debet and Kredit), Text, Insats. The hot path of
 * a large workbook: numbers with at most two decimals become öre without Decimal.
 */
import type { LedgerRow } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { MAX_TOTAL_ORE } from "../../core/money";
import { asOre, Ore } from "../../core/units";
import { LEDGER_TABLE } from "../../core/contract";
import { cellRef, isBlank, isErrorCell, WorkbookGrid } from "../grid";
import { at } from "../tables";
import { cellText, parseAmountOre, dateParser, parseInteger } from "../values";
import { open, TableResult } from "./tableReader";

/** After this many bad rows, reading stops: enough to act on. */
const MAX_ROW_ERRORS = 200;

export function readLedger(grid: WorkbookGrid, required: boolean, errors: IssueList): TableResult<LedgerRow[]> {
  const opened = open(grid, LEDGER_TABLE, required, errors);
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const { cols } = r;
  const useDebitCredit = cols.amount === undefined;
  if (useDebitCredit && (cols.debit === undefined || cols.credit === undefined)) {
    const params = { column: "Belopp", alias: "Amount", sheet: r.t.sheet, row: r.t.headerRow + 1, debitCredit: true };
    errors.add("missing_column", params, cellRef(r.t.sheet, r.t.headerRow, r.t.left));
    return { kind: "broken" };
  }
  const ledger: LedgerRow[] = [];
  let errorCount = 0;
  const amountCols: Array<"amount" | "debit" | "credit"> = useDebitCredit ? ["debit", "credit"] : ["amount"];
  const parseDate = dateParser(grid);
  let absoluteTotal = 0;
  for (const row of r.t.rows) {
    const dateV = at(row, cols.date);
    const accountV = at(row, cols.account);
    const amountBlank = amountCols.every((k) => isBlank(at(row, cols[k])));
    const blanks = [isBlank(dateV), isBlank(accountV), amountBlank];
    if (blanks.every(Boolean)) continue;
    if (errorCount > MAX_ROW_ERRORS) break;
    const before = errors.length;
    if (blanks.some(Boolean)) {
      const which = blanks[0] ? "date" : blanks[1] ? "account" : amountCols[0];
      errors.add("blank_required", {}, r.ref(row.index, which));
      errorCount++;
      continue;
    }
    const day = r.parse(row, "date", parseDate, "invalid_date");
    const account = r.parse(row, "account", parseInteger, "invalid_account");
    let ore: Ore | null = null;
    if (useDebitCredit) {
      const d = isBlank(at(row, cols.debit)) ? asOre(0) : r.parse(row, "debit", parseAmountOre, "invalid_amount");
      const c = isBlank(at(row, cols.credit)) ? asOre(0) : r.parse(row, "credit", parseAmountOre, "invalid_amount");
      if (d !== null && c !== null) ore = asOre(d - c === 0 ? 0 : d - c);
    } else {
      ore = r.parse(row, "amount", parseAmountOre, "invalid_amount");
    }
    if (errors.length > before) {
      errorCount++;
      continue;
    }
    // Every sum over the ledger stays exact while the amounts together, without their signs, stay below 2^53 öre.
    absoluteTotal += ore! < 0 ? -ore! : ore!;
    if (absoluteTotal > MAX_TOTAL_ORE) {
      errors.add("amount_overflow", {}, r.ref(row.index, amountCols[0]));
      break;
    }
    // The text columns: an error value there is reported, never read as its text.
    const voucher = at(row, cols.voucher);
    const text = at(row, cols.text);
    const project = at(row, cols.project);
    if (isErrorCell(voucher) || isErrorCell(text) || isErrorCell(project)) {
      for (const id of ["voucher", "text", "project"] as const) r.value(row, id);
      errorCount++;
      continue;
    }
    ledger.push({
      day: day!,
      voucher: cellText(voucher),
      account: account!,
      ore: ore!,
      text: cellText(text),
      project: cellText(project),
      cell: r.ref(row.index, 0),
      dateCell: r.ref(row.index, "date"),
      accountCell: r.ref(row.index, "account"),
    });
  }
  return { kind: "read", value: ledger, sheet: r.t.sheet };
}
