/** One #TRANS row of an SIE voucher, as read (fields.ts reads it, parse.ts collects it). */
import type { Ore } from "../units";

export interface SieTransaction {
  account: number;
  /** The account as written (`0351` keeps its class 0). */
  accountText: string;
  /** Dimension → object id (`{6 "P1"}` → 6 → "P1"). */
  objects: Array<[number, string]>;
  /** Öre, debit positive. */
  ore: Ore;
  text: string;
  line: number;
}
