/** Kontroller's checks of the Tertialrapport: sums, notes, chart data, and each decided grant's figures recomputed. */
import type { Computation } from "../../../core/compute";
import { LINE_LABELS, NOTE_COST_LINES, NOTE_INCOME_LINES, REPORT_ROWS, ReportLineId } from "../../../core/reportLines";
import type { TertialLayout } from "../tertial";
import { Check, ref, rowsFrom, splitCheck, sumAbs, T } from "./formula";

/** Tertialrapport: totals are their parts, notes are their lines and the statement's row, deviation = forecast − budget. */
export function tertialChecks(L: TertialLayout): Check[] {
  const checks: Check[] = [];
  const valueCols = Array.from({ length: L.lastValueCol - L.firstValueCol + 1 }, (_, i) => L.firstValueCol + i);
  /** In every value column: row `total` minus the sum of `parts`. */
  const rowsAgree = (total: number, parts: number[]) =>
    valueCols.map((c) => `${ref(T, total, c)}-(${parts.map((p) => ref(T, p, c)).join("+")})`);
  /** A note's total row against its lines and against the income statement's row. */
  const noteFormula = (totalRow: number, lines: readonly ReportLineId[], reportLine: ReportLineId) =>
    sumAbs([
      ...rowsAgree(
        totalRow,
        lines.map((l) => L.noteRowOf.get(l)!),
      ),
      ...rowsAgree(totalRow, [L.rowOf.get(reportLine)!]),
    ]);
  for (const def of REPORT_ROWS) {
    if (!def.parts || def.note) continue;
    checks.push({
      name: `${LINE_LABELS[def.id]} = summan av sina delar`,
      diffFormula: sumAbs(
        rowsAgree(
          L.rowOf.get(def.id)!,
          def.parts.map((p) => L.rowOf.get(p)!),
        ),
      ),
      description: def.parts.map((p) => LINE_LABELS[p]).join(" + "),
    });
  }
  checks.push({
    name: "Not 1 summerar till verksamhetens intäkter",
    diffFormula: noteFormula(L.noteIncomeTotalRow, NOTE_INCOME_LINES, "verksamhetens_intakter"),
    description: "Medlemsbidrag + övriga intäkter = summan i not 1 = raden i resultaträkningen",
  });
  checks.push({
    name: "Medlemsbidragets fördelning per huvudman summerar",
    diffFormula: sumAbs(rowsAgree(L.noteRowOf.get("medlemsbidrag")!, L.groupRows)),
    description: "Staten + region + kommuner = medlemsbidrag, i varje kolumn",
  });
  checks.push({
    name: "Not 2 summerar till verksamhetens kostnader",
    diffFormula: noteFormula(L.noteCostTotalRow, NOTE_COST_LINES, "verksamhetens_kostnader"),
    description: "Bidrag till insatser + personalkostnader + övriga externa kostnader = summan i not 2 = raden i resultaträkningen",
  });
  // The income statement's rows, first to last.
  const reportRows = rowsFrom({ first: L.rowOf.get("verksamhetens_intakter")!, last: L.rowOf.get("arets_resultat")! });
  const [deviation, forecast, budget] = [L.lastValueCol, L.lastValueCol - 1, L.lastValueCol - 2];
  checks.push(
    ...splitCheck(
      T,
      "Avvikelse = prognos − budget",
      "För varje rad i resultaträkningen",
      reportRows.map((r) => ({ row: r, diff: `${ref(T, r, deviation)}-(${ref(T, r, forecast)}-${ref(T, r, budget)})` })),
    ),
  );
  return checks;
}

/**
 * Tertialrapport's other figures: the rows a förbund never has are zero, the chart's data are the notes' budget and
 * forecast, and each decided grant's paid, unpaid and remaining this year follow from its amount, what was paid before
 * this year and its days; with Utfall + beslutade insatser, the line's forecast is its actual and what the grants still pay.
 */
export function tertialTieChecks(c: Computation, L: TertialLayout): Check[] {
  const valueCols = Array.from({ length: L.lastValueCol - L.firstValueCol + 1 }, (_, i) => L.firstValueCol + i);
  const checks: Check[] = [
    {
      name: "Skatteintäkter och generella statsbidrag är noll",
      diffFormula: sumAbs(L.municipalRows.flatMap((r) => valueCols.map((col) => ref(T, r, col)))),
      description: "Raderna ur kommunernas uppställning som ett samordningsförbund inte har",
    },
    {
      name: "Diagrammets underlag = notens budget och prognos",
      diffFormula: sumAbs(
        L.chart.lines.flatMap((line, i) => {
          const note = L.noteRowOf.get(line)!;
          const row = L.chart.firstRow + i;
          return [
            `${ref(T, row, L.chart.col + 1)}-ABS(${ref(T, note, L.lastValueCol - 2)})`,
            `${ref(T, row, L.chart.col + 2)}-ABS(${ref(T, note, L.lastValueCol - 1)})`,
          ];
        }),
      ),
      description: "Diagrammet budget mot prognos ritar notens belopp",
    },
  ];
  const G = L.grants;
  if (!G) return checks;
  const cell = (row: number, col: number) => ref(T, row, col);
  const { cols } = G;
  checks.push(
    ...splitCheck(
      T,
      "Beslutade insatser: ej utbetalt = beviljat − utbetalt",
      "För varje insats, lägst noll",
      G.rows.map((r) => ({ row: r, diff: `MAX(0,${cell(r, cols.granted)}-${cell(r, cols.paid)})-${cell(r, cols.unpaid)}` })),
    ),
    ...splitCheck(
      T,
      "Beslutade insatser: utbetalt = före i år + i år",
      "För varje insats: det som betalats tidigare år (utanför utskriften) och i år",
      G.rows.map((r) => ({ row: r, diff: `${cell(r, cols.paid)}-(${cell(r, cols.before)}+${cell(r, cols.paidThisYear)})` })),
    ),
    ...splitCheck(
      T,
      "Beslutade insatser: återstår i år = beviljat jämnt per dag, högst ej utbetalt",
      "För varje insats: beviljat × dagar kvar i år efter brytdatum / insatsens dagar",
      G.rows.map((r, i) => ({
        row: r,
        diff:
          `MIN(ROUND(${cell(r, cols.granted)}*${G.days[i].rest}/${G.days[i].total},2),${cell(r, cols.unpaid)})` +
          `-${cell(r, cols.remaining)}`,
      })),
    ),
  );
  checks.push(...coFinancingChecks(c, L));
  const line = c.tertial!.byId.bidrag_till_insatser;
  const note = L.noteRowOf.get("bidrag_till_insatser")!;
  if (line.method === "ataganden") {
    const remaining = G.rows.map((r) => cell(r, cols.remaining)).join("+");
    checks.push({
      name: "Bidrag till insatser: prognos = utfall + beslutade insatsers återstående del",
      diffFormula: `${cell(note, L.lastValueCol - 1)}-(${cell(note, L.firstValueCol + 1)}-(${remaining}))`,
      description: "Prognosmetoden Utfall + beslutade insatser (kostnad: negativ)",
    });
  }
  return checks;
}

/**
 * Kostnader per verksamhet: each column's three rows sum to Summa, and Summa is Not 2's Summa (prior period, period,
 * forecast, and the budget when the table has one); each share is its forecast over the total (in percentage points).
 */
export function functionChecks(L: TertialLayout): Check[] {
  const F = L.functions;
  if (!F) return [];
  const cols = [F.cols.prior, F.cols.period, ...(F.budget ? [F.cols.budget] : []), F.cols.forecast];
  const total = (c: number) => ref(T, F.totalRow, c);
  const share = (r: number) =>
    `(${ref(T, r, F.cols.share)}-IF(${total(F.cols.forecast)}=0,0,${ref(T, r, F.cols.forecast)}/${total(F.cols.forecast)}))*100`;
  return [
    {
      name: "Kostnader per verksamhet summerar till verksamhetens kostnader",
      diffFormula: sumAbs(
        cols.flatMap((c) => [`${total(c)}-(${F.rows.map((r) => ref(T, r, c)).join("+")})`, `${total(c)}-${ref(T, L.noteCostTotalRow, c)}`]),
      ),
      description: "Administration + strukturövergripande + individinriktade insatser = Summa = not 2:s Summa, i varje kolumn",
    },
    {
      name: "Kostnader per verksamhet: andelarna är prognosens",
      diffFormula: sumAbs(F.rows.map(share)),
      description: "Varje verksamhets andel = dess prognos / summan (i procentenheter)",
    },
  ];
}

/**
 * Medfinansierade insatser: each row's total is Beslutade insatser's, its own part the total less the co-financing, its
 * co-financed parts this year and after the year follow from the insats' costs there; Summa sums the rows; with the
 * method medfinansiering, Projektmedel's forecast is the co-financiers' part of this year's costs.
 */
function coFinancingChecks(c: Computation, L: TertialLayout): Check[] {
  const F = L.coFinancing;
  const G = L.grants;
  if (!F || !G) return [];
  const cell = (row: number, col: number) => ref(T, row, col);
  const part = (row: number, amount: string) =>
    `IF(${cell(row, F.cols.granted)}=0,0,ROUND(${cell(row, F.cols.coFinancing)}*(${amount})/${cell(row, F.cols.granted)},2))`;
  const checks: Check[] = [
    ...splitCheck(
      T,
      "Medfinansierade insatser: beviljat som i Beslutade insatser, egen del = beviljat − medfinansiering",
      "För varje medfinansierad insats",
      F.rows.map(({ row, grantRow }) => ({
        row,
        diff:
          `ABS(${cell(row, F.cols.granted)}-${cell(grantRow, G.cols.granted)})+` +
          `ABS(${cell(row, F.cols.own)}-(${cell(row, F.cols.granted)}-${cell(row, F.cols.coFinancing)}))`,
      })),
    ),
    ...splitCheck(
      T,
      "Medfinansierade insatser: medfinansiärernas del i år och efter året",
      "Medfinansiering × (utbetalt i år + återstår i år) / beviljat; medfinansiering × (ej utbetalt − återstår i år) / beviljat",
      F.rows.map(({ row, grantRow }) => {
        const g = (col: number) => cell(grantRow, col);
        return {
          row,
          diff:
            `ABS(${cell(row, F.cols.thisYear)}-${part(row, `${g(G.cols.paidThisYear)}+${g(G.cols.remaining)}`)})+` +
            `ABS(${cell(row, F.cols.afterYear)}-${part(row, `${g(G.cols.unpaid)}-${g(G.cols.remaining)}`)})`,
        };
      }),
    ),
    {
      name: "Medfinansierade insatser: Summa",
      diffFormula: sumAbs(
        Object.values(F.cols).map((col) => `${cell(F.totalRow, col)}-(${F.rows.map(({ row }) => cell(row, col)).join("+")})`),
      ),
      description: "Summaraden är kolumnernas summa",
    },
  ];
  if (c.tertial!.byId.projektmedel.method === "medfinansiering") {
    const note = L.noteRowOf.get("projektmedel")!;
    checks.push({
      name: "Projektmedel: prognos = medfinansiärernas del av årets kostnader",
      diffFormula: `${cell(note, L.lastValueCol - 1)}-${cell(F.totalRow, F.cols.thisYear)}`,
      description: "Prognosmetoden medfinansiering (intäkt: positiv)",
    });
  }
  return checks;
}
