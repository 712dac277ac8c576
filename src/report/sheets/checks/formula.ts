/**
 * Kontroller's building blocks: a check (a difference formula that is 0 when it holds), the sheets it points at, and
 * how a long check is split.
 */
import { a1, sheetA1 } from "../../sheetModel";
import type { EquityLayout } from "../equity";
import { OWNED_SHEETS } from "../header";
import type { MemberSharesLayout } from "../memberShares";
import type { StatementsLayout } from "../statements";
import type { TertialLayout } from "../tertial";

/**
 * The sum of absolute differences, one scalar term per cell (`ABS(d1)+ABS(d2)+…`): no array evaluation, so
 * Excel, LibreOffice and Gnumeric compute it alike. (`SUMPRODUCT(ABS(range-range))` is evaluated by implicit
 * intersection in Gnumeric: a 28-row check gave 8 where 812 was right, and a changed result went unnoticed.)
 */
export const sumAbs = (diffs: readonly string[]): string => diffs.map((d) => `ABS(${d})`).join("+") || "0";

/** Excel's longest formula is 8 192 characters; a check's terms are split into formulas well below it. */
export const MAX_CHECK_FORMULA = 4000;

/** Checks of `diffs` under one name, split into parts (named with their first and last row) when one formula would be too long. */
export function splitCheck(sheet: string, name: string, description: string, terms: Array<{ diff: string; row: number }>): Check[] {
  const groups: Array<typeof terms> = [[]];
  let length = 0;
  for (const t of terms) {
    const add = t.diff.length + 6;
    if (length + add > MAX_CHECK_FORMULA && groups[groups.length - 1].length > 0) {
      groups.push([]);
      length = 0;
    }
    groups[groups.length - 1].push(t);
    length += add;
  }
  if (groups.length === 1) return [{ name, diffFormula: sumAbs(terms.map((t) => t.diff)), description }];
  return groups.map((g) => ({
    name: `${name} (${sheet} rad ${g[0].row + 1}–${g[g.length - 1].row + 1})`,
    diffFormula: sumAbs(g.map((t) => t.diff)),
    description,
  }));
}

export interface Check {
  name: string;
  /** Formula whose value is the difference (0 when the check holds). */
  diffFormula: string;
  description: string;
}

export const M = OWNED_SHEETS.memberShares;
export const T = OWNED_SHEETS.tertial;
export const E = OWNED_SHEETS.equity;
export const B = OWNED_SHEETS.statements;
export const ref = sheetA1;
export const range = (sheet: string, r1: number, c1: number, r2: number, c2: number) => `${ref(sheet, r1, c1)}:${a1(r2, c2)}`;
export const col = (sheet: string, rows: { first: number; last: number }, c: number) => range(sheet, rows.first, c, rows.last, c);
export const rowsFrom = (rows: { first: number; last: number }) =>
  Array.from({ length: rows.last - rows.first + 1 }, (_, i) => rows.first + i);

/** Where the result sheets put their figures, for the checks to point at. */
export interface CheckLayouts {
  members?: MemberSharesLayout;
  tertial?: TertialLayout;
  equity?: EquityLayout;
  statements?: StatementsLayout;
  /** The report year (for the sheets' tables of several years). */
  year?: number;
}
