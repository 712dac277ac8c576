/**
 * Excel's grid: 1 048 576 rows and 16 384 columns (A to XFD). The .xlsx reader accepts nothing beyond it, and
 * nothing is written beyond it (the SIE import refuses a Huvudbok that would not fit).
 */
export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLUMNS = 16384;
