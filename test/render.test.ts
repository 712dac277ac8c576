/**
 * How verifiera shows a stored and a recomputed number (src/report/render.ts): as the cell shows them,
 * and exact when that hides the difference.
 */
import { differenceTexts } from "../src/report/render";

const nb = (s: string) => s.replace(/\u00a0/g, " ");

test("a difference the display shows is shown as the cell shows it", () => {
  const t = differenceTexts(-6657925, -6658925, '#,##0,;-#,##0,;"–"');
  expect([nb(t.stored), nb(t.recomputed)]).toEqual(["-6 658 tkr", "-6 659 tkr"]);
});

test("below the display unit: money to the öre, a share as its exact decimal (never two equal texts)", () => {
  const money = differenceTexts(1000.4, 1000.2, '#,##0;-#,##0;"–"');
  expect([nb(money.stored), nb(money.recomputed)]).toEqual(["1 000 kr (1 000,40 kr)", "1 000 kr (1 000,20 kr)"]);
  const share = differenceTexts(0.3012331, 0.3012335, "0.0%");
  expect([nb(share.stored), nb(share.recomputed)]).toEqual(["30,1 % (0,3012331)", "30,1 % (0,3012335)"]);
  const fine = differenceTexts(10.001, 10.004, '#,##0;-#,##0;"–"');
  expect(fine.stored).not.toBe(fine.recomputed);
});
