/**
 * The command line's own words in Swedish and English: usage, headings and the summary. Engine
 * messages come from the catalogue (src/core/messages/); these are the shell's.
 */
import type { Lang } from "../core/locale";
import type { SieSummary } from "../core/sie/summary";
import { encodingWorthSaying, fiscalYearName } from "../core/sie/summaryNames";

export const CLI_TEXT = {
  sv: {
    usage: `Användning:
  finsam recalc <in.xlsx> [-o <ut.xlsx>] [--ersatt] [--only medlemsandelar|tertial|eget-kapital]...
                [--brytdatum ÅÅÅÅ-MM-DD] [--json] [--sprak sv|en]
  finsam mall <ut.xlsx> [--ersatt]       skriver inte över en fil som finns utan --ersatt
  finsam exempel <ut.xlsx> [--ersatt] [--avslutat]
  finsam nytt-ar <förra-året.xlsx> -o <nya-året.xlsx>   nästa års arbetsbok från ett avslutat år
  finsam verifiera <in.xlsx> [--json] [--sprak sv|en]
  finsam sie <in.se> [--json] [--sprak sv|en]          läser och kontrollerar en SIE-fil, skriver inget
  finsam sie <in.se> <arbetsbok.xlsx> [-o <ut.xlsx>] [--ersatt] [--json] [--importera-anda]
                importerar filen till en kopia av arbetsboken; --importera-anda trots att filens
                egna saldon inte stämmer med raderna (Körlogg säger det)
`,
    noCommand: "Ange ett kommando.",
    needsValue: (flag: string) => `${flag} kräver ett värde.`,
    badOnly: (v: string) => `--only ${v}: välj medlemsandelar, tertial eller eget-kapital.`,
    badCutoff: (v: string) => `--brytdatum ${v}: skriv datumet som ÅÅÅÅ-MM-DD.`,
    badLang: (v: string) => `--sprak ${v}: välj sv eller en.`,
    unknownFlag: (f: string) => `Okänd flagga ${f}.`,
    unknownCommand: (c: string) => `Okänt kommando ${c}.`,
    didYouMean: (c: string) => `Menade du ${c}?`,
    recalcArgs: "recalc tar en indatafil.",
    verifyArgs: "verifiera tar en fil.",
    outArgs: (c: string) => `${c} tar en utfil.`,
    newYearArgs: "nytt-ar tar förra årets arbetsbok och -o med den nya arbetsboken.",
    sameFile: "Utfilen får inte vara samma som indatafilen; indatafilen ändras aldrig.",
    sieArgs: "sie tar en SIE-fil (och senare en arbetsbok).",
    sieSummary: (s: SieSummary) =>
      `${s.company || "(inget företagsnamn)"} – ${s.program || "okänt program"}` +
      `${encodingWorthSaying(s) ? `, teckenkodning ${encodingWorthSaying(s)}` : ""}\n` +
      `  ${s.accounts} konton, ${s.vouchers} verifikationer och ${s.transactions} transaktioner` +
      (fiscalYearName(s) ? ` räkenskapsår ${fiscalYearName(s)}` : "") +
      (s.budget ? `\n  budget ${s.budget.year} (#${s.budget.source}) för ${s.budget.accounts} konton; importera den med --budget` : ""),
    sieValid: "Filen går att läsa: alla verifikationer balanserar.",
    sieReconciled: (compared: number, differences: number) =>
      compared === 0
        ? "Avstämning: filen har inga saldon (#UB, #RES, #PSALDO) att stämma av raderna mot."
        : differences === 0
          ? `Avstämning: filens ${compared} saldon (#UB, #RES, #PSALDO) stämmer med raderna.`
          : `Avstämning: ${differences} av filens ${compared} saldon stämmer inte med raderna; importen vägras utan --importera-anda.`,
    sieImported: (o: { years: number[]; replaced: number; added: number; proposals: unknown[]; settingsFilled: string[] }) =>
      `Importerade år ${[...o.years].sort().join(", ")}: ${o.replaced} rader i Huvudbok ersatta, ${o.added} tillagda` +
      (o.settingsFilled.length ? `; fyllde i ${o.settingsFilled.join(" och ")}` : "") +
      (o.proposals.length ? `; ${o.proposals.length} konton fick en föreslagen rapportrad i Kontoplan (kontrollera dem):` : "."),
    sieInvalid: "Filen har fel och kan inte importeras",
    sieNotImported: "Filen importeras inte",
    errorsTitle: "Fel i indata (inget har skrivits)",
    errorsTitleVerify: "Fel i indata",
    warningsTitle: "Varningar",
    wrote: (f: string) => `Skrev ${f}`,
    verified: "Verifierad: de lagrade resultaten stämmer med en ny beräkning från indata.",
    differences: (n: number) =>
      n === 1 ? "1 skillnad mellan lagrat och omräknat resultat:" : `${n} skillnader mellan lagrade och omräknade resultat:`,
    andMore: (n: number) => `… och ${n} till`,
    aFingerprint: "(ett fingeravtryck)",
    importAnywayHint: "Importera ändå: kör samma kommando med --importera-anda.",
    replaceBudgetHint: "Ersätt budgeten: kör samma kommando med --ersatt-budget.",
    sieBudgetImported: (b: { year: number; source: string; lines: number; replaced: number }) =>
      `Budget ${b.year} ur #${b.source}: ${b.lines} rapportrader i Budget` + (b.replaced > 0 ? `, ${b.replaced} belopp ersatta.` : "."),
    cutoffWord: "brytdatum",
    memberTotal: (year: number) => `Medlemsbidrag ${year}`,
    forecastResult: "Prognos årets resultat",
    closingEquity: "Eget kapital vid årets slut (prognos)",
    ceiling: "tak",
    over: "ÖVER TAKET med",
    under: "Under taket med marginal",
    debugHint: "Sätt FINSAM_DEBUG=1 för tekniska detaljer.",
  },
  en: {
    usage: `Usage:
  finsam recalc <in.xlsx> [-o <out.xlsx>] [--ersatt] [--only medlemsandelar|tertial|eget-kapital]...
                [--brytdatum YYYY-MM-DD] [--json] [--sprak sv|en]
  finsam mall <out.xlsx> [--ersatt]      does not overwrite an existing file without --ersatt (--replace)
  finsam exempel <out.xlsx> [--ersatt] [--avslutat]
  finsam nytt-ar <last-year.xlsx> -o <new-year.xlsx>   next year's workbook from a closed year
  finsam verifiera <in.xlsx> [--json] [--sprak sv|en]
  finsam sie <in.se> [--json] [--sprak sv|en]          reads and checks an SIE file, writes nothing
  finsam sie <in.se> <workbook.xlsx> [-o <out.xlsx>] [--ersatt] [--json] [--importera-anda]
                imports the file into a copy of the workbook; --importera-anda (or --force) even though
                the file's own balances disagree with the rows (Körlogg records it)
`,
    noCommand: "Give a command.",
    needsValue: (flag: string) => `${flag} needs a value.`,
    badOnly: (v: string) => `--only ${v}: choose medlemsandelar, tertial or eget-kapital.`,
    badCutoff: (v: string) => `--brytdatum ${v}: write the date as YYYY-MM-DD.`,
    badLang: (v: string) => `--sprak ${v}: choose sv or en.`,
    unknownFlag: (f: string) => `Unknown option ${f}.`,
    unknownCommand: (c: string) => `Unknown command ${c}.`,
    didYouMean: (c: string) => `Did you mean ${c}?`,
    recalcArgs: "recalc takes one input file.",
    verifyArgs: "verifiera takes one file.",
    outArgs: (c: string) => `${c} takes one output file.`,
    newYearArgs: "nytt-ar takes last year's workbook and -o with the new workbook.",
    sameFile: "The output file must not be the input file; the input file is never changed.",
    sieArgs: "sie takes one SIE file (and later a workbook).",
    sieSummary: (s: SieSummary) =>
      `${s.company || "(no company name)"} – ${s.program || "unknown program"}` +
      `${encodingWorthSaying(s) ? `, encoding ${encodingWorthSaying(s)}` : ""}\n` +
      `  ${s.accounts} accounts, ${s.vouchers} vouchers and ${s.transactions} transactions` +
      (fiscalYearName(s) ? ` in fiscal year ${fiscalYearName(s)}` : "") +
      (s.budget ? `\n  budget ${s.budget.year} (#${s.budget.source}) for ${s.budget.accounts} accounts; import it with --budget` : ""),
    sieValid: "The file can be read: every voucher balances.",
    sieReconciled: (compared: number, differences: number) =>
      compared === 0
        ? "Reconciliation: the file has no balances (#UB, #RES, #PSALDO) to check the rows against."
        : differences === 0
          ? `Reconciliation: the file's ${compared} balances (#UB, #RES, #PSALDO) agree with the rows.`
          : `Reconciliation: ${differences} of the file's ${compared} balances disagree with the rows; ` +
            "the import refuses without --importera-anda.",
    sieImported: (o: { years: number[]; replaced: number; added: number; proposals: unknown[]; settingsFilled: string[] }) =>
      `Imported ${[...o.years].sort().join(", ")}: ${o.replaced} rows of Huvudbok replaced, ${o.added} added` +
      (o.settingsFilled.length ? `; filled in ${o.settingsFilled.join(" and ")}` : "") +
      (o.proposals.length ? `; ${o.proposals.length} accounts got a proposed report line in Kontoplan (check them):` : "."),
    sieInvalid: "The file has errors and cannot be imported",
    sieNotImported: "The file is not imported",
    errorsTitle: "Input errors (nothing was written)",
    errorsTitleVerify: "Input errors",
    warningsTitle: "Warnings",
    wrote: (f: string) => `Wrote ${f}`,
    verified: "Verified: the stored results match a new calculation from the inputs.",
    differences: (n: number) =>
      n === 1 ? "1 difference between stored and recomputed results:" : `${n} differences between stored and recomputed results:`,
    andMore: (n: number) => `… and ${n} more`,
    aFingerprint: "(a fingerprint)",
    importAnywayHint: "To import anyway: run the same command with --importera-anda (or --force).",
    replaceBudgetHint: "To replace the budget: run the same command with --ersatt-budget (or --replace-budget).",
    sieBudgetImported: (b: { year: number; source: string; lines: number; replaced: number }) =>
      `Budget ${b.year} from #${b.source}: ${b.lines} report lines in Budget` +
      (b.replaced > 0 ? `, ${b.replaced} amounts replaced.` : "."),
    cutoffWord: "cut-off",
    memberTotal: (year: number) => `Member contributions ${year}`,
    forecastResult: "Forecast result for the year",
    closingEquity: "Equity at year end (forecast)",
    ceiling: "ceiling",
    over: "OVER THE CEILING by",
    under: "Under the ceiling, margin",
    debugHint: "Set FINSAM_DEBUG=1 for technical details.",
  },
} satisfies Record<Lang, unknown>;

export type CliText = (typeof CLI_TEXT)["sv"];
