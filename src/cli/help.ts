/**
 * The command line's commands, their names in both languages, and `--help` for each: what it does, its
 * options, an example and its exit codes. `finsam berakna` and `finsam recalc` are the same command.
 */
import type { Lang } from "../core/locale";

export type Command = "recalc" | "verifiera" | "mall" | "exempel" | "sie" | "nytt-ar";

/** Every name a command answers to: the Swedish one, with and without å/ä/ö, and the English one. */
export const COMMAND_NAMES: Record<string, Command> = {
  recalc: "recalc",
  berakna: "recalc",
  beräkna: "recalc",
  verifiera: "verifiera",
  verify: "verifiera",
  mall: "mall",
  template: "mall",
  exempel: "exempel",
  example: "exempel",
  sie: "sie",
  "nytt-ar": "nytt-ar",
  "nytt-år": "nytt-ar",
  "new-year": "nytt-ar",
};

/** Edit distance, for "did you mean": small names, so the plain table. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The command name closest to a mistyped one (at most two edits away), or null. */
export function nearestCommand(typed: string): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of Object.keys(COMMAND_NAMES)) {
    const dist = distance(typed.toLowerCase(), name);
    if (dist < bestDistance) [best, bestDistance] = [name, dist];
  }
  return best;
}

const EXIT_SV = `Slutkoder:
  0  klart
  1  indata har fel, eller en fil kan inte läsas eller skrivas (meddelandet säger vilken cell eller fil)
  2  fel kommando eller flagga
  3  verifiera: lagrade resultat skiljer sig från en ny beräkning
  4  oväntat fel i programmet (FINSAM_DEBUG=1 visar detaljer)`;
const EXIT_EN = `Exit codes:
  0  done
  1  the inputs have errors, or a file cannot be read or written (the message names the cell or file)
  2  wrong command or option
  3  verifiera: stored results differ from a new calculation
  4  unexpected error in the program (FINSAM_DEBUG=1 shows details)`;

const COMMON_SV = `  --json             skriv resultatet (eller felen) som JSON på standard ut
  --sprak sv|en      meddelandenas språk (annars från LANG)`;
const COMMON_EN = `  --json             write the result (or the errors) as JSON on standard output
  --sprak sv|en      the messages' language (otherwise from LANG)`;

const HELP: Record<Command, Record<Lang, string>> = {
  recalc: {
    sv: `finsam recalc (eller berakna) <in.xlsx> [-o <ut.xlsx>] [--ersatt]

Läser indatabladen, beräknar medlemsandelar, tertialrapport med helårsprognos, eget kapital mot taket och
bokslut, och skriver resultatbladen i en kopia av arbetsboken. Indatafilen ändras aldrig. En utfil som redan
finns (ett tidigare resultat) ersätts bara med --ersatt.

Flaggor:
  -o, --out <fil>    utfilen (annars <namn>.beraknad.xlsx bredvid indatafilen)
  --ersatt           ersätt en utfil som redan finns (annars vägras det)
  --only <del>       bara medlemsandelar, tertial eller eget-kapital (flera gånger går bra)
  --brytdatum <dag>  räkna med ett annat brytdatum än Inställningar (ÅÅÅÅ-MM-DD)
${COMMON_SV}

Exempel:
  finsam berakna arbetsbok.xlsx -o arbetsbok.beraknad.xlsx`,
    en: `finsam recalc (or berakna) <in.xlsx> [-o <out.xlsx>] [--ersatt]

Reads the input sheets, computes member shares, the tertial report with its full-year forecast, equity
against the ceiling and the year-end statements, and writes the result sheets into a copy of the workbook.
The input file is never changed. An output that exists (an earlier result) is replaced only with --ersatt.

Options:
  -o, --out <file>   the output (otherwise <name>.beraknad.xlsx beside the input)
  --ersatt, --replace  replace an output that exists (otherwise refused)
  --only <part>      only medlemsandelar, tertial or eget-kapital (may be repeated)
  --brytdatum <day>  compute with another cut-off date than Inställningar's (YYYY-MM-DD)
${COMMON_EN}

Example:
  finsam recalc workbook.xlsx -o workbook.beraknad.xlsx`,
  },
  verifiera: {
    sv: `finsam verifiera <in.xlsx>

Räknar om från indata och jämför med de lagrade resultatbladen, cell för cell; skriver ingenting.
Varje skillnad visas med cell, lagrat och omräknat värde i bladets enhet.

Flaggor:
${COMMON_SV}

Exempel:
  finsam verifiera arbetsbok.beraknad.xlsx`,
    en: `finsam verifiera (or verify) <in.xlsx>

Recomputes from the inputs and compares with the stored result sheets, cell by cell; writes nothing.
Each difference is shown with its cell, the stored and the recomputed value in the sheet's unit.

Options:
${COMMON_EN}

Example:
  finsam verify workbook.beraknad.xlsx`,
  },
  mall: {
    sv: `finsam mall <ut.xlsx> [--ersatt]

Skriver en tom arbetsbok med indatabladen: rubriker, standardinställningar och hjälptexter.

Flaggor:
  --ersatt           ersätt en fil som redan finns (annars vägras det)

Exempel:
  finsam mall nytt-forbund.xlsx`,
    en: `finsam mall (or template) <out.xlsx> [--ersatt]

Writes an empty workbook with the input sheets: headers, default settings and help texts.

Options:
  --ersatt, --replace  replace a file that exists (otherwise refused)

Example:
  finsam template new-association.xlsx`,
  },
  exempel: {
    sv: `finsam exempel <ut.xlsx> [--ersatt] [--avslutat]

Skriver exempelarbetsboken: ett påhittat förbund med två års huvudbok, budget, medlemmar, insatser och tak.

Flaggor:
  --ersatt           ersätt en fil som redan finns
  --avslutat         året avslutat: huvudboken går till december (att prova nytt år på)

Exempel:
  finsam exempel exempel.xlsx && finsam berakna exempel.xlsx
  finsam exempel avslutat.xlsx --avslutat && finsam nytt-ar avslutat.xlsx -o nytt.xlsx`,
    en: `finsam exempel (or example) <out.xlsx> [--ersatt] [--avslutat]

Writes the example workbook: a fictional association with two years of ledger, budget, members, grants and
a ceiling.

Options:
  --ersatt, --replace   replace a file that exists
  --avslutat, --closed  the year closed: the ledger runs to December (to try the new year on)

Example:
  finsam example example.xlsx && finsam recalc example.xlsx
  finsam example closed.xlsx --closed && finsam new-year closed.xlsx -o new.xlsx`,
  },
  "nytt-ar": {
    sv: `finsam nytt-ar <förra-året.xlsx> -o <nya-året.xlsx>

Skapar nästa års arbetsbok från ett avslutat år: Räkenskapsår + 1, brytdatum 30 april, ingående eget kapital
= årets utgående (samma i Bokslut och Eget kapital). Kontoplan, Medlemmar, Takregel och inställningarna följer
med; budgetår före det nya året tas bort; Huvudbok behåller årets rader (jämförelseåret); insatserna följer med
med det som betalats före jämförelseåret i Utbetalt tidigare; Prognos töms; resultatbladen skapas vid första
beräkningen. Förra årets fil ändras aldrig, och en befintlig fil skrivs aldrig över.
Vägras om huvudboken inte når december (året ser inte avslutat ut), och meddelandet säger vad som saknas.

Flaggor:
  -o, --out <fil>    den nya arbetsboken (obligatorisk; får inte finnas)
${COMMON_SV}

Exempel:
  finsam nytt-ar ekonomi-2026.xlsx -o ekonomi-2027.xlsx && finsam berakna ekonomi-2027.xlsx`,
    en: `finsam nytt-ar (or new-year) <last-year.xlsx> -o <new-year.xlsx>

Creates next year's workbook from a closed year: fiscal year + 1, cut-off 30 April, opening equity = this
year's closing equity (the same in Bokslut and Eget kapital). Kontoplan, Medlemmar, Takregel and the settings
are carried; budget years before the new year are dropped; Huvudbok keeps this year's rows (the comparison
year); grants are carried with what was paid before the comparison year in Utbetalt tidigare; Prognos is
emptied; the result sheets are made by the first calculation. Last year's file is never changed, and an existing
file is never replaced.
Refused when the ledger does not reach December (the year does not look closed); the message says what is missing.

Options:
  -o, --out <file>   the new workbook (required; must not exist)
${COMMON_EN}

Example:
  finsam new-year finances-2026.xlsx -o finances-2027.xlsx && finsam recalc finances-2027.xlsx`,
  },
  sie: {
    sv: `finsam sie <fil.se> [<arbetsbok.xlsx> [-o <ut.xlsx>]]

Med en fil: läser SIE-filen, kontrollerar den (balanserar verifikationerna, stämmer raderna med filens egna
saldon) och sammanfattar den; skriver ingenting.
Med en arbetsbok: importerar filen till en kopia av arbetsboken (Huvudbok, nya konton i Kontoplan, tomma
inställningar) och ändrar inget annat.

Flaggor:
  -o, --out <fil>    utfilen (annars <namn>.importerad.xlsx)
  --ersatt           ersätt en utfil som redan finns (en tidigare import; annars vägras det)
  --importera-anda   importera trots att filens saldon inte stämmer med raderna (Körlogg säger det)
  --budget           ta också filens budget (#PBUDGET, #BUDGET) för dess år till Budget, per rapportrad
  --ersatt-budget    som --budget, och ersätt belopp som Budget redan har för året (annars vägras det)
${COMMON_SV}

Exempel:
  finsam sie bokforing.se
  finsam sie bokforing.se arbetsbok.xlsx -o arbetsbok.importerad.xlsx
  finsam sie bokforing.se arbetsbok.xlsx --budget`,
    en: `finsam sie <file.se> [<workbook.xlsx> [-o <out.xlsx>]]

With a file: reads the SIE file, checks it (vouchers balance, the rows agree with the file's own balances)
and summarises it; writes nothing.
With a workbook: imports the file into a copy of the workbook (Huvudbok, new accounts in Kontoplan, empty
settings) and changes nothing else.

Options:
  -o, --out <file>   the output (otherwise <name>.importerad.xlsx)
  --ersatt, --replace  replace an output that exists (an earlier import; otherwise refused)
  --importera-anda, --force  import even though the file's balances disagree with the rows (Körlogg records it)
  --budget           also take the file's budget (#PBUDGET, #BUDGET) for its year into Budget, per report line
  --ersatt-budget, --replace-budget  as --budget, replacing amounts Budget already has for the year (else refused)
${COMMON_EN}

Example:
  finsam sie ledger.se
  finsam sie ledger.se workbook.xlsx -o workbook.importerad.xlsx
  finsam sie ledger.se workbook.xlsx --budget`,
  },
};

/** `finsam <command> --help`. */
export function commandHelp(command: Command, lang: Lang): string {
  return `${HELP[command][lang]}\n\n${lang === "sv" ? EXIT_SV : EXIT_EN}\n`;
}

/** `finsam --help`: every command in a line, then how to get more. */
export function overviewHelp(lang: Lang, usage: string, version: string): string {
  const more =
    lang === "sv"
      ? "Mer om ett kommando: finsam <kommando> --help. Svenska och engelska namn går lika bra: berakna/recalc,\n" +
        "verifiera/verify, mall/template, exempel/example, nytt-ar/new-year."
      : "More on a command: finsam <command> --help. Swedish and English names both work: berakna/recalc,\n" +
        "verifiera/verify, mall/template, exempel/example, nytt-ar/new-year.";
  return `Finsam Ekonomi ${version}\n\n${usage}\n${more}\n\n${lang === "sv" ? EXIT_SV : EXIT_EN}\n`;
}
