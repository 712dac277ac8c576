/**
 * Units that must not be mixed up, as branded types: a number of öre is not a number of kronor or a
 * day number, and a cell reference is not any string. The brands cost nothing at run time; the
 * constructors below are the only places where a plain value becomes a unit.
 */
declare const unit: unique symbol;

/** Integer öre, debit positive in the ledger (a JS safe integer). */
export type Ore = number & { readonly [unit]: "öre" };
/** A calendar day as days since 1970-01-01. */
export type DayNumber = number & { readonly [unit]: "day" };
/** `Blad!A1`, with the sheet name quoted when a formula would need it (`'Eget kapital'!B12`). */
export type CellRef = string & { readonly [unit]: "cell" };

/** @example asOre(12345) // 123,45 kr */
export const asOre = (n: number): Ore => n as Ore;
/** @example asDay(0) // 1970-01-01 */
export const asDay = (n: number): DayNumber => n as DayNumber;
/** @example asCellRef("Huvudbok!D8") */
export const asCellRef = (s: string): CellRef => s as CellRef;

/** Sum of two öre amounts. @example addOre(asOre(150), asOre(-50)) // 100 */
export function addOre(a: Ore, b: Ore): Ore {
  return (a + b) as Ore;
}

/** A success with its value, or a failure with what went wrong: the one way results report failure. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const success = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const failure = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
