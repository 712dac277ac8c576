/**
 * The message catalogue: every error and warning code the product reports, with its typed parameters and one
 * message function per language (Swedish, English). The engine reports codes with parameters; only the shells
 * turn them into text, in the user's language (`messageText`). The codes live by area beside their neighbours:
 * inputs.ts, tables.ts (the input tables' shape), warnings.ts, functions.ts, sie.ts, files.ts (the shells), with the
 * shared words in words.ts.
 * docs/workbook.md lists the codes; `npm run docs` regenerates that list and a test compares them.
 */
import { formatter, Lang } from "../locale";
import type { CellRef } from "../units";
import { INPUT_MESSAGES, InputParams } from "./inputs";
import { SHELL_MESSAGES, ShellParams } from "./files";
import { SIE_MESSAGES, SieParams } from "./sie";
import { SIE_IMPORT_MESSAGES, SieImportParams } from "./sieImport";
import { NEW_YEAR_MESSAGES, NewYearParams } from "./newYear";
import { SIE_BUDGET_MESSAGES, SieBudgetParams } from "./sieBudget";
import { WARNING_MESSAGES, WarningParams } from "./warnings";
import { FUNCTION_MESSAGES, FunctionParams } from "./functions";
import { TABLE_MESSAGES, TableParams } from "./tables";
import type { Entry } from "./words";

export type { ValueCode, ValueParams, ValueProblem } from "./words";

/** The parameters of each code. Amounts are exact kronor strings ("-300000.5"); dates ISO. */
export interface Params
  extends
    InputParams,
    TableParams,
    WarningParams,
    FunctionParams,
    SieParams,
    SieImportParams,
    SieBudgetParams,
    ShellParams,
    NewYearParams {}

export type Code = keyof Params;

/** A code with its parameters: what the engine reports. */
export type Message = { [C in Code]: { code: C; params: Params[C] } }[Code];

/** A message about a place: `cell` is `Blad!A1`, or empty when it is about no one cell. */
export type Issue = Message & { cell: CellRef | "" };

/** An error or warning as JSON and the task pane show it. */
export interface IssueText {
  code: Code;
  message: string;
  cell: string;
}

/** Every code's words. The type requires an entry for every code, with both languages. */
export const CATALOGUE: { [C in Code]: Entry<Params[C]> } = {
  ...INPUT_MESSAGES,
  ...TABLE_MESSAGES,
  ...WARNING_MESSAGES,
  ...FUNCTION_MESSAGES,
  ...SIE_MESSAGES,
  ...SIE_IMPORT_MESSAGES,
  ...SIE_BUDGET_MESSAGES,
  ...SHELL_MESSAGES,
  ...NEW_YEAR_MESSAGES,
};

export const CODES = Object.keys(CATALOGUE) as Code[];

/** The text of a message in a language. */
export function messageText(m: Message, lang: Lang): string {
  const entry = CATALOGUE[m.code] as Entry<Message["params"]>;
  return entry[lang](m.params, formatter(lang));
}

/** `Blad!A1: message`, or only the message when it is about no one cell. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const text = messageText(issue, lang);
  return issue.cell ? `${issue.cell}: ${text}` : text;
}

/** An issue as JSON and the task pane carry it: code, message in the language, cell. */
export function issueText(issue: Issue, lang: Lang): IssueText {
  return { code: issue.code, message: messageText(issue, lang), cell: issue.cell };
}

/** Collects issues in order. */
export class IssueList {
  readonly items: Issue[] = [];
  add<C extends Code>(code: C, params: Params[C], cell: CellRef | "" = ""): void {
    this.items.push({ code, params, cell } as Issue);
  }
  /** Adds a message made elsewhere (its code and parameters typed together), at a cell. */
  addMessage(m: Message, cell: CellRef | "" = ""): void {
    this.items.push({ ...m, cell });
  }
  /** Adds issues that already name their cells. */
  push(...issues: Issue[]): void {
    this.items.push(...issues);
  }
  get length(): number {
    return this.items.length;
  }
}
