/** The task pane's own words, in Swedish and English (English when Office's display language is not Swedish). */
import type { ActionResult, ActionStatus } from "../excel/actions";

export const STRINGS = {
  sv: {
    title: "Finsam Ekonomi",
    outside:
      "Finsam Ekonomi är ett tillägg för Excel. " +
      "Öppna arbetsboken i Excel (skrivbord eller webb) och starta tillägget från fliken Finsam.",
    association: "Förbund",
    year: "Räkenskapsår",
    cutoff: "Brytdatum",
    cutoffHelp: "Ändras här bara för nästa beräkning; inställningen i arbetsboken ändras inte.",
    cutoffReset: "Använd inställningen",
    unknown: "–",
    compute: "Beräkna",
    workbook: "Arbetsbok",
    recalcAll: "Beräkna allt",
    recalcShares: "Medlemsandelar",
    recalcTertial: "Tertialrapport",
    recalcEquity: "Eget kapital",
    verify: "Verifiera",
    template: "Skapa mall",
    newYear: "Nytt år",
    newYearNotes: "Om den nya arbetsboken",
    newYearRunning: "Skapar nästa års arbetsbok …",
    newYearHelp: "När året är avslutat: nästa års arbetsbok från den här, i ett nytt fönster. Den här ändras inte.",
    running: "Beräknar …",
    summary: "Resultat",
    amountsIn: (unit: string) => `Belopp i ${unit}, som i rapportbladen`,
    board: "Text till handlingarna",
    copy: "Kopiera texten",
    copied: "Kopierad – klistra in i handlingarna.",
    copyFailed: "Kunde inte kopiera; markera texten och kopiera med Ctrl+C.",
    cutoffPlaceholder: "ÅÅÅÅ-MM-DD",
    cutoffInvalid: "Skriv brytdatum som ÅÅÅÅ-MM-DD, till exempel 2026-08-31.",
    forecastResult: "Årets resultat, prognos",
    closingEquity: "Eget kapital vid årets slut",
    ceiling: "Tak",
    over: "Över taket med",
    under: "Under taket, marginal",
    memberTotal: "Medlemsbidrag",
    errors: "Fel",
    warnings: "Varningar",
    differences: "Skillnader",
    andMore: (n: number) => `… och ${n} till`,
    stored: "lagrat",
    recomputed: "omräknat",
    selectHint: "Välj en rad för att markera cellen i arbetsboken.",
    unexpected: "Oväntat fel",
    kr: "kr",
    recalc_done: "Beräkningen är klar och resultatbladen är uppdaterade.",
    recalc_failed: "Indata har fel. Ingenting har skrivits.",
    verify_ok: "Verifierad: resultaten stämmer med en ny beräkning från indata.",
    verify_differences: "skillnader mellan lagrade och omräknade resultat.",
    verify_difference_one: "1 skillnad mellan lagrat och omräknat resultat.",
    verify_failed: "Kunde inte verifiera.",
    template_done: "Mallen är skapad: fyll i Inställningar, Medlemmar, Kontoplan, Budget och Huvudbok.",
    template_refused: "Mallen skapades inte.",
    import_done: "SIE-filen är importerad till Huvudbok. Beräkna för att uppdatera resultaten.",
    comment_moved: "Kommentaren står nu i tabellen Prognos. Beräknar om …",
    comment_not_moved: "Kommentaren flyttades inte.",
    moveComment: "Flytta till Prognos",
    rows_taken_in: "Raderna ingår nu i tabellen. Beräknar om …",
    rows_not_taken_in: "Raderna togs inte med: tabellen eller raderna har ändrats sedan beräkningen. Beräkna igen.",
    takeRowsIn: "Ta med raderna i tabellen",
    import_failed: "SIE-filen importerades inte. Ingenting har skrivits.",
    aborted: "Åtgärden avbröts.",
    new_year_done: "Nästa års arbetsbok är skapad och öppnad i ett nytt fönster. Den här arbetsboken ändrades inte.",
    new_year_refused: "Nästa års arbetsbok skapades inte. Den här arbetsboken ändrades inte.",
    sieHeading: "Importera SIE",
    firstStep:
      "Arbetsboken har inga indata än. Börja med Skapa mall under Arbetsbok: den lägger in indatabladen med rubriker, " +
      "standardinställningar och hjälp. Importera sedan en SIE-fil eller skriv in budget och huvudbok.",
    sieChoose: "SIE-fil från bokföringen",
    sieChooseButton: "Välj fil…",
    sieNoFile: "Ingen fil vald",
    sieHelp: "Filen läses här på datorn; den laddas inte upp någonstans. Granska sammanfattningen och importera sedan.",
    sieImport: "Importera",
    siePreview: (s: { company: string; program: string; encoding: string | null }) =>
      `${s.company || "(inget företagsnamn)"} · ${s.program || "okänt program"}${s.encoding ? ` · teckenkodning ${s.encoding}` : ""}`,
    sieYears: "Räkenskapsår",
    sieCounts: (a: number, v: number, t: number, year: string | null) =>
      `${a} konton, ${v} verifikationer, ${t} transaktioner${year ? ` räkenskapsår ${year}` : ""}`,
    sieChecksum: { ok: "Kontrollsumman stämmer", absent: "Ingen kontrollsumma i filen", wrong: "Kontrollsumman stämmer inte" },
    sieNewAccounts: (n: number) => `${n} konton saknas i Kontoplan och får en föreslagen rapportrad:`,
    sieImported: (replaced: number, added: number) => `${replaced} rader ersatta, ${added} tillagda i Huvudbok.`,
    sieReconciled: (compared: number) =>
      compared === 0
        ? "Avstämning: filen har inga saldon (#UB, #RES, #PSALDO) att stämma av raderna mot."
        : `Avstämning: filens ${compared} saldon stämmer med raderna som importeras.`,
    sieImportAnyway: "Importera ändå, trots att filens saldon inte stämmer (Körlogg säger det)",
    sieBudget: (year: number, source: string, accounts: number) =>
      `Importera också filens budget för ${year} (#${source}, ${accounts} konton) till Budget, per rapportrad`,
    sieReplaceBudget: "Ersätt budgeten: belopp som redan står i Budget för året skrivs över (Körlogg säger det)",
    sieBudgetImported: (year: number, lines: number) => `Budget ${year}: ${lines} rapportrader skrivna.`,
    sieMore: (n: number) => `… och ${n} till`,
  },
  en: {
    title: "Finsam Ekonomi",
    outside: "Finsam Ekonomi is an add-in for Excel. Open the workbook in Excel (desktop or web) and start the add-in from the Finsam tab.",
    association: "Association",
    year: "Fiscal year",
    cutoff: "Cut-off date",
    cutoffHelp: "Changed here for the next calculation only; the workbook's setting is not changed.",
    cutoffReset: "Use the setting",
    unknown: "–",
    compute: "Calculate",
    workbook: "Workbook",
    recalcAll: "Calculate all",
    recalcShares: "Member shares",
    recalcTertial: "Tertial report",
    recalcEquity: "Equity",
    verify: "Verify",
    template: "Create template",
    newYear: "New year",
    newYearNotes: "About the new workbook",
    newYearRunning: "Creating next year's workbook …",
    newYearHelp: "When the year is closed: next year's workbook from this one, in a new window. This one is not changed.",
    running: "Calculating …",
    summary: "Results",
    amountsIn: (unit: string) => `Amounts in ${unit === "tkr" ? "tkr (thousands of kronor)" : "kr"}, as on the report sheets`,
    board: "Text for the board papers",
    copy: "Copy the text",
    copied: "Copied – paste it into the board papers.",
    copyFailed: "Could not copy; select the text and copy with Ctrl+C.",
    cutoffPlaceholder: "YYYY-MM-DD",
    cutoffInvalid: "Write the cut-off date as YYYY-MM-DD, for example 2026-08-31.",
    forecastResult: "Result for the year, forecast",
    closingEquity: "Equity at year end",
    ceiling: "Ceiling",
    over: "Over the ceiling by",
    under: "Under the ceiling, margin",
    memberTotal: "Member contributions",
    errors: "Errors",
    warnings: "Warnings",
    differences: "Differences",
    andMore: (n: number) => `… and ${n} more`,
    stored: "stored",
    recomputed: "recomputed",
    selectHint: "Choose a row to select the cell in the workbook.",
    unexpected: "Unexpected error",
    kr: "SEK",
    recalc_done: "The calculation is done and the result sheets are updated.",
    recalc_failed: "The inputs have errors. Nothing was written.",
    verify_ok: "Verified: the results match a new calculation from the inputs.",
    verify_differences: "differences between stored and recomputed results.",
    verify_difference_one: "1 difference between stored and recomputed results.",
    verify_failed: "Could not verify.",
    template_done: "The template is created: fill in Inställningar, Medlemmar, Kontoplan, Budget and Huvudbok.",
    template_refused: "The template was not created.",
    import_done: "The SIE file is imported into Huvudbok. Calculate to update the results.",
    comment_moved: "The comment is now in the Prognos table. Recalculating …",
    comment_not_moved: "The comment was not moved.",
    moveComment: "Move to Prognos",
    rows_taken_in: "The rows are now part of the table. Recalculating …",
    rows_not_taken_in: "The rows were not taken in: the table or the rows changed since the calculation. Calculate again.",
    takeRowsIn: "Take the rows into the table",
    import_failed: "The SIE file was not imported. Nothing was written.",
    aborted: "The action was stopped.",
    new_year_done: "Next year's workbook is created and opened in a new window. This workbook was not changed.",
    new_year_refused: "Next year's workbook was not created. This workbook was not changed.",
    sieHeading: "Import SIE",
    firstStep:
      "The workbook has no inputs yet. Start with Create template under Workbook: it adds the input sheets with headers, " +
      "default settings and help. Then import an SIE file or type in the budget and the ledger.",
    sieChoose: "SIE file from the accounting system",
    sieChooseButton: "Choose file…",
    sieNoFile: "No file chosen",
    sieHelp: "The file is read here on this computer; it is not uploaded anywhere. Check the summary, then import.",
    sieImport: "Import",
    siePreview: (s: { company: string; program: string; encoding: string | null }) =>
      `${s.company || "(no company name)"} · ${s.program || "unknown program"}${s.encoding ? ` · encoding ${s.encoding}` : ""}`,
    sieYears: "Fiscal years",
    sieCounts: (a: number, v: number, t: number, year: string | null) =>
      `${a} accounts, ${v} vouchers, ${t} transactions${year ? ` in fiscal year ${year}` : ""}`,
    sieChecksum: { ok: "The checksum matches", absent: "No checksum in the file", wrong: "The checksum does not match" },
    sieNewAccounts: (n: number) => `${n} accounts are missing from Kontoplan and get a proposed report line:`,
    sieImported: (replaced: number, added: number) => `${replaced} rows replaced, ${added} added in Huvudbok.`,
    sieReconciled: (compared: number) =>
      compared === 0
        ? "Reconciliation: the file has no balances (#UB, #RES, #PSALDO) to check the rows against."
        : `Reconciliation: the file's ${compared} balances agree with the rows to be imported.`,
    sieImportAnyway: "Import anyway, although the file's balances disagree (Körlogg records it)",
    sieBudget: (year: number, source: string, accounts: number) =>
      `Also import the file's budget for ${year} (#${source}, ${accounts} accounts) into Budget, per report line`,
    sieReplaceBudget: "Replace the budget: amounts Budget already has for the year are overwritten (Körlogg records it)",
    sieBudgetImported: (year: number, lines: number) => `Budget ${year}: ${lines} report lines written.`,
    sieMore: (n: number) => `… and ${n} more`,
  },
} as const;

export type Lang = keyof typeof STRINGS;
export type Strings = (typeof STRINGS)["sv"] | (typeof STRINGS)["en"];

export function langOf(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? "").toLowerCase().startsWith("sv") ? "sv" : "en";
}

/**
 * An exact kronor string ("-1367776.07") for display: grouped, no decimals unless öre. The minus is the
 * hyphen-minus the sheets show (`-#,##0`) and the board text writes: one minus sign in the pane, the text and the sheets.
 */
export function formatKronor(amount: string, lang: Lang): string {
  const neg = amount.startsWith("-");
  const [int, frac] = amount.replace("-", "").split(".");
  const sep = lang === "sv" ? "\u00a0" : ",";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const dec = frac && !/^0*$/.test(frac) ? (lang === "sv" ? "," : ".") + frac.padEnd(2, "0") : "";
  return `${neg ? "-" : ""}${grouped}${dec}`;
}

/**
 * An exact kronor string in the report's unit: kronor as `formatKronor`, or whole thousands (half away
 * from zero, as the tkr format shows them), decided on the digits so that no float rounding enters.
 */
export function formatAmount(amount: string, unit: "kr" | "tkr", lang: Lang): string {
  if (unit === "kr") return formatKronor(amount, lang);
  const neg = amount.startsWith("-");
  const [int, frac = ""] = amount.replace("-", "").split(".");
  const thousands = int.length > 3 ? BigInt(int.slice(0, -3)) : 0n;
  const rest = Number(`${int.slice(-3)}.${frac || "0"}`);
  const rounded = (rest >= 500 ? thousands + 1n : thousands).toString();
  return formatKronor(`${neg && rounded !== "0" ? "-" : ""}${rounded}`, lang);
}

/** The status line for an action's result. */
export function statusText(result: Pick<ActionResult, "status" | "differences">, lang: Lang): string {
  const t = STRINGS[lang];
  const key: ActionStatus = result.status;
  if (key !== "verify_differences") return t[key] as string;
  const n = result.differences?.length ?? 0;
  return n === 1 ? t.verify_difference_one : `${n} ${t.verify_differences}`;
}
