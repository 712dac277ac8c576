/** Importing an SIE file into the workbook: the file must be this workbook's, its rows must give its own balances. */
import { Entry, listEn, listSv } from "./words";

export interface SieImportParams {
  sie_import_content_below: { sheet: string };
  sie_import_moves_error: { sheet: string };
  sie_reconciliation_failed: { count: number; accounts: number[]; total: string; years: number[] };
  sie_reconciliation_forced: { count: number; accounts: number[]; total: string };
  sie_orgnr_mismatch: { file: string; workbook: string };
  sie_company_differs: { file: string; workbook: string };
  sie_year_mismatch: { workbook: number; years: number[] };
  sie_too_many_rows: { rows: number; limit: number };
  sie_same_file_other_years: { years: string; earlier: string };
  sie_already_imported: { when: string };
  sie_voucher_in_ledger: { voucher: string };
  /** `rows`, `days`: Huvudbok's rows of the year (IB rows too) and the days they are dated on. */
  sie_year_kept_finer: { year: number; rows: number; days: number };
  /** `accounts`: the first accounts whose sums differ (at most 10). */
  sie_year_finer_replaced: { year: number; rows: number; accounts: number[] };
}

export const SIE_IMPORT_MESSAGES: { [C in keyof SieImportParams]: Entry<SieImportParams[C]> } = {
  sie_import_content_below: {
    meaning: "SIE-importen lägger till rader i en tabell, men bladet har innehåll under tabellen i dess kolumner; inget skrivs.",
    sv: (p) =>
      `Bladet ${p.sheet} har innehåll under tabellen, i tabellens kolumner, där importen behöver lägga till rader. ` +
      "Flytta det längre åt sidan eller till ett annat blad och importera igen; ingenting har skrivits.",
    en: (p) =>
      `The sheet ${p.sheet} has content below its table, in the table's columns, where the import must add rows. ` +
      "Move it to the side or to another sheet and import again; nothing was written.",
    example: { sheet: "Huvudbok" },
  },
  sie_import_moves_error: {
    meaning: "SIE-importen skulle flytta en rad vars cell har ett felvärde eller en formel utan beräknat värde; inget skrivs.",
    sv: (p) =>
      `En rad i ${p.sheet} som importen behåller flyttas upp, och cellen har ett felvärde eller en formel utan beräknat värde, ` +
      "som skulle bli text. Rätta cellen eller räkna om arbetsboken i Excel, och importera igen; ingenting har skrivits.",
    en: (p) =>
      `A row of ${p.sheet} that the import keeps moves up, and the cell holds an error value or a formula without a computed ` +
      "value, which would become text. Correct the cell or recalculate the workbook in Excel, and import again; nothing was written.",
    example: { sheet: "Huvudbok" },
  },
  sie_reconciliation_failed: {
    meaning:
      "Importen vägras: raderna som skulle skrivas ger inte filens egna saldon (#UB, " +
      "#RES, #PSALDO) för några konton. Kan importeras ändå med ett uttryckligt val.",
    sv: (p, f) =>
      `Filens egna saldon stämmer inte med raderna importen skulle skriva (${p.years.join(", ")}): ` +
      `${f.count(p.count)} saldon på konto ${listSv(p.accounts)}, sammanlagt ${f.money(p.total)} i skillnad. ` +
      "Ingenting har skrivits. Exportera filen igen, eller importera ändå med ett uttryckligt val (Körlogg registrerar det).",
    en: (p, f) =>
      `The file's own balances do not agree with the rows the import would write (${p.years.join(", ")}): ` +
      `${f.count(p.count)} balances on accounts ${listEn(p.accounts)}, ${f.money(p.total)} of difference in all. ` +
      "Nothing was written. Export the file again, or import anyway by an explicit choice (Körlogg records it).",
    example: { count: 2, accounts: [1930, 2440], total: "1250.00", years: [2026] },
  },
  sie_reconciliation_forced: {
    meaning:
      "Varning: filen importerades trots att dess egna saldon inte stämmer med raderna (ett uttryckligt val); Körlogg säger hur mycket.",
    sv: (p, f) =>
      `Importerad trots skillnad: ${f.count(p.count)} saldon på konto ${listSv(p.accounts)} stämmer inte med filen, ` +
      `sammanlagt ${f.money(p.total)}. Körlogg har det.`,
    en: (p, f) =>
      `Imported despite a difference: ${f.count(p.count)} balances on accounts ${listEn(p.accounts)} disagree with the file, ` +
      `${f.money(p.total)} in all. Körlogg records it.`,
    example: { count: 2, accounts: [1930, 2440], total: "1250.00" },
  },
  sie_orgnr_mismatch: {
    meaning: "Importen vägras: filens organisationsnummer (#ORGNR) är ett annat än arbetsbokens (Inställningar, Organisationsnummer).",
    sv: (p) =>
      `Filen är för organisationsnummer ${p.file}, arbetsboken för ${p.workbook} (Inställningar). ` +
      "Fel fil eller fel arbetsbok; ingenting har skrivits.",
    en: (p) =>
      `The file is for organisation number ${p.file}, the workbook for ${p.workbook} (Inställningar). ` +
      "Wrong file or wrong workbook; nothing was written.",
    example: { file: "556677-8899", workbook: "222000-1234" },
  },
  sie_company_differs: {
    meaning: "Varning: filens företagsnamn (#FNAMN) är ett annat än arbetsbokens Förbund.",
    sv: (p) => `Filen är för "${p.file}", arbetsboken för "${p.workbook}". Kontrollera att det är rätt fil.`,
    en: (p) => `The file is for "${p.file}", the workbook for "${p.workbook}". Check that it is the right file.`,
    example: { file: "Samordningsförbundet Väst", workbook: "Samordningsförbundet Öst" },
  },
  sie_year_mismatch: {
    meaning: "Importen vägras: filen har varken arbetsbokens räkenskapsår eller året före.",
    sv: (p) =>
      `Arbetsboken gäller ${p.workbook} men filen har år ${p.years.join(", ") || "–"}, varken ${p.workbook} eller ` +
      `${p.workbook - 1}. Ingenting har skrivits.`,
    en: (p) =>
      `The workbook is for ${p.workbook} but the file holds ${p.years.join(", ") || "–"}, neither ${p.workbook} nor ` +
      `${p.workbook - 1}. Nothing was written.`,
    example: { workbook: 2026, years: [2023, 2024] },
  },
  sie_too_many_rows: {
    meaning: "Importen vägras: Huvudbok skulle få fler rader än ett kalkylblad rymmer (1 048 576).",
    sv: (p, f) =>
      `Huvudbok skulle få ${f.count(p.rows)} rader, fler än ett kalkylblad rymmer (${f.count(p.limit)}). ` +
      "Ingenting har skrivits. Importera färre år, eller ta bort äldre år ur Huvudbok.",
    en: (p, f) =>
      `Huvudbok would get ${f.count(p.rows)} rows, more than a worksheet holds (${f.count(p.limit)}). ` +
      "Nothing was written. Import fewer years, or remove older years from Huvudbok.",
    example: { rows: 1100000, limit: 1048576 },
  },
  sie_same_file_other_years: {
    meaning: "Varning: samma fil (samma SHA-256) importerades tidigare för andra år.",
    sv: (p) => `Samma fil importerades ${p.earlier} för år ${p.years}; nu blir det andra år. Kontrollera att det är rätt fil.`,
    en: (p) => `The same file was imported on ${p.earlier} for ${p.years}; now it gives other years. Check that it is the right file.`,
    example: { years: "2025", earlier: "2026-05-02T08:00:00Z" },
  },
  sie_voucher_in_ledger: {
    meaning: "Importen vägras: en transaktionsfil läggs till, men Huvudbok har redan en av dess verifikationer (samma datum och nummer).",
    sv: (p) =>
      `Huvudbok har redan verifikation ${p.voucher} med samma datum som i filen; filens verifikationer skulle räknas två gånger. ` +
      "Ingenting har skrivits.",
    en: (p) =>
      `Huvudbok already has voucher ${p.voucher} with the same date as the file; the file's vouchers would count twice. ` +
      "Nothing was written.",
    example: { voucher: "L 7" },
  },
  sie_year_kept_finer: {
    meaning:
      "Varning: filen har ett år bara som saldon (årssaldon eller periodsaldon), men Huvudbok har redan året på fler dagar " +
      "(dess verifikationer, ur årets egen fil), och de ger filens saldon konto för konto; raderna behölls.",
    sv: (p) =>
      `Filen har ${p.year} bara som saldon, men Huvudbok har redan ${p.year} på ${p.days} dagar (${p.rows} rader), och de ger ` +
      `filens saldon konto för konto. Raderna behölls, så att ${p.year} fortfarande kan jämföras per period.`,
    en: (p) =>
      `The file has ${p.year} only as balances, but Huvudbok already has ${p.year} on ${p.days} days (${p.rows} rows), and ` +
      `they give the file's balances account by account. The rows were kept, so ${p.year} can still be compared by period.`,
    example: { year: 2025, rows: 412, days: 118 },
  },
  sie_year_finer_replaced: {
    meaning:
      "Varning: filen har ett år bara som saldon, och Huvudbok hade året på fler dagar men med andra summor; filens saldon " +
      "ersatte raderna, så året kan inte längre jämföras per period.",
    sv: (p) =>
      `Huvudbok hade ${p.year} på fler dagar (${p.rows} rader) än filens saldon, men summorna skiljer sig på konto ` +
      `${listSv(p.accounts)}. Filens saldon ersatte raderna, så ${p.year} kan inte längre jämföras per period. Importera ` +
      `${p.year} års egen SIE-fil igen om dess verifikationer ska tillbaka.`,
    en: (p) =>
      `Huvudbok had ${p.year} on more days (${p.rows} rows) than the file's balances, but the sums differ on account ` +
      `${listEn(p.accounts)}. The file's balances replaced the rows, so ${p.year} can no longer be compared by period. ` +
      `Import the SIE file of ${p.year} itself again to bring its vouchers back.`,
    example: { year: 2025, rows: 412, accounts: [1930, 2440] },
  },
  sie_already_imported: {
    meaning: "Importen vägras: en transaktionsfil (utan #RAR) läggs till, och samma fil är redan importerad (dubbelimport).",
    sv: (p) =>
      `Samma fil (samma SHA-256) importerades redan ${p.when}; dess verifikationer skulle läggas till en gång till. ` +
      "Ingenting har skrivits.",
    en: (p) => `The same file (same SHA-256) was already imported on ${p.when}; its vouchers would be added twice. Nothing was written.`,
    example: { when: "2026-05-02T08:00:00Z" },
  },
};
