/**
 * Renders sheet models as plain text, the way a spreadsheet displays them: number formats
 * applied (tkr scaled, half away from zero), columns aligned. Used for golden files and the CLI.
 */
import { Decimal } from "../core/money";
import { a1, Cell, columnLetters, FORMATS, SheetModel } from "./sheetModel";

/** Thousands grouped with a no-break space, as the messages write them (core/locale.ts): an amount never breaks across lines. */
const NBSP = "\u00a0";
function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Displays a number with one of our invariant formats, Swedish separators (space, comma). */
export function formatNumber(value: number, format: string | undefined): string {
  const d = new Decimal(value);
  const fixed = (x: Decimal, places: number) => {
    const r = x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    const neg = r.isNegative() && !r.isZero();
    const [i, f] = r.abs().toFixed(places).split(".");
    return (neg ? "-" : "") + groupThousands(i) + (f ? "," + f : "");
  };
  switch (format) {
    case FORMATS.kr:
      return d.isZero() ? "–" : fixed(d, 0);
    case FORMATS.tkr:
      return d.isZero() ? "–" : fixed(d.dividedBy(1000), 0);
    case FORMATS.ore:
      return fixed(d, 2);
    case FORMATS.percent:
      return fixed(d.times(100), 2) + NBSP + "%";
    case "0.0%":
      return fixed(d.times(100), 1) + NBSP + "%";
    case "0.0000%":
      return fixed(d.times(100), 4) + NBSP + "%";
    case FORMATS.integer:
      return d.toFixed(0);
    default:
      return d.toFixed().replace(".", ",");
  }
}

/** A number as its cell shows it, with the unit: `-2 460 tkr`, `-2 459 123 kr`, `33,33 %`. */
export function numberWithUnit(value: number, format: string | undefined): string {
  const shown = formatNumber(value, format);
  if (format === FORMATS.tkr) return `${shown === "–" ? "0" : shown}${NBSP}tkr`;
  if (format === FORMATS.kr) return `${shown === "–" ? "0" : shown}${NBSP}kr`;
  if (format === FORMATS.ore) return `${shown}${NBSP}kr`;
  return shown;
}

/**
 * A stored and a recomputed number side by side, each as the cell shows it with its unit; where the two
 * look the same (a difference below the display unit), each with its exact kronor too.
 */
export function differenceTexts(stored: number, recomputed: number, format: string | undefined): { stored: string; recomputed: string } {
  const a = numberWithUnit(stored, format);
  const b = numberWithUnit(recomputed, format);
  if (a !== b) return { stored: a, recomputed: b };
  // Money to the öre, anything else (a share) as its exact decimal; and exact for money too when öre do not tell.
  const money = format === FORMATS.kr || format === FORMATS.tkr || format === FORMATS.ore;
  const exact = (v: number) => new Decimal(v).toFixed().replace(".", ",");
  let [x, y] = money ? [stored, recomputed].map((v) => `${formatNumber(v, FORMATS.ore)}${NBSP}kr`) : [exact(stored), exact(recomputed)];
  if (x === y) [x, y] = [exact(stored), exact(recomputed)];
  return { stored: `${a} (${x})`, recomputed: `${b} (${y})` };
}

export function displayCell(cell: Cell | null): string {
  if (!cell || cell.value === null) return "";
  if (typeof cell.value === "number") return formatNumber(cell.value, cell.format);
  if (typeof cell.value === "boolean") return cell.value ? "SANT" : "FALSKT";
  return cell.value;
}

export interface RenderOptions {
  /** Replace volatile cells (time of computation) with a placeholder. */
  hideVolatile?: boolean;
  /** Widest a column may get before text is cut with "…". */
  maxWidth?: number;
}

export function renderSheet(sheet: SheetModel, options: RenderOptions = {}): string {
  const maxWidth = options.maxWidth ?? 60;
  const texts = sheet.rows.map((row) =>
    row.map((cell) => {
      if (cell?.volatile && options.hideVolatile) return "<tid>";
      // A line break inside a cell (a two-line header) is shown as ⏎, so that each sheet row stays one text line.
      const t = displayCell(cell).replace(/\n/g, "⏎");
      return t.length > maxWidth ? t.slice(0, maxWidth - 1) + "…" : t;
    }),
  );
  // Widths only from rows with several cells, so long single-cell notes don't widen column A.
  const widths: number[] = [];
  for (const row of texts) {
    if (row.filter((t) => t !== "").length < 2) continue;
    row.forEach((t, i) => (widths[i] = Math.max(widths[i] ?? 0, t.length)));
  }
  const lines = [`=== ${sheet.name} ===`];
  sheet.rows.forEach((row, r) => {
    const parts = texts[r].map((t, i) => {
      const cell = row[i];
      const w = widths[i] ?? 0;
      const numeric = typeof cell?.value === "number";
      return numeric ? t.padStart(w) : t.padEnd(w);
    });
    lines.push(`${String(r + 1).padStart(3)} | ${parts.join(" | ")}`.trimEnd());
  });
  const formulas: string[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.formula) formulas.push(`  ${a1(r, c)} = ${cell.formula}`);
    }),
  );
  if (sheet.tables.length)
    lines.push(`Tabeller: ${sheet.tables.map((t) => `${t.name} ${a1(t.top, t.left)}:${a1(t.bottom, t.right)}`).join(", ")}`);
  if (formulas.length) lines.push("Formler:", ...formulas);
  lines.push(...layoutLines(sheet, options));
  return lines.join("\n") + "\n";
}

const area = (a: { top: number; left: number; bottom: number; right: number }) => `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`;

/** What the golden files pin besides the cells: print setup, merges, colours, conditional formats, charts. */
function layoutLines(sheet: SheetModel, options: RenderOptions): string[] {
  const out: string[] = [];
  const p = sheet.page;
  if (p) {
    const hide = (t: string) => (options.hideVolatile ? t.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/, "<tid>") : t);
    out.push(
      `Utskrift: A4 ${p.orientation === "landscape" ? "liggande" : "stående"}, en sida bred, ` +
        `område ${p.area ? area(p.area) : "det bladet har"}` +
        (p.titleRows ? `, rubrikrader ${p.titleRows.first + 1}:${p.titleRows.last + 1}` : "") +
        (p.titleColumns ? `, rubrikkolumner ${columnLetters(p.titleColumns.first)}:${columnLetters(p.titleColumns.last)}` : "") +
        (p.breaksBefore?.length ? `, sidbrytning före rad ${p.breaksBefore.map((r) => r + 1).join(", ")}` : ""),
      `  sidhuvud: ${p.header}`,
      `  sidfot: ${hide(p.footer)}`,
      `  marginaler (tum): ${[p.margins.left, p.margins.right, p.margins.top, p.margins.bottom].join(" ")}` +
        ` sidhuvud ${p.margins.header} sidfot ${p.margins.footer}`,
    );
  }
  if (sheet.active) out.push("Aktivt blad efter körningen");
  if (sheet.merges?.length) out.push(`Sammanfogade: ${sheet.merges.map(area).join(", ")}`);
  const heights = Object.entries(sheet.rowHeights ?? {});
  if (heights.length) out.push(`Radhöjder: ${heights.map(([r, h]) => `${Number(r) + 1}=${h}`).join(", ")}`);
  const tones: string[] = [];
  sheet.rows.forEach((row, r) => row.forEach((cell, c) => cell?.tone && tones.push(`${a1(r, c)} ${cell.tone}`)));
  if (tones.length) out.push(`Färger: ${tones.join(", ")}`);
  const open: string[] = [];
  sheet.rows.forEach((row, r) => row.forEach((cell, c) => cell?.unlocked && open.push(a1(r, c))));
  if (open.length) out.push(`Öppna för inmatning på det skyddade bladet: ${open.join(", ")}`);
  for (const f of sheet.conditionalFormats ?? []) out.push(`Villkorsstyrd formatering: ${area(f.area)} = "${f.equals}" → ${f.tone}`);
  for (const ch of sheet.charts ?? [])
    out.push(
      `Diagram ${ch.name} (${ch.type}) "${ch.title}" vid ${area(ch.anchor)}: ` +
        ch.series.map((s) => `${a1(s.firstRow, s.col)}:${a1(s.lastRow, s.col)}`).join(", ") +
        ` mot ${a1(ch.categories.firstRow, ch.categories.col)}:${a1(ch.categories.lastRow, ch.categories.col)}`,
    );
  return out;
}
