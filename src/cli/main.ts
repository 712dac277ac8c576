#!/usr/bin/env node
/**
 * finsam — the headless command line (WORKBOOK.md §4). Entry point only: parses arguments,
 * calls a use case, prints. Exit status: 0 done, 1 input errors, 2 usage error, 3 differences.
 */
import { createHash } from "crypto";
import { existsSync } from "fs";
import path from "path";
import { OUTPUTS, Output } from "../core/compute";
import { actionLabel, VERSION } from "../core/version";
import { exampleSheets, templateSheets } from "../core/example";
import { formatIssue, Issue } from "../core/issues";
import { issueJson } from "../core/json";
import { SheetModel } from "../core/sheetModel";
import { recalculate, verifyGrid } from "../workbook/usecases";
import { PackageError, XlsxPort, ZipError } from "../xlsx/xlsxPort";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => string;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  now: () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
};

/** Node's native SHA-256 for the fingerprint (the core's own gives the same hex, slower). */
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export function version(): string {
  return VERSION;
}

const USAGE = `Användning:
  finsam recalc <in.xlsx> [-o <ut.xlsx>] [--only medlemsandelar|tertial|eget-kapital]... [--brytdatum ÅÅÅÅ-MM-DD] [--json]
  finsam mall <ut.xlsx>
  finsam exempel <ut.xlsx>
  finsam verifiera <in.xlsx> [--json]
  finsam sie <in.se> <arbetsbok.xlsx> [-o <ut.xlsx>]
`;

class UsageError extends Error {}

/** A file that is not an .xlsx workbook we can read: a message for the user, exit status 1. */
class FileError extends Error {}

async function openWorkbook(file: string): Promise<XlsxPort> {
  if (!existsSync(file)) throw new UsageError(`Filen ${file} finns inte.`);
  try {
    const port = await XlsxPort.open(file);
    await port.readGrid();
    return port;
  } catch (e) {
    if (e instanceof PackageError || e instanceof ZipError) throw new FileError(`Filen ${file} går inte att läsa som en Excel-arbetsbok (.xlsx): ${e.message}.`);
    throw e;
  }
}

interface Parsed {
  command: string;
  positional: string[];
  out?: string;
  only: Output[];
  cutoff?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("Ange ett kommando.");
  const p: Parsed = { command, positional: [], only: [], json: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} kräver ett värde.`);
      return v;
    };
    if (a === "-o" || a === "--out") p.out = next();
    else if (a === "--only") {
      const v = next() as Output;
      if (!OUTPUTS.includes(v)) throw new UsageError(`--only ${v}: välj medlemsandelar, tertial eller eget-kapital.`);
      p.only.push(v);
    } else if (a === "--brytdatum") {
      p.cutoff = next();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(p.cutoff)) throw new UsageError(`--brytdatum ${p.cutoff}: skriv datumet som ÅÅÅÅ-MM-DD.`);
    } else if (a === "--json") p.json = true;
    else if (a.startsWith("-")) throw new UsageError(`Okänd flagga ${a}.`);
    else p.positional.push(a);
  }
  return p;
}

function printIssues(io: Io, title: string, issues: Issue[]): void {
  if (issues.length === 0) return;
  io.err(`${title}:\n`);
  for (const i of issues) io.err(`  ${formatIssue(i)}\n`);
}

async function writeInputWorkbook(file: string, sheets: SheetModel[]): Promise<void> {
  const port = XlsxPort.empty();
  await port.writeSheets(sheets);
  await port.save(file);
}

/** `<name>.beraknad.xlsx` beside the input; a macro workbook keeps its `.xlsm` (Excel refuses a macro workbook named .xlsx). */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const ext = /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
  const base = path.basename(input).replace(/\.xls[xm]$/i, "");
  return path.join(dir, `${base}.beraknad${ext}`);
}

async function recalcCommand(p: Parsed, io: Io): Promise<number> {
  if (p.positional.length !== 1) throw new UsageError("recalc tar en indatafil.");
  const input = p.positional[0];
  const output = p.out ?? defaultOutputPath(input);
  if (path.resolve(output) === path.resolve(input)) throw new UsageError("Utfilen får inte vara samma som indatafilen; indatafilen ändras aldrig.");
  const port = await openWorkbook(input);
  const outputs = new Set<Output>(p.only.length ? p.only : OUTPUTS);
  const action = actionLabel([...outputs], outputs.size === OUTPUTS.length, "kommandorad");
  const outcome = await recalculate(port, { outputs, cutoffOverride: p.cutoff, version: version(), now: io.now, action, sha256 });
  if (!outcome.ok) {
    printIssues(io, "Fel i indata (inget har skrivits)", outcome.errors);
    printIssues(io, "Varningar", outcome.warnings);
    if (p.json) io.out(JSON.stringify({ errors: outcome.errors.map(issueJson), warnings: outcome.warnings.map(issueJson) }, null, 2) + "\n");
    return 1;
  }
  await port.save(output);
  printIssues(io, "Varningar", outcome.warnings);
  io.err(summary(outcome.json!) + `Skrev ${output}\n`);
  if (p.json) io.out(JSON.stringify(outcome.json, null, 2) + "\n");
  return 0;
}

/** A few lines for a person: result forecast, equity against ceiling. */
export function summary(json: Record<string, unknown>): string {
  const j = json as {
    association: string;
    year: number;
    cutoff: string;
    tertialReport: { lines: Array<{ id: string; forecast: string }> } | null;
    equity: { closing: string; ceiling: string; margin: string; status: string } | null;
    memberShares: { total: string } | null;
  };
  const kr = (s: string) => `${Number(s).toLocaleString("sv-SE", { maximumFractionDigits: 2 })} kr`;
  const lines = [`${j.association}, ${j.year}, brytdatum ${j.cutoff}`];
  if (j.memberShares) lines.push(`  Medlemsbidrag ${j.year}: ${kr(j.memberShares.total)}`);
  const result = j.tertialReport?.lines.find((l) => l.id === "arets_resultat");
  if (result) lines.push(`  Prognos årets resultat: ${kr(result.forecast)}`);
  if (j.equity) {
    lines.push(`  Eget kapital vid årets slut (prognos): ${kr(j.equity.closing)}; tak ${kr(j.equity.ceiling)}`);
    lines.push(
      j.equity.status === "over"
        ? `  ÖVER TAKET med ${kr(String(-Number(j.equity.margin)))}`
        : `  Under taket med marginal ${kr(j.equity.margin)}`,
    );
  }
  return lines.join("\n") + "\n";
}

async function verifyCommand(p: Parsed, io: Io): Promise<number> {
  if (p.positional.length !== 1) throw new UsageError("verifiera tar en fil.");
  const port = await openWorkbook(p.positional[0]);
  const result = verifyGrid(await port.readGrid(), { version: version(), now: io.now, sha256 });
  if (!result.ok) {
    printIssues(io, "Fel i indata", result.errors);
    if (p.json) io.out(JSON.stringify({ errors: result.errors.map(issueJson) }, null, 2) + "\n");
    return 1;
  }
  if (p.json) io.out(JSON.stringify({ differences: result.differences }, null, 2) + "\n");
  if (result.differences.length === 0) {
    io.err("Verifierad: de lagrade resultaten stämmer med en ny beräkning från indata.\n");
    return 0;
  }
  io.err(`${result.differences.length} skillnader mellan lagrade och omräknade resultat:\n`);
  for (const d of result.differences.slice(0, 100)) io.err(`  ${d.cell}: lagrat ${d.stored}, omräknat ${d.recomputed}\n`);
  if (result.differences.length > 100) io.err(`  … och ${result.differences.length - 100} till\n`);
  return 3;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const p = parseArgs(argv);
    switch (p.command) {
      case "recalc":
        return await recalcCommand(p, io);
      case "verifiera":
        return await verifyCommand(p, io);
      case "mall":
      case "exempel": {
        if (p.positional.length !== 1) throw new UsageError(`${p.command} tar en utfil.`);
        await writeInputWorkbook(p.positional[0], p.command === "mall" ? templateSheets() : exampleSheets());
        io.err(`Skrev ${p.positional[0]}\n`);
        return 0;
      }
      case "sie":
        io.err("SIE-import är inte byggd ännu (kommer i ett senare ärende).\n");
        return 2;
      case "help":
      case "--help":
      case "-h":
        io.err(USAGE);
        return 0;
      default:
        throw new UsageError(`Okänt kommando ${p.command}.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof FileError) {
      io.err(`${e.message}\nInget har skrivits.\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`Oväntat fel: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exit(4);
    },
  );
}
