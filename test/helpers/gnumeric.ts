/**
 * Gnumeric's `ssconvert`, a second spreadsheet program beside LibreOffice, for tests that evaluate our check
 * formulas: `--recalc` recomputes every formula, `-S` writes each sheet to its own CSV file. When CI=true and
 * ssconvert is missing, tests fail rather than skip (Debian package `gnumeric`).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { describeWith } from "./requires";
import { slow } from "./time";

export function ssconvertPath(): string | null {
  const r = spawnSync("which", ["ssconvert"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** `describe` when Gnumeric is present; outside CI a missing ssconvert skips and says how to get it. */
export function describeWithGnumeric(name: string, fn: () => void): void {
  describeWith(name, { present: !!ssconvertPath(), what: "Gnumeric (ssconvert)", how: "apt-get install gnumeric" }, fn);
}

/** A CSV text as rows of fields (quoted fields with doubled quotes, as both programs write them). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** One sheet of a workbook as Gnumeric computes it (every formula recalculated), as CSV rows. */
export function gnumericSheet(file: string, sheet: string): string[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-gnumeric-"));
  const r = spawnSync(ssconvertPath()!, ["-S", "--recalc", file, path.join(dir, "%s.csv")], {
    encoding: "utf8",
    timeout: slow(120_000),
    killSignal: "SIGKILL",
  });
  const out = path.join(dir, `${sheet}.csv`);
  if (!existsSync(out)) throw new Error(`ssconvert wrote no ${sheet}.csv (exit ${r.status}): ${r.stderr}`);
  return parseCsv(readFileSync(out, "utf8"));
}
