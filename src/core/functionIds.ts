/**
 * The verksamheter of the costs per verksamhet (core/functions.ts), and the words their names and an insats' Typ are
 * written with: ids, labels in Swedish and English, parsers. A leaf module: the message catalogue uses it too.
 */
import type { Ore } from "./units";

export type FunctionId = "administration" | "strukturovergripande" | "individinriktade";
/** An insats' Typ: the verksamhet its costs belong to. */
export type GrantType = Exclude<FunctionId, "administration">;

export const FUNCTION_IDS: readonly FunctionId[] = ["administration", "strukturovergripande", "individinriktade"];

export const FUNCTION_LABELS: Record<FunctionId, string> = {
  administration: "Administration",
  strukturovergripande: "Strukturövergripande insatser",
  individinriktade: "Individinriktade insatser",
};

export const FUNCTION_LABELS_EN: Record<FunctionId, string> = {
  administration: "Administration",
  strukturovergripande: "Structural initiatives",
  individinriktade: "Initiatives for individuals",
};

const plain = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ");

/** The words an insats' Typ may be written with (docs/workbook.md), by type. */
export const GRANT_TYPE_WORDS: Record<GrantType, readonly string[]> = {
  individinriktade: ["Individinriktad", "Individinriktade", "Individinriktade insatser", "Individ", "Individual"],
  strukturovergripande: ["Strukturövergripande", "Strukturövergripande insatser", "Struktur", "Structural"],
};

/** An insats' Typ from its cell text, or null when it is not one of the words. */
export function parseGrantType(text: string): GrantType | null {
  const t = plain(text);
  for (const type of Object.keys(GRANT_TYPE_WORDS) as GrantType[])
    if (type === t || GRANT_TYPE_WORDS[type].some((w) => plain(w) === t)) return type;
  return null;
}

/** A verksamhet named in Budget's Rapportrad (its id or label, Swedish or English), or null. */
export function parseFunction(text: string): FunctionId | null {
  const t = plain(text);
  return FUNCTION_IDS.find((id) => id === t || plain(FUNCTION_LABELS[id]) === t || plain(FUNCTION_LABELS_EN[id]) === t) ?? null;
}

/** One line's costs per project code, debit positive (the ledger's sign). */
export type ProjectCosts = Map<string, { period: Ore; priorPeriod: Ore; priorYear: Ore }>;
