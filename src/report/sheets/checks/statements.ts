/** Kontroller's checks of Bokslut: the statements' sums, the cash flow, the notes, and the ties to the other sheets. */

import { FUNCTION_IDS } from "../../../core/functionIds";
import { NOTE_COST_LINES, NOTE_INCOME_LINES, ReportLineId } from "../../../core/reportLines";
import type { StatementsLayout } from "../statements";
import { B, Check, CheckLayouts, E, M, ref, sumAbs, T } from "./formula";
import { longAmount } from "./members";

/**
 * Bokslut, every figure: the income statement's lines are the Tertialrapport's (the period and last year's period),
 * its totals their parts in every column, last year's full year gives the balance sheet's "därav årets resultat"; the
 * balance sheet adds up and balances in both columns, equity changes by the result and what was booked directly; each
 * cash-flow line follows from the balance sheet and the income statement; notes 1 and 2 are the Tertialrapport's lines
 * and total their statement lines; note 3 is Medlemsandelar's year; note 4 is the decided grants and totals the
 * remaining decided funding, which Eget kapital has too.
 */
export function statementChecks(L: StatementsLayout, layouts: CheckLayouts): Check[] {
  const has = (key: string) => L.rowOf.has(key);
  const at = (key: string, column = L.valueCol) => (has(key) ? ref(B, L.rowOf.get(key)!, column) : "0");
  const cols = [L.valueCol, L.priorCol, ...(L.priorYearCol !== undefined ? [L.priorYearCol] : [])];
  const direct = has("br:bokat_direkt") ? at("br:bokat_direkt") : "0";
  /** A cash flow column's opening cash + its flow − its closing cash. */
  const cashEnds = (col: number) => `${at("kf:likvida_medel_ib", col)}+${at("kf:arets_kassaflode", col)}-${at("kf:likvida_medel_ub", col)}`;
  /** A total minus its parts, in one column: `total-(part1+part2+…)`, each `section:id`. */
  const parts = (section: string, total: string, keys: readonly string[], column?: number) =>
    `${at(`${section}:${total}`, column)}-(${keys.map((k) => at(`${section}:${k}`, column)).join("+")})`;
  // Last year's cash flow: its full year (the comparison column at 31 December, its own column before) and, before
  // 31 December, its same period in the comparison column.
  const interim = L.priorYearCol !== undefined;
  const fullYearCol = interim ? (L.cashFlowPriorYear ? L.priorYearCol : undefined) : L.cashFlowPrior ? L.priorCol : undefined;
  const samePeriodCol = interim && L.cashFlowPrior ? L.priorCol : undefined;
  const priorCashCols = [samePeriodCol, fullYearCol].filter((c): c is number => c !== undefined);
  const checks: Check[] = [
    {
      name: "Resultaträkningen: summorna är sina delar",
      diffFormula: sumAbs(
        cols.flatMap((col) => [
          parts("rr", "verksamhetens_nettokostnader", ["verksamhetens_intakter", "verksamhetens_kostnader", "avskrivningar"], col),
          parts(
            "rr",
            "resultat_efter_finansiella_poster",
            ["verksamhetens_nettokostnader", "finansiella_intakter", "finansiella_kostnader"],
            col,
          ),
          parts("rr", "arets_resultat", ["resultat_efter_finansiella_poster", "extraordinara_poster"], col),
        ]),
      ),
      description: "Bokslut: nettokostnader, resultat efter finansiella poster och årets resultat, i varje kolumn",
    },
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
      name: "Balansräkningen: summorna är sina delar",
      diffFormula: sumAbs(
        [L.valueCol, L.priorCol].flatMap((col) => [
          parts("br", "summa_tillgangar", ["anlaggningstillgangar", "fordringar", "kassa_och_bank"], col),
          parts(
            "br",
            "summa_eget_kapital_och_skulder",
            ["eget_kapital", "avsattningar", "langfristiga_skulder", "kortfristiga_skulder"],
            col,
          ),
        ]),
      ),
      description: "Bokslut: summa tillgångar och summa eget kapital, avsättningar och skulder, båda kolumnerna",
    },
    {
      name: "Därav årets resultat = resultaträkningens",
      diffFormula: sumAbs([
        `${at("br:arets_resultat")}-${at("rr:arets_resultat")}`,
        // Last year's: its full year (before 31 December), or the comparison column when the period is the whole year.
        `${at("br:arets_resultat", L.priorCol)}-${at("rr:arets_resultat", L.priorYearCol ?? L.priorCol)}`,
      ]),
      description: "Bokslut: eget kapitals därav-rad i år och i fjol",
    },
    {
      name: has("br:bokat_direkt")
        ? "Eget kapitals förändring = årets resultat + bokat direkt"
        : "Eget kapitals förändring = årets resultat",
      diffFormula: `${at("br:eget_kapital")}-${at("br:eget_kapital", L.priorCol)}-${at("br:arets_resultat")}-${direct}`,
      description: has("br:bokat_direkt")
        ? "Bokslut: årets resultat och det som bokats direkt mot eget kapital förklarar förändringen"
        : "Bokslut: FEL betyder bokningar direkt mot eget kapital under året",
    },
    cashFlowCheck(at, direct, L),
    {
      name: "Kassaflödet slutar i likvida medel vid periodens slut",
      diffFormula: priorCashCols.length > 0 ? sumAbs([L.valueCol, ...priorCashCols].map(cashEnds)) : cashEnds(L.valueCol),
      description: "Bokslut: likvida medel vid årets början + årets kassaflöde = likvida medel vid periodens slut, i varje kolumn",
    },
    {
      name: "Likvida medel = kassa och bank",
      diffFormula: sumAbs([
        `${at("kf:likvida_medel_ub")}-${at("br:kassa_och_bank")}`,
        `${at("kf:likvida_medel_ib")}-${at("br:kassa_och_bank", L.priorCol)}`,
        // Last year's cash flow ends where this year's begins: the balance sheet's 31 December.
        ...(fullYearCol !== undefined ? [`${at("kf:likvida_medel_ub", fullYearCol)}-${at("br:kassa_och_bank", L.priorCol)}`] : []),
        // Its same period and its full year begin at the same opening.
        ...(samePeriodCol !== undefined && fullYearCol !== undefined
          ? [`${at("kf:likvida_medel_ib", samePeriodCol)}-${at("kf:likvida_medel_ib", fullYearCol)}`]
          : []),
      ]),
      description: "Bokslut: vid periodens slut och vid årets början",
    },
    ...(samePeriodCol !== undefined ? [priorCashFlowCheck(at, samePeriodCol, L.priorCol, "samma period i fjol")] : []),
    ...(fullYearCol !== undefined ? [priorCashFlowCheck(at, fullYearCol, L.priorYearCol ?? L.priorCol, "fjolårets helår")] : []),
    ...noteChecks(L, at, cols),
    ...statementTies(L, layouts, at),
    ...functionTies(L, layouts),
  ];
  return checks;
}

/** The cash flow, line by line from the balance sheet's changes and the income statement (indirect method). */
/** The cash flow's lines that make up kassaflöde från den löpande verksamheten. */
const RUNNING = [
  "arets_resultat",
  "justering_avskrivningar",
  "forandring_avsattningar",
  "forandring_fordringar",
  "forandring_kortfristiga_skulder",
];

function cashFlowCheck(at: (key: string, column?: number) => string, direct: string, L: StatementsLayout): Check {
  const change = (k: string) => `(${at(`br:${k}`)}-${at(`br:${k}`, L.priorCol)})`;
  const terms = [
    `${at("kf:arets_resultat")}-${at("rr:arets_resultat")}`,
    `${at("kf:justering_avskrivningar")}+${at("rr:avskrivningar")}`,
    `${at("kf:forandring_avsattningar")}-${change("avsattningar")}`,
    `${at("kf:forandring_fordringar")}+${change("fordringar")}`,
    `${at("kf:forandring_kortfristiga_skulder")}-${change("kortfristiga_skulder")}`,
    `${at("kf:kassaflode_lopande")}-(${RUNNING.map((k) => at(`kf:${k}`)).join("+")})`,
    `${at("kf:investeringar")}+${change("anlaggningstillgangar")}+${at("kf:justering_avskrivningar")}`,
    `${at("kf:finansiering")}-${change("langfristiga_skulder")}-${direct}`,
    `${at("kf:arets_kassaflode")}-(${at("kf:kassaflode_lopande")}+${at("kf:investeringar")}+${at("kf:finansiering")})`,
  ];
  return {
    name: "Kassaflödesanalysen: varje rad ur balans- och resultaträkningen",
    diffFormula: sumAbs(terms),
    description: "Bokslut: resultat, avskrivningar, förändringar i balansposterna, investeringar, finansiering, summorna",
  };
}

/**
 * A column of last year's cash flow (its same period, or its full year): its result and depreciation are the income
 * statement's column for the same months, and its sums are their parts. Its changes come from last year's opening
 * balances, which the sheet does not show; the sums tie each of them to the totals, and the totals to the cash.
 */
function priorCashFlowCheck(at: (key: string, column?: number) => string, col: number, rrCol: number, what: string): Check {
  const terms = [
    `${at("kf:arets_resultat", col)}-${at("rr:arets_resultat", rrCol)}`,
    `${at("kf:justering_avskrivningar", col)}+${at("rr:avskrivningar", rrCol)}`,
    `${at("kf:kassaflode_lopande", col)}-(${RUNNING.map((k) => at(`kf:${k}`, col)).join("+")})`,
    `${at("kf:arets_kassaflode", col)}-(${at("kf:kassaflode_lopande", col)}+${at("kf:investeringar", col)}+${at("kf:finansiering", col)})`,
  ];
  return {
    name: `Kassaflödesanalysen, ${what}: resultat, avskrivningar och summor`,
    diffFormula: sumAbs(terms),
    description: `Bokslut: resultat och avskrivningar som resultaträkningens kolumn för ${what}; summorna är sina delar`,
  };
}

/** Notes 1 and 2: each line's columns total the statement's line (their Summa row is it). */
function noteChecks(L: StatementsLayout, at: (key: string, column?: number) => string, cols: number[]): Check[] {
  const note = (n: string, total: string, lines: readonly string[]) =>
    cols.flatMap((col) => [
      `${at(`${n}:${total}`, col)}-(${lines.map((k) => at(`${n}:${k}`, col)).join("+")})`,
      `${at(`${n}:${total}`, col)}-${at(`rr:${total}`, col)}`,
    ]);
  return [
    {
      name: "Bokslutets not 1 summerar till verksamhetens intäkter",
      diffFormula: sumAbs(note("n1", "verksamhetens_intakter", NOTE_INCOME_LINES)),
      description: "Medlemsbidrag + projektmedel + övriga intäkter = noten = resultaträkningens rad, i varje kolumn",
    },
    {
      name: "Bokslutets not 2 summerar till verksamhetens kostnader",
      diffFormula: sumAbs(note("n2", "verksamhetens_kostnader", NOTE_COST_LINES)),
      description: "Bidrag till insatser + personalkostnader + övriga externa kostnader = noten = resultaträkningens rad",
    },
    ...(L.functions
      ? [
          {
            name: "Bokslutets not 5 summerar till verksamhetens kostnader",
            diffFormula: sumAbs(note("n5", "verksamhetens_kostnader", FUNCTION_IDS)),
            description: "Administration + strukturövergripande + individinriktade insatser = noten = resultaträkningens rad",
          },
        ]
      : []),
  ];
}

/** Not 5 against the Tertialrapport's Kostnader per verksamhet: each verksamhet's period and same period last year. */
function functionTies(L: StatementsLayout, layouts: CheckLayouts): Check[] {
  const F = layouts.tertial?.functions;
  if (!L.functions || !F) return [];
  const N = L.functions;
  return [
    {
      name: "Bokslutets not 5 = Tertialrapportens kostnader per verksamhet",
      diffFormula: sumAbs(
        N.rows.flatMap((r, i) => [
          `${ref(B, r, L.valueCol)}-${ref(T, F.rows[i], F.cols.period)}`,
          `${ref(B, r, L.priorCol)}-${ref(T, F.rows[i], F.cols.prior)}`,
        ]),
      ),
      description: "Varje verksamhets utfall, perioden och samma period i fjol",
    },
  ];
}

/** Bokslut against the other sheets: the income statement and its notes, members, grants and equity. */
function statementTies(L: StatementsLayout, layouts: CheckLayouts, at: (key: string, column?: number) => string): Check[] {
  const checks: Check[] = [];
  const G = L.grants;
  const grantSum = (col: number) => G.rows.map((r) => ref(B, r, col)).join("+") || "0";
  checks.push({
    name: "Bokslutets not 4: återstår = beviljat − utbetalt, summorna",
    diffFormula: sumAbs([
      ...G.rows.map((r) => `MAX(0,${ref(B, r, G.cols.granted)}-${ref(B, r, G.cols.paid)})-${ref(B, r, G.cols.remaining)}`),
      ...Object.values(G.cols).map((col) => `${ref(B, G.totalRow, col)}-(${grantSum(col)})`),
      `${ref(B, G.totalRow, G.cols.remaining)}-${at("br:beslutad_finansiering")}`,
    ]),
    description: "Not 4 Beslutade insatser = återstående belopp för beslutad finansiering under balansräkningen",
  });
  const T_ = layouts.tertial;
  if (T_) {
    const leaf = [
      "verksamhetens_intakter",
      "verksamhetens_kostnader",
      "avskrivningar",
      "finansiella_intakter",
      "finansiella_kostnader",
      "extraordinara_poster",
    ];
    const period = T_.firstValueCol + 1;
    const prior = T_.firstValueCol;
    checks.push({
      name: "Resultaträkningen = Tertialrapportens utfall",
      diffFormula: sumAbs(
        [
          ...leaf.map((k) => [k, T_.rowOf.get(k as ReportLineId)!, "rr"] as const),
          ...[...NOTE_INCOME_LINES].map((k) => [k, T_.noteRowOf.get(k)!, "n1"] as const),
          ...[...NOTE_COST_LINES].map((k) => [k, T_.noteRowOf.get(k)!, "n2"] as const),
        ].flatMap(([k, row, section]) => [
          `${at(`${section}:${k}`)}-${ref(T, row, period)}`,
          `${at(`${section}:${k}`, L.priorCol)}-${ref(T, row, prior)}`,
        ]),
      ),
      description: "Bokslut och Tertialrapport bygger på samma utfall: varje rad och not, perioden och samma period i fjol",
    });
    if (T_.grants)
      checks.push({
        name: "Bokslutets not 4 = Tertialrapportens beslutade insatser",
        diffFormula: sumAbs(
          G.rows.flatMap((r, i) => {
            const t = T_.grants!.rows[i];
            return [
              `${ref(B, r, G.cols.granted)}-${ref(T, t, T_.grants!.cols.granted)}`,
              `${ref(B, r, G.cols.paid)}-${ref(T, t, T_.grants!.cols.paid)}`,
              `${ref(B, r, G.cols.remaining)}-${ref(T, t, T_.grants!.cols.unpaid)}`,
            ];
          }),
        ),
        description: "Beviljat, utbetalt och återstår per insats",
      });
    const F = T_.coFinancing;
    const row = G.coFinancedRow;
    if (F && T_.grants && row !== undefined) {
      // The co-financiers' part of what remains: each co-financed insats' co-financing × remaining / granted.
      const coRowOf = new Map(F.rows.map((f) => [f.grantRow, f.row]));
      const parts = G.rows.flatMap((r, i) => {
        const f = coRowOf.get(T_.grants!.rows[i]);
        const [granted, remaining] = [ref(B, r, G.cols.granted), ref(B, r, G.cols.remaining)];
        return f === undefined ? [] : [`IF(${granted}=0,0,ROUND(${ref(T, f, F.cols.coFinancing)}*${remaining}/${granted},2))`];
      });
      checks.push({
        name: "Bokslutets not 4: medfinansiärernas del av det som återstår",
        diffFormula: sumAbs([`${ref(B, row, G.cols.remaining)}-(${parts.join("+") || "0"})`]),
        description: "Medfinansiering enligt Tertialrapportens Medfinansierade insatser × återstår / beviljat, per insats",
      });
    }
  }
  const Mx = layouts.members;
  if (Mx) {
    const year = Mx.matrix.years[Mx.matrix.years.length > 0 ? Mx.matrix.years.indexOf(layouts.year ?? Mx.matrix.years[0]) : 0];
    const total = Mx.totalsRowByYear.get(year);
    checks.push({
      name: "Bokslutets not 3 = Medlemsandelar",
      diffFormula: sumAbs([
        ...L.members.rows.map((r, i) => `${ref(B, r, L.members.col)}-${longAmount(Mx, L.members.names[i], year)}`),
        `${ref(B, L.members.totalRow, L.members.col)}-(${L.members.rows.map((r) => ref(B, r, L.members.col)).join("+") || "0"})`,
        ...(total !== undefined ? [`${ref(B, L.members.totalRow, L.members.col)}-${ref(M, total, 1)}`] : []),
      ]),
      description: "Medlemsbidrag per medlem och årets summa",
    });
  }
  const Eq = layouts.equity;
  if (Eq) {
    checks.push({
      name: "Bokslut och Eget kapital: beslutad finansiering och bokat direkt",
      diffFormula: sumAbs([
        `${at("br:beslutad_finansiering")}-${ref(E, Eq.rowOf.unpaidGrants, Eq.valueCol)}`,
        ...(Eq.rowOf.direct !== undefined ? [`${at("br:bokat_direkt")}-${ref(E, Eq.rowOf.direct, Eq.valueCol)}`] : []),
      ]),
      description: "Samma belopp på båda bladen",
    });
  }
  return checks;
}
