/**
 * LibreOffice headless, for tests that open what we write and evaluate its formulas. A private
 * profile makes LibreOffice recalculate every formula on load instead of trusting cached values.
 * When CI=true and soffice is missing, tests fail rather than skip.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from "fs";
import os from "os";
import path from "path";

export function sofficePath(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (existsSync(p)) return p;
  const r = spawnSync("which", ["soffice"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** `describe` when LibreOffice is present; outside CI a missing soffice skips, in CI it fails. */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  if (sofficePath()) describe(name, fn);
  else if (process.env.CI) {
    describe(name, () => test("LibreOffice (soffice) is installed", () => expect(sofficePath()).not.toBeNull()));
  } else describe.skip(`${name} (soffice saknas)`, fn);
}

const profiles = new Map<string, string>();
/** A LibreOffice user profile that recalculates on load; with a locale, numbers and dates show as there (sv-SE: 1 234,5). */
function profileDir(locale = ""): string {
  const known = profiles.get(locale);
  if (known) return known;
  const profile = mkdtempSync(path.join(os.tmpdir(), "finsam-lo-"));
  profiles.set(locale, profile);
  mkdirSync(path.join(profile, "user"), { recursive: true });
  const setLocale = locale
    ? '<item oor:path="/org.openoffice.Setup/L10N">' +
      `<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n`
    : "";
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
${setLocale}</oor:items>
`,
  );
  return profile;
}

/** Converts a workbook with LibreOffice (recalculating all formulas); returns the output path. */
export function convert(file: string, format: "xlsx" | "pdf" | "png" | string, outDir: string, locale?: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("soffice saknas");
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profileDir(locale)}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file],
    {
      stdio: "pipe",
      timeout: 180000,
    },
  );
  const ext = format.split(":")[0];
  return path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${ext}`));
}
