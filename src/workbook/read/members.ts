/** Medlemmar: Medlem, Huvudman, Fördelningsnyckel (or a key per year); names unique, keys non-negative. */
import { MEMBERS_TABLE } from "../../core/contract";
import type { Member } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { parseGroup } from "../../core/reportLines";
import type { CellRef } from "../../core/units";
import { keyFor } from "../../core/membership";
import { Decimal, ZERO } from "../../core/money";
import { cellRef, isBlank, WorkbookGrid } from "../grid";
import { cellText } from "../values";
import { at, normalizeName } from "../tables";
import { parseNumber } from "../values";
import { open, reportValue, TableResult, TableRow } from "./tableReader";
import { yearColumns } from "./yearColumns";

/** `year` is the report year: a member's `key` is its key that year (keys per year, docs/workbook.md). */
export function readMembers(grid: WorkbookGrid, required: boolean, errors: IssueList, year: number): TableResult<Member[]> {
  const opened = open(grid, MEMBERS_TABLE, required, errors);
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  // Keys per year: `Nyckel 2026`, `Fördelningsnyckel 2027`, `Key 2028` …
  const yearCols = new Map(yearColumns(r.t, MEMBERS_TABLE.yearColumns, errors).map((y) => [y.year, y.col]));
  if (r.cols.key === undefined && yearCols.size === 0) {
    const params = { column: "Fördelningsnyckel", alias: "Key", sheet: r.t.sheet, row: r.t.headerRow + 1 };
    errors.add("missing_column", params, cellRef(r.t.sheet, r.t.headerRow, r.t.left));
    return { kind: "read", value: [], sheet: r.t.sheet };
  }
  const members: Member[] = [];
  const names = new Map<string, CellRef>();
  // The groups with one member (staten, regionen): its key decides nothing, so a blank one counts as 1.
  const perGroup = new Map<string, number>();
  for (const row of r.t.rows) {
    const g = isBlank(r.cell(row, "group")) ? null : parseGroup(cellText(r.cell(row, "group")));
    if (g) perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
  }
  const keyOf = (row: TableRow, col: number | undefined): Decimal | null | undefined => {
    if (col === undefined || isBlank(at(row, col))) return undefined;
    const p = parseNumber(at(row, col));
    const ref = r.ref(row.index, col);
    if (!p.ok) {
      reportValue(errors, "invalid_number", p.error, ref);
      return null;
    }
    if (p.value.isNegative()) {
      errors.add("negative_key", {}, ref);
      return null;
    }
    return p.value;
  };
  for (const row of r.rows()) {
    const name = r.value(row, "member");
    const groupText = r.value(row, "group");
    const group = groupText === null ? null : parseGroup(groupText);
    if (groupText !== null && !group) errors.add("unknown_group", { value: groupText }, r.ref(row.index, "group"));
    let baseKey = keyOf(row, r.cols.key);
    const keys = new Map<number, Decimal>();
    let bad = baseKey === null || name === null;
    for (const [year, col] of yearCols) {
      const k = keyOf(row, col);
      if (k === null) bad = true;
      else if (k !== undefined) keys.set(year, k);
    }
    if (baseKey === undefined && keys.size === 0 && !bad) {
      if (group && perGroup.get(group) === 1) baseKey = new Decimal(1);
      else {
        const params = { member: name ?? "", group: group ?? "Kommun" };
        errors.add("member_key_blank", params, r.ref(row.index, r.cols.key ?? [...yearCols.values()][0]));
        bad = true;
      }
    }
    const from = r.optional(row, "from");
    const to = r.optional(row, "to");
    if (from != null && to != null && to < from) errors.add("grant_dates_reversed", {}, r.ref(row.index, "to"));
    if (name !== null) {
      const norm = normalizeName(name);
      const earlier = names.get(norm);
      if (earlier) errors.add("duplicate_member", { name, otherCell: earlier }, r.ref(row.index, "member"));
      else names.set(norm, r.ref(row.index, "member"));
    }
    if (name !== null && group && !bad && from !== null && to !== null) {
      const member = {
        name,
        group,
        baseKey: baseKey ?? null,
        keys,
        from: from ?? null,
        to: to ?? null,
        key: ZERO,
        cell: r.ref(row.index, "member"),
      };
      const keyCell = r.ref(row.index, r.cols.key ?? [...yearCols.values()][0]);
      members.push({ ...member, key: keyFor(member, year), keyCell });
    }
  }
  return { kind: "read", value: members, sheet: r.t.sheet };
}
