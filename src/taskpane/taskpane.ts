/**
 * The task pane. Entry point only: wires Office to the actions and renders their results.
 * Everything the user sees is built with textContent (never innerHTML), so workbook text such as
 * a member called `<img onerror=…>` is shown as text.
 */
import { ActionEnv, ActionResult, Glance, glanceAction, selectCellAction } from "../excel/actions";
import { CommentMove, moveCommentAction, RESIZE_REQUIREMENT, RowsBelow, takeRowsInAction } from "../excel/tableActions";
import { commentMoveOf, el, rowsBelowOf } from "./dom";
import { CommandHooks, FunctionId, registerCommands, runCommand } from "../commands/commands";
import { Issue, messageText } from "../core/messages";
import { asCellRef } from "../core/units";
import type { Difference } from "../workbook/verify";
import { Lang, langOf, STRINGS, Strings, statusText } from "./i18n";
import { sieSection } from "./sieSection";
import { summaryOf } from "./summary";

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel: unknown };
  context?: { displayLanguage?: string; requirements?: { isSetSupported(name: string, version?: string): boolean } };
  actions: { associate(id: string, f: (event: { completed(): void }) => unknown): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

class Pane {
  private readonly t: Strings;
  // Until Inställningar has been read, the workbook is assumed to have inputs (no hint flashes while loading).
  private glance: Glance = { association: null, year: null, cutoff: null, hasInputs: true };
  private busy = false;
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly cutoffInput: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly statusText: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly firstStep: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly board: HTMLElement;
  private readonly issues: HTMLElement;
  private readonly glanceList: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly lang: Lang,
    private readonly env: ActionEnv,
    private readonly office: OfficeLike,
  ) {
    this.t = STRINGS[lang];
    document.documentElement.lang = lang;
    this.glanceList = el("dl", { className: "glance" });
    // A text field in ISO form, not the browser's date picker: that one shows the browser's date format, not Office's
    // language, and the workbook and the reports write dates as ÅÅÅÅ-MM-DD.
    this.cutoffInput = el("input", {
      attrs: {
        type: "text",
        id: "cutoff",
        inputmode: "numeric",
        autocomplete: "off",
        spellcheck: "false",
        maxlength: "10",
        placeholder: this.t.cutoffPlaceholder,
        pattern: "\\d{4}-\\d{2}-\\d{2}",
        "aria-describedby": "cutoff-help",
      },
    });
    this.cutoffInput.addEventListener("input", () => this.cutoffInput.setCustomValidity(""));
    const reset = el("button", { text: this.t.cutoffReset, className: "link", attrs: { type: "button", id: "cutoff-reset" } });
    reset.addEventListener("click", () => {
      this.cutoffInput.value = this.glance.cutoff ?? "";
    });
    const action = (id: FunctionId, label: string, primary = false) => {
      const b = el("button", { text: label, className: primary ? "primary" : "", attrs: { type: "button", "data-action": id } });
      b.addEventListener("click", () => void this.run(id));
      this.buttons.push(b);
      return b;
    };
    const newYear = action("newYear", this.t.newYear);
    newYear.setAttribute("aria-describedby", "new-year-help");
    this.progress = el("progress", { attrs: { "aria-hidden": "true" } });
    this.progress.hidden = true;
    this.statusText = el("span");
    this.status = el(
      "div",
      { className: "status", attrs: { role: "status", "aria-live": "polite", id: "status" } },
      this.progress,
      this.statusText,
    );
    this.summary = el("section", { className: "summary", attrs: { id: "summary", "aria-labelledby": "summary-h" } });
    this.summary.hidden = true;
    this.board = el("section", { className: "board", attrs: { id: "board", "aria-labelledby": "board-h" } });
    this.board.hidden = true;
    this.issues = el("section", { attrs: { id: "issues" } });
    this.issues.hidden = true;
    this.firstStep = el("p", { className: "first-step", text: this.t.firstStep, attrs: { id: "first-step", role: "note" } });
    this.firstStep.hidden = true;
    root.append(
      this.glanceList,
      this.firstStep,
      el("div", { className: "field" }, el("label", { text: this.t.cutoff, attrs: { for: "cutoff" } }), this.cutoffInput, reset),
      el("p", { className: "help", text: this.t.cutoffHelp, attrs: { id: "cutoff-help" } }),
      el("h2", { text: this.t.compute }),
      el(
        "div",
        { className: "actions" },
        action("recalcAll", this.t.recalcAll, true),
        action("recalcMemberShares", this.t.recalcShares),
        action("recalcTertial", this.t.recalcTertial),
        action("recalcEquity", this.t.recalcEquity),
      ),
      el("h2", { text: this.t.workbook }),
      el("div", { className: "actions" }, action("verify", this.t.verify), action("createTemplate", this.t.template)),
      el("div", { className: "actions" }, newYear),
      el("p", { className: "help", text: this.t.newYearHelp, attrs: { id: "new-year-help" } }),
      sieSection(this.t, lang, env, { started: () => this.started(), finished: (r) => this.finished(r) }),
      this.status,
      this.summary,
      this.board,
      this.issues,
    );
    this.renderGlance();
  }

  cutoffOverride(): string | undefined {
    const v = this.cutoffInput.value.trim();
    return v && v !== this.glance.cutoff ? v : undefined;
  }

  /** Whether the date field holds a date the run can use (empty means the setting); says why not, in the pane's language. */
  cutoffValid(): boolean {
    const v = this.cutoffInput.value.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const ok = v === "" || (!!m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === v);
    this.cutoffInput.setCustomValidity(ok ? "" : this.t.cutoffInvalid);
    if (!ok) {
      this.statusText.textContent = this.t.cutoffInvalid;
      this.cutoffInput.focus();
    }
    return ok;
  }

  async refreshGlance(): Promise<void> {
    try {
      this.glance = await glanceAction(this.env);
    } catch {
      this.glance = { association: null, year: null, cutoff: null, hasInputs: true };
    }
    if (!this.cutoffInput.value) this.cutoffInput.value = this.glance.cutoff ?? "";
    this.renderGlance();
  }

  private renderGlance(): void {
    const rows: Array<[string, string]> = [
      [this.t.association, this.glance.association ?? this.t.unknown],
      [this.t.year, this.glance.year ? String(this.glance.year) : this.t.unknown],
    ];
    this.glanceList.replaceChildren(...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
    // An empty workbook: say what to do first.
    this.firstStep.hidden = this.glance.hasInputs;
  }

  started(id?: FunctionId): void {
    this.busy = true;
    this.root.setAttribute("aria-busy", "true");
    for (const b of this.buttons) b.disabled = true;
    this.progress.hidden = false;
    this.statusText.textContent = id === "newYear" ? this.t.newYearRunning : this.t.running;
    this.status.scrollIntoView({ block: "nearest" });
  }

  finished(result: ActionResult): void {
    this.busy = false;
    this.root.setAttribute("aria-busy", "false");
    for (const b of this.buttons) b.disabled = false;
    this.progress.hidden = true;
    this.statusText.textContent = statusText(result, this.lang);
    this.renderSummary(result);
    this.renderIssues(result);
    // The result is what one sees after a click: the status line and what follows it, scrolled into view.
    this.status.scrollIntoView({ block: "start" });
    if ((result.action === "template" || result.action === "import-sie") && result.ok) void this.refreshGlance();
  }

  /** A comment typed in the report moved to Prognos (the user's click on report_comment_kept), then calculated again. */
  private moveComment(move: CommentMove): Promise<void> {
    return this.changeInputs(() => moveCommentAction(this.env, move), { action: "move-comment", status: "comment_not_moved" });
  }

  /** Rows typed under a table taken into it (the user's click on rows_below_table), then calculated again. */
  private takeRowsIn(below: RowsBelow): Promise<void> {
    return this.changeInputs(() => takeRowsInAction(this.env, below), { action: "take-rows-in", status: "rows_not_taken_in" });
  }

  /** A change to the inputs that the user asked for: shown like any action, and a new calculation when it was made. */
  private async changeInputs(change: () => Promise<ActionResult>, failed: Pick<ActionResult, "action" | "status">): Promise<void> {
    if (this.busy) return;
    this.started();
    let result: ActionResult;
    try {
      result = await change();
    } catch (e) {
      result = { ...failed, ok: false, errors: [], warnings: [] };
      console.error(e);
    }
    this.finished(result);
    if (result.ok) await this.run("recalcAll");
  }

  private async run(id: FunctionId): Promise<void> {
    if (this.busy || !this.cutoffValid()) return;
    await runCommand(id, this.env, { actions: this.office.actions }, this);
  }

  private renderSummary(result: ActionResult): void {
    const summary = result.action === "verify" ? null : summaryOf(result, this.t, this.lang);
    this.summary.hidden = !summary;
    this.board.hidden = !summary?.board;
    if (summary) this.summary.replaceChildren(...summary.nodes);
    if (summary?.board) this.board.replaceChildren(...summary.board);
  }

  private issueList(title: string, kind: "errors" | "warnings" | "notes", items: Issue[], total = items.length): Node[] {
    if (items.length === 0) return [];
    const ul = el("ul", { className: `issues ${kind}` });
    for (const i of items) {
      const b = el("button", { attrs: { type: "button" } });
      if (i.cell) b.appendChild(el("span", { className: "cell", text: i.cell }));
      b.appendChild(el("span", { text: messageText(i, this.lang) }));
      if (i.cell) b.addEventListener("click", () => void selectCellAction(this.env, i.cell));
      else b.disabled = false;
      const li = el("li", {}, b);
      const move = commentMoveOf(i);
      if (move) {
        // The comment belongs in the Prognos table: moved there only when the user asks, then recalculated.
        const m = el("button", { text: this.t.moveComment, className: "link move", attrs: { type: "button", "data-move": move.line } });
        m.addEventListener("click", () => void this.moveComment(move));
        this.buttons.push(m);
        li.appendChild(m);
      }
      const below = rowsBelowOf(i);
      // Rows under a table: taken in with one click where Excel has table.resize (ExcelApi 1.13); elsewhere the message says how.
      if (below && this.env.supports?.(RESIZE_REQUIREMENT.set, RESIZE_REQUIREMENT.version)) {
        const t = el("button", {
          text: this.t.takeRowsIn,
          className: "link take-rows",
          attrs: { type: "button", "data-table": below.table },
        });
        t.addEventListener("click", () => void this.takeRowsIn(below));
        this.buttons.push(t);
        li.appendChild(t);
      }
      ul.appendChild(li);
    }
    if (total > items.length) ul.appendChild(el("li", { className: "more", text: this.t.andMore(total - items.length) }));
    return [el("h2", { text: `${title} (${total})` }), ul];
  }

  private renderIssues(result: ActionResult): void {
    const asIssue = (d: Difference): Issue => ({
      code: "verify_difference",
      params: { stored: d.stored, recomputed: d.recomputed },
      cell: asCellRef(d.cell),
    });
    const diffs: Issue[] = (result.differences ?? []).map(asIssue);
    // Verifiera says what changed first (the input tables, or that none did), then the differing cells sheet by sheet.
    const verification = result.verification
      ? [
          el("p", { className: "verify-inputs", text: messageText(result.verification.inputs, this.lang) }),
          ...result.verification.bySheet.flatMap((s) =>
            this.issueList(
              `${this.t.differences}: ${s.sheet}`,
              "errors",
              s.differences.slice(0, PANE_CELLS_PER_SHEET).map(asIssue),
              s.differences.length,
            ),
          ),
        ]
      : this.issueList(this.t.differences, "errors", diffs);
    // After Nytt år the notes are about the new workbook: what was done and what to check there, not warnings.
    // They are listed in the neutral style, not the warnings' yellow.
    const newYearNotes = result.action === "new-year" && result.ok;
    const nodes = [
      ...this.issueList(this.t.errors, "errors", result.errors),
      ...verification,
      ...(newYearNotes
        ? this.issueList(this.t.newYearNotes, "notes", result.warnings)
        : this.issueList(this.t.warnings, "warnings", result.warnings)),
    ];
    // The hint only when a row has a cell to select.
    if ([...result.errors, ...diffs, ...result.warnings].some((i) => i.cell))
      nodes.splice(0, 0, el("p", { className: "help", text: this.t.selectHint }));
    this.issues.replaceChildren(...nodes);
    this.issues.hidden = nodes.length === 0;
  }
}

function showOutside(root: HTMLElement, lang: Lang): void {
  root.appendChild(el("p", { className: "outside", text: STRINGS[lang].outside, attrs: { id: "outside" } }));
  root.setAttribute("aria-busy", "false");
}

type Ready = { env: ActionEnv; hooks: CommandHooks };

export async function start(
  office: OfficeLike | undefined,
  run: ActionEnv["run"] | undefined,
  ready: (r: Ready) => void,
  createWorkbook?: ActionEnv["createWorkbook"],
): Promise<void> {
  const root = document.getElementById("root")!;
  const info = office ? await office.onReady() : { host: null };
  const inExcel = !!office && !!info.host && info.host === (office.HostType?.Excel ?? "Excel") && !!run;
  const lang = langOf(inExcel ? office!.context?.displayLanguage : navigator.language);
  document.getElementById("title")!.textContent = STRINGS[lang].title;
  if (!inExcel) {
    showOutside(root, lang);
    return;
  }
  const requirements = office!.context?.requirements;
  const supports = requirements ? (set: string, version: string) => requirements.isSetSupported(set, version) : undefined;
  const env: ActionEnv = { run: run!, lang, createWorkbook, supports };
  const pane = new Pane(root, lang, env, office!);
  ready({
    env,
    hooks: { started: (id) => pane.started(id), finished: (r) => pane.finished(r), cutoffOverride: () => pane.cutoffOverride() },
  });
  root.setAttribute("aria-busy", "false");
  await pane.refreshGlance();
}

declare const Office: OfficeLike | undefined;
declare const Excel: { run: ActionEnv["run"]; createWorkbook(base64?: string): Promise<void> } | undefined;

// Top level, before anything is awaited: the ribbon's functions are associated as the runtime loads.
/** Cells listed per sheet after Verifiera (the rest are counted). */
const PANE_CELLS_PER_SHEET = 10;

const office = typeof Office === "undefined" ? undefined : Office;
let markReady: (r: Ready) => void = () => undefined;
const whenReady = new Promise<Ready>((resolve) => (markReady = resolve));
if (office?.actions) registerCommands(office, whenReady);
const excel = typeof Excel === "undefined" ? undefined : Excel;
void start(office, excel && ((batch) => excel.run(batch)), markReady, excel && ((base64) => excel.createWorkbook(base64)));
