/** Issue 25, point 3: the Tilläggsbidrag table read with errors that name the cell; the split foots. */
import { readFileSync } from "fs";
import path from "path";
import { compute, OUTPUTS } from "../src/core/compute";
import { formatIssue } from "../src/core/messages";
import { Decimal } from "../src/core/money";
import { readInputs } from "../src/workbook/read";
import { parseTextWorkbook } from "./helpers/textWorkbook";

const GOLDEN = readFileSync(path.join(__dirname, "golden", "i-tillaggsbidrag.case"), "utf8");

function withExtras(rows: string[]): string {
  const start = GOLDEN.indexOf("# Tilläggsbidrag");
  const end = GOLDEN.indexOf("# Kontoplan");
  return GOLDEN.slice(0, start) + ["# Tilläggsbidrag", ...rows].join("\n") + "\n" + GOLDEN.slice(end);
}

const HEADER = "År | Belopp | Förfaller | Beslut | Andel stat | Andel region | Andel kommuner";

test("each extra is split to the krona and its parts foot; the row's own shares are honoured", () => {
  const read = readInputs(parseTextWorkbook(GOLDEN).grid, new Set(OUTPUTS));
  expect(read.errors).toEqual([]);
  const r = compute(read.inputs!, { outputs: new Set(OUTPUTS) });
  if (!r.ok) throw new Error("compute failed");
  const [first, second] = r.value.extraShares;
  const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));
  for (const x of [first, second]) expect(sum(x.shares.members.map((m) => m.amount)).equals(x.extra.amount)).toBe(true);
  expect(second.shares.members.find((m) => m.group === "Stat")?.amount.isZero() ?? true).toBe(true);
  expect(first.shares.groups.map((g) => g.amount.toFixed())).toEqual(["300000", "150000", "150000"]);
  // Not 1's "varav" rows: the forecast column splits the extra with its own shares (0/50/50) by those shares.
  const byGroup = r.value.tertial!.contributionsByGroup.map((g) => [g.group, g.forecast.toFixed()]);
  expect(byGroup).toEqual([
    ["Stat", "2300000"],
    ["Region", "1250000"],
    ["Kommun", "1250000"],
  ]);
});

test.each([
  ["shares that are not 100 %", ["2026 | 100 000 | 2026-06-30 | Beslut | 10 % | 50 % | 50 %"], /^Tilläggsbidrag!E2: /],
  ["only some shares", ["2026 | 100 000 | 2026-06-30 | Beslut | | 50 % | 50 %"], /^Tilläggsbidrag!E2: /],
  ["a due date that is not a date", ["2026 | 100 000 | sista juni | Beslut | | |"], /^Tilläggsbidrag!C2: "sista juni" är inte ett datum/],
  ["a negative amount", ["2026 | -100 000 | 2026-06-30 | Beslut | | |"], /^Tilläggsbidrag!B2: /],
])("%s is an error naming the cell", (_name, rows, pattern) => {
  const read = readInputs(parseTextWorkbook(withExtras([HEADER, ...rows])).grid, new Set(OUTPUTS));
  expect(read.errors.map((e) => formatIssue(e, "sv"))[0]).toMatch(pattern);
});
