/**
 * The command line says what it does (issue 26): `--help` for the whole and for each command (what it does,
 * options, an example, exit codes), `--version`, Swedish and English command names, a suggestion for a
 * mistyped one, and with `--json` every outcome is JSON on standard output — a refusal or an error too.
 */
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import { COMMAND_NAMES } from "../src/cli/help";

const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string };
const example = path.join(__dirname, "..", "examples", "exempel.xlsx");

async function run(args: string[], lang = "sv_SE.UTF-8") {
  let out = "";
  let err = "";
  const status = await main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    now: () => "2026-12-02T10:00:00Z",
    env: { LANG: lang },
  });
  return { status, out, err };
}

describe("help and version", () => {
  test("finsam --help names every command and the exit codes, on standard output", async () => {
    for (const args of [["--help"], ["-h"], ["help"], []]) {
      const r = await run(args);
      expect([args, r.status]).toEqual([args, 0]);
      for (const c of ["recalc", "mall", "exempel", "verifiera", "sie"]) expect(r.out).toContain(`finsam ${c}`);
      expect(r.out).toContain("Slutkoder:");
    }
  });

  test.each(Object.keys(COMMAND_NAMES))("finsam %s --help: what it does, its options, an example and the exit codes", async (name) => {
    const sv = await run([name, "--help"]);
    expect(sv.status).toBe(0);
    expect(sv.out).toMatch(/Exempel:\n {2}finsam /);
    expect(sv.out).toContain("Slutkoder:\n  0  klart");
    const en = await run([name, "--help", "--sprak", "en"]);
    expect(en.out).toMatch(/Example:\n {2}finsam /);
    expect(en.out).toContain("Exit codes:");
  });

  test("finsam --version prints the package's version", async () => {
    const r = await run(["--version"]);
    expect([r.status, r.out]).toEqual([0, `finsam (Finsam Ekonomi) ${pkg.version}\n`]);
  });
});

describe("command names", () => {
  test("berakna, beräkna and recalc are the same command", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-help-"));
    for (const name of ["berakna", "beräkna", "recalc"]) {
      const r = await run([name, example, "-o", path.join(dir, `${name}.xlsx`)]);
      expect([name, r.status]).toEqual([name, 0]);
    }
  });

  test("a mistyped command is refused with the nearest name", async () => {
    const r = await run(["beraekna", example]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("Okänt kommando beraekna. Menade du berakna?");
    expect((await run(["verfy"], "en_GB.UTF-8")).err).toContain("Did you mean verify?");
  });
});

describe("--json: every outcome is JSON on standard output", () => {
  const cases: Array<[string, string[], number, string]> = [
    ["a missing input file", ["recalc", "saknas.xlsx", "--json"], 1, "file_system"],
    ["an unknown option", ["recalc", example, "--json", "--okand"], 2, "usage"],
    ["a bad language", ["recalc", example, "--json", "--sprak", "fi"], 2, "usage"],
    ["an unknown command", ["beraekna", "--json"], 2, "usage"],
    ["a file that is not a workbook", ["verifiera", path.join(__dirname, "..", "package.json"), "--json"], 1, "file_unreadable"],
    ["a workbook with no results to verify", ["verifiera", example, "--json"], 1, "no_results"],
  ];
  test.each(cases)("%s", async (_name, args, status, code) => {
    const r = await run(args);
    expect(r.status).toBe(status);
    const doc = JSON.parse(r.out) as { errors: Array<{ code: string; message: string }> };
    expect(doc.errors[0].code).toBe(code);
    expect(doc.errors[0].message.length).toBeGreaterThan(10);
  });

  test("a command that writes a file says so in JSON", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-help-"));
    const r = await run(["mall", path.join(dir, "mall.xlsx"), "--json"]);
    expect(JSON.parse(r.out)).toEqual({ ok: true, wrote: path.join(dir, "mall.xlsx") });
  });
});
