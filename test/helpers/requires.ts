/**
 * Tests that need something outside the repository (a program, the test data in `../shared`): with it they
 * run; without it they fail under CI=true (CI must run them) and elsewhere are skipped with one line on
 * stderr saying what is missing and how to get it.
 */
const told = new Set<string>();

export interface Need {
  /** Whether it is there. */
  present: boolean;
  /** What it is: "LibreOffice (soffice)", "the SIE test exports (../shared/sie)". */
  what: string;
  /** How to get it: "apt-get install libreoffice-calc-nogui". */
  how: string;
}

/** `describe` when `need` is present; otherwise a failing test in CI, or a skip with one line saying why. */
export function describeWith(name: string, need: Need, fn: () => void): void {
  if (need.present) return describe(name, fn);
  if (process.env.CI === "true") {
    describe(name, () =>
      test(`${need.what} is present`, () => {
        throw new Error(`${need.what} not found (${need.how}); CI must run these tests.`);
      }),
    );
    return;
  }
  if (!told.has(need.what)) {
    told.add(need.what);
    process.stderr.write(`Skipped, ${need.what} not found: ${need.how}.\n`);
  }
  describe.skip(`${name} (skipped, ${need.what} not found: ${need.how})`, fn);
}
