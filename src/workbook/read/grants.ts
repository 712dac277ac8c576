/** Insatser (optional): decided grants with code, name, Dnr, granted amount and period. */
import { GRANTS_TABLE } from "../../core/contract";
import type { Grant } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import type { CellRef } from "../../core/units";
import { Decimal, ZERO } from "../../core/money";
import type { WorkbookGrid } from "../grid";
import { parseGrantType } from "../../core/functionIds";
import { readRows, TableResult } from "./tableReader";

export function readGrants(grid: WorkbookGrid, errors: IssueList): TableResult<Grant[]> {
  const codes = new Map<string, CellRef>();
  return readRows(grid, GRANTS_TABLE, false, errors, (row, r) => {
    const code = r.value(row, "code");
    if (code !== null) {
      const earlier = codes.get(code);
      if (earlier) errors.add("duplicate_grant", { grant: code, otherCell: earlier }, r.ref(row.index, "code"));
      codes.set(code, r.ref(row.index, "code"));
    }
    /** An amount that may not be negative: null (reported) when it is. */
    const nonNegative = (id: "granted" | "paidEarlier" | "coFinancing", label: string, v: Decimal | null) => {
      if (!v || !v.isNegative()) return v;
      errors.add("invalid_amount", { problem: "not_negative", value: v.toFixed(), label }, r.ref(row.index, id));
      return null;
    };
    const granted = nonNegative("granted", "Beviljat belopp", r.value(row, "granted"));
    const paidEarlier = nonNegative(
      "paidEarlier",
      "Utbetalt tidigare",
      r.optional(row, "paidEarlier") ?? (r.blank(row, "paidEarlier") ? ZERO : null),
    );
    const coFinancing = nonNegative(
      "coFinancing",
      "Medfinansiering",
      r.optional(row, "coFinancing") ?? (r.blank(row, "coFinancing") ? ZERO : null),
    );
    const coFinancier = r.cols.coFinancier === undefined || r.blank(row, "coFinancier") ? "" : r.value(row, "coFinancier");
    if (granted && coFinancing && coFinancing.greaterThan(granted)) {
      const [co, gr] = [coFinancing.toFixed(2), granted.toFixed(2)];
      errors.add("cofinancing_over_granted", { grant: code ?? "", coFinancing: co, granted: gr }, r.ref(row.index, "coFinancing"));
      return null;
    }
    const from = r.value(row, "from");
    const to = r.value(row, "to");
    const name = r.value(row, "name");
    const dnr = r.value(row, "dnr");
    if (from !== null && to !== null && to < from) {
      errors.add("grant_dates_reversed", {}, r.ref(row.index, "to"));
      return null;
    }
    // Typ (optional column): a word of the contract, or blank (then the costs per verksamhet name this cell).
    const typeText = r.cols.type === undefined || r.blank(row, "type") ? null : r.value(row, "type");
    const type = typeText === null ? null : parseGrantType(typeText);
    if (typeText !== null && !type) errors.add("unknown_grant_type", { value: typeText }, r.ref(row.index, "type"));
    if (code === null || !granted || from === null || to === null || !paidEarlier || name === null || dnr === null) return null;
    if (!coFinancing || coFinancier === null) return null;
    if (typeText !== null && !type) return null;
    const typeCell = r.cols.type !== undefined && !type ? r.ref(row.index, "type") : null;
    return { code, name, dnr, granted, from, to, paidEarlier, type, typeCell, coFinancing, coFinancier, cell: r.ref(row.index, "code") };
  });
}
