/** `finsam nytt-ar`: next year's workbook from a closed year, written to a new file; the source is only read. */
import { createHash } from "crypto";
import path from "path";
import type { Lang } from "../core/locale";
import { issueText, messageText } from "../core/messages";
import { newYear } from "../workbook/newYear";
import { saveXlsx } from "../xlsx/xlsxFile";
import { XlsxPort } from "../xlsx/xlsxPort";
import { MessageError, UsageError } from "./errors";
import { outputNameProblem, refuseExisting, sameFile } from "./files";
import { CLI_TEXT } from "./i18n";
import { openWorkbook } from "./open";
import { Io, Parsed, printIssues, version } from "./shell";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function newYearCommand(p: Parsed, io: Io, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  if (p.positional.length !== 1 || !p.out) throw new UsageError(t.newYearArgs);
  const input = p.positional[0];
  const output = p.out;
  if (sameFile(input, output)) throw new UsageError(t.sameFile);
  // The new year's workbook is a new file: an existing one (last year's or any other) is never replaced.
  refuseExisting(output, false, "new-year");
  const source = await openWorkbook(input);
  const misnamed = outputNameProblem(false, output);
  if (misnamed) throw new MessageError(misnamed);
  const target = XlsxPort.empty();
  const outcome = await newYear(source, target, { source: path.basename(input), version: version(), now: io.now, sha256, lang });
  const notes = outcome.warnings;
  if (!outcome.ok) {
    printIssues(io, t.errorsTitle, outcome.errors, lang);
    printIssues(io, t.warningsTitle, notes, lang);
    if (p.json) io.out(JSON.stringify({ ok: false, errors: outcome.errors.map((i) => issueText(i, lang)) }, null, 2) + "\n");
    return 1;
  }
  await saveXlsx(target, output);
  // What the officer should check in the new workbook, then what was done.
  printIssues(
    io,
    t.warningsTitle,
    notes.filter((n) => n.code !== "new_year_done"),
    lang,
  );
  for (const done of notes.filter((n) => n.code === "new_year_done")) io.err(`${messageText(done, lang)}\n`);
  io.err(`${t.wrote(output)}\n`);
  if (p.json)
    io.out(
      JSON.stringify(
        {
          ok: true,
          year: outcome.year,
          openingEquity: outcome.openingEquity!.toFixed(),
          wrote: output,
          notes: notes.map((i) => issueText(i, lang)),
        },
        null,
        2,
      ) + "\n",
    );
  return 0;
}
