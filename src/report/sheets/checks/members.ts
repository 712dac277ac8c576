/**
 * Kontroller's checks of Medlemsandelar: shares sum to the totals, the members × years table and the installments tie
 * to the long table.
 */
import type { Computation } from "../../../core/compute";
import type { MemberSharesLayout } from "../memberShares";
import { Check, col, M, range, ref, rowsFrom, splitCheck, sumAbs } from "./formula";

/** Medlemsandelar: each year's groups and members sum to the year's total; each member's installments to its amount. */
export function memberChecks(years: NonNullable<Computation["memberShares"]>, L: MemberSharesLayout): Check[] {
  const checks: Check[] = [];
  const mr = L.memberRows;
  for (const y of years) {
    const totalCell = ref(M, L.totalsRowByYear.get(y.year)!, 1);
    checks.push({
      name: `Huvudmännens andelar ${y.year} summerar till totalen`,
      diffFormula: `SUMIFS(${col(M, L.groupRows, 3)},${col(M, L.groupRows, 0)},${y.year})-${totalCell}`,
      description: "Staten + region + kommuner = årets medlemsbidrag",
    });
    checks.push({
      name: `Medlemmarnas andelar ${y.year} summerar till totalen`,
      diffFormula: `SUMIFS(${col(M, mr, L.memberAmountCol)},${col(M, mr, L.memberYearCol)},${y.year})-${totalCell}`,
      description: "Summan av alla medlemmars belopp = årets medlemsbidrag",
    });
  }
  checks.push(
    ...splitCheck(
      M,
      "Inbetalningarna summerar till varje medlems belopp",
      "För varje medlem: summan av inbetalningarna = medlemmens belopp",
      rowsFrom(mr).map((r) => ({
        row: r,
        diff:
          Array.from({ length: L.installmentCount }, (_, i) => ref(M, r, L.firstInstallmentCol + i)).join("+") +
          `-${ref(M, r, L.memberAmountCol)}`,
      })),
    ),
  );
  if (L.matrix.memberRows.length > 0) checks.push(...matrixChecks(L));
  if (L.installments) checks.push(...installmentTableChecks(L, L.installments));
  if (L.extras) checks.push(...extraChecks(L.extras));
  return checks;
}

/** A long table amount of a member and year, or 0 when the member has none that year. */
export function longAmount(L: MemberSharesLayout, member: string, year: number, col = L.memberAmountCol): string {
  const row = L.longRowOf.get(`${member}|${year}`);
  return row === undefined ? "0" : ref(M, row, col);
}

/**
 * The table the board reads (members × years): each member's amount is the long table's, the Kommunerna subtotal is
 * its municipalities' sum, and each year's column sums to its Summa (a member of another year only has its row too).
 */
function matrixChecks(L: MemberSharesLayout): Check[] {
  const MX = L.matrix;
  const checks: Check[] = MX.years.map((year, i) => {
    const column = MX.firstYearCol + i;
    return {
      name: `Medlemsbidrag per medlem ${year} summerar till Summa`,
      diffFormula: `${MX.memberRows.map((r) => ref(M, r, column)).join("+")}-${ref(M, MX.totalRow, column)}`,
      description: "Medlemsbidrag per medlem och år: medlemmarnas belopp = årets summa",
    };
  });
  const mun = MX.municipal;
  if (mun)
    checks.push({
      name: "Kommunerna = summan av kommunernas belopp",
      diffFormula: sumAbs(
        MX.years.map((_, i) => {
          const column = MX.firstYearCol + i;
          return `${ref(M, mun.row, column)}-(${mun.memberRows.map((r) => ref(M, r, column)).join("+")})`;
        }),
      ),
      description: "Medlemsbidrag per medlem och år: delsumman Kommunerna, varje år",
    });
  const terms = MX.memberRows.flatMap((row, k) =>
    MX.years.map((year, i) => ({ row, diff: `${ref(M, row, MX.firstYearCol + i)}-${longAmount(L, MX.members[k], year)}` })),
  );
  checks.push(
    ...splitCheck(
      M,
      "Medlemsbidrag per medlem = den långa tabellens belopp",
      "Varje medlem och år: tabellen överst = Medlemsandelar nedan",
      terms,
    ),
  );
  return checks;
}

/** This year's installments: each member's installments and Summa are the long table's; the Summa row sums its columns. */
function installmentTableChecks(L: MemberSharesLayout, I: NonNullable<MemberSharesLayout["installments"]>): Check[] {
  const cols = Array.from({ length: L.installmentCount + 1 }, (_, i) => I.firstCol + i);
  const long = (member: string, k: number) =>
    longAmount(L, member, I.year, k < L.installmentCount ? L.firstInstallmentCol + k : L.memberAmountCol);
  const terms = I.rows.flatMap((row, m) => cols.map((c, k) => ({ row, diff: `${ref(M, row, c)}-${long(I.members[m], k)}` })));
  return [
    ...splitCheck(M, "Inbetalningar per medlem = den långa tabellens", "Inbetalningar: varje medlems inbetalningar och summa", terms),
    {
      name: `Inbetalningar ${I.year}: Summa-raden summerar`,
      diffFormula: sumAbs(cols.map((c) => `${ref(M, I.totalRow, c)}-(${I.rows.map((r) => ref(M, r, c)).join("+")})`)),
      description: "Inbetalningar: varje förfallodags summa och årets summa",
    },
  ];
}

/** Tilläggsbidrag: each one's column sums to its amount (the Summa row, Summa column too); each member's row to its Summa. */
function extraChecks(X: NonNullable<MemberSharesLayout["extras"]>): Check[] {
  const cols = Array.from({ length: X.count + 1 }, (_, i) => X.firstCol + i);
  const across = (r: number) => `SUM(${range(M, r, X.firstCol, r, X.firstCol + X.count - 1)})-${ref(M, r, X.firstCol + X.count)}`;
  return [
    {
      name: "Tilläggsbidragen summerar till sina belopp",
      diffFormula: sumAbs([
        ...cols.map((k) => `SUM(${range(M, X.memberRows.first, k, X.memberRows.last, k)})-${ref(M, X.totalRow, k)}`),
        across(X.totalRow),
      ]),
      description: "För varje tilläggsbidrag: medlemmarnas belopp = beslutat belopp",
    },
    ...splitCheck(
      M,
      "Tilläggsbidragen summerar för varje medlem",
      "För varje medlem: tilläggsbidragen = medlemmens summa",
      rowsFrom(X.memberRows).map((r) => ({ row: r, diff: across(r) })),
    ),
  ];
}
