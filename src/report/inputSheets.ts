/**
 * Input sheets as sheet models, from the contract (core/contract): one table per sheet with the contract's headers,
 * number formats and widths, printed as a list. The template (`finsam mall`, *Skapa mall*), the example and Nytt år
 * write their input sheets here.
 */
import {
  CELL_FORMATS,
  ColumnDef,
  columnFormat,
  INPUT_TABLE_DEFS,
  SETTING_DEFS,
  TableDef,
  TABLE_DEFS,
  templateColumns,
} from "../core/contract";
import type { YearColumnsDef } from "../core/contract";
import type { InputTable } from "../core/inputs";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "./sheetModel";
import { MIN_PRINT_SCALE, printScale } from "./sheets/header";

export type V = string | number | null;

/** A column as an input sheet writes it: its header, the format of its numbers, its width. */
export interface SheetColumn {
  header: string;
  format: string;
  width: number;
}

/** A contract column as the template writes it (Swedish header). */
export function sheetColumn(c: ColumnDef): SheetColumn {
  return { header: c.sv, format: columnFormat(c), width: c.width };
}

/** A column whose header carries a year (`2026`, `Nyckel 2027`): the first prefix and the year. */
export function yearSheetColumn(def: YearColumnsDef, year: number): SheetColumn {
  const prefix = def.prefixes[0];
  return { header: prefix ? `${prefix} ${year}` : String(year), format: CELL_FORMATS[def.kind], width: def.width };
}

/** The template's columns of a table, in the contract's order. */
export function templateSheetColumns(table: InputTable): SheetColumn[] {
  return templateColumns(TABLE_DEFS[table]).map(sheetColumn);
}

/**
 * An input sheet: one table of the contract. Text is written as text; a number gets its column's format. A column
 * is as wide as its longest text (up to 60 characters), so that nothing typed is cut off on screen or on paper.
 */
export function inputSheet(def: TableDef, rows: V[][], columns: readonly SheetColumn[] = templateSheetColumns(def.name)): SheetModel {
  const fitted = columns.map((c, i) =>
    Math.max(c.width, Math.min(60, Math.max(0, ...rows.map((r) => (typeof r[i] === "string" ? (r[i] as string).length + 2 : 0))))),
  );
  const b = new SheetBuilder(def.sheet, fitted);
  b.table(
    def.name,
    columns.map((c) => c.header),
    rows.map((r) =>
      columns.map((c, i): Cell | null => {
        const v = r[i] ?? null;
        if (v === null) return null;
        if (typeof v === "string") return { value: v, format: FORMATS.text };
        return { value: v, format: c.format };
      }),
    ),
  );
  // Printed as a list: one page wide, the header row on every page, the sheet's name above and the page below.
  // No print area: the rows grow as the officer types, and Excel prints what the sheet holds.
  b.page = {
    orientation: "portrait",
    titleRows: { first: 0, last: 0 },
    header: "&A",
    footer: "Sida &P av &N",
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  if (printScale({ columnWidths: fitted, page: b.page }) < MIN_PRINT_SCALE) b.page.orientation = "landscape";
  return b.build(1);
}

/** Inställningar's rows as the template writes them: each setting, its template value, its explanation. */
export function templateSettingRows(values: Partial<Record<string, V>> = {}): V[][] {
  return SETTING_DEFS.map((s) => [s.sv, s.sv in values ? (values[s.sv] ?? null) : s.template, s.help]);
}

/**
 * The template's balance-sheet accounts: the BAS classes 1–2 in ranges, each with its line in the
 * financial statements (Bokslut). The officer adds the income and cost accounts, and adjusts these.
 */
const TEMPLATE_BALANCE_ACCOUNTS: V[][] = [
  ["1000-1399", "Anläggningstillgångar", "anlaggningstillgangar"],
  ["1400-1899", "Fordringar och förutbetalda kostnader", "fordringar"],
  ["1900-1999", "Kassa och bank", "kassa_och_bank"],
  ["2000-2099", "Eget kapital", "eget_kapital"],
  ["2100-2299", "Avsättningar", "avsattningar"],
  ["2300-2399", "Långfristiga skulder", "langfristiga_skulder"],
  ["2400-2999", "Kortfristiga skulder", "kortfristiga_skulder"],
];

/** The empty template: every input table of the contract with its headers, the default settings and the balance-sheet accounts. */
export function templateSheets(): SheetModel[] {
  const rows: Partial<Record<InputTable, V[][]>> = { Installningar: templateSettingRows(), Kontoplan: TEMPLATE_BALANCE_ACCOUNTS };
  return INPUT_TABLE_DEFS.map((def) => inputSheet(def, rows[def.name] ?? []));
}
