/** Medlemmar: Medlem, Huvudman, Fördelningsnyckel; names unique, keys non-negative. */
import type { Member } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { parseGroup } from "../../core/reportLines";
import type { CellRef } from "../../core/units";
import { keyFor } from "../../core/membership";
import { Decimal, ZERO } from "../../core/money";
import { cellRef, isBlank, WorkbookGrid } from "../grid";
import { at, normalizeName } from "../tables";
import { cellText, dateParser, parseNumber } from "../values";
import { open, reportValue, TableResult } from "./tableReader";

/** `year` is the report year: a member's `key` is its key that year (keys per year, docs/workbook.md). */
export function readMembers(grid: WorkbookGrid, required: boolean, errors: IssueList, year: number): TableResult<Member[]> {
  const opened = open(
    grid,
    "Medlemmar",
    [
      { id: "member", names: ["Medlem", "Member"], required: true },
      { id: "group", names: ["Huvudman", "Group"], required: true },
      { id: "key", names: ["Fördelningsnyckel", "Key", "Nyckel"], required: false },
      { id: "from", names: ["Från", "From"], required: false },
      { id: "to", names: ["Till", "To"], required: false },
    ],
    required,
    errors,
  );
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  // Keys per year: `Nyckel 2026`, `Fördelningsnyckel 2027`, `Key 2028` …
  const yearCols = new Map<number, number>();
  r.t.header.forEach((h, i) => {
    const m = /^(?:fördelningsnyckel|nyckel|key)\s+(\d{4})$/i.exec(cellText(h).trim());
    if (m) yearCols.set(Number(m[1]), i);
  });
  if (r.cols.key === undefined && yearCols.size === 0) {
    const params = { column: "Fördelningsnyckel", alias: "Key", sheet: r.t.sheet, row: r.t.headerRow + 1 };
    errors.add("missing_column", params, cellRef(r.t.sheet, r.t.headerRow, r.t.left));
    return { kind: "read", value: [], sheet: r.t.sheet };
  }
  const parseDay = dateParser(grid);
  const members: Member[] = [];
  const names = new Map<string, CellRef>();
  for (const row of r.rows(["member", "group"])) {
    const name = cellText(at(row, r.cols.member));
    const groupText = cellText(at(row, r.cols.group));
    const group = parseGroup(groupText);
    if (!group) errors.add("unknown_group", { value: groupText }, r.ref(row.index, "group"));
    const keyOf = (col: number | undefined, ref: ReturnType<typeof r.ref>): Decimal | null | undefined => {
      if (col === undefined || isBlank(at(row, col))) return undefined;
      const p = parseNumber(at(row, col));
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
    const baseKey = keyOf(r.cols.key, r.ref(row.index, "key"));
    const keys = new Map<number, Decimal>();
    let bad = baseKey === null;
    for (const [year, col] of yearCols) {
      const k = keyOf(col, r.ref(row.index, col));
      if (k === null) bad = true;
      else if (k !== undefined) keys.set(year, k);
    }
    if (baseKey === undefined && keys.size === 0 && !bad) {
      errors.add("blank_required", {}, r.ref(row.index, r.cols.key ?? [...yearCols.values()][0]));
      bad = true;
    }
    const from = isBlank(at(row, r.cols.from)) ? null : r.parse(row, "from", parseDay, "invalid_date");
    const to = isBlank(at(row, r.cols.to)) ? null : r.parse(row, "to", parseDay, "invalid_date");
    if (from !== null && to !== null && to < from) errors.add("grant_dates_reversed", {}, r.ref(row.index, "to"));
    const norm = normalizeName(name);
    const earlier = names.get(norm);
    if (earlier) errors.add("duplicate_member", { name, otherCell: earlier }, r.ref(row.index, "member"));
    else names.set(norm, r.ref(row.index, "member"));
    const datesOk = (isBlank(at(row, r.cols.from)) || from !== null) && (isBlank(at(row, r.cols.to)) || to !== null);
    if (group && !bad && datesOk) {
      const member = { name, group, baseKey: baseKey ?? null, keys, from, to, key: ZERO, cell: r.ref(row.index, "member") };
      const keyCell = r.ref(row.index, r.cols.key ?? [...yearCols.values()][0]);
      members.push({ ...member, key: keyFor(member, year), keyCell });
    }
  }
  return { kind: "read", value: members, sheet: r.t.sheet };
}
