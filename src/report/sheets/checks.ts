/**
 * Kontroller: live formulas in plain A1 references that re-check the results in any spreadsheet
 * program, and the input check (staleness) against what the run read.
 */
import type { Computation } from "../../core/compute";
import { toCellNumber } from "../../core/money";
import { LINE_LABELS, NOTE_COST_LINES, NOTE_INCOME_LINES, REPORT_ROWS, ReportLineId } from "../../core/reportLines";
import { a1, columnLetters, FORMATS, quoteSheetName, SheetBuilder, SheetModel, sheetA1 } from "../sheetModel";
import type { EquityLayout } from "./equity";
import { finishPage, header, HEADER_ROWS, InputStamp, OWNED_SHEETS, RunInfo, STATUS_CURRENT, STATUS_STALE, text } from "./header";
import type { MemberSharesLayout } from "./memberShares";
import type { StatementsLayout } from "./statements";
import type { TertialLayout } from "./tertial";

const tertialResultRow = (L: TertialLayout): number => L.rowOf.get("arets_resultat")!;

/**
 * The sum of absolute differences, one scalar term per cell (`ABS(d1)+ABS(d2)+…`): no array evaluation, so
 * Excel, LibreOffice and Gnumeric compute it alike. (`SUMPRODUCT(ABS(range-range))` is evaluated by implicit
 * intersection in Gnumeric: a 28-row check gave 8 where 812 was right, and a changed result went unnoticed.)
 */
const sumAbs = (diffs: readonly string[]): string => diffs.map((d) => `ABS(${d})`).join("+") || "0";

/** Excel's longest formula is 8 192 characters; a check's terms are split into formulas well below it. */
const MAX_CHECK_FORMULA = 4000;

/** Checks of `diffs` under one name, split into parts (named with their first and last row) when one formula would be too long. */
function splitCheck(sheet: string, name: string, description: string, terms: Array<{ diff: string; row: number }>): Check[] {
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

interface Check {
  name: string;
  /** Formula whose value is the difference (0 when the check holds). */
  diffFormula: string;
  description: string;
}

const M = OWNED_SHEETS.memberShares;
const T = OWNED_SHEETS.tertial;
const E = OWNED_SHEETS.equity;
const B = OWNED_SHEETS.statements;
const ref = sheetA1;
const range = (sheet: string, r1: number, c1: number, r2: number, c2: number) => `${ref(sheet, r1, c1)}:${a1(r2, c2)}`;
const col = (sheet: string, rows: { first: number; last: number }, c: number) => range(sheet, rows.first, c, rows.last, c);
const rowsFrom = (rows: { first: number; last: number }) => Array.from({ length: rows.last - rows.first + 1 }, (_, i) => rows.first + i);

/** Where the result sheets put their figures, for the checks to point at. */
export interface CheckLayouts {
  members?: MemberSharesLayout;
  tertial?: TertialLayout;
  equity?: EquityLayout;
  statements?: StatementsLayout;
}

/** Kontroller: live formulas in plain A1 references that re-check the results in any spreadsheet program. */
export function checksSheet(c: Computation, run: RunInfo, layouts: CheckLayouts): SheetModel {
  const checks: Check[] = [
    ...(layouts.members && c.memberShares ? memberChecks(c.memberShares, layouts.members) : []),
    ...(layouts.tertial && c.tertial ? [...tertialChecks(layouts.tertial), ...tertialTieChecks(c, layouts.tertial)] : []),
    ...(layouts.equity && c.equity ? [...equityChecks(layouts.equity, layouts.tertial), ...ceilingChecks(layouts.equity)] : []),
    ...(layouts.statements && c.statements ? statementChecks(layouts.statements, layouts.tertial) : []),
  ];
  const b = new SheetBuilder(OWNED_SHEETS.checks, [52, 9, 12, 46, 15, 15, 10, 10]);
  header(b, "Kontroller", c, run, "kr");
  b.row([
    text(
      "Formlerna räknas om av vilket kalkylprogram som helst, även utan tillägget: Excel gör det när boken öppnas, " +
        "i LibreOffice tryck Ctrl+Skift+F9 och i Gnumeric F9 först.",
      { italic: true },
    ),
  ]);
  const headerRow = b.nextRow;
  checksTable(b, checks);
  const stamps = run.stamps ?? [];
  const { first, last } = stampsTable(b, stamps);
  finishPage(b, 7, headerRow);
  const statusCell = b.rows[HEADER_ROWS.status][1]!;
  statusCell.formula = stamps.length
    ? `IF(COUNTIF(${a1(first, 1)}:${a1(last, 1)},"${STATUS_CURRENT}")=${stamps.length},"${STATUS_CURRENT}","${STATUS_STALE}")`
    : `"${STATUS_CURRENT}"`;
  return b.build(1);
}

/** Medlemsandelar: each year's groups and members sum to the year's total; each member's installments to its amount. */
function memberChecks(years: NonNullable<Computation["memberShares"]>, L: MemberSharesLayout): Check[] {
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
function longAmount(L: MemberSharesLayout, member: string, year: number, col = L.memberAmountCol): string {
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

/** Tertialrapport: totals are their parts, notes are their lines and the statement's row, deviation = forecast − budget. */
function tertialChecks(L: TertialLayout): Check[] {
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
function tertialTieChecks(c: Computation, L: TertialLayout): Check[] {
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
        diff: `MIN(ROUND(${cell(r, cols.granted)}*${G.days[i].rest}/${G.days[i].total},2),${cell(r, cols.unpaid)})-${cell(r, cols.remaining)}`,
      })),
    ),
  );
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

/** Eget kapital: opening + booked directly + result = closing; the result is the Tertialrapport's; margin and commitments. */
function equityChecks(L: EquityLayout, tertial: TertialLayout | undefined): Check[] {
  const v = (k: Exclude<keyof EquityLayout["rowOf"], "direct">) => ref(E, L.rowOf[k], L.valueCol);
  const direct = L.rowOf.direct === undefined ? null : ref(E, L.rowOf.direct, L.valueCol);
  const checks: Check[] = [
    direct
      ? {
          name: "Ingående eget kapital + bokat direkt + prognostiserat resultat = utgående",
          diffFormula: `${v("opening")}+${direct}+${v("result")}-${v("closing")}`,
          description: "Eget kapital",
        }
      : {
          name: "Ingående eget kapital + prognostiserat resultat = utgående",
          diffFormula: `${v("opening")}+${v("result")}-${v("closing")}`,
          description: "Eget kapital",
        },
  ];
  if (tertial) {
    checks.push({
      name: "Prognostiserat resultat = årets resultat i Tertialrapport",
      diffFormula: `${v("result")}-${ref(T, tertial.rowOf.get("arets_resultat")!, tertial.lastValueCol - 1)}`,
      description: "Eget kapital och Tertialrapport använder samma prognos",
    });
  }
  checks.push(
    {
      name: "Marginal = tak − utgående eget kapital",
      diffFormula: `${v("ceiling")}-${v("closing")}-${v("margin")}`,
      description: "Eget kapital",
    },
    {
      name: "Ej utbetalda insatsmedel = i årets prognos + återstående efter året",
      diffFormula: `${v("unpaidGrants")}-${v("commitmentsInForecast")}-${v("commitmentsAfterYear")}`,
      description: "Eget kapital: varje beslutad finansiering räknas en gång",
    },
    {
      name: "Eget kapital efter beslutad finansiering = utgående − återstående",
      diffFormula: `${v("closing")}-${v("commitmentsAfterYear")}-${v("equityAfterCommitments")}`,
      description: "Eget kapital",
    },
  );
  return checks;
}

/** The ceiling of a base by the rule's bands, as a formula: ROUND(Σ MAX(0, MIN(base, to) − from) × rate; 2). */
function ceilingOf(base: string, rule: EquityLayout["bands"]["rule"]): string {
  return `ROUND(${rule.map((b) => `${inBand(base, b)}*${b.rate}`).join("+")},2)`;
}

/** The part of a base in a band, as a formula. */
function inBand(base: string, b: EquityLayout["bands"]["rule"][number]): string {
  return `MAX(0,${b.to === null ? base : `MIN(${base},${b.to})`}-${b.from})`;
}

/**
 * Eget kapital's ceiling and plan: the bands' bases and levels follow from the year's base (the levels foot to the
 * ceiling, each within an öre of base × rate); each following budget year's equity runs on from the one before, its
 * ceiling is the rule applied to its base; the chart draws the table's figures.
 */
function ceilingChecks(L: EquityLayout): Check[] {
  const base = ref(E, L.rowOf.basis, L.valueCol);
  const [baseCol, levelCol] = [2, 3];
  const rows = L.bands.rows;
  const level = (i: number) => `${ref(E, rows[i], levelCol)}-${ref(E, rows[i], baseCol)}*${L.bands.rule[i].rate}`;
  const checks: Check[] = [
    {
      name: "Takets underlag per intervall = årets underlag i intervallet",
      diffFormula: sumAbs([
        ...L.bands.rule.map((b, i) => `${ref(E, rows[i], baseCol)}-${inBand(base, b)}`),
        `${rows.map((r) => ref(E, r, baseCol)).join("+")}-${base}`,
      ]),
      description: "Högsta rekommenderade nivå: beräkning (intervallen enligt Takregel)",
    },
    {
      name: "Nivån per intervall summerar till högsta rekommenderade nivå",
      diffFormula: sumAbs([
        `${rows.map((r) => ref(E, r, levelCol)).join("+")}-${ref(E, L.rowOf.ceiling, L.valueCol)}`,
        ...rows.map((_, i) => `IF(ABS(${level(i)})<0.01,0,${level(i)})`),
      ]),
      description: "Varje intervalls nivå = underlag × procent (på öret), tillsammans = taket",
    },
  ];
  const P = L.projection;
  if (P) {
    const at = (k: keyof typeof P.rowOf, i: number) => ref(E, P.rowOf[k], P.firstCol + i);
    const terms = P.years.flatMap((_, i) => [
      `${at("opening", i)}-${i === 0 ? ref(E, L.rowOf.closing, L.valueCol) : at("closing", i - 1)}`,
      `${at("opening", i)}+${at("result", i)}-${at("closing", i)}`,
      `${at("ceiling", i)}-${ceilingOf(at("basis", i), L.bands.rule)}`,
      `${at("ceiling", i)}-${at("closing", i)}-${at("margin", i)}`,
    ]);
    checks.push({
      name: "Flerårsprognos: eget kapital, nivå och marginal år för år",
      diffFormula: sumAbs(terms),
      description: "Ingående = föregående års utgående; utgående = ingående + resultat; nivå enligt takregeln; marginal = nivå − utgående",
    });
  }
  const C = L.chart;
  const chartTerms = C.years.flatMap((year, i) => {
    const row = C.firstRow + i;
    const k = P ? P.years.indexOf(year) : -1;
    const closing = k >= 0 ? ref(E, P!.rowOf.closing, P!.firstCol + k) : ref(E, L.rowOf.closing, L.valueCol);
    const ceiling = k >= 0 ? ref(E, P!.rowOf.ceiling, P!.firstCol + k) : ref(E, L.rowOf.ceiling, L.valueCol);
    return [`${ref(E, row, C.col + 1)}-${closing}`, `${ref(E, row, C.col + 2)}-${ceiling}`];
  });
  checks.push({
    name: "Diagrammets underlag = eget kapital och nivå per år",
    diffFormula: sumAbs(chartTerms),
    description: "Diagrammet eget kapital mot taket ritar tabellernas belopp",
  });
  return checks;
}

/** Bokslut: the balance sheet balances (both years), the cash flow ends in cash, equity changes by the result. */
function statementChecks(L: StatementsLayout, tertial: TertialLayout | undefined): Check[] {
  const at = (key: string, column = L.valueCol) => ref(B, L.rowOf.get(key)!, column);
  const direct = L.rowOf.has("br:bokat_direkt") ? `-${at("br:bokat_direkt")}` : "";
  const checks: Check[] = [
    {
      name: "Balansräkningen: tillgångar = eget kapital, avsättningar och skulder",
      diffFormula: `${at("br:summa_tillgangar")}-${at("br:summa_eget_kapital_och_skulder")}`,
      description: "Bokslut, vid brytdatum",
    },
    {
      name: "Balansräkningen föregående år går ihop",
      diffFormula: `${at("br:summa_tillgangar", L.priorCol)}-${at("br:summa_eget_kapital_och_skulder", L.priorCol)}`,
      description: "Bokslut, 31 december föregående år",
    },
    {
      name: "Kassaflödet slutar i likvida medel vid periodens slut",
      diffFormula: `${at("kf:likvida_medel_ib")}+${at("kf:arets_kassaflode")}-${at("kf:likvida_medel_ub")}`,
      description: "Bokslut: likvida medel vid årets början + årets kassaflöde = kassa och bank i balansräkningen",
    },
    {
      name: "Likvida medel = kassa och bank",
      diffFormula: `${at("kf:likvida_medel_ub")}-${at("br:kassa_och_bank")}`,
      description: "Bokslut",
    },
    {
      name: direct ? "Eget kapitals förändring = årets resultat + bokat direkt" : "Eget kapitals förändring = årets resultat",
      diffFormula: `${at("br:eget_kapital")}-${at("br:eget_kapital", L.priorCol)}-${at("br:arets_resultat")}${direct}`,
      description: direct
        ? "Bokslut: årets resultat och det som bokats direkt mot eget kapital förklarar förändringen"
        : "Bokslut: FEL betyder bokningar direkt mot eget kapital under året",
    },
  ];
  if (tertial) {
    checks.push({
      name: "Resultaträkningens resultat = Tertialrapportens utfall",
      diffFormula: `${at("rr:arets_resultat")}-${ref(T, tertialResultRow(tertial), tertial.firstValueCol + 1)}`,
      description: "Bokslut och Tertialrapport bygger på samma utfall",
    });
  }
  return checks;
}

/** The checks as a table: each with its live OK/FEL, its difference and what it checks; OK green, FEL red. */
function checksTable(b: SheetBuilder, checks: readonly Check[]): void {
  const headerRow = b.nextRow;
  b.table(
    "Kontroller",
    ["Kontroll", "Resultat", "Differens", "Beskrivning"],
    checks.map((ch, i) => {
      const row = headerRow + 1 + i;
      b.fitRow(row, 0, ch.name);
      return [
        text(ch.name, { wrap: true }),
        { value: "OK", formula: `IF(ABS(${a1(row, 2)})<0.005,"OK","FEL")`, bold: true, right: true },
        { value: 0, formula: `ROUND(${ch.diffFormula},2)`, format: FORMATS.ore },
        (b.fitRow(row, 3, ch.description), text(ch.description, { wrap: true })),
      ];
    }),
  );
  const checkRows = { top: headerRow + 1, left: 1, bottom: headerRow + Math.max(1, checks.length), right: 1 };
  b.conditionalFormats.push({ area: checkRows, equals: "OK", tone: "good" }, { area: checkRows, equals: "FEL", tone: "bad" });
}

/** Staleness: each input sheet's columns now (live SUM and COUNTA) against what the run read. Its first and last row. */
function stampsTable(b: SheetBuilder, stamps: readonly InputStamp[]): { first: number; last: number } {
  b.blank();
  b.row([text("Indata vid beräkningen", { bold: true })]);
  b.row([
    text(
      "Summa (tal och datum) och antal ifyllda celler i indatatabellernas kolumner, nu " +
        "och när resultaten beräknades. Skiljer de sig har indata ändrats efter beräkningen.",
      { italic: true },
    ),
  ]);
  const stampHeader = b.nextRow;
  b.table(
    "Indatakontroll",
    ["Tabell", "Status", "Kolumner", "Blad", "Summa vid beräkning", "Summa nu", "Antal vid beräkning", "Antal nu"],
    stamps.map((st, i) => {
      const row = stampHeader + 1 + i;
      const cols = `${quoteSheetName(st.sheet)}!$${columnLetters(st.left)}:$${columnLetters(st.right)}`;
      return [
        text(st.table),
        {
          value: STATUS_CURRENT,
          formula: `IF(AND(ABS(${a1(row, 5)}-${a1(row, 4)})<0.005,${a1(row, 7)}=${a1(row, 6)}),"${STATUS_CURRENT}","${STATUS_STALE}")`,
          bold: true,
        },
        text(`${columnLetters(st.left)}:${columnLetters(st.right)}`),
        text(st.sheet),
        { value: toCellNumber(st.sum), format: FORMATS.ore },
        { value: toCellNumber(st.sum), formula: `SUM(${cols})`, format: FORMATS.ore },
        { value: st.count, format: FORMATS.integer },
        { value: st.count, formula: `COUNTA(${cols})`, format: FORMATS.integer },
      ];
    }),
  );
  const first = stampHeader + 1;
  const last = stampHeader + Math.max(1, stamps.length);
  b.conditionalFormats.push({ area: { top: first, left: 1, bottom: last, right: 1 }, equals: STATUS_STALE, tone: "bad" });
  return { first, last };
}
