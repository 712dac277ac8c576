/**
 * The task pane's "Importera SIE" section: a file input, a preview of the file (read here, in the
 * pane; nothing is uploaded) with what the import would do to this workbook, and an Importera button
 * that writes it in one Excel.run. Built with textContent only, like the rest of the pane.
 */
import { messageText } from "../core/messages";
import { parseSie } from "../core/sie/parse";
import { summarizeSie } from "../core/sie/summary";
import { ActionEnv, ActionResult, importSieAction, previewSieAction } from "../excel/actions";
import type { Lang, Strings } from "./i18n";

type El = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: { text?: string; className?: string; attrs?: Record<string, string> },
  ...children: Node[]
) => HTMLElementTagNameMap[K];

export interface SieHooks {
  started(): void;
  finished(result: ActionResult): void;
}

export function sieSection(el: El, t: Strings, lang: Lang, env: ActionEnv, hooks: SieHooks): HTMLElement {
  const input = el("input", {
    attrs: { type: "file", id: "sie-file", accept: ".se,.si,.sie,.SE,.SI,.SIE", "aria-describedby": "sie-help" },
  });
  const preview = el("div", { className: "sie-preview", attrs: { id: "sie-preview", "aria-live": "polite" } });
  preview.hidden = true;
  const button = el("button", { text: t.sieImport, className: "primary", attrs: { type: "button", id: "sie-import" } });
  button.disabled = true;
  let file: { bytes: Uint8Array; name: string } | null = null;

  input.addEventListener("change", () => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    void chosen.arrayBuffer().then(async (buffer) => {
      file = { bytes: new Uint8Array(buffer), name: chosen.name };
      const s = summarizeSie(parseSie(file.bytes, file.name), file.name);
      const rows: Node[] = [
        el("p", { className: "sie-who", text: t.siePreview(s) }),
        el("p", { text: `${t.sieYears}: ${s.fiscalYears.map((y) => `${y.start} – ${y.end}`).join(", ") || "–"}` }),
        el("p", { text: t.sieCounts(s.accounts, s.vouchers, s.transactions) }),
        el("p", { text: t.sieChecksum[s.checksum] }),
      ];
      // What the import would do to this workbook (read only; nothing is written yet).
      const dry = s.errors.length === 0 ? await previewSieAction(env, file.bytes, file.name) : null;
      const errors = dry ? dry.errors : s.errors;
      if (dry && dry.proposals.length) {
        rows.push(el("p", { text: t.sieNewAccounts(dry.proposals.length) }));
        const ul = el("ul", { className: "sie-accounts" });
        for (const p of dry.proposals.slice(0, 100)) ul.appendChild(el("li", { text: `${p.account} ${p.name}: ${p.line ?? "–"}` }));
        rows.push(ul);
      }
      if (errors.length) {
        const ul = el("ul", { className: "issues errors" });
        for (const e of errors.slice(0, 20)) ul.appendChild(el("li", { text: `${e.cell ? `${e.cell}: ` : ""}${messageText(e, lang)}` }));
        rows.push(el("h3", { text: t.errors }), ul);
      }
      const warnings = s.warnings.slice(0, 10);
      if (warnings.length) {
        const ul = el("ul", { className: "issues warnings" });
        for (const w of warnings) ul.appendChild(el("li", { text: `${w.cell ? `${w.cell}: ` : ""}${messageText(w, lang)}` }));
        rows.push(el("h3", { text: t.warnings }), ul);
      }
      preview.replaceChildren(...rows);
      preview.hidden = false;
      button.disabled = errors.length > 0;
    });
  });

  button.addEventListener("click", () => {
    if (!file) return;
    const chosen = file;
    button.disabled = true;
    hooks.started();
    void importSieAction(env, chosen.bytes, chosen.name)
      .then((result) => {
        hooks.finished(result);
        if (result.imported)
          preview.appendChild(el("p", { className: "sie-done", text: t.sieImported(result.imported.replaced, result.imported.added) }));
      })
      .catch((e: unknown) => {
        console.error("Finsam Ekonomi: import-sie", e);
        hooks.finished({
          action: "import-sie",
          ok: false,
          errors: [{ code: "unexpected", params: { detail: e instanceof Error ? e.message : String(e) }, cell: "" as never }],
          warnings: [],
          status: "aborted",
        });
      });
  });

  return el(
    "section",
    { className: "sie", attrs: { "aria-labelledby": "sie-h" } },
    el("h2", { text: t.sieHeading, attrs: { id: "sie-h" } }),
    el("div", { className: "field" }, el("label", { text: t.sieChoose, attrs: { for: "sie-file" } }), input),
    el("p", { className: "help", text: t.sieHelp, attrs: { id: "sie-help" } }),
    preview,
    el("div", { className: "actions" }, button),
  );
}
