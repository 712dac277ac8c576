/** The task pane's small DOM helpers: elements built without HTML strings, copying text, the actions an issue offers. */
import type { Issue } from "../core/messages";
import type { CommentMove, RowsBelow } from "../excel/tableActions";

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; className?: string; attrs?: Record<string, string> } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.className) e.className = props.className;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) e.appendChild(c);
  return e;
}

/** The rows a rows_below_table error offers to take in, or null. */
export function rowsBelowOf(i: Issue): RowsBelow | null {
  if (i.code !== "rows_below_table") return null;
  const p = i.params as { table?: string; range?: string };
  return p.table && p.range ? { table: p.table, range: p.range } : null;
}

/** The move a report_comment_kept warning offers (leaf lines with a method), or null. */
export function commentMoveOf(i: Issue): CommentMove | null {
  if (i.code !== "report_comment_kept") return null;
  const p = i.params as { id?: string; method?: string; text?: string };
  return p.id && p.method && p.text ? ({ line: p.id, method: p.method, text: p.text } as CommentMove) : null;
}

/** Copies text: the Clipboard API where the host allows it, else a selected hidden text area and the copy command. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el("textarea", { attrs: { readonly: "", "aria-hidden": "true" } });
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
