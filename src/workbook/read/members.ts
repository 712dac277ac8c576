/** Medlemmar: Medlem, Huvudman, Fördelningsnyckel; names unique, keys non-negative. */
import type { Member } from "../../core/inputs";
import type { IssueList } from "../../core/messages";
import { parseGroup } from "../../core/reportLines";
import type { CellRef } from "../../core/units";
import type { WorkbookGrid } from "../grid";
import { at, normalizeName } from "../tables";
import { cellText, parseNumber } from "../values";
import { open, TableResult } from "./tableReader";

export function readMembers(grid: WorkbookGrid, required: boolean, errors: IssueList): TableResult<Member[]> {
  const opened = open(
    grid,
    "Medlemmar",
    [
      { id: "member", names: ["Medlem", "Member"], required: true },
      { id: "group", names: ["Huvudman", "Group"], required: true },
      { id: "key", names: ["Fördelningsnyckel", "Key", "Nyckel"], required: true },
    ],
    required,
    errors,
  );
  if (opened.kind !== "open") return opened;
  const r = opened.reader;
  const members: Member[] = [];
  const names = new Map<string, CellRef>();
  for (const row of r.rows(["member", "group", "key"])) {
    const name = cellText(at(row, r.cols.member));
    const groupText = cellText(at(row, r.cols.group));
    const group = parseGroup(groupText);
    if (!group) errors.add("unknown_group", { value: groupText }, r.ref(row.index, "group"));
    const key = r.parse(row, "key", parseNumber, "invalid_number");
    if (key && key.isNegative()) errors.add("negative_key", {}, r.ref(row.index, "key"));
    const norm = normalizeName(name);
    const earlier = names.get(norm);
    if (earlier) errors.add("duplicate_member", { name, otherCell: earlier }, r.ref(row.index, "member"));
    else names.set(norm, r.ref(row.index, "member"));
    if (group && key && !key.isNegative()) {
      members.push({ name, group, key, cell: r.ref(row.index, "member"), keyCell: r.ref(row.index, "key") });
    }
  }
  return { kind: "read", value: members, sheet: r.t.sheet };
}
