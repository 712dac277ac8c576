/**
 * Huvudbok: Datum, Verifikation, Konto, Belopp (or Debet and Kredit), Text, Insats. The hot path of
 * a large workbook: numbers with at most two decimals become öre without Decimal.
 */
import type { LedgerRow } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { MAX_TOTAL_ORE } from "../../core/money";
import { asOre, CellRef, DayNumber, Ore } from "../../core/units";
import { LEDGER_TABLE } from "../../core/contract";
import { cellRef, isBlank, isErrorCell, WorkbookGrid } from "../grid";
import { at } from "../tables";
import { cellText, parseAmountOre, dateParser, parseInteger } from "../values";
import { open, TableReader, TableResult } from "./tableReader";

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
    // The hot loop of a large workbook: no array or closure per row.
    const dateBlank = isBlank(at(row, cols.date));
    const accountBlank = isBlank(at(row, cols.account));
    const amountBlank = useDebitCredit ? isBlank(at(row, cols.debit)) && isBlank(at(row, cols.credit)) : isBlank(at(row, cols.amount));
    if (dateBlank && accountBlank && amountBlank) continue;
    if (errorCount > MAX_ROW_ERRORS) break;
    const before = errors.length;
    if (dateBlank || accountBlank || amountBlank) {
      const which = dateBlank ? "date" : accountBlank ? "account" : amountCols[0];
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
    ledger.push(new ReadLedgerRow(day!, cellText(voucher), account!, ore!, cellText(text), cellText(project), r, row.index));
  }
  return { kind: "read", value: ledger, sheet: r.t.sheet };
}

/** A row as read from Huvudbok: its cell references are made when a message names one (few of 100 000 rows do). */
class ReadLedgerRow implements LedgerRow {
  constructor(
    readonly day: DayNumber,
    readonly voucher: string,
    readonly account: number,
    readonly ore: Ore,
    readonly text: string,
    readonly project: string,
    private readonly reader: TableReader<typeof LEDGER_TABLE>,
    private readonly index: number,
  ) {}
  get cell(): CellRef {
    return this.reader.ref(this.index, 0);
  }
  get dateCell(): CellRef {
    return this.reader.ref(this.index, "date");
  }
  get accountCell(): CellRef {
    return this.reader.ref(this.index, "account");
  }
}
