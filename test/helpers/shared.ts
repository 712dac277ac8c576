/**
 * The requirements folder's test data (`shared/` beside the repository, or beside one of its parent
 * folders): the real SIE exports and the OOXML schemas. Read from there, never copied into the repository.
 */
import { existsSync, readdirSync } from "fs";
import path from "path";
import { describeWith } from "./requires";

/** `shared/<name>` beside the repository or a parent folder; `FINSAM_<NAME>_DIR` overrides it. */
export function sharedDir(name: string, override?: string): string {
  if (override) return override;
  const repo = path.resolve(__dirname, "../..");
  for (let dir = path.dirname(repo); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", name);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.join(path.dirname(repo), "shared", name);
  }
}

export const SIE_DIR = sharedDir("sie", process.env.FINSAM_SIE_DIR);

/** The SIE exports in the test data (none when the folder is missing). */
export const SIE_FILES = existsSync(SIE_DIR) ? readdirSync(SIE_DIR).filter((f) => /\.s[ei]$/i.test(f)) : [];

/** Runs with the SIE test data; without it, fails in CI (CI=true) and is skipped elsewhere, saying how to get it. */
export function describeWithSie(name: string, fn: () => void): void {
  describeWith(
    name,
    {
      present: SIE_FILES.length > 0,
      what: `the SIE test exports (${SIE_DIR})`,
      how: "put the requirements folder shared/ beside the repository, or set FINSAM_SIE_DIR",
    },
    fn,
  );
}

/**
 * The exports whose own closing balances (#UB) disagree with their opening balances plus vouchers: the
 * import refuses them unless told to go ahead (Fortnox's .si carries #UB for a part of the year's vouchers).
 */
export const UNRECONCILED_SIE = ["fortnox_sie4.si"];

/** The valid exports whose fiscal year 0 is a calendar year (the ones an association can import). */
export const CALENDAR_SIE = [
  "avendo_transaktioner_ovnbolag.se",
  "bl_admin_blblov_sie4_latin1.se",
  "bl_admin_kst_projekt.se",
  "briljant_test4.se",
  "fortnox_sie4.si",
  "magenta_sie4e.se",
  "mamut_sie4_export.se",
  "specter_exempelfil.se",
  "visma_adm_underdim.se",
];

/**
 * A shared SIE export's path, or null when the test data is missing (a test then passes over it); under CI it must be
 * there, and its absence fails the test that needs it.
 */
export function sieFileOrSkip(name: string, why: string): string | null {
  const file = path.join(SIE_DIR, name);
  if (existsSync(file)) return file;
  if (process.env.CI === "true") throw new Error(`${file} is missing; CI must ${why}.`);
  return null;
}
