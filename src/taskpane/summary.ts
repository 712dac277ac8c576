/**
 * The pane's summary after a calculation (the key figures in the report sheets' unit, the equity badge) and the text
 * for the board papers with its copy button, as DOM nodes built from the result's JSON.
 */
import type { ActionResult } from "../excel/actions";
import { copyText, el } from "./dom";
import { formatAmount, Lang, Strings } from "./i18n";

interface BoardText {
  periodTitle: string;
  period: string;
  forecastTitle: string;
  forecast: string;
}

/** The summary's nodes and the board text's (null when the run has none); null when there is nothing to sum up. */
export function summaryOf(result: ActionResult, t: Strings, lang: Lang): { nodes: Node[]; board: Node[] | null } | null {
  const j = result.json as
    | {
        tertialReport?: { lines: Array<{ id: string; forecast: string }> } | null;
        equity?: { closing: string; ceiling: string; margin: string; status: string } | null;
        memberShares?: { total: string } | null;
        year?: number;
        displayUnit?: "kr" | "tkr";
        boardText?: BoardText | null;
      }
    | undefined;
  if (!result.ok || !j) return null;
  // The amounts in the report sheets' unit, so that the pane and the printed report show the same figures.
  const unit = j.displayUnit ?? "kr";
  const kr = (s: string) => `${formatAmount(s, unit, lang)} ${unit === "tkr" ? "tkr" : t.kr}`;
  const rows: Array<[string, string]> = [];
  if (j.memberShares) rows.push([`${t.memberTotal} ${j.year ?? ""}`.trim(), kr(j.memberShares.total)]);
  const result_ = j.tertialReport?.lines.find((l) => l.id === "arets_resultat");
  if (result_) rows.push([t.forecastResult, kr(result_.forecast)]);
  if (j.equity) {
    rows.push([t.closingEquity, kr(j.equity.closing)]);
    rows.push([t.ceiling, kr(j.equity.ceiling)]);
  }
  const nodes: Node[] = [
    el("h2", { text: t.summary, attrs: { id: "summary-h" } }),
    el("p", { className: "unit help", text: t.amountsIn(unit), attrs: { id: "summary-unit" } }),
    el("dl", {}, ...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
  ];
  if (j.equity) {
    const over = j.equity.status === "over";
    const amount = over ? j.equity.margin.replace(/^-/, "") : j.equity.margin;
    nodes.push(
      el("div", {
        className: `badge ${over ? "over" : "under"}`,
        text: `${over ? t.over : t.under} ${kr(amount)}`,
        attrs: { id: "equity-status" },
      }),
    );
  }
  return { nodes, board: j.boardText ? boardNodes(j.boardText, t) : null };
}

/** The text for the board papers, with a button that copies it (plain text, titles and paragraphs). */
function boardNodes(text: BoardText, t: Strings): Node[] {
  const plain = `${text.periodTitle}\n${text.period}\n\n${text.forecastTitle}\n${text.forecast}`;
  const note = el("span", { className: "copied", attrs: { id: "board-copied", role: "status" } });
  const copy = el("button", { text: t.copy, attrs: { type: "button", id: "board-copy" } });
  copy.addEventListener("click", () => {
    void copyText(plain).then((ok) => (note.textContent = ok ? t.copied : t.copyFailed));
  });
  return [
    el("h2", { text: t.board, attrs: { id: "board-h" } }),
    el("h3", { text: text.periodTitle }),
    el("p", { text: text.period }),
    el("h3", { text: text.forecastTitle }),
    el("p", { text: text.forecast, attrs: { id: "board-forecast" } }),
    el("div", { className: "actions" }, copy, note),
  ];
}
