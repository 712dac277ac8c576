/**
 * The example workbook for a fictional association (`finsam exempel`): the template's input sheets (inputSheets.ts)
 * filled in, in named steps. It is generated deterministically from a seeded pseudo-random sequence, so it is the
 * same file every time.
 */
import {
  ACCOUNTS_TABLE,
  BUDGET_TABLE,
  CEILING_TABLE,
  FORECAST_TABLE,
  GRANTS_TABLE,
  LEDGER_TABLE,
  MEMBERS_TABLE,
  SETTINGS_TABLE,
} from "../core/contract";
import { dayNumber, excelSerialOfDayNumber } from "../core/dates";
import { inputSheet, sheetColumn, templateSettingRows, V, yearSheetColumn } from "./inputSheets";
import type { SheetModel } from "./sheetModel";

export { inputSheet, templateSheets } from "./inputSheets";
export type { V } from "./inputSheets";

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
/** The same year closed: the ledger runs to December and Brytdatum is 31 December (`finsam exempel --avslutat`), so the
 * workbook's own figures and Nytt år's carried-over equity are the same year-end. */
export const EXAMPLE_CLOSED: ExampleOptions = { year: 2026, cutoff: "2026-12-31", closed: true };

const STATE = 4443000;

/** Inställningar: the template's settings with the association's values. */
function exampleSettings(o: ExampleOptions): V[][] {
  return templateSettingRows({
    Förbund: "Samordningsförbundet Älvdalen (fiktivt)",
    Räkenskapsår: o.year,
    Brytdatum: o.cutoff,
    Avrundningsenhet: 1000,
    "Statens bidrag": STATE,
    "Ingående eget kapital": null,
    Takregel: "Tabell",
    "Fördelningsnyckel avser": "invånare 1 november " + (o.year - 1),
  });
}

const MUNICIPALITIES: Array<[string, number]> = [
  ["Älvby kommun", 41230],
  ["Norrfors kommun", 18614],
  ["Bergsjö kommun", 9877],
  ["Strandvik kommun", 7012],
  ["Åsele-Lid kommun", 4305],
];

const MEMBERS: V[][] = [
  ["Försäkringskassan", "Stat", 1],
  ["Region Älvdalen", "Region", 1],
  ...MUNICIPALITIES.map(([n, p]): V[] => [n, "Kommun", p]),
];

const ACCOUNTS: V[][] = [
  ["1510", "Kundfordringar", "fordringar"],
  ["1930", "Bank", "kassa_och_bank"],
  ["2010", "Eget kapital", "eget_kapital"],
  ["2440", "Leverantörsskulder", "kortfristiga_skulder"],
  ["3010-3019", "Medlemsbidrag", "medlemsbidrag"],
  ["3400-3499", "Projektmedel och medfinansiering", "projektmedel"],
  ["3900-3999", "Övriga intäkter", "ovriga_intakter"],
  ["4500-4599", "Bidrag till insatser", "bidrag_till_insatser"],
  ["5000-5999", "Personalkostnader", "personalkostnader"],
  ["6000-7699", "Övriga externa kostnader", "ovriga_externa_kostnader"],
  ["7800-7899", "Avskrivningar", "avskrivningar"],
  ["8300-8399", "Finansiella intäkter", "finansiella_intakter"],
  ["8400-8499", "Finansiella kostnader", "finansiella_kostnader"],
];

/** Budget in wide form: last year, this year and two plan years. */
function exampleBudget(year: number): SheetModel {
  const total = STATE * 2;
  const years = [year - 1, year, year + 1, year + 2];
  const rows: V[][] = [
    ["medlemsbidrag", total, total, total, total],
    // The ESF's part of Unga vuxna (June 2025 – May 2027): a quarter of 200 000 a month.
    ["projektmedel", 350000, 600000, 250000, 0],
    ["ovriga_intakter", 0, 60000, 0, 0],
    // 2027 spends the ESF's last 250 000 on individinriktade insatser.
    ["bidrag_till_insatser", 6100000, 6900000, 6650000, 6200000],
    ["personalkostnader", 2380000, 2460000, 2530000, 2600000],
    ["ovriga_externa_kostnader", 820000, 790000, 800000, 810000],
    ["finansiella_kostnader", 5000, 5000, 5000, 5000],
    // The cost budget per verksamhet (a memo of the lines above; each year's three sum to its cost lines).
    ["Administration", 3200000, 3250000, 3330000, 3410000],
    ["Strukturövergripande insatser", 1500000, 1700000, 1600000, 1500000],
    ["Individinriktade insatser", 4600000, 5200000, 5050000, 4700000],
  ];
  const columns = [sheetColumn(BUDGET_TABLE.columns[0]), ...years.map((y) => yearSheetColumn(BUDGET_TABLE.yearColumns, y))];
  return inputSheet(BUDGET_TABLE, rows, columns);
}

/** A decided grant of the example: code, name, Dnr, granted amount, first and last day (ISO), Typ, co-financing and by whom. */
type ExampleGrant = [string, string, string, number, string, string, string, number?, string?];

/** The co-financier of the example's ESF project, and its part. */
const ESF = "Svenska ESF-rådet";

function exampleGrants(Y: number): ExampleGrant[] {
  return [
    ["P24/3", "Jobbcenter – individens resa till egen försörjning", "24:31", 4950000, "2024-09-01", `${Y}-12-31`, "Individinriktad"],
    ["P25/1", "Yrkesinriktad svenska inom vård och omsorg", "25:07", 1965000, "2025-03-01", `${Y + 1}-02-28`, "Individinriktad"],
    // Co-financed: the ESF pays back a quarter of what the förbund pays out (1 200 000 of 4 800 000).
    ["P25/4", "Unga vuxna – samordnad rehabilitering", "25:19", 4800000, "2025-06-01", `${Y + 1}-05-31`, "Individinriktad", 1200000, ESF],
    ["P26/1", "Hälsa, arbete, migration", "26:02", 1500000, `${Y}-02-01`, `${Y + 1}-01-31`, "Strukturövergripande"],
    ["P26/2", "Arbetsterapeut i kommunal arbetsmarknadsverksamhet", "26:05", 640000, `${Y}-04-01`, `${Y}-12-31`, "Strukturövergripande"],
  ];
}

const serial = (y: number, m: number, d: number) => excelSerialOfDayNumber(dayNumber(y, m, d));
const serialOfIso = (iso: string) => serial(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** The office's monthly costs: account, text, base amount. */
const MONTHLY: Array<[number, string, number]> = [
  [6110, "Kontorsmaterial", 1800],
  [6230, "Lokalhyra", 19000],
  [6540, "IT-tjänster", 8500],
  [7010, "Resor och konferenser", 4000],
  [6250, "El och städ", 1500],
  [6420, "Telefoni", 1200],
  [6570, "Revision och konsulter", 2500],
  [7090, "Kurser och nätverksträffar", 2000],
];

/** The ledger being written: balanced vouchers, numbered per year. */
class ExampleLedger {
  readonly rows: V[][] = [];
  voucherNo = 0;
  /** A voucher of two rows: the amount on `account`, its counterpart on the bank (or receivables for contributions). */
  post(y: number, m: number, dd: number, account: number, amount: number, text: string, project = ""): void {
    const ver = this.nextVoucher(y);
    const kr = Math.round(amount * 100) / 100;
    const counter = account === 3011 || account === 3012 || account === 3013 ? 1510 : 1930;
    this.rows.push([serial(y, m, dd), ver, account, kr, text, project], [serial(y, m, dd), ver, counter, -kr, text, project]);
  }
  nextVoucher(y: number): string {
    this.voucherNo++;
    return `V${y}-${String(this.voucherNo).padStart(4, "0")}`;
  }
  /** Opening balances: the bank against equity. */
  opening(y: number, equity: number): void {
    this.rows.push([serial(y, 1, 1), "IB", 1930, equity, "Ingående balans bank", ""]);
    this.rows.push([serial(y, 1, 1), "IB", 2010, -equity, "Ingående balans eget kapital", ""]);
  }
}

/** One year of the association's books: contributions invoiced and paid, salaries, the office, grant requisitions. */
function bookYear(l: ExampleLedger, y: number, o: ExampleOptions, grants: ExampleGrant[], rand: () => number): void {
  l.voucherNo = 0;
  // Member contributions invoiced for the whole year in January…
  l.post(y, 1, 15, 3011, -STATE, `Medlemsbidrag ${y} Försäkringskassan`);
  l.post(y, 1, 15, 3012, -STATE / 2, `Medlemsbidrag ${y} Region Älvdalen`);
  l.post(y, 1, 15, 3013, -STATE / 2, `Medlemsbidrag ${y} kommunerna`);
  // …and paid in February: the receivable becomes money in the bank.
  const paidVer = l.nextVoucher(y);
  l.rows.push([serial(y, 2, 10), paidVer, 1930, STATE * 2, `Inbetalning medlemsbidrag ${y}`, ""]);
  l.rows.push([serial(y, 2, 10), paidVer, 1510, -STATE * 2, `Inbetalning medlemsbidrag ${y}`, ""]);
  // This year's ledger runs into September (after the cut-off), or to December when the year is closed.
  const endMonth = y === o.year && !o.closed ? 9 : 12;
  for (let m = 1; m <= endMonth; m++) {
    const salary = 152000 + Math.round(rand() * 9000);
    l.post(y, m, 25, 5010, salary, `Löner ${y}-${String(m).padStart(2, "0")}`);
    l.post(y, m, 25, 5410, Math.round(salary * 0.3142), "Arbetsgivaravgifter");
    if (m % 3 === 0) l.post(y, m, 28, 5610, 14500 + Math.round(rand() * 3000), "Pensionskostnad KPA");
    MONTHLY.forEach(([account, text, base], k) => l.post(y, m, 2 + k * 3, account, base + Math.round(rand() * base * 0.4), text));
    if (m === 6 && y === o.year - 1) l.post(y, m, 30, 3910, -48000, "Vidarefakturering processledarutbildning");
    if (m === 12) l.post(y, m, 31, 8410, 4200, "Bankavgifter och ränta");
    // Grant requisitions: quarterly, lagging a month, for grants running in that month.
    if (m % 3 === 1 && !(y === o.year - 1 && m === 1)) requisitions(l, y, m, grants, rand);
  }
}

function requisitions(l: ExampleLedger, y: number, m: number, grants: ExampleGrant[], rand: () => number): void {
  for (const [code, name, , granted, from, to, , coFinancing] of grants) {
    const fy = Number(from.slice(0, 4));
    const ty = Number(to.slice(0, 4));
    const inRange = (y > fy || (y === fy && m > Number(from.slice(5, 7)))) && (y < ty || (y === ty && m <= Number(to.slice(5, 7)) + 1));
    if (!inRange) continue;
    const monthsTotal = (ty - fy) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    const quarter = Math.round(((granted / monthsTotal) * 3 * (0.75 + rand() * 0.3)) / 100) * 100;
    l.post(y, m, 12, 4510, quarter, `Rekvisition ${name}`, code);
    // The co-financier pays its part of the requisition back the same month.
    if (coFinancing) l.post(y, m, 20, 3410, -(quarter * coFinancing) / granted, `Medfinansiering ESF ${code}`, code);
  }
}

/** Padding for large ledgers: small purchases on both years, balanced against the bank. */
function pad(l: ExampleLedger, Y: number, rows: number, rand: () => number): void {
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
  for (let i = 0; l.rows.length + 1 < rows; i++) {
    const y = i % 2 === 0 ? Y - 1 : Y;
    const m = 1 + (i % (y === Y ? 8 : 12));
    const k = i % extraAccounts.length;
    const amount = 50 + Math.round(rand() * 95000) / 100;
    const ver = `X${y}-${String(i + 1).padStart(7, "0")}`;
    const dt = serial(y, m, 1 + (i % 28));
    const project = k === 9 ? "P25/4" : "";
    l.rows.push([dt, ver, extraAccounts[k], amount, `${extraTexts[k]} ${i + 1}`, project]);
    l.rows.push([dt, ver, 1930, -amount, `${extraTexts[k]} ${i + 1}`, project]);
  }
}

/** Two years of vouchers, each balanced, last year's opening set so that it plus last year's result is this year's. */
function exampleLedger(o: ExampleOptions, grants: ExampleGrant[], rand: () => number): V[][] {
  const Y = o.year;
  const l = new ExampleLedger();
  // Last year's opening balance is set below, once last year's result is known (the ledger carries over as a closed year does).
  l.opening(Y - 1, 0);
  l.opening(Y, 3140000);
  for (const y of [Y - 1, Y]) bookYear(l, y, o, grants, rand);
  pad(l, Y, o.ledgerRows ?? 0, rand);
  // Last year's IB: this year's opening equity less last year's result (class 3–8, credit positive).
  const start = serial(Y - 1, 1, 1);
  const end = serial(Y - 1, 12, 31);
  let lastYearResult = 0;
  for (const r of l.rows) {
    const d = r[0] as number;
    if (r[1] !== "IB" && d >= start && d <= end && (r[2] as number) >= 3000) lastYearResult -= r[3] as number;
  }
  const openingLastYear = Math.round((3140000 - lastYearResult) * 100) / 100;
  l.rows[0][3] = openingLastYear;
  l.rows[1][3] = -openingLastYear;
  return l.rows;
}

const FORECAST: V[][] = [
  ["ovriga_intakter", "budget", null, ""],
  ["ovriga_externa_kostnader", "föregående år", null, ""],
  ["finansiella_kostnader", "manuell", 4200, "Bankavgifter enligt avtal; ingen ränta på lån"],
  ["projektmedel", "medfinansiering", null, "ESF betalar tillbaka en fjärdedel av Unga vuxna"],
];

const BANDS: V[][] = [
  [0, 5000000, "20 %"],
  [5000000, 10000000, "15 %"],
  [10000000, null, "10 %"],
];

/** The example association's input sheets. */
export function exampleSheets(options: ExampleOptions = EXAMPLE_DEFAULTS): SheetModel[] {
  const rand = rng(20260831);
  const grants = exampleGrants(options.year);
  const grantRows: V[][] = grants.map(([code, name, dnr, granted, from, to, type, coFinancing, coFinancier]) => [
    code,
    name,
    dnr,
    granted,
    serialOfIso(from),
    serialOfIso(to),
    null,
    type,
    coFinancing ?? null,
    coFinancier ?? null,
  ]);
  return [
    inputSheet(SETTINGS_TABLE, exampleSettings(options)),
    inputSheet(MEMBERS_TABLE, MEMBERS),
    inputSheet(ACCOUNTS_TABLE, ACCOUNTS),
    exampleBudget(options.year),
    inputSheet(LEDGER_TABLE, exampleLedger(options, grants, rand)),
    inputSheet(GRANTS_TABLE, grantRows),
    inputSheet(FORECAST_TABLE, FORECAST),
    inputSheet(CEILING_TABLE, BANDS),
  ];
}
