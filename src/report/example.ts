/**
 * Input workbooks as sheet models: the empty template (`finsam mall`) and the example for a
 * fictional association (`finsam exempel`). The example is generated deterministically from a
 * seeded pseudo-random sequence, so it is the same file every time.
 */
import { dayNumber, excelSerialOfDayNumber } from "../core/dates";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "./sheetModel";
import { MIN_PRINT_SCALE, printScale } from "./sheets/header";

export type V = string | number | null;
const t = (v: string): Cell => ({ value: v, format: FORMATS.text });

/** An input sheet: one table of the contract, with widths that fit its text, printed as a list (also Nytt år's). */
export function inputSheet(
  name: string,
  tableName: string,
  headers: string[],
  rows: V[][],
  widths: number[],
  formats: Record<number, string> = {},
): SheetModel {
  // A column is as wide as its longest text (up to 60 characters), so that nothing typed is cut off on screen or
  // on paper by the next column (the association's name beside its help text in Inställningar).
  const fitted = widths.map((w, i) =>
    Math.max(w, Math.min(60, Math.max(0, ...rows.map((r) => (typeof r[i] === "string" ? (r[i] as string).length + 2 : 0))))),
  );
  const b = new SheetBuilder(name, fitted);
  b.table(
    tableName,
    headers,
    rows.map((r) =>
      r.map((v, i): Cell | null => {
        if (v === null) return null;
        if (typeof v === "string") return t(v);
        return { value: v, format: formats[i] ?? "General" };
      }),
    ),
  );
  // Printed as a list: one page wide, the header row on every page, the sheet's name above and the page below.
  // No print area: the rows grow as the officer types, and Excel prints what the sheet holds.
  b.page = {
    orientation: "portrait",
    titleRows: { first: 0, last: 0 },
    header: "&A",
    footer: "Sida &P av &N",
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  if (printScale({ columnWidths: fitted, page: b.page }) < MIN_PRINT_SCALE) b.page.orientation = "landscape";
  return b.build(1);
}

export const TEMPLATE_SETTINGS: Array<[string, V, string]> = [
  ["Förbund", "", "Förbundets namn; visas på alla rapporter (obligatorisk)"],
  ["Räkenskapsår", null, "Kalenderår som rapporterna avser (obligatorisk)"],
  ["Brytdatum", null, "Sista dag som ingår i utfallet: 30 april, 31 augusti eller 31 december (standard 30 april)"],
  ["Beloppsenhet", "tkr", "kr eller tkr i rapporterna"],
  ["Avrundningsenhet", 1, "Medlemsandelar avrundas till 1, 100 eller 1000 kr"],
  ["Statens bidrag", null, "Statens årsbelopp (betalas av Försäkringskassan)"],
  ["Medlemsbidrag totalt", null, "Alla medlemmars årsbelopp; ange detta eller statens bidrag"],
  ["Andel stat", "50 %", "Statens andel"],
  ["Andel region", "25 %", "Regionens (regionernas) andel"],
  ["Andel kommuner", "25 %", "Kommunernas gemensamma andel"],
  ["Betalningstillfällen", 4, "1, 2, 3, 4 eller 12 inbetalningar per år"],
  ["Periodisera medlemsbidrag", "Ja", "Ja: periodens intäkt = årsbelopp × förflutna månader / 12"],
  ["Ingående eget kapital", null, "Eget kapital 1 januari; lämna tomt för att läsa IB-rader på eget kapital-konton"],
  ["Takregel", "20 %", "Procent av årets medlemsbidrag, eller Tabell för trappstegsregeln i Takregel"],
  [
    "Takunderlag",
    "Medlemsbidrag",
    "Takets underlag: Medlemsbidrag (årets medlemsbidrag) eller Alla intäkter (även projektmedel och övriga)",
  ],
  ["SIE-dimension för insatser", 6, "SIE-import: dimensionen vars objekt är insatserna (6 = projekt)"],
  ["SIE-kontoplan", null, "SIE-import: BAS eller Kommun-BAS för föreslagna rapportrader; tomt = enligt filens #KPTYP"],
  ["Avvikelsegräns", "10 %; 100 tkr", "Tertialrapporten markerar avvikelser mot budget som är minst så stora (andel och belopp)"],
  ["Fördelningsnyckel avser", null, "Vad kommunernas fördelningsnyckel i Medlemmar är, t.ex. invånare 1 november 2025"],
  [
    "Förfallodagar",
    null,
    "Inbetalningarnas förfallodagar (MM-DD; ...); tomt = sista dagen i januari, april, juli, oktober (4), januari och juli (2) osv.",
  ],
  ["Organisationsnummer", null, "Fylls i av första SIE-importen (#ORGNR); en SIE-fil för ett annat nummer vägras"],
];

export const INPUT_DEFS = {
  Installningar: { sheet: "Inställningar", headers: ["Inställning", "Värde", "Förklaring"], widths: [28, 22, 80] },
  Medlemmar: { sheet: "Medlemmar", headers: ["Medlem", "Huvudman", "Fördelningsnyckel", "Från", "Till"], widths: [32, 12, 18, 12, 12] },
  Kontoplan: { sheet: "Kontoplan", headers: ["Konto", "Benämning", "Rapportrad"], widths: [14, 36, 28] },
  Budget: { sheet: "Budget", headers: ["Rapportrad"], widths: [28, 14, 14, 14, 14] },
  Huvudbok: { sheet: "Huvudbok", headers: ["Datum", "Verifikation", "Konto", "Belopp", "Text", "Insats"], widths: [12, 12, 8, 14, 40, 10] },
  Insatser: {
    sheet: "Insatser",
    headers: ["Insats", "Namn", "Dnr", "Beviljat belopp", "Från", "Till", "Utbetalt tidigare"],
    widths: [10, 44, 12, 16, 12, 12, 16],
  },
  Prognos: { sheet: "Prognos", headers: ["Rapportrad", "Metod", "Belopp", "Kommentar"], widths: [28, 20, 14, 60] },
  Takregel: { sheet: "Takregel", headers: ["Från", "Till", "Procent"], widths: [14, 14, 10] },
  Tillaggsbidrag: {
    sheet: "Tilläggsbidrag",
    headers: ["År", "Belopp", "Förfaller", "Beslut", "Andel stat", "Andel region", "Andel kommuner"],
    widths: [8, 14, 12, 40, 12, 12, 14],
  },
} as const;

/**
 * The template's balance-sheet accounts: the BAS classes 1–2 in ranges, each with its line in the
 * financial statements (Bokslut). The officer adds the income and cost accounts, and adjusts these.
 */
const TEMPLATE_BALANCE_ACCOUNTS: string[][] = [
  ["1000-1399", "Anläggningstillgångar", "anlaggningstillgangar"],
  ["1400-1899", "Fordringar och förutbetalda kostnader", "fordringar"],
  ["1900-1999", "Kassa och bank", "kassa_och_bank"],
  ["2000-2099", "Eget kapital", "eget_kapital"],
  ["2100-2299", "Avsättningar", "avsattningar"],
  ["2300-2399", "Långfristiga skulder", "langfristiga_skulder"],
  ["2400-2999", "Kortfristiga skulder", "kortfristiga_skulder"],
];

/** The empty template: every input table with headers, the default settings and the balance-sheet accounts. */
export function templateSheets(): SheetModel[] {
  const d = INPUT_DEFS;
  return [
    inputSheet(
      d.Installningar.sheet,
      "Installningar",
      [...d.Installningar.headers],
      TEMPLATE_SETTINGS.map(([a, b, c]) => [a, b, c]),
      [...d.Installningar.widths],
    ),
    inputSheet(d.Medlemmar.sheet, "Medlemmar", [...d.Medlemmar.headers], [], [...d.Medlemmar.widths]),
    inputSheet(d.Kontoplan.sheet, "Kontoplan", [...d.Kontoplan.headers], TEMPLATE_BALANCE_ACCOUNTS, [...d.Kontoplan.widths]),
    inputSheet(d.Budget.sheet, "Budget", ["Rapportrad", "År", "Belopp"], [], [28, 10, 14]),
    inputSheet(d.Huvudbok.sheet, "Huvudbok", [...d.Huvudbok.headers], [], [...d.Huvudbok.widths]),
    inputSheet(d.Insatser.sheet, "Insatser", [...d.Insatser.headers], [], [...d.Insatser.widths]),
    inputSheet(d.Prognos.sheet, "Prognos", [...d.Prognos.headers], [], [...d.Prognos.widths]),
    inputSheet(d.Takregel.sheet, "Takregel", [...d.Takregel.headers], [], [...d.Takregel.widths]),
    inputSheet(d.Tillaggsbidrag.sheet, "Tillaggsbidrag", [...d.Tillaggsbidrag.headers], [], [...d.Tillaggsbidrag.widths]),
  ];
}

/** Mulberry32: a small seeded generator, so the example is identical on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ExampleOptions {
  year: number;
  cutoff: string;
  /** Pads the ledger with further balanced vouchers of small purchases up to this many rows (benchmarks, tests). */
  ledgerRows?: number;
  /** The report year's ledger runs to December (a closed year, for Nytt år). */
  closed?: boolean;
}

export const EXAMPLE_DEFAULTS: ExampleOptions = { year: 2026, cutoff: "2026-08-31" };

/** The example association's input sheets. */
export function exampleSheets(options: ExampleOptions = EXAMPLE_DEFAULTS): SheetModel[] {
  const Y = options.year;
  const rand = rng(20260831);
  const d = INPUT_DEFS;
  const state = 4443000;
  const total = state * 2;

  const settings: V[][] = TEMPLATE_SETTINGS.map(([k, v, help]) => {
    const values: Record<string, V> = {
      Förbund: "Samordningsförbundet Älvdalen (fiktivt)",
      Räkenskapsår: Y,
      Brytdatum: options.cutoff,
      Avrundningsenhet: 1000,
      "Statens bidrag": state,
      "Ingående eget kapital": null,
      Takregel: "Tabell",
      "Fördelningsnyckel avser": "invånare 1 november " + (Y - 1),
    };
    return [k, k in values ? values[k] : v, help];
  });

  const municipalities: Array<[string, number]> = [
    ["Älvby kommun", 41230],
    ["Norrfors kommun", 18614],
    ["Bergsjö kommun", 9877],
    ["Strandvik kommun", 7012],
    ["Åsele-Lid kommun", 4305],
  ];
  const members: V[][] = [
    ["Försäkringskassan", "Stat", 1],
    ["Region Älvdalen", "Region", 1],
    ...municipalities.map(([n, p]): V[] => [n, "Kommun", p]),
  ];

  const accounts: V[][] = [
    ["1510", "Kundfordringar", "fordringar"],
    ["1930", "Bank", "kassa_och_bank"],
    ["2010", "Eget kapital", "eget_kapital"],
    ["2440", "Leverantörsskulder", "kortfristiga_skulder"],
    ["3010-3019", "Medlemsbidrag", "medlemsbidrag"],
    ["3900-3999", "Övriga intäkter", "ovriga_intakter"],
    ["4500-4599", "Bidrag till insatser", "bidrag_till_insatser"],
    ["5000-5999", "Personalkostnader", "personalkostnader"],
    ["6000-7699", "Övriga externa kostnader", "ovriga_externa_kostnader"],
    ["7800-7899", "Avskrivningar", "avskrivningar"],
    ["8300-8399", "Finansiella intäkter", "finansiella_intakter"],
    ["8400-8499", "Finansiella kostnader", "finansiella_kostnader"],
  ];

  const years = [Y - 1, Y, Y + 1, Y + 2];
  const budgetRows: V[][] = [
    ["medlemsbidrag", total, total, total, total],
    ["ovriga_intakter", 0, 60000, 0, 0],
    ["bidrag_till_insatser", 6100000, 6900000, 6400000, 6200000],
    ["personalkostnader", 2380000, 2460000, 2530000, 2600000],
    ["ovriga_externa_kostnader", 820000, 790000, 800000, 810000],
    ["finansiella_kostnader", 5000, 5000, 5000, 5000],
  ];

  const grants: V[][] = [
    ["P24/3", "Jobbcenter – individens resa till egen försörjning", "24:31", 4950000, "2024-09-01", `${Y}-12-31`],
    ["P25/1", "Yrkesinriktad svenska inom vård och omsorg", "25:07", 1965000, "2025-03-01", `${Y + 1}-02-28`],
    ["P25/4", "Unga vuxna – samordnad rehabilitering", "25:19", 4800000, "2025-06-01", `${Y + 1}-05-31`],
    ["P26/1", "Hälsa, arbete, migration", "26:02", 1500000, `${Y}-02-01`, `${Y + 1}-01-31`],
    ["P26/2", "Arbetsterapeut i kommunal arbetsmarknadsverksamhet", "26:05", 640000, `${Y}-04-01`, `${Y}-12-31`],
  ];

  // The ledger: two years of vouchers, each balanced against the bank (or receivables).
  const ledger: V[][] = [];
  let voucherNo = 0;
  const date = (y: number, m: number, dd: number) => excelSerialOfDayNumber(dayNumber(y, m, dd));
  const post = (y: number, m: number, dd: number, account: number, amount: number, text: string, project = "") => {
    voucherNo++;
    const ver = `V${y}-${String(voucherNo).padStart(4, "0")}`;
    const kr = Math.round(amount * 100) / 100;
    ledger.push([date(y, m, dd), ver, account, kr, text, project]);
    ledger.push([date(y, m, dd), ver, account === 3011 || account === 3012 || account === 3013 ? 1510 : 1930, -kr, text, project]);
  };
  const ib = (y: number, equity: number) => {
    ledger.push([date(y, 1, 1), "IB", 1930, equity, "Ingående balans bank", ""]);
    ledger.push([date(y, 1, 1), "IB", 2010, -equity, "Ingående balans eget kapital", ""]);
  };
  // This year's ledger runs into September (after the cut-off), or to December when the year is closed.
  const endMonth = (y: number) => (y === Y && !options.closed ? 9 : 12);
  // Last year's opening balance is set below, once last year's result is known, so that it plus that
  // result is this year's opening balance (the ledger carries over as a closed year does).
  ib(Y - 1, 0);
  ib(Y, 3140000);
  for (const y of [Y - 1, Y]) {
    voucherNo = 0;
    // Member contributions invoiced for the whole year in January.
    post(y, 1, 15, 3011, -state, `Medlemsbidrag ${y} Försäkringskassan`);
    post(y, 1, 15, 3012, -state / 2, `Medlemsbidrag ${y} Region Älvdalen`);
    post(y, 1, 15, 3013, -state / 2, `Medlemsbidrag ${y} kommunerna`);
    // …and paid in February: the receivable becomes money in the bank.
    voucherNo++;
    const paidVer = `V${y}-${String(voucherNo).padStart(4, "0")}`;
    ledger.push([date(y, 2, 10), paidVer, 1930, state * 2, `Inbetalning medlemsbidrag ${y}`, ""]);
    ledger.push([date(y, 2, 10), paidVer, 1510, -state * 2, `Inbetalning medlemsbidrag ${y}`, ""]);
    for (let m = 1; m <= endMonth(y); m++) {
      const salary = 152000 + Math.round(rand() * 9000);
      post(y, m, 25, 5010, salary, `Löner ${y}-${String(m).padStart(2, "0")}`);
      post(y, m, 25, 5410, Math.round(salary * 0.3142), "Arbetsgivaravgifter");
      if (m % 3 === 0) post(y, m, 28, 5610, 14500 + Math.round(rand() * 3000), "Pensionskostnad KPA");
      for (let k = 0; k < 8; k++) {
        const acc = [6110, 6230, 6540, 7010, 6250, 6420, 6570, 7090][k];
        const text = [
          "Kontorsmaterial",
          "Lokalhyra",
          "IT-tjänster",
          "Resor och konferenser",
          "El och städ",
          "Telefoni",
          "Revision och konsulter",
          "Kurser och nätverksträffar",
        ][k];
        const base = [1800, 19000, 8500, 4000, 1500, 1200, 2500, 2000][k];
        post(y, m, 2 + k * 3, acc, base + Math.round(rand() * base * 0.4), text);
      }
      if (m === 6 && y === Y - 1) post(y, m, 30, 3910, -48000, "Vidarefakturering processledarutbildning");
      if (m === 12) post(y, m, 31, 8410, 4200, "Bankavgifter och ränta");
      // Grant requisitions: quarterly, lagging a month, for grants running in that month.
      if (m % 3 === 1 && !(y === Y - 1 && m === 1)) {
        for (const g of grants) {
          const [code, name, , granted, from, to] = g as [string, string, string, number, string, string];
          const fy = Number(from.slice(0, 4));
          const ty = Number(to.slice(0, 4));
          const inRange =
            (y > fy || (y === fy && m > Number(from.slice(5, 7)))) && (y < ty || (y === ty && m <= Number(to.slice(5, 7)) + 1));
          if (!inRange) continue;
          const monthsTotal = (ty - fy) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
          const quarter = Math.round(((granted / monthsTotal) * 3 * (0.75 + rand() * 0.3)) / 100) * 100;
          post(y, m, 12, 4510, quarter, `Rekvisition ${name}`, code);
        }
      }
    }
  }

  // Padding for large ledgers: small purchases on both years, balanced against the bank.
  const extraAccounts = [6110, 6230, 6540, 7010, 6250, 6420, 6570, 7090, 5010, 4510];
  const extraTexts = [
    "Förbrukningsmaterial",
    "Lokalkostnad",
    "Programvara",
    "Resa",
    "Städning",
    "Telefon",
    "Konsult",
    "Kursavgift",
    "Lönejustering",
    "Delrekvisition",
  ];
  for (let i = 0; ledger.length + 1 < (options.ledgerRows ?? 0); i++) {
    const y = i % 2 === 0 ? Y - 1 : Y;
    const m = 1 + (i % (y === Y ? 8 : 12));
    const k = i % extraAccounts.length;
    const amount = 50 + Math.round(rand() * 95000) / 100;
    const ver = `X${y}-${String(i + 1).padStart(7, "0")}`;
    const dt = date(y, m, 1 + (i % 28));
    ledger.push([dt, ver, extraAccounts[k], amount, `${extraTexts[k]} ${i + 1}`, k === 9 ? "P25/4" : ""]);
    ledger.push([dt, ver, 1930, -amount, `${extraTexts[k]} ${i + 1}`, k === 9 ? "P25/4" : ""]);
  }

  // Last year's IB: this year's opening equity less last year's result (class 3–8, credit positive).
  const lastYearEnd = date(Y - 1, 12, 31);
  const lastYearStart = date(Y - 1, 1, 1);
  let lastYearResult = 0;
  for (const r of ledger) {
    const d = r[0] as number;
    if (r[1] !== "IB" && d >= lastYearStart && d <= lastYearEnd && (r[2] as number) >= 3000) lastYearResult -= r[3] as number;
  }
  const openingLastYear = Math.round((3140000 - lastYearResult) * 100) / 100;
  ledger[0][3] = openingLastYear;
  ledger[1][3] = -openingLastYear;

  const forecast: V[][] = [
    ["ovriga_intakter", "budget", null, ""],
    ["ovriga_externa_kostnader", "föregående år", null, ""],
    ["finansiella_kostnader", "manuell", 4200, "Bankavgifter enligt avtal; ingen ränta på lån"],
  ];

  const bands: V[][] = [
    [0, 5000000, "20 %"],
    [5000000, 10000000, "15 %"],
    [10000000, null, "10 %"],
  ];

  return [
    inputSheet(d.Installningar.sheet, "Installningar", [...d.Installningar.headers], settings, [...d.Installningar.widths]),
    inputSheet(d.Medlemmar.sheet, "Medlemmar", [...d.Medlemmar.headers], members, [...d.Medlemmar.widths], { 2: "#,##0" }),
    inputSheet(d.Kontoplan.sheet, "Kontoplan", [...d.Kontoplan.headers], accounts, [...d.Kontoplan.widths]),
    inputSheet(d.Budget.sheet, "Budget", ["Rapportrad", ...years.map(String)], budgetRows, [...d.Budget.widths], {
      1: "#,##0",
      2: "#,##0",
      3: "#,##0",
      4: "#,##0",
    }),
    inputSheet(d.Huvudbok.sheet, "Huvudbok", [...d.Huvudbok.headers], ledger, [...d.Huvudbok.widths], { 0: FORMATS.date, 3: "#,##0.00" }),
    inputSheet(d.Insatser.sheet, "Insatser", [...d.Insatser.headers], grants, [...d.Insatser.widths], { 3: "#,##0", 6: "#,##0" }),
    inputSheet(d.Prognos.sheet, "Prognos", [...d.Prognos.headers], forecast, [...d.Prognos.widths], { 2: "#,##0" }),
    inputSheet(d.Takregel.sheet, "Takregel", [...d.Takregel.headers], bands, [...d.Takregel.widths], { 0: "#,##0", 1: "#,##0" }),
  ];
}
