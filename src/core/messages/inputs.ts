/**
 * The inputs: finding tables and columns, cell values, settings, members, accounts, budget, ledger, grants,
 * forecast choices and ceiling bands.
 */
import { METHOD_LABELS } from "../inputs";
import type { Group, LeafLine } from "../reportLines";
import type { FunctionId } from "../functionIds";
import { BUDGET_ROW_EN, BUDGET_ROW_SV, Entry, GROUP_EN, GROUP_SV, METHODS_SV, None, ValueParams, none, valueEntry } from "./words";

export interface InputParams {
  missing_table: { table: string; sheet: string };
  /** `debitCredit`: the ledger's Belopp is missing and so is one of Debet and Kredit. */
  missing_column: { column: string; alias: string; sheet: string; row: number; debitCredit?: boolean };
  budget_years_missing: None;
  blank_required: None;
  member_key_blank: { member: string; group: Group };
  setting_name_blank: None;
  budget_line_blank: None;
  invalid_amount: ValueParams;
  invalid_number: ValueParams;
  invalid_percent: ValueParams;
  invalid_date: ValueParams;
  invalid_year: ValueParams;
  invalid_account: ValueParams;
  invalid_setting: ValueParams;
  cell_error_value: ValueParams;
  unknown_setting: { name: string };
  duplicate_setting: { setting: string; otherCell: string };
  missing_setting: { setting: string };
  state_share_zero: None;
  total_conflict: { total: string; derived: string };
  shares_not_100: { sum: string };
  contributions_missing: { year: number };
  cutoff_invalid: { cutoff: string };
  cutoff_outside_year: { cutoff: string; year: number };
  cutoff_not_month_end: { cutoff: string };
  unknown_group: { value: string };
  negative_key: None;
  duplicate_member: { name: string; otherCell: string };
  no_member_in_group: { group: Group };
  total_not_multiple_of_unit: { year: number; total: string; unit: string };
  no_positive_weight: { year: number };
  negative_weight: { year: number };
  bad_unit: { year: number };
  unknown_report_line: { value: string; table: string };
  overlapping_accounts: { from: number; to: number; otherFrom: number; otherTo: number; otherCell: string };
  duplicate_budget_row: { line: LeafLine | FunctionId; year: number; otherCell: string };
  unknown_account: { account: number };
  unknown_accounts_more: { count: number };
  amount_overflow: None;
  grant_dates_reversed: None;
  unknown_method: { value: string };
  manual_without_amount: None;
  manual_without_comment: None;
  duplicate_forecast: { line: LeafLine; otherCell: string };
  method_not_allowed: { method: "ataganden" | "medfinansiering" };
  grants_missing: { method: "ataganden" | "medfinansiering" };
  ceiling_bands_missing: None;
  ceiling_band_start: None;
  ceiling_band_open: None;
  ceiling_band_gap: { to: string; from: string };
  ceiling_band_reversed: None;
}

/** The methods that rest on Insatser, as the Prognos table spells them (METHOD_LABELS), in English with a gloss. */
const METHOD_EN = { ataganden: "åtaganden (commitments)", medfinansiering: "medfinansiering (co-financing)" } as const;

export const INPUT_MESSAGES: { [C in keyof InputParams]: Entry<InputParams[C]> } = {
  missing_table: {
    meaning: "En obligatorisk indatatabell saknas (varken tabell eller blad med namnet finns).",
    sv: (p) => `Tabellen ${p.table} (bladet ${p.sheet}) saknas i arbetsboken.`,
    en: (p) => `The table ${p.table} (sheet ${p.sheet}) is missing from the workbook.`,
    example: { table: "Medlemmar", sheet: "Medlemmar" },
  },
  missing_column: {
    meaning: "En obligatorisk kolumn saknas i rubrikraden (i Huvudbok: Belopp, eller både Debet och Kredit).",
    sv: (p) =>
      p.debitCredit
        ? `Kolumnen "${p.column}" (${p.alias}) saknas i ${p.sheet}, och det finns inte heller både Debet och Kredit.`
        : `Kolumnen "${p.column}" (${p.alias}) saknas i ${p.sheet}; rubrikraden är rad ${p.row}.`,
    en: (p) =>
      p.debitCredit
        ? `The column "${p.column}" (${p.alias}) is missing in ${p.sheet}, and there are not both Debet and Kredit either.`
        : `The column "${p.column}" (${p.alias}) is missing in ${p.sheet}; the header row is row ${p.row}.`,
    example: { column: "Datum", alias: "Date", sheet: "Huvudbok", row: 1 },
  },
  budget_years_missing: {
    meaning: "Budget har varken årskolumner (bred form) eller kolumnerna År och Belopp (lång form).",
    sv: () => "Budget saknar årskolumner (t.ex. 2026) eller kolumnerna År och Belopp.",
    en: () => "Budget has no year columns (such as 2026) and no columns År (Year) and Belopp (Amount).",
    example: none,
  },
  member_key_blank: {
    meaning: "En medlems fördelningsnyckel är tom och huvudmannen har fler medlemmar (en ensam medlems tomma nyckel räknas som 1).",
    sv: (p) =>
      `Fördelningsnyckel saknas för ${p.member}. ${GROUP_SV[p.group]} har flera medlemmar som delar på sin andel efter ` +
      "nyckeln (t.ex. invånare), så varje medlem behöver en; fyll i den, eller 0 för en medlem som inte betalar i år.",
    en: (p) =>
      `The distribution key is missing for ${p.member}. ${GROUP_EN[p.group]} has several members who share its part by ` +
      "the key (e.g. inhabitants), so each needs one; fill it in, or 0 for a member who does not pay this year.",
    example: { member: "Älvby kommun", group: "Kommun" },
  },
  blank_required: {
    meaning: "En obligatorisk cell är tom på en rad som har andra uppgifter.",
    sv: () => "Cellen är tom men raden har andra uppgifter; fyll i den eller töm raden.",
    en: () => "The cell is empty but the row has other data; fill it in or clear the row.",
    example: none,
  },
  setting_name_blank: {
    meaning: "En rad i Inställningar har ett värde men inget namn.",
    sv: () => "Inställningens namn saknas.",
    en: () => "The setting's name is missing.",
    example: none,
  },
  budget_line_blank: {
    meaning: "En rad i Budget har belopp men ingen rapportrad.",
    sv: () => "Rapportrad saknas men raden har belopp.",
    en: () => "The report line is missing but the row has amounts.",
    example: none,
  },
  invalid_amount: valueEntry("Cellen är inte ett belopp i kronor med högst två decimaler.", {
    problem: "not_amount",
    value: '"12,5 kr"',
  }),
  invalid_number: valueEntry("Cellen är inte ett tal.", { problem: "not_number", value: '"tre"' }),
  invalid_percent: valueEntry("Cellen är inte en procentsats mellan 0 % och 100 %.", {
    problem: "percent_range",
    value: '"125 %"',
    label: "Andel region",
  }),
  invalid_date: valueEntry("Cellen är inte ett giltigt datum (Excel-datum eller ÅÅÅÅ-MM-DD).", {
    problem: "not_iso_date",
    value: '"15/3 2020"',
  }),
  invalid_year: valueEntry("Räkenskapsåret eller ett budgetår är inte ett rimligt årtal.", {
    problem: "not_integer",
    value: '"tjugotjugoett"',
    label: "Räkenskapsår",
  }),
  invalid_account: valueEntry("Cellen är inte ett kontonummer eller ett intervall.", { problem: "not_account", value: '"lön"' }),
  invalid_setting: valueEntry("En inställning har ett värde som inte är tillåtet.", {
    problem: "one_of",
    value: "500",
    label: "Avrundningsenhet",
    allowed: "1, 100 eller 1000 (kr)",
  }),
  cell_error_value: valueEntry("Cellen innehåller ett felvärde (#REF!, #N/A, #SAKNAS! …) i stället för ett värde.", {
    problem: "error_value",
    value: "#REF!",
  }),
  unknown_setting: {
    meaning: "Varning: en rad i Inställningar har ett namn som inte är en känd inställning.",
    sv: (p) => `Inställningen "${p.name}" är okänd och används inte.`,
    en: (p) => `The setting "${p.name}" is unknown and is not used.`,
    example: { name: "Färg" },
  },
  duplicate_setting: {
    meaning: "Samma inställning finns på två rader.",
    sv: (p) => `Inställningen ${p.setting} finns redan på ${p.otherCell}.`,
    en: (p) => `The setting ${p.setting} is already given at ${p.otherCell}.`,
    example: { setting: "Förbund", otherCell: "Inställningar!A2" },
  },
  missing_setting: {
    meaning: "En obligatorisk inställning (Förbund, Räkenskapsår) saknas.",
    sv: (p) => `Inställningen ${p.setting} saknas. Skriv den här: värdet i kolumnen Värde, på en rad med namnet ${p.setting}.`,
    en: (p) => `The setting ${p.setting} is missing. Type it here: its value in the column Värde, on a row named ${p.setting}.`,
    example: { setting: "Räkenskapsår" },
  },
  state_share_zero: {
    meaning: "Statens bidrag är angivet men Andel stat är 0 %, så totalen kan inte räknas fram.",
    sv: () => "Statens bidrag är angivet men Andel stat är 0 %.",
    en: () => "Statens bidrag (state contribution) is given but Andel stat (state share) is 0%.",
    example: none,
  },
  total_conflict: {
    meaning: "Medlemsbidrag totalt stämmer inte med Statens bidrag ÷ Andel stat.",
    sv: (p, f) => `Medlemsbidrag totalt (${f.money(p.total)}) stämmer inte med Statens bidrag ÷ Andel stat (${f.money(p.derived)}).`,
    en: (p, f) => `Medlemsbidrag totalt (${f.money(p.total)}) does not match Statens bidrag ÷ Andel stat (${f.money(p.derived)}).`,
    example: { total: "9500000", derived: "8886000" },
  },
  shares_not_100: {
    meaning: "Andel stat, region och kommuner blir inte 100 % tillsammans.",
    sv: (p, f) => `Andel stat, region och kommuner blir tillsammans ${f.percent(p.sum)}, inte 100 %.`,
    en: (p, f) => `The state, region and municipality shares add up to ${f.percent(p.sum)}, not 100%.`,
    example: { sum: "1.1" },
  },
  contributions_missing: {
    meaning: "Årets medlemsbidrag går inte att bestämma (varken inställning eller budgetrad).",
    sv: (p) =>
      `Årets medlemsbidrag saknas: ange Statens bidrag eller Medlemsbidrag totalt i Inställningar, ` +
      `eller raden medlemsbidrag för ${p.year} i Budget.`,
    en: (p) =>
      `The year's member contributions are missing: give Statens bidrag or Medlemsbidrag totalt in Inställningar, ` +
      `or the line medlemsbidrag for ${p.year} in Budget.`,
    example: { year: 2026 },
  },
  cutoff_invalid: {
    meaning: "Brytdatum är inte ett giltigt datum.",
    sv: (p) => `Brytdatum "${p.cutoff}" är inte ett giltigt datum (ÅÅÅÅ-MM-DD).`,
    en: (p) => `The cut-off date "${p.cutoff}" is not a valid date (YYYY-MM-DD).`,
    example: { cutoff: "2026-13-01" },
  },
  cutoff_outside_year: {
    meaning: "Brytdatum ligger utanför räkenskapsåret.",
    sv: (p, f) => `Brytdatum ${f.date(p.cutoff)} ligger utanför räkenskapsåret ${p.year}.`,
    en: (p, f) => `The cut-off date ${f.date(p.cutoff)} is outside the fiscal year ${p.year}.`,
    example: { cutoff: "2025-04-30", year: 2026 },
  },
  cutoff_not_month_end: {
    meaning: "Brytdatum är inte sista dagen i en månad.",
    sv: (p, f) => `Brytdatum ${f.date(p.cutoff)} är inte sista dagen i en månad.`,
    en: (p, f) => `The cut-off date ${f.date(p.cutoff)} is not the last day of a month.`,
    example: { cutoff: "2026-04-15" },
  },
  unknown_group: {
    meaning: "Huvudman är inte Stat, Region eller Kommun.",
    sv: (p) => `Huvudman "${p.value}" är okänd; använd Stat, Region eller Kommun.`,
    en: (p) => `The group "${p.value}" is unknown; use Stat, Region or Kommun.`,
    example: { value: "Landet" },
  },
  negative_key: {
    meaning: "En fördelningsnyckel är negativ.",
    sv: () => "Fördelningsnyckeln får inte vara negativ.",
    en: () => "The allocation key must not be negative.",
    example: none,
  },
  duplicate_member: {
    meaning: "Samma medlem finns på två rader.",
    sv: (p) => `Medlemmen "${p.name}" finns redan på ${p.otherCell}.`,
    en: (p) => `The member "${p.name}" is already listed at ${p.otherCell}.`,
    example: { name: "Storstad", otherCell: "Medlemmar!A4" },
  },
  no_member_in_group: {
    meaning: "En huvudman har en andel men ingen medlem med positiv fördelningsnyckel.",
    sv: (p) => `Huvudmannen ${GROUP_SV[p.group]} har en andel men ingen medlem med positiv fördelningsnyckel.`,
    en: (p) => `${GROUP_EN[p.group]} has a share but no member with a positive allocation key.`,
    example: { group: "Kommun" },
  },
  total_not_multiple_of_unit: {
    meaning: "Årets medlemsbidrag är inte en jämn multipel av avrundningsenheten.",
    sv: (p, f) => `${p.year}: Beloppet ${f.money(p.total)} är inte en jämn multipel av avrundningsenheten ${f.money(p.unit)}.`,
    en: (p, f) => `${p.year}: The amount ${f.money(p.total)} is not a whole multiple of the rounding unit ${f.money(p.unit)}.`,
    example: { year: 2026, total: "8886500", unit: "1000" },
  },
  no_positive_weight: {
    meaning: "Det finns ingen del med positiv nyckel att fördela ett belopp på.",
    sv: (p) => `${p.year}: Det finns ingen del med positiv fördelningsnyckel att fördela beloppet på.`,
    en: (p) => `${p.year}: There is no part with a positive key to allocate the amount to.`,
    example: { year: 2026 },
  },
  negative_weight: {
    meaning: "En fördelningsnyckel är negativ (upptäckt vid fördelningen).",
    sv: (p) => `${p.year}: En fördelningsnyckel är negativ.`,
    en: (p) => `${p.year}: An allocation key is negative.`,
    example: { year: 2026 },
  },
  bad_unit: {
    meaning: "Avrundningsenheten är inte positiv.",
    sv: (p) => `${p.year}: Avrundningsenheten måste vara positiv.`,
    en: (p) => `${p.year}: The rounding unit must be positive.`,
    example: { year: 2026 },
  },
  unknown_report_line: {
    meaning: "Rapportraden är inte en av kontraktets koder eller benämningar.",
    sv: (p) => `Rapportraden ${p.value} är okänd i ${p.table}.`,
    en: (p) => `The report line ${p.value} is unknown in ${p.table}.`,
    example: { value: '"löner"', table: "Kontoplan" },
  },
  overlapping_accounts: {
    meaning: "Två kontointervall i Kontoplan överlappar.",
    sv: (p) => `Kontointervallet ${p.from}–${p.to} överlappar ${p.otherFrom}–${p.otherTo} (${p.otherCell}).`,
    en: (p) => `The account range ${p.from}–${p.to} overlaps ${p.otherFrom}–${p.otherTo} (${p.otherCell}).`,
    example: { from: 5500, to: 5600, otherFrom: 5000, otherTo: 5999, otherCell: "Kontoplan!A4" },
  },
  duplicate_budget_row: {
    meaning: "Samma rapportrad och år finns två gånger i Budget.",
    sv: (p) => `Budget för ${BUDGET_ROW_SV[p.line]} ${p.year} finns redan på ${p.otherCell}.`,
    en: (p) => `The budget for ${BUDGET_ROW_EN[p.line]} ${p.year} is already given at ${p.otherCell}.`,
    example: { line: "personalkostnader", year: 2026, otherCell: "Budget!C4" },
  },
  unknown_account: {
    meaning: "Ett konto i Huvudbok täcks inte av någon rad i Kontoplan.",
    sv: (p) => `Kontot ${p.account} finns inte i Kontoplan.`,
    en: (p) => `The account ${p.account} is not in Kontoplan (the chart of accounts).`,
    example: { account: 9999 },
  },
  unknown_accounts_more: {
    meaning: "Fler än 50 rader har konton som saknas i Kontoplan (de första 50 visas var för sig).",
    sv: (p, f) => `Ytterligare ${f.count(p.count)} rader har konton som inte finns i Kontoplan.`,
    en: (p, f) => `A further ${f.count(p.count)} rows have accounts that are not in Kontoplan.`,
    example: { count: 120 },
  },
  amount_overflow: {
    meaning:
      "Huvudbokens belopp blir tillsammans (utan tecken) mer än vad som kan summeras exakt i ören (90 biljoner kronor); " +
      "cellen är där gränsen passeras.",
    sv: () => "Huvudbokens belopp blir här tillsammans mer än 90 biljoner kronor, mer än vad som kan summeras exakt.",
    en: () => "Together the ledger's amounts pass 90 trillion kronor here, more than can be summed exactly.",
    example: none,
  },
  grant_dates_reversed: {
    meaning: "Ett Till-datum ligger före sitt Från-datum (en insats i Insatser, en medlem i Medlemmar).",
    sv: () => "Till-datum ligger före Från-datum.",
    en: () => "The Till (to) date is before the Från (from) date.",
    example: none,
  },
  unknown_method: {
    meaning: "Prognosmetoden är inte en av de sju metoderna.",
    sv: (p) => `Prognosmetoden "${p.value}" är okänd; välj ${METHODS_SV}.`,
    en: (p) =>
      `The forecast method "${p.value}" is unknown; choose budget, linjär, utfall+restbudget, föregående år, åtaganden or manuell.`,
    example: { value: "gissning" },
  },
  manual_without_amount: {
    meaning: "Metoden manuell saknar belopp.",
    sv: () => "Manuell prognos kräver ett belopp (helår, positivt).",
    en: () => "A manual forecast needs an amount (full year, positive).",
    example: none,
  },
  manual_without_comment: {
    meaning: "Metoden manuell saknar kommentar.",
    sv: () => "Manuell prognos kräver en kommentar som förklarar beloppet.",
    en: () => "A manual forecast needs a comment that explains the amount.",
    example: none,
  },
  duplicate_forecast: {
    meaning: "Samma rapportrad har två prognosmetoder.",
    sv: (p) => `Raden ${BUDGET_ROW_SV[p.line]} har redan en prognosmetod (${p.otherCell}).`,
    en: (p) => `The line ${BUDGET_ROW_EN[p.line]} already has a forecast method (${p.otherCell}).`,
    example: { line: "personalkostnader", otherCell: "Prognos!B2" },
  },
  method_not_allowed: {
    meaning: "Metoden åtaganden används på en annan rad än Bidrag till insatser, eller medfinansiering på en annan än Projektmedel.",
    sv: (p) =>
      `Metoden ${METHOD_LABELS[p.method]} kan bara användas för ${p.method === "ataganden" ? "Bidrag till insatser" : "Projektmedel"}.`,
    en: (p) =>
      `The method ${METHOD_EN[p.method]} can only be used for ${p.method === "ataganden" ? "Bidrag till insatser" : "Projektmedel"}.`,
    example: { method: "ataganden" },
  },
  grants_missing: {
    meaning: "Metoden åtaganden eller medfinansiering är vald men tabellen Insatser saknas.",
    sv: (p) => `Metoden ${METHOD_LABELS[p.method]} kräver tabellen Insatser.`,
    en: (p) => `The method ${METHOD_EN[p.method]} needs the table Insatser.`,
    example: { method: "ataganden" },
  },
  ceiling_bands_missing: {
    meaning: "Takregel är Tabell men tabellen Takregel saknas eller är tom.",
    sv: () => "Takregel är satt till Tabell men tabellen Takregel saknas eller är tom.",
    en: () => "Takregel (ceiling rule) is set to Tabell but the table Takregel is missing or empty.",
    example: none,
  },
  ceiling_band_start: {
    meaning: "Takregelns första intervall börjar inte på 0.",
    sv: () => "Första intervallet i Takregel måste börja på 0.",
    en: () => "The first band in Takregel must start at 0.",
    example: none,
  },
  ceiling_band_open: {
    meaning: "Ett intervall som inte är det sista saknar Till.",
    sv: () => "Bara det sista intervallet i Takregel får sakna Till.",
    en: () => "Only the last band in Takregel may leave Till (to) empty.",
    example: none,
  },
  ceiling_band_gap: {
    meaning: "Takregelns intervall hänger inte ihop (ett Till följs av ett annat Från).",
    sv: (p, f) => `Intervallen i Takregel hänger inte ihop: ${f.money(p.to)} följs av ${f.money(p.from)}.`,
    en: (p, f) => `The bands in Takregel are not contiguous: ${f.money(p.to)} is followed by ${f.money(p.from)}.`,
    example: { to: "5000000", from: "6000000" },
  },
  ceiling_band_reversed: {
    meaning: "Ett intervall i Takregel har Till mindre än eller lika med Från.",
    sv: () => "Till måste vara större än Från.",
    en: () => "Till (to) must be greater than Från (from).",
    example: none,
  },
};
