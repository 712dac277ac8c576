/** Columns whose header carries a year (contract: `yearColumns`): Budget's `2026`, Medlemmar's `Nyckel 2027`. */
import type { YearColumnsDef } from "../../core/contract";
import { FIRST_SHEET_YEAR, LAST_SHEET_YEAR } from "../../core/dates";
import type { IssueList } from "../../core/messages";
import { cellRef, columnLetters } from "../grid";
import type { LocatedTable } from "../tables";
import { normalizeName } from "../tables";
import { cellText, parseInteger } from "../values";

/** The year a header names under the table's year-column prefixes (`Nyckel 2027` → 2027, `2026` → 2026), or null. */
export function headerYear(header: string, def: YearColumnsDef): number | null {
  const text = normalizeName(header);
  for (const prefix of def.prefixes) {
    const p = normalizeName(prefix);
    if (p !== "" && !text.startsWith(p + " ")) continue;
    const rest = p === "" ? text : text.slice(p.length + 1).trim();
    if (!/^\d{4}$/.test(rest)) continue;
    const y = Number(rest);
    if (y >= FIRST_SHEET_YEAR && y <= LAST_SHEET_YEAR) return y;
  }
  return null;
}

/**
 * The year columns of a located table: each header that names a year, with its position (relative to `left`). A year
 * named twice (`Nyckel 2027` and `Key 2027`, `2026` twice) keeps its first column and is refused (`duplicate_column`,
 * naming both cells): which holds cannot be known.
 */
export function yearColumns(t: LocatedTable, def: YearColumnsDef, errors: IssueList): Array<{ col: number; year: number }> {
  const out: Array<{ col: number; year: number }> = [];
  t.header.forEach((c, i) => {
    // A bare year may be a number cell (2026) as well as text.
    const y = typeof c === "number" ? (parseInteger(c).ok ? headerYear(String(c), def) : null) : headerYear(cellText(c), def);
    if (y === null) return;
    const other = out.find((o) => o.year === y);
    if (!other) return void out.push({ col: i, year: y });
    const cells = [other.col, i].map((k) => `${columnLetters(t.left + k)}${t.headerRow + 1}`).join(", ");
    errors.add("duplicate_column", { column: cellText(c), sheet: t.sheet, cells }, cellRef(t.sheet, t.headerRow, t.left + i));
  });
  return out;
}
