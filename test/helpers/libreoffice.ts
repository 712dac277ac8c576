/**
 * LibreOffice headless, for tests that open what we write and evaluate its formulas (soffice.ts).
 * When CI=true and soffice is missing, tests fail rather than skip.
 */
import { describeWith } from "./requires";
import { sofficePath } from "./soffice";

export { convert, sofficePath } from "./soffice";

/** `describe` when LibreOffice is present; outside CI a missing soffice skips (saying how to get it), in CI it fails. */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  describeWith(
    name,
    { present: !!sofficePath(), what: "LibreOffice (soffice)", how: "apt-get install libreoffice-calc-nogui fonts-dejavu-core" },
    fn,
  );
}
