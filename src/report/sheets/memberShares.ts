/**
 * Medlemsandelar, as the associations' plans show it: members as rows (the state, the region, the
 * municipalities with their subtotal), years as columns, a Summa row; then this year's installments
 * per member with their due dates. Below the print area, the same figures as long tables (one row
 * per member and year) for the checks and for scripts.
 */
import type { Computation } from "../../core/compute";
import { isoOfDayNumber } from "../../core/dates";
import { defaultDueDays, dueDates } from "../../core/dueDates";
import type { MemberSharesYear } from "../../core/memberShares";
import { Decimal, ZERO } from "../../core/money";
import { GROUP_LABELS } from "../../core/reportLines";
import { formatDecimal } from "../../core/locale";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "../sheetModel";
import { contributionSourceText, finishPage, formatPercent, header, money, OWNED_SHEETS, RunInfo, text } from "./header";

export interface MemberSharesLayout {
  /** Rows of the totals table per year, and the ranges of group and member tables. */
  totalsRowByYear: Map<number, number>;
  groupRows: { first: number; last: number };
  memberRows: { first: number; last: number };
  /** Columns in the member table. */
  memberYearCol: number;
  memberAmountCol: number;
  firstInstallmentCol: number;
  installmentCount: number;
  /**
   * The members × years table: its member rows (not the Kommunerna subtotal) with each row's member, the subtotal's row
   * and the municipalities' rows under it, its Summa row, its first year column and its years.
   */
  matrix: {
    memberRows: number[];
    members: string[];
    municipal?: { row: number; memberRows: number[] };
    totalRow: number;
    firstYearCol: number;
    years: number[];
  };
  /** This year's installments per member: each row's member, the Summa row, the first installment column (Summa after them). */
  installments?: { rows: number[]; members: string[]; totalRow: number; firstCol: number; year: number };
  /** The long table's row of each member and year (`member|year`). */
  longRowOf: Map<string, number>;
  /** The year's Tilläggsbidrag table: member rows, the Summa row, and its amount columns (one per extra, then Summa). */
  extras?: { memberRows: { first: number; last: number }; totalRow: number; firstCol: number; count: number };
}

const percent = (share: Decimal): Cell => ({ value: share.toDecimalPlaces(10).toNumber(), format: "0.0%" });

type YearMember = MemberSharesYear["members"][number];
type NameOf = (m: { member: string; group: string }) => string;

export function memberSharesSheet(c: Computation, run: RunInfo): { sheet: SheetModel; layout: MemberSharesLayout } {
  const s = c.inputs.settings;
  const n = s.installments;
  const years = c.memberShares ?? [];
  const current = years.find((y) => y.year === s.year) ?? years[0];
  const b = new SheetBuilder(OWNED_SHEETS.memberShares, [34, 16, 12, ...new Array(Math.max(n + 1, years.length, 6)).fill(12)]);
  header(b, `Medlemsandelar ${s.year}`, c, run, "kr (medlemsandelar visas alltid i hela kronor)");
  const nameOf = memberNames(c);
  const matrixHeader = b.nextRow + 1;
  const matrix = matrixTable(b, c, years, current, nameOf);
  b.blank();
  const installments = current ? installmentsTable(b, c, current, nameOf) : undefined;
  const extras = extrasTable(b, c, nameOf);
  const lastPrinted = Math.max(2 + years.length, 1 + n, 2 + (extras?.count ?? 0));
  finishPage(b, lastPrinted, matrixHeader);
  b.blank();
  const long = longTables(b, c, years);
  return { sheet: b.build(1), layout: { ...long, matrix, installmentCount: n, extras, installments } };
}

/** A member as the sheet names it: `Staten – Försäkringskassan`, a municipality by its name, `(från 2026-04-01)` for part of the year. */
function memberNames(c: Computation): NameOf {
  const spanOf = new Map(
    c.inputs.members
      .filter((m) => m.from !== null || m.to !== null)
      .map((m) => {
        const parts = [m.from !== null ? `från ${isoOfDayNumber(m.from)}` : "", m.to !== null ? `till ${isoOfDayNumber(m.to)}` : ""];
        return [m.name, ` (${parts.filter(Boolean).join(", ")})`];
      }),
  );
  return (m) =>
    (m.group === "Kommun" ? m.member : `${GROUP_LABELS[m.group as keyof typeof GROUP_LABELS]} – ${m.member}`) +
    (spanOf.get(m.member) ?? "");
}

/** Members × years, as the plans show it: the state, the region, the municipalities with their subtotal, and Summa. */
function matrixTable(
  b: SheetBuilder,
  c: Computation,
  years: MemberSharesYear[],
  current: MemberSharesYear | undefined,
  nameOf: NameOf,
): MemberSharesLayout["matrix"] {
  const s = c.inputs.settings;
  const perYear = c.inputs.members.some((m) => m.keys.size > 0);
  const keyYear = perYear ? ` ${current?.year ?? s.year}` : "";
  const keyLabel = s.keyLabel ? `Nyckel${keyYear}: ${s.keyLabel}` : `Nyckel${keyYear}`;
  b.row([text(`Medlemsbidrag per medlem och år, kr`, { bold: true })]);
  const amountOf = (y: MemberSharesYear, member: string) => y.members.find((m) => m.member === member)?.amount ?? ZERO;
  const groupAmount = (y: MemberSharesYear, group: string) => y.groups.find((g) => g.group === group)?.amount ?? ZERO;
  const body: Cell[][] = [];
  const members = current?.members ?? [];
  // A member of another year only (one that joins next year, or left before this one) has its row too: each year's
  // column is every member's amount in it, and sums to the total below. Its key and share this year are blank.
  const inCurrent = new Set(members.map((m) => m.member));
  const others = [...new Map(years.flatMap((y) => y.members.filter((m) => !inCurrent.has(m.member)).map((m) => [m.member, m]))).values()];
  const shareOfTotal = (amount: Decimal) => (current && !current.total.isZero() ? amount.dividedBy(current.total) : ZERO);
  const memberRow = (m: YearMember, indent: boolean): Cell[] => {
    const member = inCurrent.has(m.member);
    return [
      text(nameOf(m), indent ? { indent: 1 } : {}),
      m.group === "Kommun" && member ? { value: m.key.toNumber(), format: "#,##0.####" } : text(""),
      member ? percent(shareOfTotal(m.amount)) : text(""),
      ...years.map((y) => money(amountOf(y, m.member), FORMATS.kr)),
    ];
  };
  const listed = [...members, ...others];
  const memberIdx: number[] = [];
  const memberNames: string[] = [];
  const add = (m: YearMember, indent: boolean) => {
    memberIdx.push(body.push(memberRow(m, indent)) - 1);
    memberNames.push(m.member);
  };
  for (const m of listed.filter((x) => x.group !== "Kommun")) add(m, false);
  const municipalities = members.filter((x) => x.group === "Kommun");
  const listedMunicipalities = listed.filter((x) => x.group === "Kommun");
  let municipalIdx = -1;
  if (listedMunicipalities.length > 0) {
    municipalIdx = body.length;
    body.push([
      text("Kommunerna", { bold: true }),
      { value: municipalities.reduce((a, m) => a + m.key.toNumber(), 0), format: "#,##0.####", bold: true },
      { ...percent(shareOfTotal(current ? groupAmount(current, "Kommun") : ZERO)), bold: true },
      ...years.map((y) => money(groupAmount(y, "Kommun"), FORMATS.kr, { bold: true })),
    ]);
    for (const m of listedMunicipalities) add(m, true);
  }
  body.push([
    text("Summa", { bold: true }),
    text(""),
    { ...percent(current ? new Decimal(1) : ZERO), bold: true },
    ...years.map((y) => money(y.total, FORMATS.kr, { bold: true })),
  ]);
  const table = b.table(
    "MedlemsbidragPerMedlem",
    ["Medlem", keyLabel, `Andel ${current?.year ?? s.year}`, ...years.map((y) => String(y.year))],
    body,
  );
  const spans = c.inputs.members.some((m) => m.from !== null || m.to !== null);
  b.paragraph(
    `Staten ${formatPercent(s.shares.Stat)}, region ${formatPercent(s.shares.Region)} ` +
      `och kommunerna ${formatPercent(s.shares.Kommun)} av medlemsbidraget; ` +
      `kommunernas del fördelas efter ${s.keyLabel ? s.keyLabel.toLowerCase() : "fördelningsnyckeln i Medlemmar"}. Avrundat till ` +
      `${s.roundingUnit.toFixed()} kr; delarna summerar exakt till totalen (största-rest-metoden). Källa: ` +
      years.map((y) => `${y.year} ${contributionSourceText(c.contributions.get(y.year)?.source).toLowerCase()}`).join(", ") +
      "." +
      (perYear ? " Varje år har sin nyckel (Nyckel ÅÅÅÅ i Medlemmar); år efter den sista nyckeln använder den senaste." : "") +
      (spans
        ? " En medlem som är medlem del av året väger nyckel × månader som medlem inom sin huvudman och betalar de " +
          "inbetalningar som förfaller under medlemskapet."
        : ""),
    0,
    2 + years.length,
    { italic: true },
  );
  const memberRows = memberIdx.map((i) => table.firstRow + i);
  const municipal =
    municipalIdx >= 0
      ? {
          row: table.firstRow + municipalIdx,
          memberRows: memberRows.filter((_, i) => listed.find((m) => m.member === memberNames[i])!.group === "Kommun"),
        }
      : undefined;
  return { memberRows, members: memberNames, municipal, totalRow: table.lastRow, firstYearCol: 3, years: years.map((y) => y.year) };
}

/** This year's installments per member with their due dates, and Summa. */
function installmentsTable(b: SheetBuilder, c: Computation, current: MemberSharesYear, nameOf: NameOf): MemberSharesLayout["installments"] {
  const s = c.inputs.settings;
  const n = s.installments;
  const due = dueDates(s.year, s.dueDays ?? defaultDueDays(n));
  b.row([text(`Inbetalningar ${current.year}, kr`, { bold: true })]);
  const order = [...current.members.filter((x) => x.group !== "Kommun"), ...current.members.filter((x) => x.group === "Kommun")];
  const rows: Cell[][] = order.map((m) => [
    text(nameOf(m)),
    ...m.installments.map((i) => money(i, FORMATS.kr)),
    money(m.amount, FORMATS.kr, { bold: true }),
  ]);
  const sums = Array.from({ length: n }, (_, i) => order.reduce((a, m) => a.plus(m.installments[i] ?? ZERO), ZERO));
  rows.push([
    text("Summa", { bold: true }),
    ...sums.map((x) => money(x, FORMATS.kr, { bold: true })),
    money(current.total, FORMATS.kr, { bold: true }),
  ]);
  // The date on a line of its own: spreadsheets break a long header after a hyphen ("Förfaller 2026-" / "01-31").
  const t = b.table("Inbetalningar", ["Medlem", ...due.map((d) => `Förfaller\n${d}`), "Summa"], rows);
  b.paragraph(
    s.dueDays
      ? "Förfallodagar enligt inställningen Förfallodagar. "
      : "Förfallodagar: sista dagen i inbetalningsperiodens första månad (inställningen Förfallodagar ändrar dem). " +
          `Lika rester: tidigare inbetalningar får den extra ${extraUnit(s.roundingUnit)}.`,
    0,
    1 + n,
    { italic: true },
  );
  return {
    rows: order.map((_, k) => t.firstRow + k),
    members: order.map((m) => m.member),
    totalRow: t.lastRow,
    firstCol: 1,
    year: current.year,
  };
}

/** This year's Tilläggsbidrag, apart: each with its own due date and decision; per member and in Summa. */
function extrasTable(b: SheetBuilder, c: Computation, nameOf: NameOf): MemberSharesLayout["extras"] {
  const year = c.inputs.settings.year;
  const extras = c.extraShares.filter((x) => x.extra.year === year);
  if (extras.length === 0) return undefined;
  b.blank();
  b.row([text(`Tilläggsbidrag ${year}, kr`, { bold: true })]);
  const names = [...new Set(extras.flatMap((x) => x.shares.members.map((m) => m.member)))];
  const byName = (x: (typeof extras)[number], name: string) => x.shares.members.find((m) => m.member === name)?.amount ?? ZERO;
  const sum = (values: Decimal[]) => values.reduce((a, v) => a.plus(v), ZERO);
  const rows: Cell[][] = names.map((name) => {
    const m = extras.flatMap((x) => x.shares.members).find((x) => x.member === name)!;
    const amounts = extras.map((x) => byName(x, name));
    return [text(nameOf(m)), ...amounts.map((a) => money(a, FORMATS.kr)), money(sum(amounts), FORMATS.kr, { bold: true })];
  });
  rows.push([
    text("Summa", { bold: true }),
    ...extras.map((x) => money(x.extra.amount, FORMATS.kr, { bold: true })),
    money(sum(extras.map((x) => x.extra.amount)), FORMATS.kr, { bold: true }),
  ]);
  // Not "Tillaggsbidrag": that is the input table's name, and a workbook's table names are unique.
  const t = b.table(
    "TillaggsbidragPerMedlem",
    ["Medlem", ...extras.map((x) => `Förfaller\n${isoOfDayNumber(x.extra.due)}`), "Summa"],
    rows,
  );
  b.paragraph(
    "Utöver årets medlemsbidrag; fördelade som årets bidrag" +
      (extras.some((x) => x.extra.shares) ? " eller efter radens egna andelar" : "") +
      ". Beslut: " +
      extras.map((x) => `${isoOfDayNumber(x.extra.due)} ${x.extra.decision || "(inget angivet)"}`).join("; ") +
      ".",
    0,
    1 + extras.length,
    { italic: true },
  );
  return { memberRows: { first: t.firstRow, last: t.lastRow - 1 }, totalRow: t.lastRow, firstCol: 1, count: extras.length };
}

/** The long tables, outside the print area: one row per year, per group and year, per member and year. */
function longTables(
  b: SheetBuilder,
  c: Computation,
  years: MemberSharesYear[],
): Omit<MemberSharesLayout, "matrix" | "installmentCount" | "extras" | "installments"> {
  const n = c.inputs.settings.installments;
  b.row([text("Underlag för kontroller och skript (skrivs inte ut)", { bold: true, small: true, tone: "muted" })]);
  const totals = b.table(
    "Medlemsbidrag",
    ["År", "Totalt", "Källa"],
    years.map((y) => [
      { value: y.year, format: FORMATS.integer },
      money(y.total, FORMATS.kr),
      text(contributionSourceText(c.contributions.get(y.year)?.source)),
    ]),
  );
  b.blank();
  const groupBody: Cell[][] = years.flatMap((y) =>
    y.groups.map((g) => [
      { value: y.year, format: FORMATS.integer },
      text(GROUP_LABELS[g.group]),
      { value: g.share.toNumber(), format: FORMATS.percent },
      money(g.amount, FORMATS.kr),
    ]),
  );
  const groups = b.table("Huvudmannaandelar", ["År", "Huvudman", "Andel", "Belopp"], groupBody);
  b.blank();
  const memberBody: Cell[][] = years.flatMap((y) =>
    y.members.map((m) => [
      text(m.member),
      { value: y.year, format: FORMATS.integer },
      text(GROUP_LABELS[m.group]),
      { value: m.key.toNumber(), format: "#,##0.####" },
      { value: m.shareOfGroup.toDecimalPlaces(10).toNumber(), format: "0.0000%" },
      money(m.amount, FORMATS.kr),
      ...m.installments.map((i) => money(i, FORMATS.kr)),
    ]),
  );
  const installmentHeaders = Array.from({ length: n }, (_, i) => `Inbetalning ${i + 1}`);
  const long = b.table(
    "Medlemsandelar",
    ["Medlem", "År", "Huvudman", "Fördelningsnyckel", "Andel av huvudman", "Belopp", ...installmentHeaders],
    memberBody,
  );
  b.paragraph(
    "Lika rester: den extra enheten går till den första i bokstavsordning, och ordningen roteras ett steg per " +
      "räkenskapsår så att den växlar mellan åren. Inbetalningar: tidigare inbetalningar får den extra enheten.",
    0,
    5,
    { italic: true, small: true },
  );
  return {
    totalsRowByYear: new Map(years.map((y, i) => [y.year, totals.firstRow + i])),
    groupRows: { first: groups.firstRow, last: groups.lastRow },
    memberRows: { first: long.firstRow, last: long.lastRow },
    longRowOf: new Map(years.flatMap((y) => y.members.map((m) => `${m.member}|${y.year}`)).map((key, i) => [key, long.firstRow + i])),
    memberYearCol: 1,
    memberAmountCol: 5,
    firstInstallmentCol: 6,
  };
}

/** What the earlier installments get on equal remainders: the rounding unit, in words ("kronan", "tusenlappen" …). */
function extraUnit(unit: Decimal): string {
  if (unit.equals(1)) return "kronan";
  if (unit.equals("0.01")) return "öret";
  return `avrundningsenheten (${formatDecimal(unit, unit.isInteger() ? 0 : 2, "sv")}\u00a0kr)`;
}
