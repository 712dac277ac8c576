/** What the command line's commands share: their input and output, the parsed arguments, issues shown to a person. */
import type { Output } from "../core/compute";
import type { Lang } from "../core/locale";
import { formatIssue, Issue } from "../core/messages";
import { VERSION } from "../core/version";
import { CLI_TEXT } from "./i18n";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => string;
  /** The environment (LANG, FINSAM_DEBUG); the process's by default. */
  env?: Record<string, string | undefined>;
}

export function version(): string {
  return VERSION;
}

export interface Parsed {
  command: string;
  positional: string[];
  out?: string;
  only: Output[];
  cutoff?: string;
  json: boolean;
  /** `finsam sie … --importera-anda` (`--force`): import despite differences from the file's own balances. */
  importAnyway: boolean;
  /** `finsam mall|exempel … --ersatt` (`--replace`): write over an existing file. */
  replace: boolean;
  /** `finsam exempel … --avslutat` (`--closed`): the example's year closed, its ledger through December (for Nytt år). */
  closed?: boolean;
  /** `finsam sie <fil> <arbetsbok> --budget`: the file's budget into Budget too. */
  budget?: boolean;
  /** `--ersatt-budget`: replace amounts Budget already has for the year (implies --budget). */
  replaceBudget?: boolean;
  /** `--help` or `-h` after the command: that command's help. */
  help: boolean;
}

/** A page of issues for a person (the JSON has them all), ending with "… och N till" when there are more. */
export const ISSUES_SHOWN = 50;

export function printIssues(io: Io, title: string, issues: Issue[], lang: Lang): void {
  if (issues.length === 0) return;
  io.err(`${title}:\n`);
  for (const i of issues.slice(0, ISSUES_SHOWN)) io.err(`  ${formatIssue(i, lang)}\n`);
  if (issues.length > ISSUES_SHOWN) io.err(`  ${CLI_TEXT[lang].andMore(issues.length - ISSUES_SHOWN)}\n`);
}
