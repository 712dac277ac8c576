/**
 * Kontroller: live formulas in plain A1 references that re-check the results in any spreadsheet
 * program, and the input check (staleness) against what the run read.
 */
import type { Computation } from "../../core/compute";
import { formatIssue, Issue } from "../../core/messages";
import { toCellNumber } from "../../core/money";
import { a1, columnLetters, FORMATS, quoteSheetName, SheetBuilder, SheetModel } from "../sheetModel";
import { finishPage, header, HEADER_ROWS, InputStamp, OWNED_SHEETS, RunInfo, STATUS_CURRENT, STATUS_STALE, techText, text } from "./header";
import { Check, CheckLayouts } from "./checks/formula";
import { memberChecks } from "./checks/members";
import { functionChecks, tertialChecks, tertialTieChecks } from "./checks/tertial";
import { ceilingChecks, equityChecks } from "./checks/equity";
import { statementChecks } from "./checks/statements";

export type { CheckLayouts } from "./checks/formula";

/** Kontroller: live formulas in plain A1 references that re-check the results in any spreadsheet program. */
export function checksSheet(c: Computation, run: RunInfo, layouts: CheckLayouts): SheetModel {
  const checks: Check[] = [
    ...(layouts.members && c.memberShares ? memberChecks(c.memberShares, layouts.members) : []),
    ...(layouts.tertial && c.tertial
      ? [...tertialChecks(layouts.tertial), ...tertialTieChecks(c, layouts.tertial), ...functionChecks(layouts.tertial)]
      : []),
    ...(layouts.equity && c.equity ? [...equityChecks(layouts.equity, layouts.tertial), ...ceilingChecks(layouts.equity)] : []),
    ...(layouts.statements && c.statements ? statementChecks(layouts.statements, { ...layouts, year: c.period.year }) : []),
  ];
  const b = new SheetBuilder(OWNED_SHEETS.checks, [50, 9, 12, 62, 15, 15, 10, 10, 70]);
  header(b, "Kontroller", c, run, "kr");
  b.row([
    text(
      "Formlerna räknas om av vilket kalkylprogram som helst, även utan tillägget: Excel gör det när boken öppnas, " +
        "i LibreOffice tryck Ctrl+Skift+F9 och i Gnumeric F9 först.",
      { italic: true },
    ),
  ]);
  const headerRow = b.nextRow;
  checksTable(b, checks);
  const stamps = run.stamps ?? [];
  const { first, last } = stampsTable(b, stamps);
  warningsList(b, c.warnings);
  finishPage(b, 7, headerRow);
  const statusCell = b.rows[HEADER_ROWS.status][1]!;
  statusCell.formula = stamps.length
    ? `IF(COUNTIF(${a1(first, 1)}:${a1(last, 1)},"${STATUS_CURRENT}")=${stamps.length},"${STATUS_CURRENT}","${STATUS_STALE}")`
    : `"${STATUS_CURRENT}"`;
  return b.build(1);
}

/** The checks as a table: each with its live OK/FEL, its difference and what it checks; OK green, FEL red. */
function checksTable(b: SheetBuilder, checks: readonly Check[]): void {
  const headerRow = b.nextRow;
  b.table(
    "Kontroller",
    ["Kontroll", "Resultat", "Differens", "Beskrivning"],
    checks.map((ch, i) => {
      const row = headerRow + 1 + i;
      b.fitRow(row, 0, ch.name);
      return [
        text(ch.name, { wrap: true }),
        { value: "OK", formula: `IF(ABS(${a1(row, 2)})<0.005,"OK","FEL")`, bold: true, right: true },
        { value: 0, formula: `ROUND(${ch.diffFormula},2)`, format: FORMATS.ore },
        (b.fitRow(row, 3, ch.description), text(ch.description, { wrap: true })),
      ];
    }),
  );
  const checkRows = { top: headerRow + 1, left: 1, bottom: headerRow + Math.max(1, checks.length), right: 1 };
  b.conditionalFormats.push({ area: checkRows, equals: "OK", tone: "good" }, { area: checkRows, equals: "FEL", tone: "bad" });
}

/**
 * What the run warned about, in the catalogue's words with the cell each names: kept in the workbook for whoever reads
 * the results later (the task pane and the command line show them once). Warnings from writing are not among them.
 */
function warningsList(b: SheetBuilder, warnings: readonly Issue[]): void {
  b.blank();
  b.row([text("Varningar vid beräkningen", { bold: true })]);
  if (warnings.length === 0) b.row([text("Inga varningar.", { italic: true, runRecord: true })]);
  for (const w of warnings) b.paragraph(formatIssue(w, "sv"), 0, 3, { runRecord: true });
}

/** Staleness: each input sheet's columns now (live SUM and COUNTA) against what the run read. Its first and last row. */
/** The header of Indatakontroll's last column, each read table's own fingerprint (read back by Verifiera). */
export const STAMP_FINGERPRINT = "Fingeravtryck";

function stampsTable(b: SheetBuilder, stamps: readonly InputStamp[]): { first: number; last: number } {
  b.blank();
  b.row([text("Indata vid beräkningen", { bold: true })]);
  b.row([
    text(
      "Summa (tal och datum) och antal ifyllda celler i indatatabellernas kolumner, nu " +
        "och när resultaten beräknades. Skiljer de sig har indata ändrats efter beräkningen.",
      { italic: true },
    ),
  ]);
  const stampHeader = b.nextRow;
  b.table(
    "Indatakontroll",
    ["Tabell", "Status", "Kolumner", "Blad", "Summa vid beräkning", "Summa nu", "Antal vid beräkning", "Antal nu", STAMP_FINGERPRINT],
    stamps.map((st, i) => {
      const row = stampHeader + 1 + i;
      const cols = `${quoteSheetName(st.sheet)}!$${columnLetters(st.left)}:$${columnLetters(st.right)}`;
      return [
        text(st.table),
        {
          value: STATUS_CURRENT,
          formula: `IF(AND(ABS(${a1(row, 5)}-${a1(row, 4)})<0.005,${a1(row, 7)}=${a1(row, 6)}),"${STATUS_CURRENT}","${STATUS_STALE}")`,
          bold: true,
        },
        text(`${columnLetters(st.left)}:${columnLetters(st.right)}`),
        text(st.sheet),
        { value: toCellNumber(st.sum), format: FORMATS.ore },
        { value: toCellNumber(st.sum), formula: `SUM(${cols})`, format: FORMATS.ore },
        { value: st.count, format: FORMATS.integer },
        { value: st.count, formula: `COUNTA(${cols})`, format: FORMATS.integer },
        // Outside the print area: what Verifiera compares to name the tables that changed (empty when the run did not read it).
        techText(st.fingerprint ?? ""),
      ];
    }),
  );
  const first = stampHeader + 1;
  const last = stampHeader + Math.max(1, stamps.length);
  b.conditionalFormats.push({ area: { top: first, left: 1, bottom: last, right: 1 }, equals: STATUS_STALE, tone: "bad" });
  return { first, last };
}
