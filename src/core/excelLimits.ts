/**
 * Excel's grid: 1 048 576 rows and 16 384 columns (A to XFD). The .xlsx reader accepts nothing beyond it, and
 * nothing is written beyond it (the SIE import refuses a Huvudbok that would not fit).
 */
export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLUMNS = 16384;

/** The most characters a cell holds (Excel's specifications and limits). */
export const EXCEL_MAX_CELL_TEXT = 32767;

/** The most characters a sheet's name has. */
export const EXCEL_MAX_SHEET_NAME = 31;

/**
 * Why Excel would refuse a sheet name, or null: empty, longer than 31 characters, one of `[ ] : * ? / \`, an
 * apostrophe first or last, or `History` (reserved by Excel in any letter case).
 */
export function sheetNameProblem(name: string): "empty" | "too_long" | "character" | "apostrophe" | "reserved" | null {
  if (name.length === 0) return "empty";
  if (name.length > EXCEL_MAX_SHEET_NAME) return "too_long";
  if (/[[\]:*?/\\]/.test(name)) return "character";
  if (name.startsWith("'") || name.endsWith("'")) return "apostrophe";
  if (name.toLowerCase() === "history") return "reserved";
  return null;
}
