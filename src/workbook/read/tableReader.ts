/**
 * Opening an input table of the contract (core/contract) and reading its rows: columns found by the contract's
 * headers, each cell parsed by its column's kind, parse failures, error values and partly blank rows reported
 * against the right cell, and rows typed under the table that it did not take refused. Shared by the per-table
 * readers in this folder.
 */
import { ColumnDef, ColumnId, ColumnKind, INPUT_TABLES, TableDef } from "../../core/contract";
import type { IssueList, ValueCode, ValueParams } from "../../core/messages";
import type { Decimal } from "../../core/money";
import { asCellRef, CellRef, DayNumber } from "../../core/units";
import { cellRef, isBlank, isErrorCell, RawCell, WorkbookGrid } from "../grid";
import { at, LocatedTable, locateTable, mapColumns, rowsBelow } from "../tables";
import { cellText, dateParser, errorCellFailure, parseAmount, parseInteger, parseNumber, Parsed, parsePercent } from "../values";
import { parseAccountSpec } from "./accountSpec";

export { INPUT_TABLES };

export type TableRow = { index: number; cells: RawCell[] };

/** What a cell of each kind reads as. */
interface KindValues {
  date: DayNumber;
  amount: Decimal;
  year: number;
  key: Decimal;
  percent: Decimal;
  account: number;
  accountRange: { from: number; to: number };
  text: string;
  reportLine: string;
  group: string;
  grantType: string;
  method: string;
  setting: string;
  settingValue: string;
  note: string;
}

type KindOf<T extends TableDef, I> = Extract<T["columns"][number], { id: I }>["kind"];

/** Each kind's parser and the code its failure is reported with; text kinds are read by `cellText`. */
function kindParser(kind: ColumnKind, grid: WorkbookGrid): { parse: (v: RawCell) => Parsed<unknown>; code: ValueCode } | null {
  switch (kind) {
    case "date":
      return { parse: dateParser(grid), code: "invalid_date" };
    case "amount":
      return { parse: parseAmount, code: "invalid_amount" };
    case "year":
      return { parse: parseInteger, code: "invalid_year" };
    case "key":
      return { parse: parseNumber, code: "invalid_number" };
    case "percent":
      return { parse: parsePercent, code: "invalid_percent" };
    case "account":
      return { parse: parseInteger, code: "invalid_account" };
    case "accountRange":
      return { parse: parseAccountSpec, code: "invalid_account" };
    default:
      return null;
  }
}

/** A table being read: finds cells by column id, parses them by kind, reports failures against the right cell. */
export class TableReader<T extends TableDef> {
  constructor(
    readonly def: T,
    readonly t: LocatedTable,
    readonly cols: Partial<Record<ColumnId<T>, number>>,
    readonly errors: IssueList,
    readonly grid: WorkbookGrid,
  ) {}
  ref(rowIndex: number, col: ColumnId<T> | number): CellRef {
    const c = typeof col === "number" ? col : (this.cols[col] ?? 0);
    return cellRef(this.t.sheet, rowIndex, this.t.left + c);
  }
  /** The cell of a row in a column (null when the table has no such column). */
  cell(row: TableRow, id: ColumnId<T>): RawCell {
    return at(row, this.cols[id]);
  }
  blank(row: TableRow, id: ColumnId<T>): boolean {
    return isBlank(this.cell(row, id));
  }
  /** Parses a cell; on failure records an error (`code`, or cell_error_value for an error cell) and returns null. */
  parse<V>(row: TableRow, col: ColumnId<T>, parser: (v: RawCell) => Parsed<V>, code: ValueCode): V | null {
    const r = parser(this.cell(row, col));
    if (r.ok) return r.value;
    reportValue(this.errors, code, r.error, this.ref(row.index, col));
    return null;
  }
  /**
   * A cell read by its column's kind: a date as a day number, an amount as kronor, text as trimmed text. A value
   * that is not of the kind, or an error value (text cells too), is reported at the cell and gives null.
   */
  value<I extends ColumnId<T>>(row: TableRow, id: I): KindValues[KindOf<T, I>] | null {
    const column = this.def.columns.find((c: ColumnDef) => c.id === id)!;
    const v = this.cell(row, id);
    const parser = kindParser(column.kind, this.grid);
    if (parser) return this.parse(row, id, parser.parse, parser.code) as KindValues[KindOf<T, I>] | null;
    if (isErrorCell(v)) {
      this.errors.add("cell_error_value", errorCellFailure(v), this.ref(row.index, id));
      return null;
    }
    return cellText(v) as KindValues[KindOf<T, I>];
  }
  /** A cell that may be left blank: undefined when it is, else `value`. */
  optional<I extends ColumnId<T>>(row: TableRow, id: I): KindValues[KindOf<T, I>] | null | undefined {
    return this.blank(row, id) ? undefined : this.value(row, id);
  }
  /**
   * Data rows to read: skips blank rows and rows whose filled-by-contract cells (or `required`) are all blank;
   * reports the blank ones of a partly filled row.
   */
  *rows(required: readonly ColumnId<T>[] = filledColumns(this.def)): Generator<TableRow> {
    for (const row of this.t.rows) {
      const blanks = required.filter((k) => isBlank(at(row, this.cols[k])));
      if (blanks.length === required.length) continue;
      if (blanks.length > 0) {
        for (const k of blanks) this.errors.add("blank_required", {}, this.ref(row.index, k));
        continue;
      }
      yield row;
    }
  }
}

/** The columns each data row of a table must fill. */
export function filledColumns<T extends TableDef>(def: T): Array<ColumnId<T>> {
  return def.columns.filter((c) => c.filled).map((c) => c.id as ColumnId<T>);
}

/** Records a value failure: as `code`, or as cell_error_value when the cell holds an error value. */
export function reportValue(errors: IssueList, code: ValueCode, failure: ValueParams, cell: CellRef): void {
  const errorCell = failure.problem === "error_value" || failure.problem === "no_cached_value";
  errors.add(errorCell ? "cell_error_value" : code, failure, cell);
}

/**
 * An input table located by the contract's names, with the rows typed under it that it did not take reported
 * (`rows_below_table`): every filled cell of an input table is read or reported.
 */
export function locateInput(grid: WorkbookGrid, def: TableDef, errors: IssueList): LocatedTable | null {
  const t = locateTable(grid, def.name, def.sheet);
  const below = t && rowsBelow(grid, t);
  if (t && below)
    errors.add(
      "rows_below_table",
      { table: t.tableName ?? def.name, sheet: t.sheet, range: below.range, rows: below.last - below.first + 1 },
      below.cell,
    );
  return t;
}

/** An input table: absent (fine when optional), broken (errors reported), or open for reading. */
export type Opened<T extends TableDef> = { kind: "absent" } | { kind: "broken" } | { kind: "open"; reader: TableReader<T> };

export function open<T extends TableDef>(grid: WorkbookGrid, def: T, required: boolean, errors: IssueList): Opened<T> {
  const t = locateInput(grid, def, errors);
  if (!t) {
    if (!required) return { kind: "absent" };
    errors.add("missing_table", { table: def.name, sheet: def.sheet }, asCellRef(`${def.sheet}!A1`));
    return { kind: "broken" };
  }
  const cols = mapColumns(t, def.columns, errors);
  if (!cols) return { kind: "broken" };
  return { kind: "open", reader: new TableReader(def, t, cols as Partial<Record<ColumnId<T>, number>>, errors, grid) };
}

/**
 * Reads an input table one data row at a time (rows the contract says to skip are skipped, partly blank ones reported):
 * `item` gives what the row reads as, or null when the row is wrong (its errors reported).
 */
export function readRows<T extends TableDef, V>(
  grid: WorkbookGrid,
  def: T,
  required: boolean,
  errors: IssueList,
  item: (row: TableRow, r: TableReader<T>) => V | null,
): TableResult<V[]> {
  const opened = open(grid, def, required, errors);
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const out: V[] = [];
  for (const row of r.rows()) {
    const v = item(row, r);
    if (v !== null) out.push(v);
  }
  return { kind: "read", value: out, sheet: r.t.sheet };
}

/** What a table reader returns: the rows, and the sheet they were read from. */
export interface Read<T> {
  value: T;
  sheet: string;
}

/** A table that was absent, broken (errors reported) or read. */
export type TableResult<T> = { kind: "absent" } | { kind: "broken" } | ({ kind: "read" } & Read<T>);
