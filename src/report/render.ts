/**
 * Renders sheet models as plain text, the way a spreadsheet displays them: number formats
 * applied (tkr scaled, half away from zero), columns aligned. Used for golden files and the CLI.
 */
import { Decimal } from "../core/money";
import { a1, Cell, FORMATS, SheetModel } from "./sheetModel";

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
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
      return fixed(d, 0);
    case FORMATS.tkr:
      return fixed(d.dividedBy(1000), 0);
    case FORMATS.ore:
      return fixed(d, 2);
    case FORMATS.percent:
      return fixed(d.times(100), 2) + " %";
    case "0.0000%":
      return fixed(d.times(100), 4) + " %";
    case FORMATS.integer:
      return d.toFixed(0);
    default:
      return d.toFixed().replace(".", ",");
  }
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
      const t = displayCell(cell);
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
  return lines.join("\n") + "\n";
}
