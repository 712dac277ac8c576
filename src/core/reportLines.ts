/** The income statement's lines, in report order, as WORKBOOK.md defines them. */

export type LeafLine =
  | "medlemsbidrag"
  | "projektmedel"
  | "ovriga_intakter"
  | "bidrag_till_insatser"
  | "personalkostnader"
  | "ovriga_externa_kostnader"
  | "avskrivningar"
  | "finansiella_intakter"
  | "finansiella_kostnader"
  | "extraordinara_poster";

/** Balance-sheet lines (Bokslut): assets, then equity, provisions and liabilities. */
export type BalanceLine =
  | "anlaggningstillgangar"
  | "fordringar"
  | "kassa_och_bank"
  | "eget_kapital"
  | "avsattningar"
  | "langfristiga_skulder"
  | "kortfristiga_skulder";

export const ASSET_LINES: readonly BalanceLine[] = ["anlaggningstillgangar", "fordringar", "kassa_och_bank"];
export const CLAIM_LINES: readonly BalanceLine[] = ["eget_kapital", "avsattningar", "langfristiga_skulder", "kortfristiga_skulder"];
export const BALANCE_LINES: readonly BalanceLine[] = [...ASSET_LINES, ...CLAIM_LINES];

export function isBalanceLine(line: AccountLine | null): line is BalanceLine {
  return line !== null && (BALANCE_LINES as readonly string[]).includes(line);
}

/**
 * The closing entry (BAS 8999 Årets resultat against 2099): the year's result moved to equity. Neither
 * income nor cost: the income statement leaves it out, and the balance sheet does not count the result twice.
 */
export type ClosingLine = "avslutspost";

/** Codes a Kontoplan row may carry: the income statement's leaf lines, the balance-sheet lines and the closing entry. */
export type AccountLine = LeafLine | BalanceLine | ClosingLine;

export type TotalLine =
  | "verksamhetens_intakter"
  | "verksamhetens_kostnader"
  | "verksamhetens_nettokostnader"
  | "verksamhetens_resultat"
  | "resultat_efter_finansiella_poster"
  | "arets_resultat";

export type ReportLineId = LeafLine | TotalLine;

export const LEAF_LINES: readonly LeafLine[] = [
  "medlemsbidrag",
  "projektmedel",
  "ovriga_intakter",
  "bidrag_till_insatser",
  "personalkostnader",
  "ovriga_externa_kostnader",
  "avskrivningar",
  "finansiella_intakter",
  "finansiella_kostnader",
  "extraordinara_poster",
];

/** The leaf lines in English, for English messages and the English board text (the sheets are Swedish). */
export const LEAF_LABELS_EN: Record<LeafLine, string> = {
  medlemsbidrag: "Member contributions",
  projektmedel: "Project funding and co-financing",
  ovriga_intakter: "Other income",
  bidrag_till_insatser: "Grants to projects",
  personalkostnader: "Staff costs",
  ovriga_externa_kostnader: "Other external costs",
  avskrivningar: "Depreciation",
  finansiella_intakter: "Financial income",
  finansiella_kostnader: "Financial costs",
  extraordinara_poster: "Extraordinary items",
};

export const LINE_LABELS: Record<ReportLineId | BalanceLine | ClosingLine, string> = {
  avslutspost: "Avslutspost (årets resultat)",
  medlemsbidrag: "Medlemsbidrag",
  projektmedel: "Projektmedel och medfinansiering",
  ovriga_intakter: "Övriga intäkter",
  bidrag_till_insatser: "Bidrag till insatser",
  personalkostnader: "Personalkostnader",
  ovriga_externa_kostnader: "Övriga externa kostnader",
  avskrivningar: "Avskrivningar",
  finansiella_intakter: "Finansiella intäkter",
  finansiella_kostnader: "Finansiella kostnader",
  extraordinara_poster: "Extraordinära poster",
  anlaggningstillgangar: "Anläggningstillgångar",
  fordringar: "Fordringar",
  kassa_och_bank: "Kassa och bank",
  eget_kapital: "Eget kapital",
  avsattningar: "Avsättningar",
  langfristiga_skulder: "Långfristiga skulder",
  kortfristiga_skulder: "Kortfristiga skulder",
  verksamhetens_intakter: "Verksamhetens intäkter",
  verksamhetens_kostnader: "Verksamhetens kostnader",
  verksamhetens_nettokostnader: "Verksamhetens nettokostnader",
  verksamhetens_resultat: "Verksamhetens resultat",
  resultat_efter_finansiella_poster: "Resultat efter finansiella poster",
  arets_resultat: "Årets resultat",
};

/** +1 for income lines, −1 for cost lines: a typed-positive budget amount times this is the report value. */
export const LINE_SIGN: Record<LeafLine, 1 | -1> = {
  medlemsbidrag: 1,
  projektmedel: 1,
  ovriga_intakter: 1,
  bidrag_till_insatser: -1,
  personalkostnader: -1,
  ovriga_externa_kostnader: -1,
  avskrivningar: -1,
  finansiella_intakter: 1,
  finansiella_kostnader: -1,
  extraordinara_poster: -1,
};

/** Report rows in order; a total lists the rows it adds up. */
export interface ReportRowDef {
  id: ReportLineId;
  parts?: readonly ReportLineId[];
  note?: 1 | 2;
}

export const REPORT_ROWS: readonly ReportRowDef[] = [
  { id: "verksamhetens_intakter", parts: ["medlemsbidrag", "projektmedel", "ovriga_intakter"], note: 1 },
  { id: "verksamhetens_kostnader", parts: ["bidrag_till_insatser", "personalkostnader", "ovriga_externa_kostnader"], note: 2 },
  { id: "avskrivningar" },
  { id: "verksamhetens_nettokostnader", parts: ["verksamhetens_intakter", "verksamhetens_kostnader", "avskrivningar"] },
  { id: "verksamhetens_resultat", parts: ["verksamhetens_nettokostnader"] },
  { id: "finansiella_intakter" },
  { id: "finansiella_kostnader" },
  { id: "resultat_efter_finansiella_poster", parts: ["verksamhetens_resultat", "finansiella_intakter", "finansiella_kostnader"] },
  { id: "extraordinara_poster" },
  { id: "arets_resultat", parts: ["resultat_efter_finansiella_poster", "extraordinara_poster"] },
];

export const NOTE_INCOME_LINES: readonly LeafLine[] = ["medlemsbidrag", "projektmedel", "ovriga_intakter"];
export const NOTE_COST_LINES: readonly LeafLine[] = ["bidrag_till_insatser", "personalkostnader", "ovriga_externa_kostnader"];

/** All ids in the JSON's order: report rows, then note lines. */
export const JSON_LINE_ORDER: readonly ReportLineId[] = [...REPORT_ROWS.map((r) => r.id), ...NOTE_INCOME_LINES, ...NOTE_COST_LINES];

function norm(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_]+/g, " ");
}

const ACCOUNT_LINE_LOOKUP = new Map<string, AccountLine>();
for (const code of [...LEAF_LINES, ...BALANCE_LINES, "avslutspost"] as AccountLine[]) {
  ACCOUNT_LINE_LOOKUP.set(norm(code), code);
  ACCOUNT_LINE_LOOKUP.set(norm(LINE_LABELS[code]), code);
}

/** Reads a report line code or its Swedish label (case, spaces, underscores and diacritics ignored). */
export function parseAccountLine(text: string): AccountLine | null {
  return ACCOUNT_LINE_LOOKUP.get(norm(text)) ?? null;
}

export type Group = "Stat" | "Region" | "Kommun";
export const GROUPS: readonly Group[] = ["Stat", "Region", "Kommun"];
export const GROUP_LABELS: Record<Group, string> = { Stat: "Staten", Region: "Region", Kommun: "Kommuner" };

export function parseGroup(text: string): Group | null {
  const t = norm(text);
  if (t === "stat" || t === "staten" || t === "state") return "Stat";
  if (t === "region" || t === "regionen" || t === "landsting") return "Region";
  if (t === "kommun" || t === "kommuner" || t === "municipality") return "Kommun";
  return null;
}

/** A report line's name for people: the Swedish label, or the English one where the income statement has it; the id itself when unknown. */
/** The balance-sheet lines and the closing entry in English (the SIE preview in an English pane proposes them). */
const ACCOUNT_LABELS_EN: Record<BalanceLine | ClosingLine, string> = {
  anlaggningstillgangar: "Fixed assets",
  fordringar: "Receivables",
  kassa_och_bank: "Cash and bank",
  eget_kapital: "Equity",
  avsattningar: "Provisions",
  langfristiga_skulder: "Long-term liabilities",
  kortfristiga_skulder: "Current liabilities",
  avslutspost: "Closing entry (result for the year)",
};

export function lineLabelIn(line: string, lang: "sv" | "en"): string {
  if (lang === "en" && line in LEAF_LABELS_EN) return LEAF_LABELS_EN[line as LeafLine];
  if (lang === "en" && line in ACCOUNT_LABELS_EN) return ACCOUNT_LABELS_EN[line as BalanceLine | ClosingLine];
  return LINE_LABELS[line as keyof typeof LINE_LABELS] ?? line;
}
