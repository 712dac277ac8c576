/**
 * Costs per verksamhet (issue 34, point 1): the three rows always foot to the cost lines in every column (property),
 * and what cannot be told is named, never guessed: an insats without a Typ, a cost row whose insats is not in Insatser,
 * a budget per verksamhet that is partial or does not foot. The rest of the run goes ahead.
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import path from "path";
import { OUTPUTS } from "../src/core/compute";
import { FUNCTION_IDS, parseFunction, parseGrantType } from "../src/core/functionIds";
import { computeFunctions } from "../src/core/functions";
import { messageText } from "../src/core/messages";
import { Decimal } from "../src/core/money";
import { asOre } from "../src/core/units";
import { computeFromGrid } from "../src/workbook/usecases";
import { parseTextWorkbook } from "./helpers/textWorkbook";

const CASE = readFileSync(path.join(__dirname, "golden", "k-verksamheter.case"), "utf8");

function run(source: string) {
  const c = parseTextWorkbook(source);
  return computeFromGrid(c.grid, { outputs: new Set(OUTPUTS), version: "t", now: () => "t", cutoffOverride: c.cutoff });
}

test("the words of Typ and of a Budget row per verksamhet, Swedish and English, any case and accents", () => {
  expect(["Individinriktad", "individinriktade insatser", "INDIVID", "Individual"].map(parseGrantType)).toEqual(
    Array(4).fill("individinriktade"),
  );
  expect(["Strukturövergripande", "strukturovergripande", "Struktur", "structural"].map(parseGrantType)).toEqual(
    Array(4).fill("strukturovergripande"),
  );
  expect(parseGrantType("Förebyggande")).toBeNull();
  expect(
    ["Administration", "Strukturövergripande insatser", "individinriktade insatser", "Structural initiatives"].map(parseFunction),
  ).toEqual(["administration", "strukturovergripande", "individinriktade", "strukturovergripande"]);
  expect(parseFunction("personalkostnader")).toBeNull();
});

test("property: the three verksamheter sum to the cost lines in every column, each forecast in whole öre", () => {
  const ore = fc.integer({ min: -50_000_000, max: 50_000_000 });
  const line = fc.record({ period: ore, prior: ore, priorYear: ore, forecast: ore, p1: ore, p2: ore, ataganden: fc.boolean() });
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 9_000_000 }), (spec, remaining) => {
      const ids = ["bidrag_till_insatser", "personalkostnader", "ovriga_externa_kostnader"] as const;
      const kr = (o: number) => new Decimal(o).dividedBy(100);
      const lines = spec.map((l, i) => ({
        id: ids[i],
        period: kr(l.period),
        priorPeriod: kr(l.prior),
        priorYear: kr(l.priorYear),
        forecast: kr(l.forecast),
        method: l.ataganden ? "ataganden" : "linjar",
      }));
      const byProject = new Map(
        spec.map((l, i) => [
          ids[i],
          new Map([
            ["A", { period: asOre(l.p1), priorPeriod: asOre(l.p2), priorYear: asOre(l.p1) }],
            ["B", { period: asOre(l.p2), priorPeriod: asOre(l.p1), priorYear: asOre(l.p2) }],
          ]),
        ]),
      );
      const grants = [
        { code: "A", type: "individinriktade" as const, remainingThisYear: kr(remaining) },
        { code: "B", type: "strukturovergripande" as const, remainingThisYear: kr(remaining) },
      ];
      const out = computeFunctions({ lines, byProject, grants, budget: null });
      for (const k of ["period", "priorPeriod", "priorYear", "forecast"] as const) {
        const total = lines.reduce((a, l) => a.plus(l[k]), new Decimal(0));
        expect(out.reduce((a, f) => a.plus(f[k]), new Decimal(0)).equals(total)).toBe(true);
      }
      for (const f of out) expect(f.forecast.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(out.map((f) => f.id)).toEqual([...FUNCTION_IDS]);
    }),
    { numRuns: 500 },
  );
});

describe("never guessed: the table is refused naming the cell, the rest of the run goes ahead", () => {
  const refused = (source: string) => {
    const o = run(source);
    expect(o.errors).toEqual([]);
    expect((o.json!.tertialReport as { functions: unknown }).functions).toBeNull();
    expect(o.json!.equity).not.toBeNull();
    return o;
  };

  test("an insats without a Typ", () => {
    const o = refused(CASE.replace("| 2023-12-31 | Strukturövergripande", "| 2023-12-31 |"));
    const w = o.warnings.find((x) => x.code === "grant_type_blank")!;
    expect(w).toMatchObject({ params: { grant: "P2" }, cell: "Insatser!G4" });
    // The sheet says why, where the table would be.
    const sheet = o.sheets!.find((s) => s.name === "Tertialrapport")!;
    const texts = sheet.rows.flat().map((c) => String(c?.value ?? ""));
    expect(texts).toContain(messageText(w, "sv"));
  });

  test("a cost row whose insats is not in Insatser (last year's included)", () => {
    const o = refused(CASE.replace("P0 | Avslutad | 22:9 | 200 000 | 2022-01-01 | 2022-12-31 | Individinriktad\n", ""));
    expect(o.warnings.find((x) => x.code === "ledger_project_unknown")).toMatchObject({
      params: { project: "P0", count: 1, sheet: "Huvudbok" },
      cell: expect.stringMatching(/^Huvudbok!A\d+$/),
    });
  });

  test("a Typ that is not one of the words is an input error naming the cell", () => {
    const o = run(CASE.replace("| 2023-12-31 | Strukturövergripande", "| 2023-12-31 | Förebyggande"));
    expect(o.errors).toEqual([expect.objectContaining({ code: "unknown_grant_type", cell: "Insatser!G4" })]);
  });

  test("a budget per verksamhet that is partial, or does not foot to the cost lines, is not shown (a warning says why)", () => {
    const partial = run(CASE.replace("Administration | 2023 | 700 000\n", ""));
    expect(partial.warnings.find((w) => w.code === "function_budget_partial")).toMatchObject({
      params: { year: 2023, missing: ["administration"] },
    });
    const budgets = (o: typeof partial) =>
      (o.json!.tertialReport as { functions: Array<{ budget: string | null }> }).functions.map((f) => f.budget);
    expect(budgets(partial)).toEqual([null, null, null]);
    const differs = run(CASE.replace("Administration | 2023 | 700 000", "Administration | 2023 | 690 000"));
    expect(differs.warnings.find((w) => w.code === "function_budget_differs")).toMatchObject({
      params: { year: 2023, sum: "1990000.00", budget: "2000000.00" },
    });
    expect(budgets(differs)).toEqual([null, null, null]);
  });

  test("without a Typ column there is no table and no warning about it", () => {
    const o = run(
      CASE.replace(/ \| Typ\n/, "\n")
        .replace(/ \| Individinriktad\n/g, "\n")
        .replace(/ \| Strukturövergripande\n/g, "\n"),
    );
    expect((o.json!.tertialReport as { functions: unknown }).functions).toBeNull();
    expect(o.warnings.map((w) => w.code)).not.toContain("grant_type_blank");
    expect(o.sheets!.find((s) => s.name === "Tertialrapport")!.tables.map((t) => t.name)).not.toContain("KostnaderPerVerksamhet");
  });
});
