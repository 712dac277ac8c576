/** The Tertialrapport's table Kostnader per verksamhet (core/functions.ts), page 2. */
import type { Computation } from "../../core/compute";
import { messageText } from "../../core/messages";
import { Decimal, ZERO } from "../../core/money";
import { Cell, SheetBuilder } from "../sheetModel";
import { money, text } from "./header";

/** Where the table put its figures, for Kontroller. */
export interface FunctionsLayout {
  rows: number[];
  totalRow: number;
  /** Whether the budget column holds figures (else –). */
  budget: boolean;
  cols: { prior: number; period: number; budget: number; forecast: number; share: number };
}

/**
 * Kostnader per verksamhet (core/functions.ts): Administration, Strukturövergripande and Individinriktade insatser, with
 * the notes' columns and each one's share of the year's forecast costs; Summa is Verksamhetens kostnader. When it
 * cannot be told, the sheet says why (the same words are among the warnings).
 */
export function functionsTable(
  b: SheetBuilder,
  c: Computation,
  w: { headers: string[]; fmt: string },
  lastPrinted: number,
): FunctionsLayout | undefined {
  const f = c.functions;
  if (!f) return undefined;
  const unit = c.inputs.settings.displayUnit;
  b.row([text(`Kostnader per verksamhet, ${unit}`, { bold: true })]);
  if ("refused" in f) {
    for (const issue of f.refused) b.paragraph(messageText(issue, "sv"), 0, lastPrinted, { italic: true });
    b.blank();
    return undefined;
  }
  const costs = c.tertial!.byId.verksamhetens_kostnader;
  const withBudget = f.lines[0].budget !== null;
  const amount = (v: Decimal | null, bold = false): Cell => (v === null ? text("–", { right: true, bold }) : money(v, w.fmt, { bold }));
  const share = (v: Decimal, bold = false): Cell => ({ value: v.toDecimalPlaces(10).toNumber(), format: "0.0%", bold });
  const total = f.lines.reduce((a, l) => a.plus(l.forecast), ZERO);
  const t = b.table(
    "KostnaderPerVerksamhet",
    [...w.headers.slice(0, 6), "Andel av prognos"],
    [
      ...f.lines.map((l) => [
        text(l.label),
        text(""),
        amount(l.priorPeriod),
        amount(l.period),
        amount(l.budget),
        amount(l.forecast),
        share(l.share),
      ]),
      [
        text("Summa", { bold: true }),
        text(""),
        amount(costs.priorPeriod, true),
        amount(costs.period, true),
        amount(withBudget ? costs.budget : null, true),
        amount(costs.forecast, true),
        share(total.isZero() ? ZERO : new Decimal(1), true),
      ],
    ],
  );
  b.paragraph(
    "Administration är kostnadsrader utan insats; insatsernas kostnader följer deras Typ i Insatser. Prognosen fördelas som " +
      "utfallet, och Bidrag till insatser med metoden beslutade insatser efter vad varje insats återstår i år.",
    0,
    lastPrinted,
    { italic: true },
  );
  b.blank();
  return {
    rows: f.lines.map((_, i) => t.firstRow + i),
    totalRow: t.lastRow,
    budget: withBudget,
    cols: { prior: 2, period: 3, budget: 4, forecast: 5, share: 6 },
  };
}
