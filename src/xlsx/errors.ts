/** A package we cannot read, with the reason in plain words (English; the command line words it for the user). */
export class PackageError extends Error {}
