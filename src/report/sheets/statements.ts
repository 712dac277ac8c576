/**
 * Bokslut: the financial statements at the cut-off date — resultaträkning (before 31 December with last year's full
 * year beside the period), balansräkning (with the remaining decided grants below it), kassaflödesanalys (in the
 * income statement's columns when the ledger holds last year's opening) — and its
 * notes, each referenced from the line it explains: 1 Verksamhetens intäkter, 2 Verksamhetens kostnader, 3 Medlemsbidrag
 * per medlem, 4 Beslutade insatser; in the order and wording of a samordningsförbund's annual report.
 */
import { anyCoFinanced } from "../../core/grants";
import type { Computation } from "../../core/compute";
import { messageText } from "../../core/messages";
import { isoFromParts } from "../../core/dates";
import { Decimal, ZERO } from "../../core/money";
import type { StatementLine } from "../../core/statements";
import { GROUP_LABELS } from "../../core/reportLines";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "../sheetModel";
import { amountFormat, finishPage, header, money, OWNED_SHEETS, periodLabel, RunInfo, techText, text } from "./header";
import { priorPeriodNote } from "./priorPeriodNote";

export interface StatementsLayout {
  /**
   * Row of each line by section and id: `rr:arets_resultat`, `br:summa_tillgangar`, `kf:arets_kassaflode`, the notes'
   * lines `n1:medlemsbidrag`, `n2:personalkostnader` (their Summa rows `n1:verksamhetens_intakter`, `n2:…kostnader`).
   */
  rowOf: Map<string, number>;
  /** The column of this period's amounts (the same in every statement). */
  valueCol: number;
  /** The comparison column (income statement and balance sheet). */
  priorCol: number;
  /** Last year's full year (income statement and notes 1–2), before 31 December. */
  priorYearCol?: number;
  /** The cash flow has last year's same period in the comparison column (priorCol): its full year at 31 December. */
  cashFlowPrior: boolean;
  /** The cash flow has last year's full year in priorYearCol (before 31 December). */
  cashFlowPriorYear: boolean;
  /** Note 3: each member's row, and the Summa row. Note 4: each grant's row (granted, paid, remaining) and Summa. */
  members: { rows: number[]; names: string[]; totalRow: number; col: number };
  /** Not 5 Kostnader per verksamhet (when the Tertialrapport has the table): its rows in the statements' columns, Summa. */
  functions?: { rows: number[]; totalRow: number };
  /** Note 4; `coFinancedRow` (the co-financiers' part of what remains, in the remaining column) when some insats is co-financed. */
  grants: { rows: number[]; totalRow: number; cols: { granted: number; paid: number; remaining: number }; coFinancedRow?: number };
}

/** Label, note, this period, the comparison, last year's full year; the row id beside, not printed. */
const WIDTHS = [44, 10, 14, 14, 14, 24];
const TECH_COL = 5;

export function statementsSheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: StatementsLayout | null } {
  const st = c.statements!;
  const fmt = amountFormat(c);
  const y = c.period.year;
  const m = c.period.months;
  const unit = c.inputs.settings.displayUnit;
  const b = new SheetBuilder(OWNED_SHEETS.statements, [...WIDTHS]);
  // Before 31 December the statements are an interim one (delårsbokslut), as the interim report calls them.
  const title = `${c.period.closed ? "Bokslut" : "Delårsbokslut"} per ${c.period.cutoff}`;
  header(b, title, c, run, unit === "tkr" ? "tkr (tusental kronor)" : "kr");
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
  const amount = (v: StatementLine["amount"] | null | undefined, bold: boolean): Cell =>
    v === null || v === undefined ? text("") : money(v, fmt, { bold });
  const fullYear = !c.period.closed;
  /** A statement or a note's lines as a table: label, note, the period, the comparison and (before December) last year. */
  const section = (key: string, title: string | null, name: string, columns: string[], lines: StatementLine[]) => {
    if (title) b.row([text(title, { bold: true })]);
    const headerRow = b.nextRow;
    // Every statement has the same columns, so the amounts line up down the page; the ids stay unprinted.
    b.table(
      name,
      [amountHeader, "Not", ...columns],
      lines.map((l, i) => {
        rowOf.set(`${key}:${l.id}`, headerRow + 1 + i);
        const bold = !!l.total;
        const values = [amount(l.amount, bold), amount(l.prior, bold), amount(l.priorYear, bold)].slice(0, columns.length);
        return [
          text(l.label, { bold, indent: l.sub ? 1 : undefined }),
          l.note ? { value: l.note, format: FORMATS.integer } : text("", { right: true }),
          ...values,
        ];
      }),
    );
    lines.forEach((l, i) => b.put(headerRow + 1 + i, TECH_COL, techText(l.id)));
    b.put(headerRow, TECH_COL, techText("Rad-id"));
    b.blank();
  };
  const period = `${periodLabel(y, m)}`;
  const incomeColumns = [period, `${periodLabel(y - 1, m)}`, ...(fullYear ? [`Helår ${y - 1}`] : [])];
  section("rr", "Resultaträkning", "Resultatrakning", incomeColumns, st.incomeStatement);
  const priorNote = priorPeriodNote(c);
  if (priorNote) {
    b.paragraph(priorNote, 0, 4, { italic: true });
    b.blank();
  }
  const lastYearEnd = isoFromParts(y - 1, 12, 31);
  section("br", "Balansräkning", "Balansrakning", [c.period.cutoff, lastYearEnd], st.balanceSheet);
  for (const memo of st.memo) {
    rowOf.set(`br:${memo.id}`, b.nextRow);
    const note = memo.note ? { value: memo.note, format: FORMATS.integer } : text("");
    const label = `${memo.label} (inom linjen)`;
    b.fitRow(b.nextRow, 0, label);
    b.row([text(label, { italic: true, wrap: true }), note, money(memo.amount, fmt)]);
    b.put(b.nextRow - 1, TECH_COL, techText(memo.id));
  }
  // Opening balances not booked as IB rows are said where the balance sheet is read (rules.md 5).
  const opening = {
    ib: null,
    prior_year:
      `Huvudboken har inga IB-rader för ${y}: ingående balanser är ${y - 1} års IB-rader plus ${y - 1} års rader, ` +
      `med ${y - 1} års resultat i eget kapital.`,
    none: `Huvudboken har inga IB-rader och inga rader före ${y}: ingående balanser 0 (förbundets första år).`,
  }[st.opening];
  if (opening) b.paragraph(opening, 0, 4, { italic: true });
  b.blank();
  // Last year beside the period when the ledger holds its opening (its IB rows), in the income statement's columns: the
  // same period, and before 31 December the full year (which ends in the balance sheet's 31 December).
  const cashFlowPrior = st.cashFlow.some((l) => l.prior !== null);
  const cashFlowPriorYear = st.cashFlow.some((l) => l.priorYear !== undefined);
  const cashFlowColumns = incomeColumns.slice(0, cashFlowPriorYear ? 3 : cashFlowPrior ? 2 : 1);
  section("kf", "Kassaflödesanalys (indirekt metod)", "Kassaflodesanalys", cashFlowColumns, st.cashFlow);

  const notesStart = b.nextRow;
  section("n1", "Not 1 Verksamhetens intäkter", "BokslutNotIntakter", incomeColumns, st.notes.income);
  // Not 2's Summa refers to Not 5 when the costs per verksamhet were made.
  const byFunction = c.functions && "lines" in c.functions ? c.functions.lines : null;
  const costs = st.notes.costs.map((l) => (l.total && byFunction ? { ...l, note: 5 } : l));
  section("n2", "Not 2 Verksamhetens kostnader", "BokslutNotKostnader", incomeColumns, costs);
  const members = memberNote(b, c, fmt);
  const grants = grantNote(b, c, fmt);
  let functions: StatementsLayout["functions"];
  if (byFunction) {
    b.blank();
    const total = c.tertial!.byId.verksamhetens_kostnader;
    const lines: StatementLine[] = [
      ...byFunction.map((l) => ({
        id: l.id,
        label: l.label,
        amount: l.period,
        prior: l.priorPeriod,
        ...(fullYear ? { priorYear: l.priorYear } : {}),
      })),
      {
        id: "verksamhetens_kostnader",
        label: "Summa",
        amount: total.period,
        prior: total.priorPeriod,
        ...(fullYear ? { priorYear: st.incomeStatement.find((l) => l.id === "verksamhetens_kostnader")!.priorYear } : {}),
        total: true,
      },
    ];
    section("n5", "Not 5 Kostnader per verksamhet", "NotVerksamheter", incomeColumns, lines);
    functions = { rows: byFunction.map((l) => rowOf.get(`n5:${l.id}`)!), totalRow: rowOf.get("n5:verksamhetens_kostnader")! };
  }
  // The statements on the first page, the notes on the next; no repeated header row (the pages hold different tables).
  finishPage(b, fullYear ? 4 : 3);
  b.page!.breaksBefore = [notesStart];
  const layout = {
    rowOf,
    valueCol: 2,
    priorCol: 3,
    ...(fullYear ? { priorYearCol: 4 } : {}),
    cashFlowPrior,
    cashFlowPriorYear,
    members,
    grants,
    functions,
  };
  return { sheet: b.build(1), layout };
}

/** Not 3: the year's member contributions per member (from note 1's Medlemsbidrag), and their sum. */
function memberNote(b: SheetBuilder, c: Computation, fmt: string): StatementsLayout["members"] {
  const list = c.statements!.notes.memberContributions;
  b.row([text("Not 3 Medlemsbidrag per medlem (enligt Medlemsandelar)", { bold: true })]);
  const t = b.table(
    "NotMedlemsbidrag",
    ["Medlem", "Huvudman", `Helår ${c.period.year}`],
    [
      ...list.map((mc) => [text(mc.member), text(GROUP_LABELS[mc.group]), money(mc.amount, fmt)]),
      [
        text("Summa", { bold: true }),
        text(""),
        money(
          list.reduce((a, mc) => a.plus(mc.amount), ZERO),
          fmt,
          { bold: true },
        ),
      ],
    ],
  );
  b.blank();
  return { rows: list.map((_, i) => t.firstRow + i), names: list.map((mc) => mc.member), totalRow: t.lastRow, col: 2 };
}

/**
 * Not 4: each decided grant's amount, what has been paid and what remains (the remaining decided funding), and their
 * sums; when some insats is co-financed, a row below Summa with the co-financiers' part of what remains.
 */
function grantNote(b: SheetBuilder, c: Computation, fmt: string): StatementsLayout["grants"] {
  const grants = c.statements!.notes.decidedGrantsRemaining;
  const coFinanced = anyCoFinanced(c.tertial?.grants ?? []);
  b.row([text("Not 4 Beslutade insatser", { bold: true })]);
  const sum = (pick: (g: (typeof grants)[number]) => Decimal) => grants.reduce((a, g) => a.plus(pick(g)), ZERO);
  const first = b.nextRow + 1;
  const total = [sum((g) => g.granted), sum((g) => g.paid), sum((g) => g.remaining)];
  const theirs = [text("därav medfinansiärernas del", { italic: true, indent: 1 }), text(""), text(""), text("")];
  const t = b.table(
    "NotInsatser",
    ["Insats", "Kod", "Beviljat", "Utbetalt", "Återstår"],
    [
      ...grants.map((g, i) => [
        (b.fitRow(first + i, 0, g.name), text(g.name, { wrap: true })),
        (b.fitRow(first + i, 1, g.code), text(g.code, { wrap: true })),
        ...[g.granted, g.paid, g.remaining].map((v) => money(v, fmt)),
      ]),
      [text("Summa", { bold: true }), text(""), ...total.map((v) => money(v, fmt, { bold: true }))],
      ...(coFinanced
        ? [
            [
              ...theirs,
              money(
                sum((g) => g.coFinanced),
                fmt,
                { italic: true },
              ),
            ],
          ]
        : []),
    ],
  );
  const totalRow = t.firstRow + grants.length;
  const rows = grants.map((_, i) => t.firstRow + i);
  return { rows, totalRow, cols: { granted: 2, paid: 3, remaining: 4 }, ...(coFinanced ? { coFinancedRow: totalRow + 1 } : {}) };
}
