/**
 * The Tertialrapport's table Medfinansierade insatser (page 2, below Beslutade insatser): for each co-financed insats
 * who co-finances it, the granted total, the co-financiers' part and the förbund's own part, and the co-financiers'
 * part of this year's costs (what `medfinansiering` forecasts for Projektmedel) and of what remains after the year
 * (what Eget kapital does not count as the förbund's own commitment). Only when some insats is co-financed; the
 * Förklaringar say how the parts are reached.
 */
import type { Computation } from "../../core/compute";
import type { GrantCommitment } from "../../core/grants";
import { Decimal, ZERO } from "../../core/money";
import { SheetBuilder } from "../sheetModel";
import { money, text } from "./header";

/** Where the table put its figures, for Kontroller: each row's grant (its row in Beslutade insatser), and Summa. */
export interface CoFinancingLayout {
  rows: Array<{ row: number; grantRow: number }>;
  totalRow: number;
  cols: { granted: number; coFinancing: number; own: number; thisYear: number; afterYear: number };
}

const COLS: CoFinancingLayout["cols"] = { granted: 2, coFinancing: 3, own: 4, thisYear: 5, afterYear: 6 };

/** The table, or undefined when no insats is co-financed; `grantRows` are the insatser's rows in Beslutade insatser. */
export function coFinancingTable(b: SheetBuilder, c: Computation, fmt: string, grantRows: number[]): CoFinancingLayout | undefined {
  const all = c.tertial!.grants;
  const co = all.map((g, i) => ({ g, grantRow: grantRows[i] })).filter(({ g }) => !g.coFinancing.isZero());
  if (co.length === 0) return undefined;
  const y = c.period.year;
  const unit = c.inputs.settings.displayUnit;
  b.row([text(`Medfinansierade insatser, ${unit} (medfinansiärens del av kostnaderna ${y} och efter ${y})`, { bold: true })]);
  // The amount columns in order, each row's figure and their Summa.
  const amounts: Array<(g: GrantCommitment) => Decimal> = [
    (g) => g.granted,
    (g) => g.coFinancing,
    (g) => g.ownPart,
    (g) => g.coFinancedThisYear,
    (g) => g.coFinancedAfterYear,
  ];
  const sum = (pick: (g: GrantCommitment) => Decimal) => co.reduce((a, { g }) => a.plus(pick(g)), ZERO);
  const first = b.nextRow + 1;
  const t = b.table(
    "Medfinansiering",
    // One line of headers, no wider than the sheet's columns: the title says what I år and Efter året are.
    ["Medfinansiär", "Insats", "Beviljat", "Medfin.", "Egen del", "I år", "Efter året"],
    [
      ...co.map(({ g }, i) => [
        (b.fitRow(first + i, 0, g.coFinancier), text(g.coFinancier, { wrap: true })),
        text(g.code, { right: true }),
        ...amounts.map((pick) => money(pick(g), fmt)),
      ]),
      [text("Summa", { bold: true }), text(""), ...amounts.map((pick) => money(sum(pick), fmt, { bold: true }))],
    ],
  );
  b.blank();
  return { rows: co.map(({ grantRow }, i) => ({ row: t.firstRow + i, grantRow })), totalRow: t.lastRow, cols: COLS };
}
