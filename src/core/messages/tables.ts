/**
 * The input tables' shape: rows under a table, hidden rows, cells outside every table, a totals row, a header row turned
 * off, a column that is there twice. What is read, and what is not and is said.
 */
import type { Entry } from "./words";

export interface TableParams {
  hidden_rows: { count: number; sheet: string };
  rows_below_table: { table: string; sheet: string; range: string; rows: number };
  /** `ranges`: the first areas (`H2:H40, K5`); `more`: how many areas besides them. */
  cells_outside_tables: { sheet: string; count: number; ranges: string; more: number };
  table_totals_row: { table: string; sheet: string };
  table_headers_hidden: { table: string; sheet: string };
  /** `cells`: the header cells that name the column (`D1, H1`). */
  duplicate_column: { column: string; sheet: string; cells: string };
}

export const TABLE_MESSAGES: { [C in keyof TableParams]: Entry<TableParams[C]> } = {
  hidden_rows: {
    meaning: "Varning: dolda eller filtrerade rader i en indatatabell räknas ändå med.",
    sv: (p, f) => `${f.count(p.count)} dolda eller filtrerade rader i ${p.sheet} räknas ändå med i beräkningen.`,
    en: (p, f) => `${f.count(p.count)} hidden or filtered rows in ${p.sheet} are still included in the calculation.`,
    example: { count: 3, sheet: "Huvudbok" },
  },
  rows_below_table: {
    meaning:
      "Rader skrivna under en indatatabell som tabellen inte tagit med (direkt under den eller efter en eller två tomma " +
      "rader): de skulle annars inte räknas. Körningen vägras tills tabellen utökas (eller raderna flyttas längre ned); " +
      "anteckningar bredvid eller längre ned är dina egna.",
    sv: (p) =>
      `${p.rows === 1 ? "Raden" : "Raderna"} ${p.range} under tabellen ${p.table} ingår inte i tabellen och skulle inte räknas. ` +
      "Utöka tabellen så att de kommer med (klicka i tabellen, Tabelldesign → Ändra storlek på tabell; i panelen: Ta med raderna), " +
      "eller flytta dem minst tre rader längre ned om de är anteckningar. Ingenting har skrivits.",
    en: (p) =>
      `${p.rows === 1 ? "The row" : "The rows"} ${p.range} under the table ${p.table} are not part of it and would not be counted. ` +
      "Extend the table to take them in (click in the table, Table Design → Resize Table; in the pane: Take the rows in), " +
      "or move them at least three rows further down if they are notes. Nothing was written.",
    example: { table: "Huvudbok", sheet: "Huvudbok", range: "A500:F501", rows: 2 },
  },
  cells_outside_tables: {
    meaning:
      "Varning: ifyllda celler på ett indatablad som ingen indatatabell tar med (en anteckning eller kontrollsumma " +
      "bredvid en tabell, rader långt under den). De läses inte; varje ifylld cell läses eller sägs.",
    sv: (p, f) =>
      `${p.count === 1 ? "En ifylld cell" : `${f.count(p.count)} ifyllda celler`} på ${p.sheet} ligger utanför indatatabellerna ` +
      `och läses inte: ${p.ranges}${p.more > 0 ? ` och ${f.count(p.more)} områden till` : ""}. ` +
      "Hör de till en tabell, utöka den; är de egna anteckningar får de stå kvar.",
    en: (p, f) =>
      `${p.count === 1 ? "One filled cell" : `${f.count(p.count)} filled cells`} on ${p.sheet} ${p.count === 1 ? "lies" : "lie"} ` +
      `outside the input tables and ${p.count === 1 ? "is" : "are"} not read: ${p.ranges}` +
      `${p.more > 0 ? ` and ${f.count(p.more)} more areas` : ""}. If they belong to a table, extend it; notes of your own may stay.`,
    example: { sheet: "Huvudbok", count: 12, ranges: "H2:H10, K1:N3", more: 0 },
  },
  table_totals_row: {
    meaning: "SIE-importen eller Ta med raderna skulle lägga till rader under en tabells summarad; inget skrivs.",
    sv: (p) =>
      `Tabellen ${p.table} på ${p.sheet} har en summarad (Tabelldesign → Summarad), och rader kan inte läggas till under den. ` +
      "Slå av summaraden, gör om, och slå på den igen; ingenting har skrivits.",
    en: (p) =>
      `The table ${p.table} on ${p.sheet} has a totals row (Table Design → Total Row), and rows cannot be added under it. ` +
      "Turn the totals row off, do it again, and turn it back on; nothing was written.",
    example: { table: "Huvudbok", sheet: "Huvudbok" },
  },
  table_headers_hidden: {
    meaning: "En indatatabell visar inte sin rubrikrad, så dess kolumner kan inte hittas; inget skrivs.",
    sv: (p) =>
      `Tabellen ${p.table} på ${p.sheet} visar inte sin rubrikrad, och kolumnerna hittas på sina rubriker. ` +
      "Slå på rubrikraden (klicka i tabellen, Tabelldesign → Rubrikrad) och kör igen; ingenting har skrivits.",
    en: (p) =>
      `The table ${p.table} on ${p.sheet} does not show its header row, and its columns are found by their headers. ` +
      "Turn the header row on (click in the table, Table Design → Header Row) and run again; nothing was written.",
    example: { table: "Huvudbok", sheet: "Huvudbok" },
  },
  duplicate_column: {
    meaning:
      "Två kolumner i en indatatabell har rubriker som betyder samma sak (t.ex. Belopp och Amount); vilken som gäller går inte att veta.",
    sv: (p) =>
      `Kolumnen ${p.column} finns två gånger i ${p.sheet} (${p.cells}): rubrikerna betyder samma sak, och bara en kan läsas. ` +
      "Byt namn på eller ta bort den som inte gäller.",
    en: (p) =>
      `The column ${p.column} is there twice on ${p.sheet} (${p.cells}): the headers mean the same, and only one can be read. ` +
      "Rename or remove the one that does not apply.",
    example: { column: "Belopp", sheet: "Huvudbok", cells: "D1, H1" },
  },
};
