/**
 * LibreOffice headless, for tests that open what we write and evaluate its formulas (soffice.ts).
 * When CI=true and soffice is missing, tests fail rather than skip.
 */
import { sofficePath } from "./soffice";

export { convert, sofficePath } from "./soffice";

/** `describe` when LibreOffice is present; outside CI a missing soffice skips, in CI it fails. */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  if (sofficePath()) describe(name, fn);
  else if (process.env.CI) {
    describe(name, () => test("LibreOffice (soffice) is installed", () => expect(sofficePath()).not.toBeNull()));
  } else describe.skip(`${name} (soffice saknas)`, fn);
}
