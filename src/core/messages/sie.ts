/** SIE files: reading, checking, reconciling and importing them. */
import { Entry, listEn, listSv, None, SIE_KIND_EN, SIE_KIND_SV, SIE_ROWS_EN, SIE_ROWS_SV, none } from "./words";

export interface SieParams {
  sie_not_sie: None;
  sie_too_large: { megabytes: number };
  sie_replacement_characters: { count: number };
  sie_unbalanced_voucher: { series: string; number: string; difference: string };
  sie_trans_incomplete: None;
  sie_bad_amount: { value: string };
  sie_bad_date: { value: string };
  sie_date_out_of_range: { value: string };
  sie_checksum_wrong: { stated: string; actual: string };
  sie_balance_mismatch: { kind: "UB" | "RES" | "PSALDO"; account: number; period: string; year: number; stated: string; computed: string };
  sie_year_not_calendar: { start: string; end: string };
  sie_no_fiscal_year: None;
  sie_account_not_number: { value: string };
  sie_amount_too_large: { value: string };
  sie_amounts_total_too_large: None;
  sie_stray_brace: { brace: "{" | "}" };
  sie_not_a_record: { text: string };
  sie_voucher_without_brace: None;
  sie_voucher_not_closed: None;
  sie_trans_outside_voucher: None;
  sie_bad_year_index: { value: string };
  sie_fiscal_year_reversed: { start: string; end: string };
  sie_fiscal_years_overlap: { start: string; end: string; otherStart: string; otherEnd: string };
  sie_checksum_unclosed: None;
  sie_years_span: { first: number; last: number };
  sie_transactions_added: { year: number };
  sie_year_skipped: { start: string; end: string };
  sie_year_no_data: { year: number };
  sie_year_balances_only: { year: number };
  sie_psaldo_ambiguous: { account: number; period: string };
  sie_psaldo_by_object: { year: number; accounts: number[] };
  sie_bad_period: { value: string };
  sie_vouchers_outside_years: { count: number };
  duplicate_vouchers: { count: number; sheet: string; voucher: string };
}

export const SIE_MESSAGES: { [C in keyof SieParams]: Entry<SieParams[C]> } = {
  duplicate_vouchers: {
    meaning:
      "Varning: en verifikation finns två gånger i samma år, på olika ställen i " +
      "Huvudbok (dubbelimport?). Lika rader inom en verifikation är normala.",
    sv: (p, f) =>
      `${f.count(p.count)} verifikationer i ${p.sheet} finns en gång till längre ner med samma rader (först ${p.voucher}). Dubbelimport?`,
    en: (p, f) =>
      `${f.count(p.count)} vouchers in ${p.sheet} appear again further down with the same rows (first ${p.voucher}). Imported twice?`,
    example: { count: 1, sheet: "Huvudbok", voucher: "A 12" },
  },
  sie_not_sie: {
    meaning: "Filen är inte en SIE-fil (ingen rad börjar med en SIE-tagg som #FLAGGA).",
    sv: () => "Filen är inte en SIE-fil: den första raden med innehåll är inte en SIE-post (#FLAGGA, #SIETYP …).",
    en: () => "The file is not an SIE file: its first line with content is not an SIE record (#FLAGGA, #SIETYP …).",
    example: none,
  },
  sie_too_large: {
    meaning: "SIE-filen är större än gränsen (256 MB); en export med en miljon transaktioner är omkring 60 MB.",
    sv: (p) => `SIE-filen är större än ${p.megabytes} MB och läses inte.`,
    en: (p) => `The SIE file is larger than ${p.megabytes} MB and is not read.`,
    example: { megabytes: 256 },
  },
  sie_replacement_characters: {
    meaning: "Varning: texten innehåller ersättningstecken (�), så filens teckenkodning stämmer inte helt.",
    sv: (p) => `SIE-filens text innehåller ${p.count} ersättningstecken (�): någon text har fel teckenkodning i filen.`,
    en: (p) => `The SIE file's text holds ${p.count} replacement characters (�): some text is in the wrong encoding.`,
    example: { count: 3 },
  },
  sie_unbalanced_voucher: {
    meaning: "Fel: en verifikation i SIE-filen balanserar inte (debet ≠ kredit).",
    sv: (p, f) =>
      `Verifikation ${[p.series, p.number].filter(Boolean).join(" ")} balanserar inte: raderna summerar till ${f.money(p.difference)}.`,
    en: (p, f) => `Voucher ${[p.series, p.number].filter(Boolean).join(" ")} does not balance: its rows sum to ${f.money(p.difference)}.`,
    example: { series: "A", number: "12", difference: "100.00" },
  },
  sie_trans_incomplete: {
    meaning: "Fel: en #TRANS-rad saknar konto eller belopp.",
    sv: () => "Transaktionsraden (#TRANS) saknar konto eller belopp.",
    en: () => "The transaction row (#TRANS) has no account or no amount.",
    example: none,
  },
  sie_bad_amount: {
    meaning: "Fel: ett belopp i SIE-filen är inte ett tal med högst två decimaler.",
    sv: (p) => `Beloppet "${p.value}" är inte ett belopp (tal med högst två decimaler, punkt som decimaltecken).`,
    en: (p) => `The amount "${p.value}" is not an amount (a number with at most two decimals, a point as the decimal sign).`,
    example: { value: "12,345.678" },
  },
  sie_bad_date: {
    meaning: "Fel: ett datum i SIE-filen finns inte eller är inte skrivet ÅÅÅÅMMDD.",
    sv: (p) => `Datumet "${p.value}" finns inte eller är inte skrivet ÅÅÅÅMMDD.`,
    en: (p) => `The date "${p.value}" does not exist or is not written YYYYMMDD.`,
    example: { value: "20250231" },
  },
  sie_date_out_of_range: {
    meaning: "Fel: ett datum i SIE-filen ligger före 1900, som ett kalkylblad inte kan hålla (ett år skrivet med fel siffror).",
    sv: (p) => `Datumet "${p.value}" ligger före år 1900, som ett kalkylblad inte kan hålla. Rätta året i bokföringsprogrammet.`,
    en: (p) =>
      `The date "${p.value}" is before the year 1900, which a spreadsheet cannot hold. Correct the year in the accounting program.`,
    example: { value: "00260101 00261231" },
  },
  sie_checksum_wrong: {
    meaning: "Fel: filens kontrollsumma (#KSUMMA) stämmer inte; filen har ändrats eller skadats efter exporten.",
    sv: (p) =>
      `Kontrollsumman (#KSUMMA) stämmer inte: filen anger ${p.stated}, innehållet ger ${p.actual}. Filen har ändrats efter exporten.`,
    en: (p) =>
      `The checksum (#KSUMMA) does not match: the file states ${p.stated}, the content gives ${p.actual}. The file changed after export.`,
    example: { stated: "1573150874", actual: "204762964" },
  },
  sie_balance_mismatch: {
    meaning:
      "Varning (fel vid import): filens utgående balans (#UB), resultat (#RES) eller " +
      "periodsaldo (#PSALDO) för ett konto skiljer sig från det raderna ger.",
    sv: (p, f) =>
      `Konto ${p.account}, ${p.kind === "PSALDO" ? `period ${p.period}` : p.year}: filens ` +
      `${SIE_KIND_SV[p.kind]} är ${f.money(p.stated)}, ` +
      `men ${SIE_ROWS_SV[p.kind]} ger ${f.money(p.computed)}.`,
    en: (p, f) =>
      `Account ${p.account}, ${p.kind === "PSALDO" ? `period ${p.period}` : p.year}: the file's ` +
      `${SIE_KIND_EN[p.kind]} is ${f.money(p.stated)}, but ${SIE_ROWS_EN[p.kind]} ${f.money(p.computed)}.`,
    example: { kind: "UB", account: 1930, period: "", year: 2026, stated: "125000.00", computed: "124000.00" },
  },
  sie_year_not_calendar: {
    meaning: "SIE-filens räkenskapsår (år 0) är inte ett kalenderår; samordningsförbund har kalenderår, så filen importeras inte.",
    sv: (p, f) =>
      `Filens räkenskapsår går från ${f.date(p.start)} till ${f.date(p.end)}. Samordningsförbund har kalenderår; ` +
      "filen importeras inte (finsam sie <fil> --json läser och sammanfattar den ändå).",
    en: (p, f) =>
      `The file's fiscal year runs from ${f.date(p.start)} to ${f.date(p.end)}. Coordination associations keep calendar ` +
      "years; the file is not imported (finsam sie <file> --json still reads and summarises it).",
    example: { start: "2009-07-01", end: "2010-06-30" },
  },

  sie_no_fiscal_year: {
    meaning: "SIE-filen anger inget räkenskapsår (#RAR), så importen vet inte vilka år den ersätter.",
    sv: () => "Filen anger inget räkenskapsår (#RAR 0); importen vet inte vilka år den ska ersätta.",
    en: () => "The file states no fiscal year (#RAR 0); the import cannot tell which years to replace.",
    example: none,
  },
  sie_account_not_number: {
    meaning: "Fel: ett konto i SIE-filen är inte ett kontonummer (bara siffror).",
    sv: (p) => `Kontot "${p.value}" är inte ett kontonummer (bara siffror, t.ex. 1930).`,
    en: (p) => `The account "${p.value}" is not an account number (digits only, e.g. 1930).`,
    example: { value: "FEL" },
  },
  sie_amount_too_large: {
    meaning: "Fel: ett belopp är större än vad arbetsboken läser (1 000 miljarder kronor, som i Huvudbok).",
    sv: (p) => `Beloppet "${p.value}" är större än de 1 000 000 000 000,00 kr som arbetsboken läser.`,
    en: (p) => `The amount "${p.value}" is larger than the 1,000,000,000,000.00 kr the workbook reads.`,
    example: { value: "45035996273704.97" },
  },
  sie_amounts_total_too_large: {
    meaning:
      "Fel: filens belopp blir tillsammans (utan tecken) mer än vad som kan summeras exakt (90 biljoner kronor); " +
      "raden är där gränsen passeras.",
    sv: () => "Filens belopp blir här tillsammans mer än 90 biljoner kronor, mer än vad som kan summeras exakt. Filen läses inte.",
    en: () => "Together the file's amounts pass 90 trillion kronor here, more than can be summed exactly. The file is not read.",
    example: {},
  },
  sie_stray_brace: {
    meaning:
      "Fel: en klammer som inte hör till en verifikation (en `{` utan #VER före, en `{` i en öppen verifikation, en `}` som inget öppnat).",
    sv: (p) =>
      p.brace === "{"
        ? "Klammern { hör inte till någon #VER (den står utanför en verifikation eller inuti en öppen)."
        : "Klammern } stänger ingenting: ingen verifikation är öppen.",
    en: (p) =>
      p.brace === "{"
        ? "The brace { belongs to no #VER (it stands outside a voucher or inside an open one)."
        : "The brace } closes nothing: no voucher is open.",
    example: { brace: "}" },
  },
  sie_not_a_record: {
    meaning: "Fel: en rad inuti en verifikation är inte en SIE-post (börjar inte med #).",
    sv: (p) => `Raden "${p.text}" inuti en verifikation är inte en SIE-post (en post börjar med #, t.ex. #TRANS).`,
    en: (p) => `The line "${p.text}" inside a voucher is not an SIE record (a record starts with #, e.g. #TRANS).`,
    example: { text: "1930 {} -500.00" },
  },
  sie_voucher_without_brace: {
    meaning: "Fel: en #VER som inte följs av { (verifikationens rader kan inte skiljas från resten).",
    sv: () => "Verifikationen (#VER) följs inte av en klammer {; dess rader kan inte skiljas från filens övriga poster.",
    en: () => "The voucher (#VER) is not followed by a brace {; its rows cannot be told from the file's other records.",
    example: none,
  },
  sie_voucher_not_closed: {
    meaning: "Fel: en verifikation som aldrig stängs med } (före nästa #VER eller filens slut).",
    sv: () => "Verifikationen stängs aldrig med }: nästa #VER eller filens slut kommer först.",
    en: () => "The voucher is never closed with }: the next #VER or the end of the file comes first.",
    example: none,
  },
  sie_trans_outside_voucher: {
    meaning: "Fel: en #TRANS utanför en verifikations klamrar.",
    sv: () => "Transaktionsraden (#TRANS) står utanför en verifikation (#VER med { … }).",
    en: () => "The transaction row (#TRANS) stands outside a voucher (#VER with { … }).",
    example: none,
  },
  sie_bad_year_index: {
    meaning: "Fel: årsnumret i #RAR, #IB, #UB eller #RES är inte ett heltal (0 = i år, −1 = i fjol).",
    sv: (p) => `Årsnumret "${p.value}" är inte ett heltal (0 för räkenskapsåret, -1 för året före).`,
    en: (p) => `The year index "${p.value}" is not a whole number (0 for the fiscal year, -1 for the year before).`,
    example: { value: "x" },
  },
  sie_fiscal_year_reversed: {
    meaning: "Fel: ett räkenskapsår (#RAR) slutar före det börjar.",
    sv: (p, f) => `Räkenskapsåret slutar ${f.date(p.end)}, före det börjar (${f.date(p.start)}).`,
    en: (p, f) => `The fiscal year ends on ${f.date(p.end)}, before it starts (${f.date(p.start)}).`,
    example: { start: "2026-01-01", end: "2025-12-31" },
  },
  sie_fiscal_years_overlap: {
    meaning: "Fel: två räkenskapsår (#RAR) överlappar eller har samma årsnummer.",
    sv: (p, f) =>
      `Räkenskapsåret ${f.date(p.start)}–${f.date(p.end)} överlappar året ${f.date(p.otherStart)}–${f.date(p.otherEnd)} ` +
      "(eller har samma årsnummer).",
    en: (p, f) =>
      `The fiscal year ${f.date(p.start)}–${f.date(p.end)} overlaps the year ${f.date(p.otherStart)}–${f.date(p.otherEnd)} ` +
      "(or has the same index).",
    example: { start: "2025-06-01", end: "2026-05-31", otherStart: "2026-01-01", otherEnd: "2026-12-31" },
  },
  sie_checksum_unclosed: {
    meaning: "Fel: kontrollsumman (#KSUMMA) öppnas men stängs aldrig med en #KSUMMA med summan; filen är avkortad.",
    sv: () => "Kontrollsumman (#KSUMMA) öppnas här men filen slutar utan den avslutande #KSUMMA: filen är troligen avkortad.",
    en: () => "The checksum (#KSUMMA) opens here but the file ends without the closing #KSUMMA: the file is probably cut short.",
    example: none,
  },
  sie_years_span: {
    meaning: "En SIE-fil utan räkenskapsår (#RAR) vars verifikationer spänner över flera kalenderår importeras inte.",
    sv: (p) =>
      `Filen anger inget räkenskapsår (#RAR) och verifikationerna är daterade ${p.first}–${p.last}; ` +
      "importen kan inte avgöra året. Exportera ett år i taget.",
    en: (p) =>
      `The file states no fiscal year (#RAR) and its vouchers are dated ${p.first}–${p.last}; ` +
      "the import cannot tell the year. Export one year at a time.",
    example: { first: 2025, last: 2026 },
  },
  sie_transactions_added: {
    meaning:
      "Varning: en transaktionsfil (SIE 4I: verifikationer utan saldon, eller utan " +
      "räkenskapsår #RAR): verifikationerna läggs till året, inget ersätts.",
    sv: (p) =>
      `Filen är en transaktionsfil för ${p.year} (verifikationer utan årets saldon). Dess verifikationer läggs till ` +
      "Huvudbokens rader; inga rader ersätts.",
    en: (p) =>
      `The file is a transaction file for ${p.year} (vouchers without the year's balances). Its vouchers are added to ` +
      "Huvudbok's rows; no rows are replaced.",
    example: { year: 2026 },
  },
  sie_year_skipped: {
    meaning: "Varning: ett tidigare räkenskapsår i filen är inte ett kalenderår och importeras inte.",
    sv: (p, f) => `Räkenskapsåret ${f.date(p.start)}–${f.date(p.end)} är inte ett kalenderår och importeras inte.`,
    en: (p, f) => `The fiscal year ${f.date(p.start)}–${f.date(p.end)} is not a calendar year and is not imported.`,
    example: { start: "2024-07-01", end: "2025-06-30" },
  },
  sie_year_no_data: {
    meaning: "Varning: filen nämner ett räkenskapsår men har inga saldon eller verifikationer för det; årets rader i Huvudbok står kvar.",
    sv: (p) => `Filen nämner ${p.year} men har inga saldon eller verifikationer för året; ${p.year} års rader i Huvudbok står kvar.`,
    en: (p) => `The file names ${p.year} but holds no balances or vouchers for it; ${p.year}'s rows in Huvudbok stay as they are.`,
    example: { year: 2025 },
  },
  sie_year_balances_only: {
    meaning:
      "Varning: ett år har bara årssaldon (#UB/#RES, t.ex. SIE 1 eller fjolåret i en " +
      "SIE 4E-fil): en rad per konto den 31 december; perioder kan inte jämföras.",
    sv: (p) =>
      `${p.year} har bara årssaldon i filen (#UB och #RES): en rad per konto den 31 december. ` +
      `Jämförelse med samma period ${p.year} går inte; helåret stämmer.`,
    en: (p) =>
      `${p.year} has only year balances in the file (#UB and #RES): one row per account on 31 December. ` +
      `Comparing with the same period of ${p.year} is not possible; the full year is right.`,
    example: { year: 2025 },
  },
  sie_psaldo_ambiguous: {
    meaning:
      "Fel: ett konto har periodsaldon bara per objekt, i flera dimensioner " +
      "som inte summerar lika; totalen kan inte räknas utan dubbelräkning.",
    sv: (p) =>
      `Konto ${p.account}, period ${p.period}: filen har bara periodsaldon per objekt, i dimensioner som ger olika summor; ` +
      "totalen kan inte räknas utan att något räknas två gånger.",
    en: (p) =>
      `Account ${p.account}, period ${p.period}: the file has period balances per object only, in dimensions whose sums ` +
      "differ; the total cannot be counted without counting something twice.",
    example: { account: 5010, period: "202603" },
  },
  sie_psaldo_by_object: {
    meaning:
      "Varning: filen har periodsaldon bara per objektkombination (t.ex. Avendos SIE 3), som inte kan summeras per månad utan " +
      "dubbelräkning; året läses ur årssaldona (#RES, #UB) i stället, en rad per konto den sista dagen.",
    sv: (p) =>
      `${p.year}: periodsaldona för konto ${listSv(p.accounts)} finns bara per objektkombination och kan inte summeras per månad; ` +
      "året läses ur filens årssaldon (#RES och #UB), en rad per konto den sista dagen.",
    en: (p) =>
      `${p.year}: the period balances of accounts ${listEn(p.accounts)} are given per object combination only and cannot be ` +
      "totalled per month; the year is read from the file's year balances (#RES and #UB), one row per account on its last day.",
    example: { year: 2026, accounts: [3010, 5010] },
  },
  sie_bad_period: {
    meaning: "Fel: en period i #PSALDO är inte ÅÅÅÅMM inom räkenskapsåret.",
    sv: (p) => `Perioden "${p.value}" är inte en månad (ÅÅÅÅMM) inom räkenskapsåret.`,
    en: (p) => `The period "${p.value}" is not a month (YYYYMM) within the fiscal year.`,
    example: { value: "202613" },
  },
  sie_vouchers_outside_years: {
    meaning: "Importen vägras: verifikationer är daterade utanför filens alla räkenskapsår (de skulle annars försvinna utan ett ord).",
    sv: (p, f) =>
      `${f.count(p.count)} verifikationer är daterade utanför filens räkenskapsår (#RAR); den första står här. ` +
      "Importen skulle tappa dem, så ingenting har skrivits. Rätta datumen eller räkenskapsåren i bokföringsprogrammet.",
    en: (p, f) =>
      `${f.count(p.count)} vouchers are dated outside the file's fiscal years (#RAR); the first is here. ` +
      "The import would lose them, so nothing was written. Correct the dates or the fiscal years in the accounting program.",
    example: { count: 3 },
  },
};
