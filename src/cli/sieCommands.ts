/** `finsam sie`: read and check an SIE file, or import it into a copy of a workbook. */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import path from "path";
import type { Lang } from "../core/locale";
import { issueText } from "../core/messages";
import { lineLabelIn } from "../core/reportLines";
import { parseSie } from "../core/sie/parse";
import { reconciliationJson, summarizeSie } from "../core/sie/summary";
import { WriteRefused } from "../workbook/port";
import { MessageError, UsageError } from "./errors";
import { defaultImportPath, MAX_SIE_BYTES, outputNameProblem, refuseExisting, sameFile } from "./files";
import { CLI_TEXT } from "./i18n";
import { checkInput, openWorkbook } from "./open";
import { Io, ISSUES_SHOWN, Parsed, printIssues, version } from "./shell";
/** `finsam sie <file> [--json]`: reads and checks an SIE file and prints its summary; writes nothing. */
export async function sieCommand(p: Parsed, io: Io, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  if (p.positional.length === 2) return sieImportCommand(p, io, lang);
  if (p.positional.length !== 1) throw new UsageError(t.sieArgs);
  const file = p.positional[0];
  await checkInput(file, MAX_SIE_BYTES);
  const bytes = await fs.readFile(file);
  const name = path.basename(file);
  // A summary read: the transactions are tallied, not kept (a million rows in a fraction of the memory).
  const summary = summarizeSie(parseSie(bytes, name, undefined, { summary: true }), name);
  const ok = summary.errors.length === 0;
  if (p.json) {
    const doc = {
      ...summary,
      errors: summary.errors.map((i) => issueText(i, lang)),
      warnings: summary.warnings.map((i) => issueText(i, lang)),
    };
    io.out(JSON.stringify(doc, null, 2) + "\n");
  }
  io.err(`${t.sieSummary(summary)}\n`);
  if (summary.errors.every((e) => e.code === "sie_reconciliation_failed"))
    io.err(`${t.sieReconciled(summary.reconciliation.compared, summary.reconciliation.differences.length)}\n`);
  printIssues(io, t.sieInvalid, summary.errors, lang);
  printIssues(io, t.warningsTitle, summary.warnings, lang);
  if (ok) io.err(`${t.sieValid}\n`);
  return ok ? 0 : 1;
}

/** `finsam sie <file> <workbook.xlsx> [-o out]`: imports the file into a copy of the workbook. */
async function sieImportCommand(p: Parsed, io: Io, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  const [file, input] = p.positional;
  if (p.out && sameFile(input, p.out)) throw new UsageError(t.sameFile);
  await checkInput(file, MAX_SIE_BYTES);
  const bytes = await fs.readFile(file);
  const port = await openWorkbook(input);
  const [{ importSie }, { saveXlsx }] = await Promise.all([import("../workbook/sieImport"), import("../xlsx/xlsxFile")]);
  const output = p.out ?? defaultImportPath(input, port.isMacroEnabled());
  if (sameFile(input, output)) throw new UsageError(t.sameFile);
  const misnamed = outputNameProblem(port.isMacroEnabled(), output);
  if (misnamed) throw new MessageError(misnamed);
  refuseExisting(output, p.replace, "import");
  const name = path.basename(file);
  // The parsed file is only referenced inside this call: a million-row import writes without it in memory.
  const summary = p.json ? summarizeSie(parseSie(bytes, name, undefined, { summary: true }), name) : null;
  const outcome = importSie(await port.readGrid(), parseSie(bytes, name), {
    fileName: name,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    now: io.now(),
    version: version(),
    importAnyway: p.importAnyway,
    budget: p.budget,
    replaceBudget: p.replaceBudget,
  });
  const reconciliation = outcome.reconciliation ? reconciliationJson(outcome.reconciliation) : null;
  if (!outcome.ok) {
    printIssues(io, t.sieNotImported, outcome.errors, lang);
    // The explicit choice, as the command line makes it (the pane has its box; the message names neither).
    if (outcome.errors.some((e) => e.code === "sie_reconciliation_failed")) io.err(`${t.importAnywayHint}\n`);
    if (outcome.errors.some((e) => e.code === "sie_budget_exists")) io.err(`${t.replaceBudgetHint}\n`);
    printIssues(io, t.warningsTitle, outcome.warnings, lang);
    if (p.json) {
      const doc = {
        errors: outcome.errors.map((i) => issueText(i, lang)),
        warnings: outcome.warnings.map((i) => issueText(i, lang)),
        reconciliation,
      };
      io.out(JSON.stringify(doc, null, 2) + "\n");
    }
    return 1;
  }
  try {
    await port.writeSheets(outcome.sheets, outcome.edits);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    printIssues(io, t.sieNotImported, e.issues, lang);
    if (p.json) io.out(JSON.stringify({ errors: e.issues.map((i) => issueText(i, lang)), warnings: [], reconciliation }, null, 2) + "\n");
    return 1;
  }
  await saveXlsx(port, output);
  printIssues(io, t.warningsTitle, outcome.warnings, lang);
  io.err(`${t.sieImported(outcome)}\n`);
  if (outcome.budget) io.err(`${t.sieBudgetImported(outcome.budget)}\n`);
  // The line in words, and the code Kontoplan's Rapportrad holds (as the officer will see it there).
  const lineText = (line: string | null) => (line ? `${lineLabelIn(line, lang)} (${line})` : "–");
  for (const pr of outcome.proposals.slice(0, ISSUES_SHOWN)) io.err(`  ${pr.accountText} ${pr.name}: ${lineText(pr.line)}\n`);
  if (outcome.proposals.length > ISSUES_SHOWN) io.err(`  ${t.andMore(outcome.proposals.length - ISSUES_SHOWN)}\n`);
  io.err(`${t.wrote(output)}\n`);
  if (summary) {
    const doc = {
      ...summary,
      errors: [],
      warnings: outcome.warnings.map((i) => issueText(i, lang)),
      reconciliation,
      import: {
        output,
        mode: outcome.mode,
        forced: outcome.forced,
        years: outcome.years,
        replaced: outcome.replaced,
        added: outcome.added,
        proposals: outcome.proposals,
        settingsFilled: outcome.settingsFilled,
        budget: outcome.budget,
      },
    };
    io.out(JSON.stringify(doc, null, 2) + "\n");
  }
  return 0;
}
