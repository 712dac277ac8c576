/**
 * LibreOffice headless, without the test framework (the docs' renderer uses it too): a private profile
 * that recalculates every formula on load, optionally with a locale, and conversion of a workbook.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from "fs";
import os from "os";
import path from "path";
import { slow } from "./time";

export function sofficePath(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (existsSync(p)) return p;
  const r = spawnSync("which", ["soffice"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
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
  // Under coreutils' timeout, which runs LibreOffice in a process group of its own and ends the whole group when the
  // time is up (killing soffice's launcher alone left soffice.bin running, and jest waiting for it).
  const seconds = Math.round(slow(180000) / 1000);
  execFileSync(
    "timeout",
    [
      "-k",
      "10",
      String(seconds),
      soffice,
      `-env:UserInstallation=file://${profileDir(locale)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe" },
  );
  const ext = format.split(":")[0];
  return path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${ext}`));
}
