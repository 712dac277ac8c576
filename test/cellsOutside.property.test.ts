/**
 * Property: the areas `cells_outside_tables` names are exactly the filled cells no input table takes, each once. On
 * random sheets with an Excel table anywhere on them (a totals row or not), the areas are disjoint, hold only such
 * cells, hold all of them, and the count is their number.
 */
import fc from "fast-check";
import type { GridTable, RawCell, WorkbookGrid } from "../src/workbook/grid";
import { cellsOutsideTables } from "../src/workbook/read/cellsOutside";
import { locateTable, rowsBelow } from "../src/workbook/tables";

const ROWS = 24;
const COLS = 10;

const sheetArb = fc.record({
  cells: fc.array(
    fc.array(fc.oneof(fc.constant(null), fc.constant(""), fc.integer(), fc.constantFrom("x", "anteckning")), { maxLength: COLS }),
    {
      maxLength: ROWS,
    },
  ),
  top: fc.integer({ min: 0, max: ROWS - 2 }),
  left: fc.integer({ min: 0, max: COLS - 1 }),
  width: fc.integer({ min: 1, max: 6 }),
  height: fc.integer({ min: 1, max: 10 }),
  totals: fc.boolean(),
});

type Sheet = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

/** The sheet with its table: the header row filled (the table's width), the last row its totals row when asked. */
function gridOf(s: Sheet): WorkbookGrid {
  const rows: RawCell[][] = s.cells.map((r) => [...r]);
  while (rows.length <= s.top) rows.push([]);
  for (let i = 0; i < s.width; i++) {
    while (rows[s.top].length < s.left + i) rows[s.top].push(null);
    rows[s.top][s.left + i] = `K${i + 1}`;
  }
  const last = s.top + s.height;
  const totals = s.totals && s.height > 1;
  const bottom = totals ? last - 1 : last;
  const cut = (r: number) => Array.from({ length: s.width }, (_, i) => rows[r]?.[s.left + i] ?? null);
  const table: GridTable = {
    name: "Huvudbok",
    sheet: "Huvudbok",
    top: s.top,
    left: s.left,
    rows: Array.from({ length: bottom - s.top + 1 }, (_, i) => cut(s.top + i)),
    bottom,
    ...(totals ? { totalsRow: last } : {}),
  };
  return { sheets: [{ name: "Huvudbok", rows }], tables: [table] };
}

test("property: the named areas are the filled cells outside the table, each once", () => {
  fc.assert(
    fc.property(sheetArb, (s) => {
      const grid = gridOf(s);
      const t = locateTable(grid, "Huvudbok", "Huvudbok")!;
      const below = rowsBelow(grid, t);
      const end = Math.max(t.totalsRow ?? t.bottom!, below?.last ?? -1);
      const right = t.left + t.header.length - 1;
      const outside = new Set<string>();
      grid.sheets[0].rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const filled = v !== null && !(typeof v === "string" && v.trim() === "");
          const inTable = r >= t.headerRow && r <= end && c >= t.left && c <= right;
          if (filled && !inTable) outside.add(`${r}:${c}`);
        }),
      );
      const found = cellsOutsideTables(grid);
      const named = new Set<string>();
      for (const a of found.flatMap((f) => f.areas))
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) {
            const key = `${r}:${c}`;
            expect(named.has(key)).toBe(false);
            expect(outside.has(key)).toBe(true);
            named.add(key);
          }
      expect(named.size).toBe(outside.size);
      expect(found.reduce((n, f) => n + f.count, 0)).toBe(outside.size);
    }),
    { numRuns: 300 },
  );
});
