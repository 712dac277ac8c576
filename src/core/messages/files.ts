/** The use cases and the shells: files, writing the workbook, verifying, what Excel refuses. */
import { Entry, KIND_EN, KIND_SV, None, OS_EN, OS_SV, SHEET_NAME_EN, SHEET_NAME_SV, none } from "./words";

const CHANGE_SV = { changed: "", added: " (ny sedan beräkningen)", removed: " (borttagen sedan beräkningen)" };
const CHANGE_EN = { changed: "", added: " (new since the calculation)", removed: " (removed since the calculation)" };

/** A detail ending the way a sentence of ours goes on: without its own closing full stop ("…sync 9." + ". Arbetsbokens"). */
const sentence = (detail: string) => detail.replace(/[.\s]+$/, "");

export interface ShellParams {
  input_formula_master: None;
  owned_sheet_taken: { sheet: string; owned: string };
  cell_text_too_long: { length: number; limit: number };
  sheet_name_invalid: { sheet: string; reason: "empty" | "too_long" | "character" | "apostrophe" | "reserved" };
  sheet_too_large: { sheet: string; rows: number; columns: number };
  no_results: None;
  template_inputs_exist: { found: string[] };
  verify_difference: { stored: string; recomputed: string };
  verify_inputs_changed: { tables: Array<{ name: string; change: "changed" | "added" | "removed" }> };
  verify_inputs_same: None;
  verify_warnings_differ: { count: number };
  verify_inputs_unrecorded: None;
  verify_sheet_differences: { sheet: string; count: number };
  file_unreadable: { file: string; detail: string };
  file_kind: { file: string; kind: "encrypted" | "xls" | "ods" };
  file_system: { file: string; reason: string };
  /** `kind`: a template or example (input), a calculated result, an imported copy, or next year's workbook (never replaced). */
  file_exists: { file: string; kind: "input" | "result" | "import" | "new-year" };
  file_not_regular: { file: string };
  file_too_large: { file: string; megabytes: number; limit: number };
  output_extension: { file: string; expected: ".xlsx" | ".xlsm" };
  workbook_strict: None;
  sheet_protected_password: { sheet: string };
  calculation_manual: None;
  unexpected: { detail: string };
}

export const SHELL_MESSAGES: { [C in keyof ShellParams]: Entry<ShellParams[C]> } = {
  no_results: {
    meaning: "Verifiera: arbetsboken har inga beräknade resultat.",
    sv: () => "Arbetsboken har inga beräknade resultat att verifiera; beräkna först.",
    en: () => "The workbook has no computed results to verify; calculate first.",
    example: none,
  },
  template_inputs_exist: {
    meaning: "Skapa mall: arbetsboken har redan indata, så mallen skapas inte.",
    sv: (p) => `Arbetsboken har redan indata (${p.found.join(", ")}). Mallen skapas bara i en tom arbetsbok; ingenting har ändrats.`,
    en: (p) =>
      `The workbook already has inputs (${p.found.join(", ")}). The template is only created in an empty workbook; nothing was changed.`,
    example: { found: ["Huvudbok", "Medlemmar"] },
  },
  verify_difference: {
    meaning: "Verifiera: ett lagrat resultat skiljer sig från en ny beräkning.",
    sv: (p) => `lagrat ${p.stored}, omräknat ${p.recomputed}`,
    en: (p) => `stored ${p.stored}, recomputed ${p.recomputed}`,
    example: { stored: "-2 459 tkr", recomputed: "-2 460 tkr" },
  },
  verify_inputs_changed: {
    meaning: "Verifiera: indatatabeller som ändrats sedan resultaten beräknades (varje tabells fingeravtryck, summa och antal).",
    sv: (p) =>
      `Indata har ändrats efter beräkningen: ${p.tables.map((t) => t.name + CHANGE_SV[t.change]).join(", ")}. ` +
      "Skillnaderna nedan är vad en ny beräkning ger; beräkna om så stämmer resultaten med indata igen.",
    en: (p) =>
      `The inputs changed after the calculation: ${p.tables.map((t) => t.name + CHANGE_EN[t.change]).join(", ")}. ` +
      "The differences below are what a new calculation gives; recalculate to bring the results in line with the inputs.",
    example: { tables: [{ name: "Huvudbok", change: "changed" }] },
  },
  verify_inputs_same: {
    meaning: "Verifiera: indata är desamma som vid beräkningen, men resultatceller skiljer sig — de har ändrats i efterhand.",
    sv: () =>
      "Indata är desamma som vid beräkningen, så resultatcellerna nedan har ändrats efter beräkningen (eller beräknats " +
      "med en annan version). Beräkna om för att få tillbaka de beräknade värdena.",
    en: () =>
      "The inputs are as they were at the calculation, so the result cells below were changed after it (or computed by " +
      "another version). Recalculate to restore the computed values.",
    example: none,
  },
  verify_warnings_differ: {
    meaning:
      "Verifiera: resultaten stämmer, men listan Varningar vid beräkningen i Kontroller skiljer sig (en anteckning eller " +
      "dold rad sedan beräkningen, eller en ändring för hand).",
    sv: (p, f) =>
      `Resultaten stämmer med en ny beräkning; bara listan Varningar vid beräkningen i Kontroller skiljer sig (${f.count(p.count)} ` +
      `${p.count === 1 ? "cell" : "celler"}). Varningar om anteckningar utanför tabellerna och om dolda rader bygger på ` +
      "sådant som inte ingår i indatafingeravtrycket: har en anteckning eller en dold rad tillkommit eller tagits bort " +
      "sedan beräkningen är skillnaden väntad. Beräkna om för att uppdatera listan.",
    en: (p, f) =>
      `The results agree with a new calculation; only Kontroller's list of warnings differs (${f.count(p.count)} ` +
      `${p.count === 1 ? "cell" : "cells"}). Warnings about notes outside the tables and about hidden rows rest on what ` +
      "the input fingerprint leaves out: if a note or a hidden row was added or removed since the calculation, the " +
      "difference is expected. Recalculate to bring the list up to date.",
    example: { count: 2 },
  },
  verify_inputs_unrecorded: {
    meaning: "Verifiera: resultaten saknar Indatakontroll från beräkningen, så ändrade indatatabeller kan inte pekas ut.",
    sv: () => "Kontroller saknar tabellen Indatakontroll från beräkningen, så det går inte att säga vilka indatatabeller som ändrats.",
    en: () => "Kontroller lacks the Indatakontroll table from the calculation, so the changed input tables cannot be named.",
    example: none,
  },
  verify_sheet_differences: {
    meaning: "Verifiera: antal resultatceller som skiljer sig på ett blad.",
    sv: (p) => `${p.sheet}: ${p.count === 1 ? "1 cell" : `${p.count} celler`}`,
    en: (p) => `${p.sheet}: ${p.count === 1 ? "1 cell" : `${p.count} cells`}`,
    example: { sheet: "Tertialrapport", count: 12 },
  },
  file_unreadable: {
    meaning: "Filen går inte att läsa som en .xlsx-arbetsbok (fel filtyp, skadad, krypterad, zip64).",
    sv: (p) => `Filen ${p.file} går inte att läsa som en Excel-arbetsbok (.xlsx): ${p.detail}. Ingenting har skrivits.`,
    en: (p) => `The file ${p.file} cannot be read as an Excel workbook (.xlsx): ${p.detail}. Nothing was written.`,
    example: { file: "huvudbok.csv", detail: "not a zip file" },
  },
  file_kind: {
    meaning: "Filen är en krypterad arbetsbok, en .xls (Excel 97–2003) eller ett OpenDocument-kalkylblad (.ods), inte en .xlsx.",
    sv: (p) =>
      `Filen ${p.file} är ${KIND_SV[p.kind]}. Öppna den i Excel` +
      `${p.kind === "encrypted" ? ", ta bort lösenordet (Arkiv → Info → Skydda arbetsbok)" : ""} ` +
      "och spara den som Excel-arbetsbok (*.xlsx). Ingenting har skrivits.",
    en: (p) =>
      `The file ${p.file} is ${KIND_EN[p.kind]}. Open it in Excel` +
      `${p.kind === "encrypted" ? ", remove the password (File → Info → Protect Workbook)" : ""} ` +
      "and save it as an Excel Workbook (*.xlsx). Nothing was written.",
    example: { file: "budget.xlsx", kind: "encrypted" },
  },
  file_system: {
    meaning: "Filsystemet säger nej: filen eller mappen finns inte, är skrivskyddad, disken är full, en mapp i stället för en fil.",
    sv: (p) => `${p.file}: ${OS_SV[p.reason] ?? `filsystemet svarar ${p.reason}`}. Ingenting har skrivits.`,
    en: (p) => `${p.file}: ${OS_EN[p.reason] ?? `the file system answers ${p.reason}`}. Nothing was written.`,
    example: { file: "/mnt/delad/arbetsbok.beraknad.xlsx", reason: "EROFS" },
  },
  file_not_regular: {
    meaning: "Det angivna namnet är ingen vanlig fil (en enhet som /dev/zero, en namngiven rörledning); den läses inte.",
    sv: (p) => `${p.file} är ingen vanlig fil (en enhet eller en rörledning) och läses inte. Ange en sparad fil.`,
    en: (p) => `${p.file} is not a regular file (a device or a pipe) and is not read. Give a saved file.`,
    example: { file: "/dev/zero" },
  },
  file_too_large: {
    meaning: "Filen är större än vad programmet läser (arbetsbok 1 000 MB, SIE-fil 500 MB); den läses inte.",
    sv: (p, f) => `Filen ${p.file} är ${f.count(p.megabytes)} MB, mer än de ${f.count(p.limit)} MB som läses. Ingenting har skrivits.`,
    en: (p, f) =>
      `The file ${p.file} is ${f.count(p.megabytes)} MB, more than the ${f.count(p.limit)} MB that are read. Nothing was written.`,
    example: { file: "huvudbok.xlsx", megabytes: 1200, limit: 1000 },
  },
  file_exists: {
    meaning:
      "Utfilen finns redan och skrivs inte över: mall, exempel, ett tidigare resultat (recalc) och en tidigare import (sie) " +
      "ersätts bara med --ersatt; nytt år skriver aldrig över en fil.",
    sv: (p) =>
      p.kind === "result" || p.kind === "import"
        ? `Filen ${p.file} finns redan: där ligger ${p.kind === "result" ? "ett tidigare resultat" : "en tidigare import"}, ` +
          "och det som skrivits i den (kommentarer, Körlogg) skulle gå förlorat. " +
          "Ange en annan utfil med -o, eller lägg till --ersatt för att ersätta den."
        : p.kind === "new-year"
          ? `Filen ${p.file} finns redan. Nytt år skriver aldrig över en arbetsbok; ange ett nytt filnamn med -o.`
          : `Filen ${p.file} finns redan och skrivs inte över. Välj ett annat namn, eller lägg till --ersatt för att ersätta den.`,
    en: (p) =>
      p.kind === "result" || p.kind === "import"
        ? `The file ${p.file} exists: it holds ${p.kind === "result" ? "an earlier result" : "an earlier import"}, ` +
          "and what was typed in it (comments, Körlogg) would be lost. " +
          "Give another output with -o, or add --ersatt (--replace) to replace it."
        : p.kind === "new-year"
          ? `The file ${p.file} exists. Nytt år never overwrites a workbook; give a new file name with -o.`
          : `The file ${p.file} exists and is not overwritten. Choose another name, or add --ersatt (--replace) to replace it.`,
    example: { file: "arbetsbok.beraknad.xlsx", kind: "result" },
  },

  output_extension: {
    meaning: "Utfilens namn passar inte arbetsboken: en makroarbetsbok öppnas av Excel bara som .xlsm, en annan bara som .xlsx.",
    sv: (p) =>
      p.expected === ".xlsm"
        ? `Utfilen ${p.file} måste sluta på .xlsm: arbetsboken innehåller makron, och Excel öppnar den bara med det namnet. ` +
          "Ingenting har skrivits."
        : `Utfilen ${p.file} måste sluta på .xlsx: Excel öppnar arbetsboken bara med det namnet. Ingenting har skrivits.`,
    en: (p) =>
      p.expected === ".xlsm"
        ? `The output ${p.file} must end in .xlsm: the workbook holds macros, and Excel opens it only under that name. ` +
          "Nothing was written."
        : `The output ${p.file} must end in .xlsx: Excel opens the workbook only under that name. Nothing was written.`,
    example: { file: "arbetsbok.beraknad.xlsx", expected: ".xlsm" },
  },
  workbook_strict: {
    meaning: "Arbetsboken är sparad som Strict Open XML; resultat skrivs bara i en vanlig Excel-arbetsbok.",
    sv: () =>
      "Arbetsboken är sparad i formatet Strict Open XML, som Finsam Ekonomi inte skriver i. Öppna den i Excel, välj " +
      "Spara som → Excel-arbetsbok (*.xlsx) och kör igen. Ingenting har skrivits.",
    en: () =>
      "The workbook is saved as Strict Open XML, which Finsam Ekonomi does not write. Open it in Excel, choose " +
      "Save As → Excel Workbook (*.xlsx) and run again. Nothing was written.",
    example: none,
  },
  sheet_protected_password: {
    meaning: "Ett resultatblad är skyddat med lösenord, så det kan inte skrivas om. Ingenting skrivs.",
    sv: (p) =>
      `Bladet ${p.sheet} är skyddat med lösenord och kan inte skrivas om. Ta bort skyddet (Granska → Ta bort skydd för blad) ` +
      "och beräkna igen. Ingenting har skrivits.",
    en: (p) =>
      `The sheet ${p.sheet} is protected with a password and cannot be rewritten. Unprotect it (Review → Unprotect Sheet) ` +
      "and calculate again. Nothing was written.",
    example: { sheet: "Tertialrapport" },
  },
  calculation_manual: {
    meaning: "Excel räknar i manuellt läge; tillägget räknade om de blad det skrev, men andra formler kan visa gamla värden.",
    sv: () =>
      "Excel står i manuellt beräkningsläge. Finsam Ekonomi räknade om bladen det skrev; andra formler i arbetsboken " +
      "räknas om först när du trycker F9 (Formler → Beräkningsalternativ → Automatiskt).",
    en: () =>
      "Excel is in manual calculation mode. Finsam Ekonomi recalculated the sheets it wrote; other formulas in the " +
      "workbook update only when you press F9 (Formulas → Calculation Options → Automatic).",
    example: none,
  },
  unexpected: {
    meaning: "Ett oväntat programfel; detaljerna finns i Körlogg och konsolen. Indata är orörda.",
    sv: (p) => `Oväntat fel: ${sentence(p.detail)}. Arbetsbokens indata är orörda; kör igen när felet är åtgärdat.`,
    en: (p) => `Unexpected error: ${sentence(p.detail)}. The workbook's inputs are untouched; run again once the problem is fixed.`,
    example: { detail: "InvalidArgument" },
  },
  input_formula_master: {
    meaning: "Importen skulle skriva i en cell som är huvudcell för en delad formel eller en matrisformel; inget skrivs.",
    sv: () =>
      "Cellen har en formel som andra celler delar (delad formel eller matrisformel) och skulle skrivas över av importen. " +
      "Ersätt formlerna i tabellen med värden, eller flytta dem utanför tabellen, och importera igen; ingenting har skrivits.",
    en: () =>
      "The cell holds a formula that other cells share (a shared or array formula) and the import would overwrite it. " +
      "Replace the table's formulas with values, or move them out of the table, and import again; nothing was written.",
    example: {},
  },
  owned_sheet_taken: {
    meaning: "Ett eget blad har samma namn som ett blad Finsam Ekonomi skriver (i vilken bokstavsform som helst); det skrivs inte över.",
    sv: (p) =>
      `Bladet ${p.sheet} har samma namn som Finsam Ekonomis blad ${p.owned} men är inte skrivet av Finsam Ekonomi, så det skrivs ` +
      "inte över. Byt namn på ditt blad (högerklicka på fliken → Byt namn) och kör igen; ingenting har skrivits.",
    en: (p) =>
      `The sheet ${p.sheet} has the name of Finsam Ekonomi's sheet ${p.owned} but was not written by Finsam Ekonomi, so it is not ` +
      "overwritten. Rename your sheet (right-click its tab → Rename) and run again; nothing was written.",
    example: { sheet: "KONTROLLER", owned: "Kontroller" },
  },
  cell_text_too_long: {
    meaning: "En text som skulle skrivas är längre än en cell rymmer (32 767 tecken); ingenting skrivs.",
    sv: (p, f) =>
      `Texten som skulle skrivas här är ${f.count(p.length)} tecken, fler än en cell rymmer (${f.count(p.limit)}). ` +
      "Korta texten i indata (eller i SIE-filen) och kör igen; ingenting har skrivits.",
    en: (p, f) =>
      `The text to be written here is ${f.count(p.length)} characters, more than a cell holds (${f.count(p.limit)}). ` +
      "Shorten it in the inputs (or in the SIE file) and run again; nothing was written.",
    example: { length: 40000, limit: 32767 },
  },
  sheet_name_invalid: {
    meaning: "Ett bladnamn som Excel inte tillåter (tomt, över 31 tecken, [ ] : * ? / \\, apostrof först eller sist, History).",
    sv: (p) => `Bladnamnet ${p.sheet} går inte i Excel (${SHEET_NAME_SV[p.reason]}). Ingenting har skrivits.`,
    en: (p) => `The sheet name ${p.sheet} is not allowed in Excel (${SHEET_NAME_EN[p.reason]}). Nothing was written.`,
    example: { sheet: "Bokslut: 2026", reason: "character" },
  },
  sheet_too_large: {
    meaning: "Ett blad skulle få fler rader (1 048 576) eller kolumner (16 384) än Excel har; ingenting skrivs.",
    sv: (p, f) =>
      `Bladet ${p.sheet} skulle få ${f.count(p.rows)} rader och ${f.count(p.columns)} kolumner; ett kalkylblad har högst ` +
      "1 048 576 rader och 16 384 kolumner. Ingenting har skrivits.",
    en: (p, f) =>
      `The sheet ${p.sheet} would get ${f.count(p.rows)} rows and ${f.count(p.columns)} columns; a worksheet has at most ` +
      "1,048,576 rows and 16,384 columns. Nothing was written.",
    example: { sheet: "Huvudbok", rows: 1100000, columns: 6 },
  },
};
