/**
 * Comments typed in the last run's Tertialrapport. The report's Kommentar column shows the Prognos
 * table's comments, and beside it (outside the print area) "Kommentar enligt indata" records what the
 * inputs said when the report was written. A Kommentar cell that differs from it was typed in the
 * report: the next run keeps it (and says so) rather than lose it. In a report written before that
 * column existed, any comment that differs from the inputs' is kept.
 */
import type { ReportComment } from "../../core/inputs";
import { COMMENT_HEADER, INPUT_COMMENT_HEADER, OWNED_SHEETS, ROW_ID_HEADER } from "../../report/sheets";
import { cellRef, RawCell, WorkbookGrid } from "../grid";

const textOf = (v: RawCell | undefined): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

export function readReportComments(grid: WorkbookGrid): ReportComment[] {
  const sheet = grid.sheets.find((s) => s.name.toLowerCase() === OWNED_SHEETS.tertial.toLowerCase());
  if (!sheet) return [];
  const out: ReportComment[] = [];
  let cols: { comment: number; id: number; input: number } | null = null;
  sheet.rows.forEach((row, r) => {
    const headerAt = (h: string) => row.findIndex((v) => textOf(v) === h);
    const comment = headerAt(COMMENT_HEADER);
    const id = headerAt(ROW_ID_HEADER);
    if (comment >= 0 && id >= 0) {
      cols = { comment, id, input: headerAt(INPUT_COMMENT_HEADER) };
      return;
    }
    if (!cols) return;
    const line = textOf(row[cols.id]);
    if (!/^[a-z_]+$/.test(line)) {
      cols = null; // the table ended
      return;
    }
    out.push({
      line,
      text: textOf(row[cols.comment]),
      inputComment: cols.input >= 0 ? textOf(row[cols.input]) : null,
      cell: cellRef(sheet.name, r, cols.comment),
    });
  });
  return out;
}
