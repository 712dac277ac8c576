/** Kontroller's checks of Eget kapital: the equity sum, the ceiling's bands and the plan years run on year by year. */

import type { EquityLayout } from "../equity";
import type { TertialLayout } from "../tertial";
import { Check, E, ref, sumAbs, T } from "./formula";

/** Eget kapital: opening + booked directly + result = closing; the result is the Tertialrapport's; margin and commitments. */
export function equityChecks(L: EquityLayout, tertial: TertialLayout | undefined): Check[] {
  const v = (k: keyof EquityLayout["rowOf"]) => ref(E, L.rowOf[k]!, L.valueCol);
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
  );
  if (L.rowOf.coFinancedAfterYear !== undefined) {
    // The co-financiers' part: their part of what each insats' spread leaves after the year, at most what remains.
    const F = tertial?.coFinancing;
    const theirs = F ? [`${v("coFinancedAfterYear")}-MIN(${v("commitmentsAfterYear")},${ref(T, F.totalRow, F.cols.afterYear)})`] : [];
    checks.push(
      {
        name: "Återstående efter året: medfinansiärernas del och förbundets egen del",
        diffFormula: sumAbs([...theirs, `${v("commitmentsAfterYear")}-${v("coFinancedAfterYear")}-${v("ownCommitmentsAfterYear")}`]),
        description: "Medfinansiärernas del enligt Tertialrapportens Medfinansierade insatser, högst det som återstår",
      },
      {
        name: "Eget kapital efter beslutad finansiering = utgående − förbundets egen del",
        diffFormula: `${v("closing")}-${v("ownCommitmentsAfterYear")}-${v("equityAfterCommitments")}`,
        description: "Eget kapital: det medfinansiärerna betalar tillbaka är inget åtagande",
      },
    );
  } else {
    checks.push({
      name: "Eget kapital efter beslutad finansiering = utgående − återstående",
      diffFormula: `${v("closing")}-${v("commitmentsAfterYear")}-${v("equityAfterCommitments")}`,
      description: "Eget kapital",
    });
  }
  return checks;
}

/** The ceiling of a base by the rule's bands, as a formula: ROUND(Σ MAX(0, MIN(base, to) − from) × rate; 2). */
export function ceilingOf(base: string, rule: EquityLayout["bands"]["rule"]): string {
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
export function ceilingChecks(L: EquityLayout): Check[] {
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
