/** Medlemsandelar: the year's totals, the groups' and the members' shares with their installments. */
import type { Computation } from "../../core/compute";
import { GROUP_LABELS } from "../../core/reportLines";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "../sheetModel";
import { contributionSourceText, header, money, OWNED_SHEETS, RunInfo, text } from "./header";

export interface MemberSharesLayout {
  /** Rows of the totals table per year, and the ranges of group and member tables. */
  totalsRowByYear: Map<number, number>;
  groupRows: { first: number; last: number };
  memberRows: { first: number; last: number };
  /** Columns in the member table. */
  memberYearCol: number;
  memberAmountCol: number;
  firstInstallmentCol: number;
  installmentCount: number;
}

export function memberSharesSheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: MemberSharesLayout } {
  const s = c.inputs.settings;
  const n = s.installments;
  const b = new SheetBuilder(OWNED_SHEETS.memberShares, [34, 12, 22, 16, 14, 16, ...new Array(n).fill(14)]);
  header(b, "Medlemsandelar", c, run, "kr (medlemsandelar visas alltid i hela kronor)");
  const years = c.memberShares ?? [];
  b.row([
    text(
      `Medlemsbidrag per år. Avrundningsenhet ${s.roundingUnit.toFixed()} kr; ` +
        "delarna summerar exakt till totalen (största-rest-metoden).",
      { italic: true },
    ),
  ]);
  const totals = b.table(
    "Medlemsbidrag",
    ["År", "Totalt", "Källa"],
    years.map((y) => [
      { value: y.year, format: FORMATS.integer },
      money(y.total, FORMATS.kr),
      text(contributionSourceText(c.contributions.get(y.year)?.source)),
    ]),
  );
  const totalsRowByYear = new Map(years.map((y, i) => [y.year, totals.firstRow + i]));
  b.blank();
  const groupBody: Cell[][] = [];
  for (const y of years) {
    for (const g of y.groups) {
      groupBody.push([
        { value: y.year, format: FORMATS.integer },
        text(GROUP_LABELS[g.group]),
        { value: g.share.toNumber(), format: FORMATS.percent },
        money(g.amount, FORMATS.kr),
      ]);
    }
  }
  const groups = b.table("Huvudmannaandelar", ["År", "Huvudman", "Andel", "Belopp"], groupBody);
  b.blank();
  const memberBody: Cell[][] = [];
  for (const y of years) {
    for (const m of y.members) {
      memberBody.push([
        text(m.member),
        { value: y.year, format: FORMATS.integer },
        text(GROUP_LABELS[m.group]),
        { value: m.key.toNumber(), format: "#,##0.####" },
        { value: m.shareOfGroup.toDecimalPlaces(10).toNumber(), format: "0.0000%" },
        money(m.amount, FORMATS.kr),
        ...m.installments.map((i) => money(i, FORMATS.kr)),
      ]);
    }
  }
  const installmentHeaders = Array.from({ length: n }, (_, i) => `Inbetalning ${i + 1}`);
  const members = b.table(
    "Medlemsandelar",
    ["Medlem", "År", "Huvudman", "Fördelningsnyckel", "Andel av huvudman", "Belopp", ...installmentHeaders],
    memberBody,
  );
  b.blank();
  b.row([
    text(
      "Lika rester: den extra enheten går till den första i bokstavsordning, och ordningen roteras ett steg per " +
        "räkenskapsår så att den växlar mellan åren. Inbetalningar: tidigare inbetalningar får den extra enheten.",
      { italic: true },
    ),
  ]);
  return {
    sheet: b.build(1),
    layout: {
      totalsRowByYear,
      groupRows: { first: groups.firstRow, last: groups.lastRow },
      memberRows: { first: members.firstRow, last: members.lastRow },
      memberYearCol: 1,
      memberAmountCol: 5,
      firstInstallmentCol: 6,
      installmentCount: n,
    },
  };
}
