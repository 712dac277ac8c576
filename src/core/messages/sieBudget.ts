/** The budget from an SIE file (`finsam sie --budget`, the pane's checkbox): read, summed per report line, written to Budget. */
import { Entry, listEn, listSv } from "./words";

export interface SieBudgetParams {
  sie_budget_none: { year: number };
  sie_budget_ambiguous: { account: number; period: string };
  sie_budget_mismatch: { account: number; year: number; stated: string; computed: string };
  sie_budget_unmapped: { year: number; accounts: number[]; total: string };
  sie_budget_no_column: { year: number; sheet: string };
  sie_budget_exists: { year: number; count: number; sheet: string };
  sie_budget_replaced: { year: number; count: number; sheet: string };
  sie_budget_reconciliation_failed: { year: number; written: string; stated: string };
}

export const SIE_BUDGET_MESSAGES: { [C in keyof SieBudgetParams]: Entry<SieBudgetParams[C]> } = {
  sie_budget_none: {
    meaning: "Budgeten skulle importeras, men filen har ingen budget (#PBUDGET eller #BUDGET) för sitt räkenskapsår; inget skrivs.",
    sv: (p) => `Filen har ingen budget för ${p.year} (#PBUDGET eller #BUDGET). Importera utan budgeten; ingenting har skrivits.`,
    en: (p) => `The file has no budget for ${p.year} (#PBUDGET or #BUDGET). Import without the budget; nothing was written.`,
    example: { year: 2026 },
  },
  sie_budget_ambiguous: {
    meaning:
      "Fel: ett konto har budget bara per objekt, i flera dimensioner som inte summerar lika; " +
      "kontots budget kan inte räknas utan dubbelräkning.",
    sv: (p) =>
      `Konto ${p.account}, ${p.period}: filen har budget bara per objekt, i dimensioner som ger olika summor; ` +
      "kontots budget kan inte räknas utan att något räknas två gånger.",
    en: (p) =>
      `Account ${p.account}, ${p.period}: the file has a budget per object only, in dimensions whose sums differ; ` +
      "the account's budget cannot be taken without counting something twice.",
    example: { account: 3010, period: "202601" },
  },
  sie_budget_mismatch: {
    meaning: "Fel: filens årsbudget (#BUDGET) för ett konto är inte summan av dess månadsbudgetar (#PBUDGET).",
    sv: (p, f) =>
      `Konto ${p.account}: filens budget för ${p.year} (#BUDGET) är ${f.money(p.stated)}, men månaderna (#PBUDGET) ger ` +
      `${f.money(p.computed)}. Exportera filen igen; ingenting har skrivits.`,
    en: (p, f) =>
      `Account ${p.account}: the file's budget for ${p.year} (#BUDGET) is ${f.money(p.stated)}, but its months (#PBUDGET) give ` +
      `${f.money(p.computed)}. Export the file again; nothing was written.`,
    example: { account: 5010, year: 2026, stated: "120000.00", computed: "110000.00" },
  },
  sie_budget_unmapped: {
    meaning:
      "Varning: filen budgeterar konton som inte är intäkts- eller kostnadskonton i Kontoplan " +
      "(balanskonton, avslutsposten, konton utan rad); de kommer inte med i Budget.",
    sv: (p, f) =>
      `Budgeten för ${p.year} på konto ${listSv(p.accounts)} (sammanlagt ${f.money(p.total)}) kommer inte med i Budget: ` +
      "kontona är inga intäkts- eller kostnadskonton i Kontoplan.",
    en: (p, f) =>
      `The ${p.year} budget on accounts ${listEn(p.accounts)} (${f.money(p.total)} in all) is not taken into Budget: ` +
      "they are no income or cost accounts in Kontoplan.",
    example: { year: 2026, accounts: [1119, 2440], total: "-20000.00" },
  },
  sie_budget_no_column: {
    meaning: "Budgeten skulle importeras, men Budget (bred form) har ingen kolumn för filens år; inget skrivs.",
    sv: (p) =>
      `${p.sheet} har ingen kolumn ${p.year}. Lägg till kolumnen ${p.year} i tabellen och importera igen; ` + "ingenting har skrivits.",
    en: (p) => `${p.sheet} has no column ${p.year}. Add the column ${p.year} to the table and import again; nothing was written.`,
    example: { year: 2026, sheet: "Budget" },
  },
  sie_budget_exists: {
    meaning:
      "Budgeten skulle importeras, men Budget har redan andra belopp för året; de ersätts bara med ett " +
      "uttryckligt val (--ersatt-budget, panelens Ersätt budgeten).",
    sv: (p, f) =>
      `${p.sheet} har redan ${f.count(p.count)} belopp för ${p.year} som filens budget skulle ändra. Ingenting har skrivits. ` +
      "Ersätt dem med ett uttryckligt val (kommandoraden: --ersatt-budget; panelen: Ersätt budgeten), eller importera utan budgeten.",
    en: (p, f) =>
      `${p.sheet} already has ${f.count(p.count)} amounts for ${p.year} that the file's budget would change. Nothing was written. ` +
      "Replace them by an explicit choice (command line: --ersatt-budget; pane: Replace the budget), or import without the budget.",
    example: { year: 2026, count: 7, sheet: "Budget" },
  },
  sie_budget_replaced: {
    meaning: "Varning: budgeten från filen ersatte belopp som stod i Budget för året (ett uttryckligt val); Körlogg har det.",
    sv: (p, f) => `Filens budget ersatte ${f.count(p.count)} belopp för ${p.year} i ${p.sheet}. Körlogg har det.`,
    en: (p, f) => `The file's budget replaced ${f.count(p.count)} amounts for ${p.year} in ${p.sheet}. Körlogg records it.`,
    example: { year: 2026, count: 7, sheet: "Budget" },
  },
  sie_budget_reconciliation_failed: {
    meaning: "Budgetkolumnen som skulle skrivas summerar inte till filens budget över de konton som har en rad; inget skrivs.",
    sv: (p, f) =>
      `Budget ${p.year} som skulle skrivas ger ${f.money(p.written)}, men filens budget över kontona med en rapportrad är ` +
      `${f.money(p.stated)}. Ingenting har skrivits; rapportera felet.`,
    en: (p, f) =>
      `The ${p.year} budget to be written gives ${f.money(p.written)}, but the file's budget over the accounts with a report line is ` +
      `${f.money(p.stated)}. Nothing was written; please report the error.`,
    example: { year: 2026, written: "-100.00", stated: "0.00" },
  },
};
