/**
 * Golden files: each `golden/*.case` is a small workbook as text; its whole rendered report (every
 * owned sheet as a spreadsheet shows it, plus the JSON) must equal `golden/*.expected.txt`.
 * Regenerate after an intended change with UPDATE_GOLDEN=1 and read the diff.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from "fs";
import path from "path";
import { OUTPUTS, Output } from "../src/core/compute";
import { formatIssue } from "../src/core/messages";
import { renderSheet } from "../src/report/render";
import { computeFromGrid } from "../src/workbook/usecases";
import { parseTextWorkbook } from "./helpers/textWorkbook";

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
    if (process.env.UPDATE_GOLDEN || !existsSync(expectedFile)) {
      if (process.env.CI) throw new Error(`${expectedFile} saknas eller ska uppdateras utanför CI`);
      writeFileSync(expectedFile, actual);
    }
    expect(actual).toEqual(readFileSync(expectedFile, "utf8"));
  });
});
