/** Warnings a run gives without stopping, and the year-end statements (Bokslut). */
import type { ForecastMethod } from "../inputs";
import { BalanceLine, LeafLine, LINE_LABELS } from "../reportLines";
import { METHOD_WORDS } from "./methods";
import { Entry, LINE_EN, LINE_SV, None, none } from "./words";

export interface WarningParams {
  rows_after_cutoff: { count: number; sheet: string; cutoff: string };
  no_rows_in_period: { sheet: string; year: number; cutoff: string };
  /** `to`: the last day of last year's same period (ISO). */
  no_rows_in_prior_period: { sheet: string; year: number; to: string };
  no_rows_prior_year: { sheet: string; year: number };
  equity_direct_postings: { year: number; amount: string; sheet: string };
  /** `id` and `method` let the pane offer to move the comment to the Prognos table (leaf lines only). */
  report_comment_kept: { line: string; id?: string; method?: string; text?: string };
  rows_other_years: { count: number; sheet: string; from: number; to: number };
  unbalanced_voucher: { count: number; sheet: string; voucher: string; difference: string };
  duplicate_rows: { count: number; sheet: string };
  dates_1904: { sheet: string };
  budget_missing: { year: number };
  budget_negative: None;
  contributions_differ: { year: number; budget: string; settings: string };
  prior_contributions_missing: None;
  opening_equity_missing: None;
  /** `source`: where the ledger's opening comes from, this year's IB rows or last year's IB rows and rows. */
  opening_equity_differs: { setting: string; ledger: string; source: "ib" | "prior_year" };
  cofinancing_capped: { parts: string; remaining: string };
  forecast_fallback: { line: LeafLine };
  manual_forecast_closed_year: { line: LeafLine; manual: string; actual: string };
  /** `back`: how much of what is booked the forecast has the rest of the year give back (positive). */
  forecast_below_actual: { line: LeafLine; method: ForecastMethod; forecast: string; actual: string; back: string };
  bokslut_no_balance_lines: None;
  balance_accounts_without_line: { accounts: number[] };
  ib_unbalanced: { year: number; difference: string; accounts: number[] };
  opening_balances_missing: { year: number };
  /** `rows`: last year's IB rows plus its transactions on the line; `ib`: this year's IB rows on it (debit positive). */
  prior_year_closing_differs: { year: number; line: BalanceLine; rows: string; ib: string };
  prior_cash_flow_unbalanced: { year: number; difference: string };
  /** `to`: the last day of last year's same period (ISO). */
  prior_period_cash_flow_unbalanced: { year: number; to: string; difference: string };
  statements_unbalanced: { difference: string; accounts: number[] };
}

export const WARNING_MESSAGES: { [C in keyof WarningParams]: Entry<WarningParams[C]> } = {
  report_comment_kept: {
    meaning: "Varning: en kommentar skriven direkt i Tertialrapporten behölls; den hör hemma i tabellen Prognos.",
    sv: (p) =>
      `Kommentaren till ${p.line} är skriven direkt i Tertialrapporten och behölls. ` +
      "Flytta den till tabellen Prognos (Kommentar) så att den följer med indata, eller töm cellen.",
    en: (p) =>
      `The comment on ${p.line} was typed in the Tertialrapport and was kept. ` +
      "Move it to the Prognos table (Kommentar) so that it travels with the inputs, or clear the cell.",
    example: { line: "Personalkostnader" },
  },
  rows_after_cutoff: {
    meaning: "Varning: rader i huvudboken efter brytdatum ingår inte i utfallet.",
    sv: (p, f) => `${f.count(p.count)} rader i ${p.sheet} är daterade efter brytdatum ${f.date(p.cutoff)} och ingår inte i utfallet.`,
    en: (p, f) => `${f.count(p.count)} rows in ${p.sheet} are dated after the cut-off date ${f.date(p.cutoff)} and are not in the actuals.`,
    example: { count: 22, sheet: "Huvudbok", cutoff: "2026-08-31" },
  },
  no_rows_in_period: {
    meaning:
      "Varning: huvudboken har inga rader i rapportåret fram till brytdatum, så det finns inget utfall; prognoserna som " +
      "annars bygger på utfallet är budgeten.",
    sv: (p, f) =>
      `${p.sheet} har inga rader för ${p.year} till och med brytdatum ${f.date(p.cutoff)}: det finns inget utfall ännu, så ` +
      "prognoserna som bygger på utfallet (utfall uppräknat till helår, utfall + återstående budget, fjolårets mönster, " +
      "beslutade insatser) är budgeten, och rapporten säger det. Importera årets bokföring (SIE) eller välj ett senare brytdatum.",
    en: (p, f) =>
      `${p.sheet} has no rows for ${p.year} up to the cut-off date ${f.date(p.cutoff)}: there is no actual yet, so the ` +
      "forecasts built on it (actual scaled to the full year, actual + remaining budget, last year's pattern, decided " +
      "grants) are the budget, and the report says so. Import the year's accounts (SIE) or choose a later cut-off date.",
    example: { sheet: "Huvudbok", year: 2027, cutoff: "2027-04-30" },
  },
  no_rows_in_prior_period: {
    meaning:
      "Varning: huvudboken har rader för fjolåret, men inga under samma period i fjol (fjolåret som årssaldon per 31 december, " +
      "till exempel ur en SIE-fil utan fjolårets verifikationer), så jämförelsen med samma period i fjol är 0 (utom " +
      "periodiserade medlemsbidrag).",
    sv: (p, f) =>
      `${p.sheet} har rader för ${p.year}, men inga till och med ${f.date(p.to)}: jämförelsen med samma period i fjol ` +
      `är 0, utom periodiserade medlemsbidrag. ` +
      `Finns ${p.year} bara som årssaldon (en SIE-fil utan verifikationer för ${p.year}) går året inte att jämföra per ` +
      `period: importera ${p.year} års SIE-fil med verifikationer. Började förbundets verksamhet senare under ${p.year} ` +
      `är nollorna riktiga.`,
    en: (p, f) =>
      `${p.sheet} has rows for ${p.year}, but none up to ${f.date(p.to)}: the comparison with the same period last year ` +
      `is 0, accrued member contributions aside. ` +
      `If ${p.year} is there only as year balances (an SIE file without vouchers for ${p.year}), the year cannot be ` +
      `compared by period: import the SIE file of ${p.year} with its vouchers. If the association began its work later ` +
      `in ${p.year}, the zeros are right.`,
    example: { sheet: "Huvudbok", year: 2025, to: "2025-04-30" },
  },
  no_rows_prior_year: {
    meaning:
      "Varning: huvudboken har rader för året men inga för fjolåret, så jämförelsen med fjolåret är 0 (utom periodiserade " +
      "medlemsbidrag): fjolårets bokföring är inte inläst, eller året är förbundets första.",
    sv: (p) =>
      `${p.sheet} har inga rader för ${p.year}: jämförelsen med fjolåret är 0, utom periodiserade medlemsbidrag. ` +
      `Importera ${p.year} års SIE-fil med verifikationer för en jämförelse. ` +
      `Är ${p.year + 1} förbundets första år är nollorna riktiga.`,
    en: (p) =>
      `${p.sheet} has no rows for ${p.year}: the comparison with last year is 0, accrued member contributions aside. ` +
      `Import the SIE file of ${p.year} with its vouchers for a comparison. ` +
      `If ${p.year + 1} is the association's first year, the zeros are right.`,
    example: { sheet: "Huvudbok", year: 2025 },
  },
  equity_direct_postings: {
    meaning:
      "Varning: belopp är bokade direkt på eget kapital-konton under året, utanför resultatet; de räknas in i eget kapital " +
      "vid årets slut, som i balansräkningen.",
    sv: (p, f) =>
      `${f.money(p.amount)} är bokat direkt på eget kapital-konton i ${p.sheet} under ${p.year} (första raden här), utanför ` +
      "resultaträkningen. Det räknas in i eget kapital vid årets slut, som i balansräkningen; kontrollera att det är ett " +
      "beslut (till exempel en rättelse av ett tidigare år) och inte en felbokning. Ingående balanser skrivs med " +
      "verifikation IB.",
    en: (p, f) =>
      `${f.money(p.amount)} is booked directly on equity accounts in ${p.sheet} during ${p.year} (first row here), outside ` +
      "the income statement. It counts in the equity at year end, as in the balance sheet; check that it is a decision " +
      "(a correction of an earlier year, say) and not a posting error. Opening balances take the voucher IB.",
    example: { year: 2026, amount: "-500000", sheet: "Huvudbok" },
  },
  rows_other_years: {
    meaning: "Varning: rader i huvudboken från andra år än rapportåret och året före ingår inte.",
    sv: (p, f) => `${f.count(p.count)} rader i ${p.sheet} hör till andra år än ${p.from}–${p.to} och ingår inte i rapporten.`,
    en: (p, f) => `${f.count(p.count)} rows in ${p.sheet} belong to years other than ${p.from}–${p.to} and are not in the report.`,
    example: { count: 5, sheet: "Huvudbok", from: 2025, to: 2026 },
  },
  unbalanced_voucher: {
    meaning: "Varning: verifikationer vars rader inte summerar till noll (debet ≠ kredit).",
    sv: (p, f) =>
      `${f.count(p.count)} verifikationer i ${p.sheet} balanserar inte (debet ≠ kredit), ` +
      `t.ex. ${p.voucher} med differens ${f.money(p.difference)}.`,
    en: (p, f) =>
      `${f.count(p.count)} vouchers in ${p.sheet} do not balance (debit ≠ credit), ` +
      `e.g. ${p.voucher} with a difference of ${f.money(p.difference)}.`,
    example: { count: 1, sheet: "Huvudbok", voucher: "A 12", difference: "-12771" },
  },
  duplicate_rows: {
    meaning: "Varning: rader utan verifikationsnummer som är exakta kopior av en tidigare sådan rad (inklistrade två gånger?).",
    sv: (p, f) =>
      `${f.count(p.count)} rader utan verifikationsnummer i ${p.sheet} är exakta kopior av en tidigare rad ` +
      `(samma datum, konto, belopp och text). Inklistrade två gånger?`,
    en: (p, f) =>
      `${f.count(p.count)} rows without a voucher number in ${p.sheet} are exact copies of an earlier row ` +
      `(same date, account, amount and text). Pasted twice?`,
    example: { count: 2, sheet: "Huvudbok" },
  },
  dates_1904: {
    meaning: "Varning: datumen ser förskjutna ut med 1904-datumsystemets skillnad (4 år och 1 dag).",
    sv: (p) =>
      `Nästan alla datum i ${p.sheet} ligger 4 år och 1 dag före räkenskapsåret, som när en arbetsbok med ` +
      `1904-datumsystemet kopierats till en med 1900-systemet. Kontrollera datumen ` +
      `(Excel: Arkiv > Alternativ > Avancerat > Använd datumsystemet 1904).`,
    en: (p) =>
      `Almost all dates in ${p.sheet} are 4 years and 1 day before the fiscal year, as when a workbook using the ` +
      `1904 date system was copied into one using the 1900 system. Check the dates ` +
      `(Excel: File > Options > Advanced > Use 1904 date system).`,
    example: { sheet: "Huvudbok" },
  },
  budget_missing: {
    meaning: "Varning: Budget har inga belopp för rapportåret.",
    sv: (p) => `Budget saknar belopp för ${p.year}; budgetkolumnen visar 0.`,
    en: (p) => `Budget has no amounts for ${p.year}; the budget column shows 0.`,
    example: { year: 2026 },
  },
  budget_negative: {
    meaning: "Varning: ett budgetbelopp är negativt (budget skrivs positivt för intäkter och kostnader).",
    sv: () => "Budgetbeloppet är negativt; budget skrivs som positiva belopp för både intäkter och kostnader.",
    en: () => "The budget amount is negative; budgets are written as positive amounts for both income and costs.",
    example: none,
  },
  contributions_differ: {
    meaning: "Varning: budgetens medlemsbidrag skiljer sig från årets medlemsbidrag enligt Inställningar.",
    sv: (p, f) =>
      `Budgetens medlemsbidrag ${p.year} (${f.money(p.budget)}) skiljer sig från årets medlemsbidrag ` +
      `enligt Inställningar (${f.money(p.settings)}).`,
    en: (p, f) =>
      `The budget's member contributions for ${p.year} (${f.money(p.budget)}) differ from the year's ` +
      `member contributions in Inställningar (${f.money(p.settings)}).`,
    example: { year: 2026, budget: "8886000", settings: "8900000" },
  },
  prior_contributions_missing: {
    meaning: "Varning: fjolårets medlemsbidrag saknas för periodiseringens jämförelsekolumn.",
    sv: () => "Fjolårets medlemsbidrag saknas i både huvudbok och budget; jämförelsekolumnen visar 0.",
    en: () => "Last year's member contributions are in neither the ledger nor the budget; the comparison column shows 0.",
    example: none,
  },
  opening_equity_missing: {
    meaning: "Varning: ingående eget kapital saknas (varken inställning eller IB-rader); 0 används.",
    sv: () => "Ingående eget kapital saknas (varken inställning eller IB-rader på eget kapital-konton); 0 används.",
    en: () => "Opening equity is missing (neither the setting nor IB rows on equity accounts); 0 is used.",
    example: none,
  },
  opening_equity_differs: {
    meaning:
      "Varning: inställningen Ingående eget kapital skiljer sig från huvudbokens ingående eget kapital (årets IB-rader, " +
      "eller fjolårets IB och rader); Eget kapital räknar med inställningen, Bokslut med huvudboken.",
    sv: (p, f) =>
      `Inställningen Ingående eget kapital (${f.money(p.setting)}) skiljer sig från huvudbokens ingående eget kapital ` +
      `(${f.money(p.ledger)}, ${p.source === "ib" ? "enligt årets IB-rader" : "enligt fjolårets IB-rader och rader"}). ` +
      "Eget kapital räknar med inställningen, Bokslut med huvudboken. Töm inställningen eller rätta den.",
    en: (p, f) =>
      `The setting Ingående eget kapital (opening equity, ${f.money(p.setting)}) differs from the ledger's opening ` +
      `equity (${f.money(p.ledger)}, ${p.source === "ib" ? "by this year's IB rows" : "by last year's IB rows and rows"}). ` +
      "Eget kapital uses the setting, Bokslut the ledger. Clear the setting or correct it.",
    example: { setting: "3140000", ledger: "3125000", source: "ib" },
  },
  cofinancing_capped: {
    meaning:
      "Varning: medfinansiärernas del efter året (Tertialrapportens Medfinansierade insatser) är större än det som enligt " +
      "prognosen för Bidrag till insatser återstår efter året; Eget kapital räknar bara det som återstår.",
    sv: (p, f) =>
      `Medfinansiärernas del efter året är ${f.money(p.parts)} enligt insatsernas fördelning, men prognosen för Bidrag till ` +
      `insatser lämnar bara ${f.money(p.remaining)} efter året; Eget kapital räknar medfinansiärernas del till det senare. ` +
      "Prognosmetoden åtaganden följer insatsernas fördelning.",
    en: (p, f) =>
      `The co-financiers' part after the year is ${f.money(p.parts)} by the grants' spread, but the forecast for Bidrag till ` +
      `insatser leaves only ${f.money(p.remaining)} after the year; Eget kapital counts the co-financiers' part as the latter. ` +
      "The method åtaganden follows the grants' spread.",
    example: { parts: "341852.06", remaining: "300000.00" },
  },
  bokslut_no_balance_lines: {
    meaning: "Varning: Kontoplan har inga balansrader (t.ex. kassa_och_bank), så bladet Bokslut skapas inte.",
    sv: () =>
      "Bokslut skapas inte: Kontoplan har inga balansrader. Ge balanskontona (klass 1–2) rapportraderna anlaggningstillgangar, " +
      "fordringar, kassa_och_bank, eget_kapital, avsattningar, langfristiga_skulder eller kortfristiga_skulder.",
    en: () =>
      "Bokslut (financial statements) is not created: Kontoplan has no balance-sheet lines. Give the balance accounts " +
      "(classes 1–2) the report lines anlaggningstillgangar, fordringar, kassa_och_bank, eget_kapital, avsattningar, " +
      "langfristiga_skulder or kortfristiga_skulder.",
    example: none,
  },
  balance_accounts_without_line: {
    meaning: "Varning: balanskonton (klass 1–2) har rader i huvudboken men ingen rapportrad i Kontoplan.",
    sv: (p) => `Balanskonton utan rapportrad i Kontoplan: ${p.accounts.join(", ")}. De saknas i balansräkningen.`,
    en: (p) => `Balance accounts without a report line in Kontoplan: ${p.accounts.join(", ")}. They are missing from the balance sheet.`,
    example: { accounts: [1510, 2440] },
  },
  ib_unbalanced: {
    meaning:
      "Varning: de ingående balanserna (IB-rader) för ett år summerar inte till noll; bokslutet görs inte (bladet Bokslut säger varför).",
    sv: (p, f) =>
      `De ingående balanserna (IB-rader) för ${p.year} summerar till ${f.money(p.difference)} i stället för 0. ` +
      `Kontrollera IB-raderna för kontona ${p.accounts.join(", ")}.`,
    en: (p, f) =>
      `The opening balances (IB rows) for ${p.year} sum to ${f.money(p.difference)} instead of 0. ` +
      `Check the IB rows for the accounts ${p.accounts.join(", ")}.`,
    example: { year: 2026, difference: "1250", accounts: [1930, 2010, 2440] },
  },
  opening_balances_missing: {
    meaning:
      "Varning: huvudboken har rader för fjolåret men inga IB-rader, varken för året eller för fjolåret, så årets ingående " +
      "balanser är okända; bokslutet görs inte (bladet Bokslut säger varför).",
    sv: (p) =>
      `Huvudboken har inga IB-rader för ${p.year} och inga för ${p.year - 1}, men rader för ${p.year - 1}: årets ingående ` +
      `balanser går inte att räkna fram. Lägg in IB-raderna för ${p.year} (eller för ${p.year - 1}, så räknas ${p.year} ` +
      `års ingående balanser fram ur dem och fjolårets rader).`,
    en: (p) =>
      `The ledger has no IB rows for ${p.year} and none for ${p.year - 1}, but rows for ${p.year - 1}: the year's ` +
      `opening balances cannot be worked out. Add the IB rows for ${p.year} (or for ${p.year - 1}, from which and last ` +
      `year's rows the opening balances of ${p.year} are worked out).`,
    example: { year: 2026 },
  },
  prior_year_closing_differs: {
    meaning:
      "Varning: fjolårets IB-rader plus fjolårets rader slutar inte i årets IB-rader på en balansrad; kassaflödesanalysen " +
      "visas utan fjolårets helår.",
    sv: (p, f) =>
      `Huvudbokens rader för ${p.year} slutar inte i ${p.year + 1} års IB-rader: ${LINE_LABELS[p.line]} är ` +
      `${f.money(p.rows)} enligt ${p.year} års IB och rader men ${f.money(p.ib)} enligt IB-raderna för ${p.year + 1} ` +
      `(debet positivt). Balansräkningens jämförelse följer IB-raderna; kassaflödesanalysen visas utan helåret ${p.year}.`,
    en: (p, f) =>
      `The ledger's rows for ${p.year} do not end in the IB rows of ${p.year + 1}: ${LINE_LABELS[p.line]} is ` +
      `${f.money(p.rows)} by the IB and rows of ${p.year} but ${f.money(p.ib)} by the IB rows of ${p.year + 1} ` +
      `(debit positive). The balance sheet's comparison follows the IB rows; the cash flow is shown without the full year ${p.year}.`,
    example: { year: 2025, line: "kassa_och_bank", rows: "3140000", ib: "3125000" },
  },
  statements_unbalanced: {
    meaning:
      "Varning: balansräkningen går inte ihop (tillgångar ≠ eget kapital och skulder); bokslutet görs inte, kontona utan rapportrad nämns.",
    sv: (p, f) =>
      `Balansräkningen går inte ihop: tillgångarna skiljer sig från eget kapital och skulder med ${f.money(p.difference)}. ` +
      (p.accounts.length
        ? `Konton med rader men utan rapportrad i Kontoplan: ${p.accounts.join(", ")}.`
        : "Alla konton har rapportrad; se varningen om verifikationer som inte balanserar."),
    en: (p, f) =>
      `The balance sheet does not balance: assets differ from equity and liabilities by ${f.money(p.difference)}. ` +
      (p.accounts.length
        ? `Accounts with rows but no report line in Kontoplan: ${p.accounts.join(", ")}.`
        : "Every account has a report line; see the warning about vouchers that do not balance."),
    example: { difference: "-12500", accounts: [1510, 3990] },
  },
  manual_forecast_closed_year: {
    meaning: "Varning: året är stängt (brytdatum 31 december), så helåret är utfallet; en manuell prognos som skiljer sig används inte.",
    sv: (p, f) =>
      `${LINE_SV[p.line]}: året är stängt (brytdatum 31 december), så helåret är utfallet ${f.money(p.actual)}; ` +
      `den manuella prognosen ${f.money(p.manual)} används inte.`,
    en: (p, f) =>
      `${LINE_EN[p.line]}: the year is closed (cut-off 31 December), so the full year is the actual ${f.money(p.actual)}; ` +
      `the manual forecast ${f.money(p.manual)} is not used.`,
    example: { line: "ovriga_externa_kostnader", manual: "-600000", actual: "-587412.50" },
  },
  prior_cash_flow_unbalanced: {
    meaning:
      "Varning: fjolårets IB-rader och rader ger en balansräkning som inte går ihop (konton utan rapportrad, verifikationer " +
      "som inte balanserar); kassaflödesanalysen visas utan fjolårets helår.",
    sv: (p, f) =>
      `Kassaflödesanalysen visas utan helåret ${p.year}: ${p.year} års IB-rader och rader går inte ihop till en balansräkning ` +
      `(kassaflödet skiljer sig med ${f.money(p.difference)} från förändringen av kassa och bank). Se varningarna om konton ` +
      `utan rapportrad och verifikationer som inte balanserar.`,
    en: (p, f) =>
      `The cash flow is shown without the full year ${p.year}: the IB rows and rows of ${p.year} do not add up to a balance sheet (the ` +
      `cash flow differs by ${f.money(p.difference)} from the change in cash). See the warnings about accounts without a ` +
      `report line and vouchers that do not balance.`,
    example: { year: 2025, difference: "1000" },
  },
  prior_period_cash_flow_unbalanced: {
    meaning:
      "Varning: fjolårets IB-rader och rader till och med samma dag i fjol ger en balansräkning som inte går ihop (konton " +
      "utan rapportrad, verifikationer som inte balanserar); kassaflödesanalysen visas utan samma period i fjol.",
    sv: (p, f) =>
      `Kassaflödesanalysen visas utan samma period ${p.year}: ${p.year} års IB-rader och rader till och med ${f.date(p.to)} går inte ` +
      `ihop till en balansräkning (kassaflödet skiljer sig med ${f.money(p.difference)} från förändringen av kassa och bank). ` +
      `Se varningarna om konton utan rapportrad och verifikationer som inte balanserar.`,
    en: (p, f) =>
      `The cash flow is shown without the same period of ${p.year}: the IB rows of ${p.year} and its rows up to ${f.date(p.to)} do not ` +
      `add up to a balance sheet (the cash flow differs by ${f.money(p.difference)} from the change in cash). See the ` +
      `warnings about accounts without a report line and vouchers that do not balance.`,
    example: { year: 2025, to: "2025-04-30", difference: "1000" },
  },
  forecast_below_actual: {
    meaning:
      "Varning: en helårsprognos som inte följer utfallet (budget, manuell, medfinansiering) når inte upp till det som redan " +
      "är bokfört till och med brytdatum, så resten av året skulle behöva ge tillbaka skillnaden.",
    sv: (p, f) =>
      `${LINE_SV[p.line]} (${METHOD_WORDS[p.method].sv.toLowerCase()}): helårsprognosen ${f.money(p.forecast)} når inte upp ` +
      `till det som redan är bokfört till och med brytdatum, ${f.money(p.actual)}; prognosen förutsätter att ` +
      `${f.money(p.back)} av det går tillbaka under resten av året. Stämmer det inte, ändra prognosen i tabellen Prognos ` +
      "(metod eller belopp).",
    en: (p, f) =>
      `${LINE_EN[p.line]} (${METHOD_WORDS[p.method].en.toLowerCase()}): the full-year forecast ${f.money(p.forecast)} falls ` +
      `short of what is already booked up to the cut-off, ${f.money(p.actual)}; the forecast assumes that ` +
      `${f.money(p.back)} of it is reversed during the rest of the year. If that is not so, change the forecast in the ` +
      "Prognos table (method or amount).",
    example: { line: "personalkostnader", method: "budget", forecast: "-2400000", actual: "-2612500", back: "212500" },
  },
  forecast_fallback: {
    meaning: "Varning: föregående år kan inte användas (fjolårets period är 0); utfall+restbudget används.",
    sv: (p) =>
      `${LINE_SV[p.line]}: föregående år kan inte användas eftersom fjolårets utfall för samma period är 0; ` +
      `utfall+restbudget används.`,
    en: (p) =>
      `${LINE_EN[p.line]}: föregående år (prior year) cannot be used because last year's actual for the same ` +
      `period is 0; utfall+restbudget (actual + remaining budget) is used.`,
    example: { line: "ovriga_intakter" },
  },
};
