/** A1 references: the column letters and the row number of a cell, inside Excel's grid. */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../core/excelLimits";
import { PackageError } from "./errors";

/** 0-based column of the letters at `text[from]` (an A1 reference's start; a leading `$` is skipped), -1 if none. */
export function columnAt(text: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  return col - 1;
}

/** columnAt over bytes (a cell's `r` attribute in the scanner, xlsx/scan.ts). */
export function columnAtBytes(b: Uint8Array, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  return col - 1;
}

/** 0-based row and column of an A1 reference such as `AB12` or `$A$1`, inside Excel's grid. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) throw new PackageError(`bad cell reference ${ref}`);
  const at = { row: Number(m[2]) - 1, col: columnAt(m[1], 0, m[1].length) };
  if (at.row < 0 || at.row >= EXCEL_MAX_ROWS || at.col >= EXCEL_MAX_COLUMNS)
    throw new PackageError(`cell reference ${ref} is outside Excel's grid`);
  return at;
}
