/**
 * Calendar dates as ISO strings (YYYY-MM-DD) and as day numbers (days since 1970-01-01), with
 * conversion from Excel's 1900 date system. No time zones: a date is a calendar day.
 */
import { asDay, DayNumber } from "./units";

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Parses strict ISO `YYYY-MM-DD`, returning null for anything else or an impossible date. */
export function parseIsoDate(text: string): { y: number; m: number; d: number } | null {
  const match = ISO_RE.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function isoFromParts(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Day number (days since 1970-01-01) of a calendar date in the proleptic Gregorian calendar, for every year
 * (`Date.UTC` would read the years 0–99 as 1900–1999).
 */
export function dayNumber(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return asDay(era * 146097 + dayOfEra - 719468);
}

/** The years a spreadsheet's dates can hold (Excel's 1900 date system: 1900-01-01 to 9999-12-31). */
export const FIRST_SHEET_YEAR = 1900;
export const LAST_SHEET_YEAR = 9999;

/** The day number of an ISO date, or null when it is not one. */
export function dayNumberOfIso(iso: IsoDate): DayNumber | null {
  const p = parseIsoDate(iso);
  return p ? dayNumber(p.y, p.m, p.d) : null;
}

export function isoOfDayNumber(day: DayNumber): IsoDate {
  const dt = new Date(day * 86400000);
  return isoFromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Excel serial day 25569 is 1970-01-01 in the 1900 date system (which counts a fictitious 1900-02-29 as day 60). */
const EXCEL_EPOCH_OFFSET = 25569;
export const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

/** Converts an Excel 1900-system serial (whole days; a time fraction is dropped) to a day number, or null. */
export function dayNumberOfExcelSerial(serial: number): DayNumber | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > EXCEL_MAX_SERIAL || whole === 60) return null;
  const adjusted = whole < 60 ? whole + 1 : whole; // before the fictitious leap day, serials are one day early
  return asDay(adjusted - EXCEL_EPOCH_OFFSET);
}

export function excelSerialOfDayNumber(day: DayNumber): number {
  const serial = day + EXCEL_EPOCH_OFFSET;
  return serial <= 60 ? serial - 1 : serial;
}

export function yearOfDayNumber(day: DayNumber): number {
  return new Date(day * 86400000).getUTCFullYear();
}
