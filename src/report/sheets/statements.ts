/**
 * Bokslut: the financial statements at the cut-off date — resultaträkning, balansräkning (with the
 * remaining decided grants below it), kassaflödesanalys — and the notes on member contributions and
 * decided grants, in the order and wording of a samordningsförbund's annual report.
 */
import type { Computation } from "../../core/compute";
import { messageText } from "../../core/messages";
import { isoFromParts } from "../../core/dates";
import type { StatementLine } from "../../core/statements";
import { GROUP_LABELS } from "../../core/reportLines";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "../sheetModel";
import { amountFormat, finishPage, header, money, OWNED_SHEETS, periodLabel, RunInfo, techText, text } from "./header";

export interface StatementsLayout {
  /** Row of each line by section and id: `rr:arets_resultat`, `br:summa_tillgangar`, `kf:arets_kassaflode`. */
  rowOf: Map<string, number>;
  /** The column of this period's amounts (the same in every statement). */
  valueCol: number;
  /** The comparison column (income statement and balance sheet). */
  priorCol: number;
}

export function statementsSheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: StatementsLayout | null } {
  const st = c.statements!;
  const fmt = amountFormat(c);
  const y = c.period.year;
  const m = c.period.months;
  const unit = c.inputs.settings.displayUnit;
  const b = new SheetBuilder(OWNED_SHEETS.statements, [48, 12, 14, 14, 24]);
  header(b, `Bokslut per ${c.period.cutoff}`, c, run, unit === "tkr" ? "tkr (tusental kronor)" : "kr");
  if (st.refused.length > 0) {
    // No figures that do not balance: the sheet says why, in the catalogue's words.
    b.row([text("Bokslutet kan inte göras vid det här brytdatumet:", { bold: true })]);
    for (const issue of st.refused) b.paragraph(messageText(issue, "sv"), 0, 4);
    b.row([text("Rätta Kontoplan eller IB-raderna i Huvudbok och beräkna om; Tertialrapporten påverkas inte.", { italic: true })]);
    finishPage(b, 3);
    return { sheet: b.build(1), layout: null };
  }
  const amountHeader = unit === "tkr" ? "Belopp i tkr" : "Belopp i kr";
  const rowOf = new Map<string, number>();
  const amount = (v: StatementLine["amount"] | null, bold: boolean): Cell => (v === null ? text("") : money(v, fmt, { bold }));
  const section = (key: string, title: string, name: string, headers: string[], lines: StatementLine[], withPrior: boolean) => {
    b.row([text(title, { bold: true })]);
    const headerRow = b.nextRow;
    // Every statement has the same columns, so the amounts line up down the page; the ids stay unprinted.
    b.table(
      name,
      [amountHeader, ...headers.slice(1, -1)],
      lines.map((l, i) => {
        rowOf.set(`${key}:${l.id}`, headerRow + 1 + i);
        const bold = !!l.total;
        return [
          text(l.label, { bold, indent: l.sub ? 1 : undefined }),
          l.note ? { value: l.note, format: FORMATS.integer } : text(""),
          amount(l.amount, bold),
          ...(withPrior ? [amount(l.prior, bold)] : [null]),
          techText(l.id),
        ];
      }),
    );
    b.put(headerRow, 4, techText("Rad-id"));
    b.blank();
  };
  const period = `${periodLabel(y, m)}`;
  const prior = `${periodLabel(y - 1, m)}`;
  section("rr", "Resultaträkning", "Resultatrakning", ["Post", "Not", period, prior, "Rad-id"], st.incomeStatement, true);
  const lastYearEnd = isoFromParts(y - 1, 12, 31);
  section("br", "Balansräkning", "Balansrakning", ["Post", "Not", c.period.cutoff, lastYearEnd, "Rad-id"], st.balanceSheet, true);
  for (const memo of st.memo) {
    rowOf.set(`br:${memo.id}`, b.nextRow);
    b.row([text(`${memo.label} (inom linjen)`, { italic: true }), text(""), money(memo.amount, fmt), text(""), techText(memo.id)]);
  }
  b.blank();
  section("kf", "Kassaflödesanalys (indirekt metod)", "Kassaflodesanalys", ["Post", "Not", period, "Rad-id"], st.cashFlow, false);

  const notesStart = b.nextRow;
  b.row([text("Not 1 Medlemsbidrag per medlem", { bold: true })]);
  b.table(
    "NotMedlemsbidrag",
    ["Medlem", "Huvudman", `Medlemsbidrag ${y}`],
    st.notes.memberContributions.map((mc) => [text(mc.member), text(GROUP_LABELS[mc.group]), money(mc.amount, fmt)]),
  );
  b.blank();
  b.row([text("Not 2 Beslutade insatser", { bold: true })]);
  b.table(
    "NotInsatser",
    ["Insats", "Beviljat", "Utbetalt", "Återstår"],
    st.notes.decidedGrantsRemaining.map((g, i) => [
      (b.fitRow(b.nextRow + 1 + i, 0, `${g.code} ${g.name}`), text(`${g.code} ${g.name}`.trim(), { wrap: true })),
      money(g.granted, fmt),
      money(g.paid, fmt),
      money(g.remaining, fmt),
    ]),
  );
  // The statements on the first page, the notes on the next; no repeated header row (the pages hold different tables).
  finishPage(b, 3);
  b.page!.breaksBefore = [notesStart];
  return { sheet: b.build(1), layout: { rowOf, valueCol: 2, priorCol: 3 } };
}
