/**
 * Opening an input table and reading its rows: parse failures and partly blank rows are reported
 * against the right cell. Shared by the per-table readers in this folder.
 */
import type { IssueList, ValueCode, ValueParams } from "../../core/messages";
import type { InputTable } from "../../core/inputs";
import { asCellRef, CellRef } from "../../core/units";
import { cellRef, isBlank, RawCell, WorkbookGrid } from "../grid";
import { at, ColumnSpec, LocatedTable, locateTable, mapColumns } from "../tables";
import type { Parsed } from "../values";

/** Each input table: its table name, its sheet name. */
export const INPUT_TABLES: Record<InputTable, string> = {
  Installningar: "Inställningar",
  Medlemmar: "Medlemmar",
  Kontoplan: "Kontoplan",
  Budget: "Budget",
  Huvudbok: "Huvudbok",
  Insatser: "Insatser",
  Prognos: "Prognos",
  Takregel: "Takregel",
  Tillaggsbidrag: "Tilläggsbidrag",
};

export type TableRow = { index: number; cells: RawCell[] };

/** A table being read: reports parse failures against the right cell. */
export class TableReader<K extends string> {
  constructor(
    readonly t: LocatedTable,
    readonly cols: Partial<Record<K, number>>,
    readonly errors: IssueList,
  ) {}
  ref(rowIndex: number, col: K | number): CellRef {
    const c = typeof col === "number" ? col : (this.cols[col] ?? 0);
    return cellRef(this.t.sheet, rowIndex, this.t.left + c);
  }
  /** Parses a cell; on failure records an error (`code`, or cell_error_value for an error cell) and returns null. */
  parse<T>(row: TableRow, col: K, parser: (v: RawCell) => Parsed<T>, code: ValueCode): T | null {
    const r = parser(at(row, this.cols[col]));
    if (r.ok) return r.value;
    reportValue(this.errors, code, r.error, this.ref(row.index, col));
    return null;
  }
  /** Data rows to read: skips blank rows and rows whose required cells are all blank; errors on partly blank ones. */
  *rows(required: readonly K[]): Generator<TableRow> {
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

/** Records a value failure: as `code`, or as cell_error_value when the cell holds an error value. */
export function reportValue(errors: IssueList, code: ValueCode, failure: ValueParams, cell: CellRef): void {
  const errorCell = failure.problem === "error_value" || failure.problem === "no_cached_value";
  errors.add(errorCell ? "cell_error_value" : code, failure, cell);
}

/** An input table: absent (fine when optional), broken (errors reported), or open for reading. */
export type Opened<K extends string> = { kind: "absent" } | { kind: "broken" } | { kind: "open"; reader: TableReader<K> };

export function open<K extends string>(
  grid: WorkbookGrid,
  table: InputTable,
  specs: readonly ColumnSpec<K>[],
  required: boolean,
  errors: IssueList,
): Opened<K> {
  const t = locateTable(grid, table, INPUT_TABLES[table]);
  if (!t) {
    if (!required) return { kind: "absent" };
    errors.add("missing_table", { table, sheet: INPUT_TABLES[table] }, asCellRef(`${INPUT_TABLES[table]}!A1`));
    return { kind: "broken" };
  }
  const cols = mapColumns(t, specs, errors);
  if (!cols) return { kind: "broken" };
  return { kind: "open", reader: new TableReader(t, cols, errors) };
}

/** What a table reader returns: the rows, and the sheet they were read from. */
export interface Read<T> {
  value: T;
  sheet: string;
}

/** A table that was absent, broken (errors reported) or read. */
export type TableResult<T> = { kind: "absent" } | { kind: "broken" } | ({ kind: "read" } & Read<T>);
