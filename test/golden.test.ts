/**
 * Golden files: each `golden/*.case` is a small workbook as text; its whole rendered report (every
 * owned sheet as a spreadsheet shows it, plus the JSON) must equal `golden/*.expected.txt`. A missing
 * expected file fails; regenerate after an intended change with UPDATE_GOLDEN=1 (never in CI) and read the diff.
 * Each case's key figures (the year's result, closing equity, one member's share, one note's line) are also
 * worked out here by hand from the case's inputs and docs/rules.md's rules, so that a golden cannot pass by being
 * regenerated over a wrong figure.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from "fs";
import path from "path";
import { OUTPUTS, Output } from "../src/core/compute";
import { formatIssue } from "../src/core/messages";
import { renderSheet } from "../src/report/render";
import { computeFromGrid } from "../src/workbook/usecases";
import { parseTextWorkbook } from "./helpers/textWorkbook";
import { Decimal } from "../src/core/money";

const dir = path.join(__dirname, "golden");
const cases = readdirSync(dir).filter((f) => f.endsWith(".case"));

export function renderCase(source: string): string {
  const c = parseTextWorkbook(source);
  const outcome = computeFromGrid(c.grid, {
    outputs: new Set<Output>(c.only.length ? c.only : OUTPUTS),
    cutoffOverride: c.cutoff,
    version: "test",
    now: () => "2026-01-01T00:00:00Z",
  });
  if (!outcome.ok) return `FEL\n${outcome.errors.map((e) => formatIssue(e, "sv")).join("\n")}\n`;
  const parts = outcome.sheets!.map((s) => renderSheet(s, { hideVolatile: true, maxWidth: 80 }));
  parts.push("=== JSON ===\n" + JSON.stringify({ ...outcome.json, computedAt: undefined }, null, 1) + "\n");
  return parts.join("\n");
}

describe("golden reports", () => {
  test("there are golden cases", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  test.each(cases)("%s", (file) => {
    const actual = renderCase(readFileSync(path.join(dir, file), "utf8"));
    const expectedFile = path.join(dir, file.replace(/\.case$/, ".expected.txt"));
    if (process.env.UPDATE_GOLDEN) {
      if (process.env.CI) throw new Error(`UPDATE_GOLDEN skriver om ${expectedFile}; gör det utanför CI och läs skillnaden`);
      writeFileSync(expectedFile, actual);
    }
    if (!existsSync(expectedFile)) throw new Error(`${expectedFile} saknas: kör UPDATE_GOLDEN=1 och läs filen innan den checkas in`);
    expect(actual).toEqual(readFileSync(expectedFile, "utf8"));
  });

  test("every case has its key figures worked out by hand", () => expect(Object.keys(KEY_FIGURES).sort()).toEqual([...cases].sort()));

  test.each(cases)("%s: key figures as worked out by hand", (file) => {
    const c = parseTextWorkbook(readFileSync(path.join(dir, file), "utf8"));
    const outcome = computeFromGrid(c.grid, { outputs: new Set<Output>(OUTPUTS), cutoffOverride: c.cutoff, version: "t", now: () => "t" });
    expect(outcome.errors).toEqual([]);
    const json = outcome.json as unknown as Json;
    const expected = KEY_FIGURES[file];
    const line = (id: string) => json.tertialReport.lines.find((l) => l.id === id)!;
    const member = (name: string) => json.memberShares.members.find((m) => m.member === name)!;
    const d = (v: string) => new Decimal(v).toFixed(2);
    const seen = {
      resultPeriod: d(line("arets_resultat").period),
      result: d(line("arets_resultat").forecast),
      closing: d(json.equity.closing),
      ceiling: d(json.equity.ceiling),
      member: { amount: d(member(expected.member.name).amount), installments: member(expected.member.name).installments.map(d) },
      note: d(line(expected.note.line).forecast),
      ...(expected.balance
        ? { balance: d(json.financialStatements!.balanceSheet.find((l) => l.id === expected.balance!.id)!.amount) }
        : {}),
      ...(expected.functions
        ? {
            functions: (["priorPeriod", "period", "forecast", "budget"] as const).map((k) =>
              json.tertialReport.functions!.map((f) => d(f[k])),
            ),
          }
        : {}),
      ...(expected.coFinancing
        ? {
            coFinancing: {
              thisYear: d(line("projektmedel").forecast),
              afterYear: d(json.equity.coFinancedAfterYear),
              own: d(json.equity.ownCommitmentsAfterYear),
              equityAfter: d(json.equity.equityAfterCommitments),
            },
          }
        : {}),
    };
    const want = {
      resultPeriod: expected.resultPeriod.toFixed(2),
      result: expected.result.toFixed(2),
      closing: expected.closing.toFixed(2),
      ceiling: expected.ceiling.toFixed(2),
      member: { amount: expected.member.amount.toFixed(2), installments: expected.member.installments.map((x) => x.toFixed(2)) },
      note: expected.note.forecast.toFixed(2),
      ...(expected.balance ? { balance: expected.balance.amount.toFixed(2) } : {}),
      ...(expected.functions
        ? {
            functions: (["priorPeriod", "period", "forecast", "budget"] as const).map((k) =>
              expected.functions![k].map((x) => x.toFixed(2)),
            ),
          }
        : {}),
      ...(expected.coFinancing
        ? { coFinancing: Object.fromEntries(Object.entries(expected.coFinancing).map(([k, v]) => [k, v.toFixed(2)])) }
        : {}),
    };
    expect(seen).toEqual(want);
  });
});

type Json = {
  tertialReport: {
    lines: Array<{ id: string; period: string; forecast: string }>;
    functions: Array<{ priorPeriod: string; period: string; forecast: string; budget: string }> | null;
  };
  equity: {
    closing: string;
    ceiling: string;
    coFinancedAfterYear: string;
    ownCommitmentsAfterYear: string;
    equityAfterCommitments: string;
  };
  memberShares: { members: Array<{ member: string; amount: string; installments: string[] }> };
  financialStatements: { balanceSheet: Array<{ id: string; amount: string }> } | null;
};

interface KeyFigures {
  resultPeriod: Decimal;
  result: Decimal;
  closing: Decimal;
  ceiling: Decimal;
  member: { name: string; amount: Decimal; installments: Decimal[] };
  /** A line of the report's notes (Not 1 or Not 2), its full-year figure in the report's sign. */
  note: { line: string; forecast: Decimal };
  balance?: { id: string; amount: Decimal };
  /** Costs per verksamhet (administration, strukturövergripande, individinriktade), report sign. */
  functions?: { priorPeriod: Decimal[]; period: Decimal[]; forecast: Decimal[]; budget: Decimal[] };
  /** Co-financed insatser: Projektmedel's forecast, the co-financiers' and the own part after the year, equity after them. */
  coFinancing?: { thisYear: Decimal; afterYear: Decimal; own: Decimal; equityAfter: Decimal };
}

const D = (v: number | string) => new Decimal(v);
/** n kronor in `parts` installments of whole `unit`s, the earlier ones taking the extra unit (rules.md 2). */
const installments = (amount: Decimal, parts: number, unit = 1): Decimal[] => {
  const units = amount.dividedBy(unit).toNumber();
  const base = Math.floor(units / parts);
  const extra = units - base * parts;
  return Array.from({ length: parts }, (_, i) => D((base + (i < extra ? 1 : 0)) * unit));
};
const accrued = (yearly: Decimal, months: number) => yearly.times(months).dividedBy(12).toDecimalPlaces(2);

/** Each case's figures, worked out by hand from its inputs (the comments give the arithmetic). */
const KEY_FIGURES: Record<string, KeyFigures> = {
  // 30 June 2023, as k. P1: 1 462 000 over 731 days (2023–2024) = 2 000 a day, 184 days after the cut-off: 368 000 still
  // this year; paid 300 000, so 1 162 000 unpaid and 794 000 after the year. ESF pays 584 800 / 1 462 000 = 40 % back:
  // this year 40 % × (300 000 + 368 000) = 267 200 (Projektmedel, medfinansiering), after the year 40 % × 794 000 =
  // 317 600. P2 (own): 365 000 over 2023, 1 000 × 184 = 184 000 still this year, paid 100 000, 81 000 after the year.
  // Bidrag: 400 000 + 368 000 + 184 000 = 952 000; staff linjär 300 000 × 2; office 60 000 + 200 000 × 6/12.
  // After the year 794 000 + 81 000 = 875 000, of it ESF's 317 600 and the förbund's own 557 400.
  "l-medfinansiering.case": (() => {
    const result = D(2000000).plus(267200).minus(952000).minus(600000).minus(160000);
    const closing = D(500000).plus(result);
    return {
      resultPeriod: D(1000000).plus(120000).minus(400000).minus(300000).minus(60000),
      result,
      closing,
      ceiling: D(400000),
      member: { name: "FK", amount: D(1000000), installments: installments(D(1000000), 4) },
      note: { line: "projektmedel", forecast: D(584800).dividedBy(1462000).times(D(300000).plus(368000)) },
      coFinancing: {
        thisYear: D("0.4").times(668000),
        afterYear: D("0.4").times(D(1162000).minus(368000)),
        own: D(794000).plus(81000).minus(D("0.4").times(794000)),
        equityAfter: closing.minus(D(875000).minus(317600)),
      },
    };
  })(),
  // 30 June 2023 (6 of 12 months), accrued contributions 2 000 000 × 6/12. Grants, åtaganden: P1 730 000 and P2 365 000
  // over 2023 (365 days) still fall 184 days after the cut-off: 2 000 × 184 = 368 000 and 1 000 × 184 = 184 000.
  // Bidrag: actual 300 000 (P1, individ) + 100 000 (P2, struktur) + 20 000 (no insats, administration); forecast
  // 420 000 + 552 000 = 972 000 → individ 668 000, struktur 284 000, administration 20 000. Staff, linjär: 310 000 ×
  // 2 = 620 000, split as the actual (280 000 administration, 30 000 on P2): 560 000 and 60 000. Office,
  // utfall+restbudget: 60 000 + 200 000 × 6/12 = 160 000, administration. Last year: P0 (individ) 150 000 to 30 June
  // and 200 000 in all; staff 250 000 administration.
  "k-verksamheter.case": (() => {
    const costs = D(972000).plus(620000).plus(160000);
    return {
      resultPeriod: D(1000000).minus(420000 + 310000 + 60000),
      result: D(2000000).minus(costs),
      closing: D(500000).plus(D(2000000).minus(costs)),
      ceiling: D(400000),
      member: { name: "FK", amount: D(1000000), installments: installments(D(1000000), 4) },
      note: { line: "personalkostnader", forecast: D(-620000) },
      functions: {
        priorPeriod: [D(-250000), D(0), D(-150000)],
        period: [D(-360000), D(-130000), D(-300000)],
        forecast: [D(-740000), D(-344000), D(-668000)],
        budget: [D(-700000), D(-400000), D(-900000)],
      },
    };
  })(),
  // 2021, 30 April, accrual: contributions 4 500 000 / 50 % = 9 000 000, 4/12 of it = 3 000 000 in the period.
  "a-april-tkr-linjar.case": (() => {
    const contributions = D(4500000).dividedBy("0.5");
    const costs = D(1200000).plus(760000).plus("300000.50"); // the May rent is after the cut-off
    const staff = D(760000).times(12).dividedBy(4); // linjär
    const grants = D(1200000).plus(D(5400000).times(8).dividedBy(12)); // utfall + restbudget (no Insatser)
    const other = D("300000.50").plus(D(900000).times(8).dividedBy(12));
    const result = contributions.minus(grants).minus(staff).minus(other);
    return {
      resultPeriod: accrued(contributions, 4).minus(costs),
      result,
      closing: D(1000000).plus(result),
      ceiling: contributions.times("0.2"),
      // The region's 25 % in four installments of whole thousands: 562 500 each → 563, 563, 562, 562 tkr.
      member: { name: "Regionen", amount: contributions.times("0.25"), installments: installments(D(2250000), 4, 1000) },
      note: { line: "personalkostnader", forecast: staff.negated() },
    };
  })(),
  // 2022, 31 August, no accrual: the stepped ceiling (rules.md 4): 20 % of 5 000 000 + 10 % of 5 000 000.
  "b-augusti-kr-trappsteg-over.case": (() => {
    const otherCosts = D(200000).times(300000).dividedBy(150000); // föregående år: actual × last year / last year's period
    const result = D(10000000).plus(100000).minus(6700000).minus(3500000).minus(otherCosts).minus(100000);
    return {
      resultPeriod: D(10000000).minus(200000).minus(1800000).minus(3000000),
      result,
      closing: D(2900000).plus(result),
      ceiling: D(5000000).times("0.2").plus(D(5000000).times("0.1")),
      member: { name: "Kommunen", amount: D(2500000), installments: installments(D(2500000), 3) },
      note: { line: "ovriga_externa_kostnader", forecast: otherCosts.negated() },
    };
  })(),
  // 2023 closed at 31 December: every full year is its actual; opening equity from the IB rows.
  "c-december-ataganden-ib.case": (() => {
    const result = D(4000000).minus(D(400000).plus(500000).plus(1000000).plus(300000)).minus(950000);
    return {
      resultPeriod: result,
      result,
      closing: D(900000).plus(result),
      ceiling: D(4000000).times("0.6"),
      member: { name: "Region", amount: D(1000000), installments: installments(D(1000000), 12) },
      note: { line: "bidrag_till_insatser", forecast: D(-2200000) },
    };
  })(),
  // 2024, 31 August: 8/12 of 2 000 000 accrued; costs to the cut-off; the balance sheet's equity is IB + the period.
  "d-augusti-bokslut.case": (() => {
    const period = accrued(D(2000000), 8).minus(500000).minus(D(560000).plus(30000)).minus(80000);
    // Åtaganden (rules.md 3): P1's 2 000 000 spread evenly over its 731 days (2024-01-01 – 2025-12-31); the 122 days
    // after the cut-off this year are what it still pays in 2024 (less than its unpaid 1 500 000).
    const grants = D(500000).plus(D(2000000).times(122).dividedBy(731).toDecimalPlaces(2));
    const rest = (budget: number) => D(budget).times(4).dividedBy(12).toDecimalPlaces(2); // utfall + restbudget, nothing booked
    const result = D(2000000)
      .minus(grants)
      .minus(D(590000).times(12).dividedBy(8))
      .minus(D(80000).plus(rest(100000)))
      .minus(rest(20000))
      .minus(rest(10000));
    return {
      resultPeriod: period,
      result,
      closing: D(700000).plus(result),
      ceiling: D(2000000).times("0.2"),
      member: { name: "FK", amount: D(1000000), installments: installments(D(1000000), 4) },
      note: { line: "bidrag_till_insatser", forecast: grants.negated() },
      balance: { id: "eget_kapital", amount: D(700000).plus(period) },
    };
  })(),
  // 2024 closed: result = contributions − grants − staff − office − depreciation − interest.
  "e-december-bokslut.case": (() => {
    const result = D(2000000).minus(1100000).minus(590000).minus(80000).minus(20000).minus(8000);
    return {
      resultPeriod: result,
      result,
      closing: D(700000).plus(result),
      ceiling: D(2000000).times("0.2"),
      member: { name: "Region Norr", amount: D(500000), installments: installments(D(500000), 4) },
      note: { line: "bidrag_till_insatser", forecast: D(-1100000) },
      // Bank: IB + paid contributions − grants − inventory − suppliers − salaries − amortisation − interest.
      balance: {
        id: "kassa_och_bank",
        amount: D(900000)
          .plus(2050000)
          .minus(500000 + 30000 + 110000 + 560000 + 600000 + 50000 + 8000),
      },
    };
  })(),
  // 2026, 30 April: members over time (rules.md 2b): Nyby weighs 8 000 × 9 months of the municipalities' 624 000.
  "f-medlem-fran-april-nyckel-per-ar.case": (() => {
    const weights = 30000 * 12 + 10000 * 12 + 8000 * 9 + 4000 * 9 + 6000 * 6;
    const nyby = D(1000000)
      .times(8000 * 9)
      .dividedBy(weights)
      .toDecimalPlaces(0); // 115 384,6 → 115 385
    const staff = D(820000).times(3);
    const other = D(400000).plus(D(1300000).times(8).dividedBy(12));
    const result = D(4000000).minus(staff).minus(other);
    return {
      resultPeriod: accrued(D(4000000), 4).minus(820000).minus(400000),
      result,
      closing: D(500000).plus(result),
      ceiling: D(4000000).times("0.2"),
      // It joins 1 April: the January installment is not its; the three after share its amount.
      member: { name: "Nyby", amount: nyby, installments: [D(0), ...installments(nyby, 3)] },
      note: { line: "personalkostnader", forecast: staff.negated() },
    };
  })(),
  // ESF money per decision (1 200 000); Takunderlag = Alla intäkter: the ceiling is 20 % of 4 000 000 + 1 200 000.
  "g-esf-takunderlag-intakter.case": (() => {
    const result = D(4000000)
      .plus(1200000)
      .minus(D(1900000).times(12).dividedBy(8))
      .minus(D(900000).plus(D(1500000).times(4).dividedBy(12)));
    return {
      resultPeriod: accrued(D(4000000), 8).plus(600000).minus(1900000).minus(900000),
      result,
      closing: D(1400000).plus(result),
      ceiling: D(4000000).plus(1200000).times("0.2"),
      member: { name: "Storstad", amount: D(1000000), installments: installments(D(1000000), 4) },
      note: { line: "projektmedel", forecast: D(1200000) },
    };
  })(),
  // Case g with Takunderlag = Medlemsbidrag: the ceiling is 20 % of 4 000 000 alone.
  "h-esf-takunderlag-medlemsbidrag.case": (() => {
    const result = D(4000000)
      .plus(1200000)
      .minus(D(1900000).times(12).dividedBy(8))
      .minus(D(900000).plus(D(1500000).times(4).dividedBy(12)));
    return {
      resultPeriod: accrued(D(4000000), 8).plus(600000).minus(1900000).minus(900000),
      result,
      closing: D(1400000).plus(result),
      ceiling: D(4000000).times("0.2"),
      member: { name: "Regionen", amount: D(1000000), installments: installments(D(1000000), 4) },
      note: { line: "medlemsbidrag", forecast: D(4000000) },
    };
  })(),
  // Tilläggsbidrag (rules.md 2c): 600 000 due 30 June is in the period in full; the year's forecast is 4 000 000 + 800 000.
  "i-tillaggsbidrag.case": (() => {
    const contributions = D(4000000).plus(600000).plus(200000);
    const result = contributions.minus(D(1900000).times(12).dividedBy(8)).minus(D(800000).plus(D(1400000).times(4).dividedBy(12)));
    return {
      resultPeriod: accrued(D(4000000), 8).plus(600000).minus(1900000).minus(800000),
      result,
      closing: D(900000).plus(result),
      ceiling: contributions.times("0.2"),
      // The year's contributions: 25 % × 30 000 / 40 000 of 4 000 000 (the extras have their own table).
      member: {
        name: "Storstad",
        amount: D(4000000).times("0.25").times(30000).dividedBy(40000),
        installments: installments(D(750000), 4),
      },
      note: { line: "medlemsbidrag", forecast: contributions },
    };
  })(),
  // Golden e with 25 000 booked straight against equity (a correction of 2023's provision): closing equity is 25 000 lower.
  "j-direkt-mot-eget-kapital.case": (() => {
    const result = D(2000000).minus(1100000).minus(590000).minus(80000).minus(20000).minus(8000);
    return {
      resultPeriod: result,
      result,
      closing: D(700000).minus(25000).plus(result),
      ceiling: D(2000000).times("0.2"),
      member: { name: "Alfa kommun", amount: D(500000), installments: installments(D(500000), 4) },
      note: { line: "ovriga_externa_kostnader", forecast: D(-80000) },
      balance: { id: "eget_kapital", amount: D(700000).minus(25000).plus(result) },
    };
  })(),
};
