/**
 * A package we cannot read, with the reason in plain words (English; the command line words it for the user).
 * `file` names the workbook when the port knows it (a part found damaged only when the result is written).
 */
export class PackageError extends Error {
  file?: string;
}
