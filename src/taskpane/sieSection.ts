/**
 * The task pane's "Importera SIE" section: a file input, a preview of the file (read here, in the
 * pane; nothing is uploaded) with what the import would do to this workbook, and an Importera button
 * that writes it in one Excel.run. Built with textContent only, like the rest of the pane.
 */
import { Issue, messageText } from "../core/messages";
import { oreToKronorString } from "../core/money";
import { asCellRef } from "../core/units";
import { lineLabelIn } from "../core/reportLines";
import { ActionEnv, ActionResult, errorMessage } from "../excel/actions";
import { el } from "./dom";
import type { Lang, Strings } from "./i18n";

export interface SieHooks {
  started(): void;
  finished(result: ActionResult): void;
}

/** A proposed line in the officer's words (Swedish labels; English ones for the income statement's lines). */
function lineLabel(line: string | null, lang: Lang): string {
  return line ? lineLabelIn(line, lang) : "–";
}

/** The SIE reader and import: a chunk of its own, loaded when a file is first chosen (not at the pane's start). */
type SieModule = typeof import("../excel/sieActions");
const loadSie = (): Promise<SieModule> => import(/* webpackChunkName: "sie" */ "../excel/sieActions");
type Summary = ReturnType<SieModule["summarizeSie"]>;
type Preview = Awaited<ReturnType<SieModule["previewSieAction"]>>;

/** The first `max` items as a list, and how many more there are. */
function list<T>(t: Strings, items: readonly T[], max: number, className: string, words: (x: T) => string): HTMLUListElement {
  const ul = el("ul", { className });
  for (const x of items.slice(0, max)) ul.appendChild(el("li", { text: words(x) }));
  if (items.length > max) ul.appendChild(el("li", { className: "more", text: t.sieMore(items.length - max) }));
  return ul;
}

/** What the file is: who exported it, its years, its counts, its checksum. */
function fileRows(t: Strings, s: Summary, sie: SieModule): Node[] {
  return [
    el("p", { className: "sie-who", text: t.siePreview({ ...s, encoding: sie.encodingWorthSaying(s) }) }),
    el(
      "p",
      { text: `${t.sieYears}: ` },
      ...(s.fiscalYears.length
        ? s.fiscalYears.flatMap((y, i) => [
            ...(i ? [document.createTextNode(", ")] : []),
            el("span", { className: "nowrap", text: `${y.start} – ${y.end}` }),
          ])
        : [document.createTextNode("–")]),
    ),
    el("p", { text: t.sieCounts(s.accounts, s.vouchers, s.transactions, sie.fiscalYearName(s)) }),
    el("p", { text: t.sieChecksum[s.checksum] }),
  ];
}

/** What the import would do to this workbook: the new accounts, the reconciliation, its errors and warnings. */
function importRows(t: Strings, lang: Lang, s: Summary, dry: Preview | null, fileName: string): { rows: Node[]; errors: Issue[] } {
  const rows: Node[] = [];
  const errors = dry ? dry.errors : s.errors;
  const issueLine = (e: Issue) => `${e.cell ? `${e.cell}: ` : ""}${messageText(e, lang)}`;
  if (dry && dry.proposals.length) {
    rows.push(el("p", { text: t.sieNewAccounts(dry.proposals.length) }));
    rows.push(list(t, dry.proposals, 100, "sie-accounts", (p) => `${p.accountText} ${p.name}: ${lineLabel(p.line, lang)}`));
  }
  if (dry?.reconciliation && dry.reconciliation.differences.length === 0)
    rows.push(el("p", { className: "sie-reconciled", text: t.sieReconciled(dry.reconciliation.compared) }));
  if (errors.length) rows.push(el("h3", { text: t.errors }), list(t, errors, 20, "issues errors", issueLine));
  // Each difference in the officer's words: the file's figure against what the rows give.
  const differences = dry?.reconciliation?.differences ?? [];
  if (differences.length) {
    rows.push(
      list(t, differences, 10, "issues differences", (d) =>
        issueLine({
          code: "sie_balance_mismatch",
          params: { ...d, stated: oreToKronorString(d.stated), computed: oreToKronorString(d.computed) },
          cell: asCellRef(`${fileName}:${d.line}`),
        }),
      ),
    );
  }
  const warnings = dry ? dry.warnings : s.warnings;
  if (warnings.length) rows.push(el("h3", { text: t.warnings }), list(t, warnings, 10, "issues warnings", issueLine));
  return { rows, errors };
}

/** A checkbox with its label, hidden until the preview offers it. */
function checkboxField(id: string, text: string): { box: HTMLInputElement; label: HTMLLabelElement; field: HTMLElement } {
  const box = el("input", { attrs: { type: "checkbox", id } });
  const label = el("label", { text, attrs: { for: id } });
  const field = el("div", { className: "field checkbox" }, box, label);
  field.hidden = true;
  return { box, label, field };
}

export function sieSection(t: Strings, lang: Lang, env: ActionEnv, hooks: SieHooks): HTMLElement {
  // The browser's own file button speaks the browser's language; ours speaks the pane's. The input stays for the
  // keyboard and screen readers (focusable, labelled), drawn as the button beside the chosen file's name.
  const input = el("input", {
    className: "file-input",
    attrs: { type: "file", id: "sie-file", accept: ".se,.si,.sie,.SE,.SI,.SIE", "aria-describedby": "sie-help sie-file-name" },
  });
  const chosenName = el("span", { className: "file-name", text: t.sieNoFile, attrs: { id: "sie-file-name" } });
  const preview = el("div", { className: "sie-preview", attrs: { id: "sie-preview", "aria-live": "polite" } });
  preview.hidden = true;
  const button = el("button", { text: t.sieImport, className: "primary", attrs: { type: "button", id: "sie-import" } });
  button.disabled = true;
  const { box: anyway, field: anywayField } = checkboxField("sie-anyway", t.sieImportAnyway);
  // The budget (#PBUDGET): offered when the file has one; replacing amounts Budget already has is a second choice.
  const { box: withBudget, label: budgetLabel, field: budgetField } = checkboxField("sie-budget", "");
  const { box: replaceBudget, field: replaceField } = checkboxField("sie-replace-budget", t.sieReplaceBudget);
  let canImport = false;
  let file: { bytes: Uint8Array; name: string } | null = null;
  const budgetChoice = () => ({ budget: withBudget.checked, replaceBudget: withBudget.checked && replaceBudget.checked });
  const failed = (e: unknown) => {
    // The file could not be read or the reader not loaded (the pane's host unreachable): said, not swallowed.
    console.error("Finsam Ekonomi: preview-sie", e);
    const failure: Issue = { code: "unexpected", params: { detail: errorMessage(e)?.message ?? String(e) }, cell: "" };
    hooks.finished({ action: "import-sie", ok: false, errors: [failure], warnings: [], status: "aborted" });
  };

  /** Reads the chosen file and shows what importing it (with the budget choices as they stand) would do. */
  async function showPreview(chosen: { bytes: Uint8Array; name: string }, fresh: boolean): Promise<void> {
    const sie = await loadSie();
    const s = sie.summarizeSie(sie.parseSie(chosen.bytes, chosen.name, undefined, { summary: true }), chosen.name);
    if (fresh) {
      withBudget.checked = false;
      replaceBudget.checked = false;
      budgetField.hidden = s.budget === null;
      if (s.budget) budgetLabel.textContent = t.sieBudget(s.budget.year, s.budget.source, s.budget.accounts);
    }
    // What the import would do to this workbook (read only; nothing is written yet).
    // A file that reads (its only error being the reconciliation's) is tried against this workbook.
    const readable = s.errors.every((e) => e.code === "sie_reconciliation_failed");
    const dry = readable ? await sie.previewSieAction(env, chosen.bytes, chosen.name, budgetChoice()) : null;
    const { rows, errors } = importRows(t, lang, s, dry, chosen.name);
    // The file's own balances disagree: refused unless the user says, in so many words, to go ahead.
    anyway.checked = false;
    anywayField.hidden = !(errors.length === 1 && errors[0].code === "sie_reconciliation_failed");
    // Budget has other amounts for the year: replaced only when the user says so.
    replaceField.hidden = !(withBudget.checked && (replaceBudget.checked || errors.some((e) => e.code === "sie_budget_exists")));
    preview.replaceChildren(...fileRows(t, s, sie), ...rows);
    preview.hidden = false;
    canImport = errors.length === 0;
    button.disabled = !canImport;
  }

  input.addEventListener("change", () => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    chosenName.textContent = chosen.name;
    void chosen
      .arrayBuffer()
      .then((buffer) => showPreview((file = { bytes: new Uint8Array(buffer), name: chosen.name }), true))
      .catch(failed);
  });
  for (const box of [withBudget, replaceBudget])
    box.addEventListener("change", () => {
      if (file) void showPreview(file, false).catch(failed);
    });

  anyway.addEventListener("change", () => {
    button.disabled = !(canImport || anyway.checked);
  });

  button.addEventListener("click", () => {
    if (!file) return;
    const chosen = file;
    button.disabled = true;
    hooks.started();
    void loadSie()
      .then((sie) => sie.importSieAction(env, chosen.bytes, chosen.name, !canImport && anyway.checked, budgetChoice()))
      .then((result) => {
        hooks.finished(result);
        if (result.imported)
          preview.appendChild(el("p", { className: "sie-done", text: t.sieImported(result.imported.replaced, result.imported.added) }));
        if (result.imported?.budget)
          preview.appendChild(
            el("p", { className: "sie-done", text: t.sieBudgetImported(result.imported.budget.year, result.imported.budget.lines) }),
          );
      })
      .catch((e: unknown) => {
        console.error("Finsam Ekonomi: import-sie", e);
        const failure: Issue = { code: "unexpected", params: { detail: errorMessage(e)?.message ?? String(e) }, cell: "" };
        hooks.finished({ action: "import-sie", ok: false, errors: [failure], warnings: [], status: "aborted" });
      });
  });

  return el(
    "section",
    { className: "sie", attrs: { "aria-labelledby": "sie-h" } },
    el("h2", { text: t.sieHeading, attrs: { id: "sie-h" } }),
    el("p", { className: "field-label", text: t.sieChoose }),
    el(
      "div",
      { className: "field file" },
      input,
      el("label", { className: "button", text: t.sieChooseButton, attrs: { for: "sie-file" } }),
      chosenName,
    ),
    el("p", { className: "help", text: t.sieHelp, attrs: { id: "sie-help" } }),
    preview,
    budgetField,
    replaceField,
    anywayField,
    el("div", { className: "actions" }, button),
  );
}
