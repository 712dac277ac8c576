/**
 * Names for the tables a run writes. Excel requires every table name to be unique in the workbook
 * (ignoring case) and different from every defined name; a workbook that breaks this is "repaired"
 * by Excel, which removes tables. The contract's names are kept where they are free. Where a name is
 * taken — by a table on a sheet the run does not rewrite (a kept copy of last period's report, say)
 * or by a defined name — the table gets the first free `<name>_2`, `<name>_3`, …
 * The rule is documented in docs/workbook.md; the JSON and Körlogg list every renamed table.
 */

export interface TakenNames {
  /** Every table of the workbook with its sheet. */
  tables: ReadonlyArray<{ name: string; sheet: string }>;
  /** Every defined name of the workbook (workbook- and sheet-scoped). */
  definedNames: readonly string[];
}

export interface Renamed {
  contract: string;
  used: string;
}

export class TableNamer {
  private readonly taken = new Set<string>();
  private readonly given = new Map<string, string>();

  /** `rewritten`: the sheets this run replaces; their tables go, so their names are free. */
  constructor(names: TakenNames, rewritten: readonly string[]) {
    const gone = new Set(rewritten.map((s) => s.toLowerCase()));
    for (const t of names.tables) if (!gone.has(t.sheet.toLowerCase())) this.taken.add(t.name.toLowerCase());
    for (const n of names.definedNames) this.taken.add(n.toLowerCase());
  }

  /** The name to use for the contract's table `contract` (the same answer every time it is asked). */
  name(contract: string): string {
    const known = this.given.get(contract);
    if (known !== undefined) return known;
    let used = contract;
    for (let n = 2; this.taken.has(used.toLowerCase()); n++) used = `${contract}_${n}`;
    this.taken.add(used.toLowerCase());
    this.given.set(contract, used);
    return used;
  }

  /** The tables that did not get the contract's name, in the order they were named. */
  renamed(): Renamed[] {
    return [...this.given].filter(([c, u]) => c !== u).map(([contract, used]) => ({ contract, used }));
  }
}
