/** Nytt år (the next year's workbook from this one): why it is refused, and what the officer should know. */
import { Entry } from "./words";

export interface NewYearParams {
  new_year_not_closed: { year: number; sheet: string; last: string };
  new_year_equity_unknown: { year: number };
  new_year_equity_mismatch: { year: number; statements: string; equity: string };
  new_year_statements_refused: { year: number };
  new_year_budget_missing: { year: number };
  new_year_setting_cleared: { setting: string; value: string; year: number };
  new_year_grants_closed: { grants: string };
  new_year_sheets_left: { sheets: string };
  new_year_rows_left: { ledgerRows: number; before: number; budgetYears: string; forecastRows: number; extraRows: number; outside: number };
  new_year_key_basis: { basis: string; year: number };
  new_year_done: { year: number; equity: string; source: string };
  new_year_opened: { year: number };
  new_year_too_large: { size: string; limit: string };
}

export const NEW_YEAR_MESSAGES: { [C in keyof NewYearParams]: Entry<NewYearParams[C]> } = {
  new_year_not_closed: {
    meaning: "Nytt år vägras: huvudboken har inga rader i årets sista månad, så året ser inte avslutat ut.",
    sv: (p, f) =>
      `Året ${p.year} ser inte avslutat ut: ${p.sheet} har inga rader i december ${p.year} (sista datum ${f.date(p.last)}). ` +
      `Nytt år tar ingående eget kapital från ${p.year} års utgående; importera eller bokför årets sista månad och bokslutet först.`,
    en: (p, f) =>
      `The year ${p.year} does not look closed: ${p.sheet} has no rows in December ${p.year} (last date ${f.date(p.last)}). ` +
      `New year takes the opening equity from ${p.year}'s closing equity; import or book the last month and the closing first.`,
    example: { year: 2026, sheet: "Huvudbok", last: "2026-09-28" },
  },
  new_year_equity_unknown: {
    meaning: "Nytt år vägras: årets utgående eget kapital kan inte räknas fram (ingående eget kapital saknas).",
    sv: (p) =>
      `Utgående eget kapital ${p.year} kan inte räknas fram: ange Ingående eget kapital i Inställningar eller IB-rader på ` +
      "eget kapital-konton i Huvudbok.",
    en: (p) =>
      `The closing equity of ${p.year} cannot be computed: give Ingående eget kapital in Inställningar or IB rows on equity ` +
      "accounts in Huvudbok.",
    example: { year: 2026 },
  },
  new_year_equity_mismatch: {
    meaning: "Nytt år vägras: bokslutets eget kapital och eget kapital-beräkningen ger olika utgående eget kapital.",
    sv: (p, f) =>
      `Utgående eget kapital ${p.year} är ${f.money(p.statements)} enligt Bokslut men ${f.money(p.equity)} enligt Eget kapital; ` +
      "rätta indata så att de stämmer innan nästa år startas.",
    en: (p, f) =>
      `The closing equity of ${p.year} is ${f.money(p.statements)} in Bokslut but ${f.money(p.equity)} in Eget kapital; ` +
      "correct the inputs so that they agree before the next year is started.",
    example: { year: 2026, statements: "3140000", equity: "3130000" },
  },
  new_year_statements_refused: {
    meaning: "Nytt år vägras: bokslutet för året går inte att ta fram (balansräkningen balanserar inte).",
    sv: (p) =>
      `Bokslutet för ${p.year} balanserar inte (se varningarna); utgående eget kapital går inte att lita på. ` +
      "Rätta huvudboken och försök igen.",
    en: (p) =>
      `The financial statements for ${p.year} do not balance (see the warnings); the closing equity cannot be trusted. ` +
      "Correct the ledger and try again.",
    example: { year: 2026 },
  },
  new_year_budget_missing: {
    meaning: "Nytt år: budgeten har inga belopp för det nya året; lägg in dem innan första beräkningen.",
    sv: (p) => `Budget har inga belopp för ${p.year}. Lägg in ${p.year} års budget innan den nya arbetsboken beräknas.`,
    en: (p) => `Budget has no amounts for ${p.year}. Enter the ${p.year} budget before the new workbook is calculated.`,
    example: { year: 2027 },
  },
  new_year_setting_cleared: {
    meaning: "Nytt år: ett belopp som gällde förra året fördes inte över; det nya årets belopp tas från budgeten tills det anges.",
    sv: (p, f) =>
      `${p.setting} (${f.money(p.value)}) gällde förra året och fördes inte över; ${p.year} års medlemsbidrag tas från ` +
      `budgeten tills ${p.setting} för ${p.year} anges.`,
    en: (p, f) =>
      `${p.setting} (${f.money(p.value)}) was last year's and was not carried over; the ${p.year} contributions come from the ` +
      `budget until ${p.setting} for ${p.year} is entered.`,
    example: { setting: "Statens bidrag", value: "4443000", year: 2027 },
  },
  new_year_grants_closed: {
    meaning: "Nytt år: insatser som är slututbetalda och avslutade fördes inte över.",
    sv: (p) => `Slututbetalda och avslutade insatser fördes inte över: ${p.grants}.`,
    en: (p) => `Grants fully paid and ended were not carried over: ${p.grants}.`,
    example: { grants: "P24/3" },
  },
  new_year_sheets_left: {
    meaning: "Nytt år: blad som inte hör till kontraktets indata kopierades inte till det nya årets arbetsbok.",
    sv: (p) => `Egna blad kopierades inte till det nya året (de finns kvar i källfilen): ${p.sheets}.`,
    en: (p) => `Sheets of your own were not copied to the new year (they remain in the source file): ${p.sheets}.`,
    example: { sheets: "Anteckningar" },
  },
  new_year_rows_left: {
    meaning:
      "Nytt år: vad som stannade i källfilen — äldre huvudboksrader, passerade budgetår, prognosval, tidigare års " +
      "tilläggsbidrag, ifyllda celler utanför tabellernas rader på indatabladen (anteckningar, tabellernas summarader).",
    sv: (p, f) => {
      const parts = [
        p.ledgerRows ? `${f.count(p.ledgerRows)} rader i Huvudbok före ${p.before}` : "",
        p.budgetYears ? `budgetåren ${p.budgetYears}` : "",
        p.forecastRows ? `${f.count(p.forecastRows)} val i Prognos` : "",
        p.extraRows ? `${f.count(p.extraRows)} tilläggsbidrag för tidigare år` : "",
        p.outside ? `${f.count(p.outside)} ifyllda celler utanför tabellernas rader på indatabladen` : "",
      ].filter(Boolean);
      return `Stannade i källfilen och finns inte i det nya årets arbetsbok: ${parts.join(", ")}.`;
    },
    en: (p, f) => {
      const parts = [
        p.ledgerRows ? `${f.count(p.ledgerRows)} Huvudbok rows before ${p.before}` : "",
        p.budgetYears ? `the budget years ${p.budgetYears}` : "",
        p.forecastRows ? `${f.count(p.forecastRows)} Prognos choices` : "",
        p.extraRows ? `${f.count(p.extraRows)} extra contributions of earlier years` : "",
        p.outside ? `${f.count(p.outside)} filled cells outside the tables' rows on the input sheets` : "",
      ].filter(Boolean);
      return `Left in the source file, not in the new year's workbook: ${parts.join(", ")}.`;
    },
    example: { ledgerRows: 412, before: 2026, budgetYears: "2025, 2026", forecastRows: 3, extraRows: 0, outside: 0 },
  },
  new_year_key_basis: {
    meaning: "Nytt år: fördelningsnyckeln fördes över oförändrad; uppdatera den när det nya årets underlag finns.",
    sv: (p) => `Fördelningsnyckeln (${p.basis}) fördes över oförändrad; uppdatera Medlemmar och inställningen för ${p.year}.`,
    en: (p) => `The allocation key (${p.basis}) was carried over unchanged; update Medlemmar and the setting for ${p.year}.`,
    example: { basis: "invånare 1 november 2025", year: 2027 },
  },
  new_year_done: {
    meaning: "Nytt år: det nya årets arbetsbok är skapad; ingående eget kapital är förra årets utgående.",
    sv: (p, f) => `Arbetsboken för ${p.year} är skapad från ${p.source}. Ingående eget kapital ${f.money(p.equity)}.`,
    en: (p, f) => `The workbook for ${p.year} was created from ${p.source}. Opening equity ${f.money(p.equity)}.`,
    example: { year: 2027, equity: "3140000", source: "ekonomi-2026.xlsx" },
  },
  new_year_opened: {
    meaning: "Nytt år i Excel: den nya arbetsboken öppnades i ett eget fönster och är inte sparad; den öppna arbetsboken ändrades inte.",
    sv: (p) =>
      `Arbetsboken för ${p.year} öppnades i ett nytt fönster och är inte sparad än: spara den under ett eget namn. ` +
      "Den här arbetsboken ändrades inte.",
    en: (p) =>
      `The workbook for ${p.year} opened in a new window and is not saved yet: save it under a name of its own. ` +
      "This workbook was not changed.",
    example: { year: 2027 },
  },
  new_year_too_large: {
    meaning: "Nytt år i Excel vägras: den nya arbetsboken är större än vad Excel tar emot i en begäran; använd kommandoraden.",
    sv: (p) =>
      `Den nya arbetsboken blir ${p.size.replace(".", ",")} MB, mer än de ${p.limit.replace(".", ",")} MB som Excel tar emot ` +
      "på en gång. Ingenting skapades; " +
      "gör nytt år med kommandoraden: finsam nytt-ar <förra.xlsx> -o <nya.xlsx>.",
    en: (p) =>
      `The new workbook would be ${p.size} MB, more than the ${p.limit} MB Excel accepts at once. Nothing was created; ` +
      "start the new year on the command line: finsam nytt-ar <last.xlsx> -o <new.xlsx>.",
    example: { size: "5.2", limit: "4.0" },
  },
};
