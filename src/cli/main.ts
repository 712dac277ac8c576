#!/usr/bin/env node
/**
 * finsam — the headless command line (docs/workbook.md, "Kommandoraden"). Entry point only: parses
 * arguments, calls a use case, prints. Exit status: 0 done, 1 input errors, 2 usage error,
 * 3 differences, 4 unexpected error. Language: `--sprak sv|en`, else LANG, else Swedish.
 */
import { createHash } from "crypto";
import v8 from "v8";
import type { Output } from "../core/compute";
import { OUTPUTS } from "../core/outputs";
import { formatMoney, Lang, langOfTag } from "../core/locale";
import { issueText, messageText } from "../core/messages";
import { actionLabel } from "../core/version";
import type { SheetModel } from "../report/sheetModel";
import { PackageError } from "../xlsx/errors";
import { ZipError } from "../xlsx/zip";
import { MessageError, UsageError } from "./errors";
import { defaultOutputPath, fileSystemMessage, outputNameProblem, refuseExisting, sameFile } from "./files";
import { COMMAND_NAMES, commandHelp, nearestCommand, overviewHelp } from "./help";
import { CLI_TEXT, CliText } from "./i18n";
import { openWorkbook } from "./open";
import { Io, Parsed, printIssues, version } from "./shell";

export { defaultImportPath, defaultOutputPath } from "./files";
export type { Io };
export { version };

// A larger young generation: reading and writing a million-row ledger allocates many short-lived
// objects, and with V8's default the collector runs several times more often (BENCHMARKS.md).
v8.setFlagsFromString("--max-semi-space-size=64");

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  now: () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
};

/** Node's native SHA-256 for the fingerprint (the core's own gives the same hex, slower). */
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The language: `--sprak`, else LANG (sv… or en…), else Swedish. A bad `--sprak` is a usage error. */
export function chooseLang(argv: readonly string[], env: Record<string, string | undefined>): Lang | { bad: string } {
  const i = argv.findIndex((a) => a === "--sprak" || a === "--lang");
  if (i >= 0) {
    const v = (argv[i + 1] ?? "").toLowerCase();
    return v === "sv" || v === "en" ? v : { bad: argv[i + 1] ?? "" };
  }
  return langOfTag(env.LC_ALL || env.LC_MESSAGES || env.LANG, "sv");
}

function parseArgs(argv: string[], t: CliText): Parsed {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(t.noCommand);
  const p: Parsed = { command, positional: [], only: [], json: false, importAnyway: false, replace: false, help: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(t.needsValue(a));
      return v;
    };
    if (a === "-o" || a === "--out") p.out = next();
    else if (a === "--only") {
      const v = next() as Output;
      if (!OUTPUTS.includes(v)) throw new UsageError(t.badOnly(v));
      p.only.push(v);
    } else if (a === "--brytdatum") {
      p.cutoff = next();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(p.cutoff)) throw new UsageError(t.badCutoff(p.cutoff));
    } else if (a === "--sprak" || a === "--lang") next();
    else if (a === "--json") p.json = true;
    else if (a === "--help" || a === "-h") p.help = true;
    else if (a === "--importera-anda" || a === "--importera-ändå" || a === "--force") p.importAnyway = true;
    else if (COMMAND_NAMES[command.toLowerCase()] === "sie" && a === "--budget") p.budget = true;
    else if (
      COMMAND_NAMES[command.toLowerCase()] === "sie" &&
      (a === "--ersatt-budget" || a === "--ersätt-budget" || a === "--replace-budget")
    )
      p.replaceBudget = p.budget = true;
    else if (a === "--ersatt" || a === "--ersätt" || a === "--replace") p.replace = true;
    else if (COMMAND_NAMES[command.toLowerCase()] === "exempel" && (a === "--avslutat" || a === "--closed")) p.closed = true;
    else if (a.startsWith("-")) throw new UsageError(t.unknownFlag(a));
    else p.positional.push(a);
  }
  return p;
}

/**
 * The engine, the report layer and the .xlsx writer are loaded by the commands that use them: `finsam sie` on a
 * large file, `--help` and the usage errors start without them (issue 35: start-up counts in every command).
 */
const xlsx = () => Promise.all([import("../xlsx/xlsxFile"), import("../xlsx/xlsxPort")]).then(([f, p]) => ({ ...f, ...p }));

async function writeInputWorkbook(file: string, sheets: SheetModel[], replace: boolean): Promise<void> {
  // A template or an example never replaces a workbook someone has filled in, unless told to.
  refuseExisting(file, replace, "input");
  const { saveXlsx, XlsxPort } = await xlsx();
  const port = XlsxPort.empty();
  await port.writeSheets(sheets);
  await saveXlsx(port, file);
}

async function recalcCommand(p: Parsed, io: Io, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  if (p.positional.length !== 1) throw new UsageError(t.recalcArgs);
  const input = p.positional[0];
  if (p.out && sameFile(input, p.out)) throw new UsageError(t.sameFile);
  const port = await openWorkbook(input);
  const output = p.out ?? defaultOutputPath(input, port.isMacroEnabled());
  if (sameFile(input, output)) throw new UsageError(t.sameFile);
  const misnamed = outputNameProblem(port.isMacroEnabled(), output);
  if (misnamed) throw new MessageError(misnamed);
  // An earlier result may hold what someone typed (a comment in the report, Körlogg's history): replaced only when asked.
  refuseExisting(output, p.replace, "result");
  const outputs = new Set<Output>(p.only.length ? p.only : OUTPUTS);
  const action = actionLabel([...outputs], outputs.size === OUTPUTS.length, "kommandorad");
  const { recalculate } = await import("../workbook/usecases");
  const { saveXlsx } = await xlsx();
  const outcome = await recalculate(port, { outputs, cutoffOverride: p.cutoff, version: version(), now: io.now, action, sha256, lang });
  if (!outcome.ok) {
    printIssues(io, t.errorsTitle, outcome.errors, lang);
    printIssues(io, t.warningsTitle, outcome.warnings, lang);
    if (p.json) {
      const doc = { errors: outcome.errors.map((i) => issueText(i, lang)), warnings: outcome.warnings.map((i) => issueText(i, lang)) };
      io.out(JSON.stringify(doc, null, 2) + "\n");
    }
    return 1;
  }
  await saveXlsx(port, output);
  printIssues(io, t.warningsTitle, outcome.warnings, lang);
  io.err(summary(outcome.json!, lang) + `${t.wrote(output)}\n`);
  if (p.json) io.out(JSON.stringify(outcome.json, null, 2) + "\n");
  return 0;
}

/** A few lines for a person: result forecast, equity against ceiling (exact amounts, no floating point). */
export function summary(json: Record<string, unknown>, lang: Lang = "sv"): string {
  const t = CLI_TEXT[lang];
  const j = json as {
    association: string;
    year: number;
    cutoff: string;
    tertialReport: { lines: Array<{ id: string; forecast: string }> } | null;
    equity: { closing: string; ceiling: string; margin: string; status: string } | null;
    memberShares: { total: string } | null;
  };
  const kr = (s: string) => formatMoney(s, lang);
  const lines = [`${j.association}, ${j.year}, ${t.cutoffWord} ${j.cutoff}`];
  if (j.memberShares) lines.push(`  ${t.memberTotal(j.year)}: ${kr(j.memberShares.total)}`);
  const result = j.tertialReport?.lines.find((l) => l.id === "arets_resultat");
  if (result) lines.push(`  ${t.forecastResult}: ${kr(result.forecast)}`);
  if (j.equity) {
    lines.push(`  ${t.closingEquity}: ${kr(j.equity.closing)}; ${t.ceiling} ${kr(j.equity.ceiling)}`);
    const over = j.equity.status === "over";
    lines.push(over ? `  ${t.over} ${kr(j.equity.margin.replace(/^-/, ""))}` : `  ${t.under} ${kr(j.equity.margin)}`);
  }
  return lines.join("\n") + "\n";
}

async function verifyCommand(p: Parsed, io: Io, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  if (p.positional.length !== 1) throw new UsageError(t.verifyArgs);
  const port = await openWorkbook(p.positional[0]);
  const { inputsMessage, verifyGrid } = await import("../workbook/verify");
  const result = verifyGrid(await port.readGrid(), { version: version(), now: io.now, sha256, lang });
  if (!result.ok) {
    printIssues(io, t.errorsTitleVerify, result.errors, lang);
    if (p.json) io.out(JSON.stringify({ errors: result.errors.map((i) => issueText(i, lang)) }, null, 2) + "\n");
    return 1;
  }
  if (p.json) {
    // The fingerprints are here only; the text below names tables and cells.
    const doc = {
      changedTables: result.changedTables,
      inputsRecorded: result.inputsRecorded,
      sheets: result.bySheet.map((s) => ({ sheet: s.sheet, count: s.differences.length })),
      differences: result.differences,
    };
    io.out(JSON.stringify(doc, null, 2) + "\n");
  }
  if (result.differences.length === 0) {
    io.err(`${t.verified}\n`);
    // Inputs that changed without changing a result (a note typed beside a table) are still said.
    if (result.changedTables.length > 0) io.err(`${messageText(inputsMessage(result), lang)}\n`);
    return 0;
  }
  // What changed first: the input tables; then the result cells, grouped by sheet with counts.
  io.err(`${messageText(inputsMessage(result), lang)}\n`);
  io.err(`${t.differences(result.differences.length)}\n`);
  for (const s of result.bySheet) {
    io.err(`  ${messageText({ code: "verify_sheet_differences", params: { sheet: s.sheet, count: s.differences.length } }, lang)}\n`);
    for (const d of s.differences.slice(0, VERIFY_CELLS_PER_SHEET)) {
      const [stored, recomputed] = shortPair(d.stored, d.recomputed, t.aFingerprint);
      const params = { stored, recomputed };
      io.err(`    ${d.cell.slice(d.cell.lastIndexOf("!") + 1)}: ${messageText({ code: "verify_difference", params }, lang)}\n`);
    }
    if (s.differences.length > VERIFY_CELLS_PER_SHEET) io.err(`    ${t.andMore(s.differences.length - VERIFY_CELLS_PER_SHEET)}\n`);
  }
  return 3;
}

/** Cells listed per sheet by `verifiera` (the JSON has them all). */
const VERIFY_CELLS_PER_SHEET = 8;

/**
 * A stored and a recomputed cell text as short lines: a fingerprint named, not printed; a paragraph cut to the stretch
 * where the two first differ, so that the difference shows.
 */
function shortPair(stored: string, recomputed: string, name: string): [string, string] {
  const hex = (v: string) => /^[0-9a-f]{64}$/.test(v);
  // Line breaks become spaces; the no-break spaces inside amounts stay.
  const [a, b] = [stored, recomputed].map((v) => v.replace(/[\r\n\t]+/g, " "));
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - 20);
  const cut = (v: string) => {
    if (hex(v)) return name;
    if (v.length <= 60) return v;
    const part = v.slice(from, from + 57);
    return `${from > 0 ? "…" : ""}${part}${from + 57 < v.length ? "…" : ""}`;
  };
  return [cut(a), cut(b)];
}

async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  if (argv.length === 0 || ["help", "--help", "-h", "hjalp", "hjälp"].includes(argv[0])) {
    io.out(overviewHelp(lang, t.usage, version()));
    return 0;
  }
  if (argv[0] === "--version" || argv[0] === "-V" || argv[0] === "version") {
    io.out(`finsam (Finsam Ekonomi) ${version()}\n`);
    return 0;
  }
  const command = COMMAND_NAMES[argv[0].toLowerCase()];
  if (!command) {
    const near = nearestCommand(argv[0]);
    throw new UsageError(t.unknownCommand(argv[0]) + (near ? ` ${t.didYouMean(near)}` : ""));
  }
  const p = parseArgs(argv, t);
  if (p.help) {
    io.out(commandHelp(command, lang));
    return 0;
  }
  switch (command) {
    case "recalc":
      return recalcCommand(p, io, lang);
    case "verifiera":
      return verifyCommand(p, io, lang);
    case "mall":
    case "exempel": {
      if (p.positional.length !== 1) throw new UsageError(t.outArgs(p.command));
      const { EXAMPLE_CLOSED, EXAMPLE_DEFAULTS, exampleSheets, templateSheets } = await import("../report/example");
      const example = () => exampleSheets(p.closed ? EXAMPLE_CLOSED : EXAMPLE_DEFAULTS);
      await writeInputWorkbook(p.positional[0], command === "mall" ? templateSheets() : example(), p.replace);
      io.err(`${t.wrote(p.positional[0])}\n`);
      if (p.json) io.out(JSON.stringify({ ok: true, wrote: p.positional[0] }, null, 2) + "\n");
      return 0;
    }
    case "sie":
      // The SIE reader is loaded by the command that reads SIE files.
      return (await import("./sieCommands")).sieCommand(p, io, lang);
    case "nytt-ar":
      return (await import("./newYearCommand")).newYearCommand(p, io, lang);
  }
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const env = io.env ?? process.env;
  const chosen = chooseLang(argv, env);
  const lang: Lang = typeof chosen === "string" ? chosen : langOfTag(env.LANG, "sv");
  const t = CLI_TEXT[lang];
  if (typeof chosen !== "string") {
    io.err(`${t.badLang(chosen.bad)}\n${t.usage}`);
    if (argv.includes("--json"))
      io.out(
        JSON.stringify({ ok: false, exitCode: 2, errors: [{ code: "usage", message: t.badLang(chosen.bad), cell: "" }] }, null, 2) + "\n",
      );
    return 2;
  }
  // With --json, every outcome is JSON on standard output, a refusal or an error too: never an empty stdout.
  const json = argv.includes("--json");
  let wroteOut = false;
  const tracked: Io = { ...io, out: (s: string) => ((wroteOut = true), io.out(s)) };
  const fail = (code: number, error: { code: string; message: string; cell?: string }): number => {
    if (json && !wroteOut) io.out(JSON.stringify({ ok: false, exitCode: code, errors: [{ cell: "", ...error }] }, null, 2) + "\n");
    return code;
  };
  try {
    const code = await run(argv, tracked, lang);
    if (json && !wroteOut) io.out(JSON.stringify({ ok: code === 0, exitCode: code }, null, 2) + "\n");
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${t.usage}`);
      return fail(2, { code: "usage", message: e.message });
    }
    if (e instanceof MessageError) {
      io.err(`${messageText(e.m, lang)}\n`);
      return fail(1, { code: e.m.code, message: messageText(e.m, lang) });
    }
    // A damaged part of the workbook met only when the result is written: the input file's fault, not ours.
    if (e instanceof PackageError || e instanceof ZipError) {
      const m = { code: "file_unreadable", params: { file: e.file ?? "", detail: e.message } } as const;
      io.err(`${messageText(m, lang)}\n`);
      return fail(1, { code: m.code, message: messageText(m, lang) });
    }
    // The file system's "no" (a missing folder, a read-only or full disk, a folder given as a file): the user's to fix.
    const os = fileSystemMessage(e, argv[1] ?? "");
    if (os) {
      io.err(`${messageText(os, lang)}\n`);
      return fail(1, { code: os.code, message: messageText(os, lang) });
    }
    // Never a raw stack for the user: a catalogue message, the details only when asked for.
    const detail = e instanceof Error ? e.message : String(e);
    const m = { code: "unexpected", params: { detail } } as const;
    io.err(`${messageText(m, lang)}\n`);
    if (env.FINSAM_DEBUG) io.err(`${e instanceof Error ? (e.stack ?? detail) : detail}\n`);
    else io.err(`${t.debugHint}\n`);
    return fail(4, { code: m.code, message: messageText(m, lang) });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
