/**
 * Deployable (issue 24): the production build needs an https URL and puts every manifest URL under it,
 * the administrator's package carries a SHA-256 list that verifies, the manifests (development and production)
 * validate offline against Microsoft's schemas, and `npm start` serves the pane over HTTPS on this machine.
 */
import { ChildProcess, spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import https from "https";
import os from "os";
import path from "path";
import { FUNCTION_IDS } from "../src/commands/commands";
import { inflateEntry, readZip } from "../src/xlsx/zip";
import { sharedDir } from "./helpers/shared";
import { slow } from "./helpers/time";

// Its slowest test or hook, on a quiet machine; scaled to this one (test/helpers/time.ts).
jest.setTimeout(slow(200_000));

const ROOT = path.resolve(__dirname, "..");
const WEBPACK = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const XSD_DIR = sharedDir("office-manifest-xsd", process.env.FINSAM_MANIFEST_XSD_DIR);
const XSD = path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd");
const CI = process.env.CI === "true";

function webpack(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [WEBPACK, "--mode", "production", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, FINSAM_URL: "", FINSAM_CONTACT: "", ...env },
    timeout: slow(180000),
  });
}

/** Every https URL the manifest names (attributes and AppDomain). */
function manifestUrls(xml: string): string[] {
  const attrs = [...xml.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => m[1]);
  return attrs;
}

/** The manifest as the old schemas can take it: without <Runtimes> (VersionOverrides 1.1, after the schemas). */
function withoutRuntimes(xml: string): string {
  return xml.replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "");
}

function validate(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-manifest-"));
  const file = path.join(dir, "manifest.xml");
  writeFileSync(file, xml);
  const r = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

describe("npm run build: the production build", () => {
  test("refuses without a URL, with http://, and with a URL that has a query", () => {
    const none = webpack(["--env", `out=${mkdtempSync(path.join(os.tmpdir(), "finsam-web-"))}`]);
    expect(none.status).not.toBe(0);
    expect(none.stdout + none.stderr).toContain("npm run build needs the URL the add-in will be served from (FINSAM_URL)");
    const http = webpack(["--env", "url=http://ekonomi.example.org/finsam/"]);
    expect(http.status).not.toBe(0);
    expect(http.stdout + http.stderr).toContain("FINSAM_URL must be an https:// address");
    const query = webpack([], { FINSAM_URL: "https://ekonomi.example.org/finsam/?x=1" });
    expect(query.stdout + query.stderr).toContain("must not have a query");
  });

  describe("for a URL with a path and no trailing slash", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "finsam-web-"));
    const base = "https://ekonomi.example.org/finsam/";
    let manifest = "";
    beforeAll(() => {
      const r = webpack(["--env", `out=${out}`], { FINSAM_URL: "https://ekonomi.example.org/finsam", FINSAM_CONTACT: "it@example.org" });
      expect(r.status).toBe(0);
      manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    });

    test("every URL in the manifest is under it and names a file in the output; AppDomain is its origin", () => {
      const urls = manifestUrls(manifest);
      expect(urls.length).toBeGreaterThan(20);
      for (const u of urls) {
        expect(u.startsWith(base)).toBe(true);
        expect([u, existsSync(path.join(out, decodeURIComponent(u.slice(base.length))))]).toEqual([u, true]);
      }
      expect(manifest).not.toContain("localhost");
      expect([...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://ekonomi.example.org"]);
      expect(/<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)![1]).toBe(`${base}help.html`);
    });

    test("without FINSAM_CONTACT the help page says no contact was given (it named a generic administrator), and the build warns", () => {
      const { contactParameters } = require(path.join(ROOT, "webpack.config.js")) as {
        contactParameters: (prod: unknown) => { contact: string; contactEn: string };
      };
      const saved = process.env.FINSAM_CONTACT;
      const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
      try {
        delete process.env.FINSAM_CONTACT;
        const none = contactParameters({ base: "https://x/" });
        expect(none.contact).toMatch(/^ingen kontakt angavs när tillägget byggdes \(FINSAM_CONTACT\)/);
        expect(none.contactEn).toMatch(/^no contact was given when the add-in was built/);
        expect(`${none.contact} ${none.contactEn}`).not.toMatch(/IT-administratör|IT administrator/);
        expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining("FINSAM_CONTACT is not set")]);
        process.env.FINSAM_CONTACT = "it@example.org";
        expect(contactParameters({ base: "https://x/" }).contact).toBe('<a href="mailto:it@example.org">it@example.org</a>');
      } finally {
        warn.mockRestore();
        if (saved === undefined) delete process.env.FINSAM_CONTACT;
        else process.env.FINSAM_CONTACT = saved;
      }
    });

    test("<Version> is package.json's; the help page names the version and the contact", () => {
      expect(/<Version>([^<]+)<\/Version>/.exec(manifest)![1]).toBe(`${VERSION}.0`);
      const help = readFileSync(path.join(out, "help.html"), "utf8");
      expect(help).toContain(`Finsam Ekonomi ${VERSION}`);
      expect(help).toMatch(/<a href="?mailto:it@example.org"?>it@example.org<\/a>/);
      expect(help).not.toMatch(/<script/);
    });

    test("JS and CSS names carry a content hash, and the page names the ones that exist", () => {
      const files = readdirSync(out);
      const js = files.filter((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
      const css = files.filter((f) => /^taskpane\.[0-9a-f]{8}\.css$/.test(f));
      expect([js.length, css.length]).toEqual([1, 1]);
      expect(files).not.toContain("taskpane.js");
      const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
      expect(html).toMatch(new RegExp(`src="?${js[0].replace(/\./g, "\\.")}[" >]`));
      expect(html).toMatch(new RegExp(`href="?${css[0].replace(/\./g, "\\.")}[" >]`));
      // The CSS hash is its content's: a changed stylesheet gets a new name.
      const cssHash = createHash("sha256")
        .update(readFileSync(path.join(ROOT, "src/taskpane/taskpane.css")))
        .digest("hex")
        .slice(0, 8);
      expect(css[0]).toBe(`taskpane.${cssHash}.css`);
    });

    test("Nytt år, the SIE import and the engine are chunks named by content hash, not in the start-up script", () => {
      const files = readdirSync(out);
      const chunks = files.filter((f) => /\.chunk\.[0-9a-f]{8}\.js$/.test(f));
      for (const name of ["nytt-ar", "sie", "berakna"])
        expect([name, chunks.filter((f) => new RegExp(`^${name}\\.chunk\\.[0-9a-f]{8}\\.js$`).test(f)).length]).toEqual([name, 1]);
      for (const f of chunks) expect(f).toMatch(/^[\w-]+\.chunk\.[0-9a-f]{8}\.js$/);
      const entry = readFileSync(
        path.join(
          out,
          files.find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))!,
        ),
        "utf8",
      );
      // Words only those parts carry: the SIE reader's #KONTO, the .xlsx writer's content types, the board text.
      const nyttAr = readFileSync(
        path.join(
          out,
          chunks.find((f) => f.startsWith("nytt-ar."))!,
        ),
        "utf8",
      );
      expect(nyttAr).toContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
      expect(entry).not.toContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
      const withKonto = files.filter((f) => f.endsWith(".js") && readFileSync(path.join(out, f), "utf8").includes('"#KONTO"'));
      expect(withKonto).toEqual([expect.stringMatching(/\.chunk\.[0-9a-f]{8}\.js$/)]);
    });

    test("the CSP names office.js's path and the one CDN file it loads, not whole CDNs", () => {
      const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
      const scriptSrc = /script-src ([^;]+);/.exec(html)![1].split(/\s+/);
      expect(scriptSrc).toEqual([
        "'self'",
        "https://appsforoffice.microsoft.com/lib/1/hosted/",
        "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js",
      ]);
      // That file is what office.js for Excel loads (the library itself names it).
      const lib = readFileSync(path.join(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8");
      expect(lib).toContain("//ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js");
    });

    test("every ribbon function of the manifest is associated in the bundle", () => {
      const js = readdirSync(out).find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))!;
      const bundle = readFileSync(path.join(out, js), "utf8");
      const names = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
      expect(names.length).toBeGreaterThan(5);
      expect(new Set(names)).toEqual(new Set(FUNCTION_IDS));
      for (const n of names) expect([n, bundle.includes(`"${n}"`)]).toEqual([n, true]);
    });

    test("npm run package: a zip of the build with a SHA-256 list that verifies", () => {
      const pkgDir = mkdtempSync(path.join(os.tmpdir(), "finsam-pkg-"));
      const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/package.js"), out, pkgDir], { cwd: ROOT, encoding: "utf8" });
      expect(r.status).toBe(0);
      const zip = readZip(readFileSync(path.join(pkgDir, `finsam-ekonomi-${VERSION}.zip`)));
      const names = zip.map((e) => e.name);
      for (const f of ["manifest.xml", "taskpane.html", "help.html", "SHA256SUMS", "assets/addin-32.png"]) expect(names).toContain(f);
      // The chunks loaded on first use are in the package too (a missing one would fail only when clicked).
      const chunks = readdirSync(out).filter((f) => /\.chunk\.[0-9a-f]{8}\.js$/.test(f));
      expect(chunks.length).toBeGreaterThanOrEqual(3);
      for (const f of chunks) expect(names).toContain(f);
      const sums = inflateEntry(zip.find((e) => e.name === "SHA256SUMS")!).toString("utf8");
      // Beside the zip, the list starts with the zip itself, then the files as inside.
      const zipName = `finsam-ekonomi-${VERSION}.zip`;
      const zipSum = createHash("sha256")
        .update(readFileSync(path.join(pkgDir, zipName)))
        .digest("hex");
      expect(readFileSync(path.join(pkgDir, "SHA256SUMS"), "utf8")).toBe(`${zipSum}  ${zipName}\n${sums}`);
      // sha256sum itself agrees about the download.
      const check = spawnSync("sha256sum", ["-c", "--ignore-missing", "SHA256SUMS"], { cwd: pkgDir, encoding: "utf8" });
      expect([check.status, check.stdout.trim()]).toEqual([0, `${zipName}: OK`]);
      const lines = sums.trim().split("\n");
      expect(lines).toHaveLength(zip.length - 1);
      for (const line of lines) {
        const [sum, name] = line.split("  ");
        const entry = zip.find((e) => e.name === name)!;
        expect([name, createHash("sha256").update(inflateEntry(entry)).digest("hex")]).toEqual([name, sum]);
      }
    });

    const schemas = existsSync(XSD) && spawnSync("xmllint", ["--version"]).status === 0;
    (schemas || CI ? test : test.skip)("validates offline against the manifest schemas (shared/office-manifest-xsd)", () => {
      const r = validate(withoutRuntimes(manifest));
      expect(r.output).toContain("validates");
      expect(r.ok).toBe(true);
    });
  });
});

describe("manifest.xml (development) against Microsoft's schemas, offline", () => {
  const schemas = existsSync(XSD) && spawnSync("xmllint", ["--version"]).status === 0;
  if (!schemas && !CI)
    console.warn(`Skipped: the manifest schemas need xmllint (apt-get install libxml2-utils) and ${XSD_DIR} (the requirements folder).`);
  const run = schemas || CI ? test : test.skip;
  const dev = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  run("validates, <Runtimes> aside (the schemas predate it; it is checked below)", () => {
    const r = validate(withoutRuntimes(dev));
    expect([r.ok, r.output.trim()]).toEqual([true, expect.stringContaining("validates")]);
  });

  run("a manifest that breaks the schema is reported (the check can fail)", () => {
    expect(validate(withoutRuntimes(dev).replace(/<Id>[^<]*<\/Id>/, "")).ok).toBe(false);
    expect(validate(withoutRuntimes(dev).replace("<Permissions>ReadWriteDocument", "<Permissions>Everything")).ok).toBe(false);
    expect(validate(withoutRuntimes(dev).replace(/ProviderName>/g, "Provider>")).ok).toBe(false);
  });

  test("<Runtimes>: one long-lived runtime on the task pane's page, which is also the function file (shared runtime)", () => {
    const runtimes = [...dev.matchAll(/<Runtime resid="([^"]+)" lifetime="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(runtimes).toEqual([["Taskpane.Url", "long"]]);
    expect(/<FunctionFile resid="([^"]+)"/.exec(dev)![1]).toBe("Taskpane.Url");
    expect(/<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/.exec(dev)![1]).toBe("https://localhost:3000/taskpane.html");
    expect(/<SourceLocation DefaultValue="([^"]+)"/.exec(dev)![1]).toBe("https://localhost:3000/taskpane.html");
    expect(/<Version>([^<]+)<\/Version>/.exec(dev)![1]).toBe(`${VERSION}.0`);
  });
});

describe("npm start on a machine without desktop Excel", () => {
  let server: ChildProcess | null = null;
  afterAll(() => {
    if (server && server.exitCode === null) server.kill("SIGKILL");
    server?.stdout?.destroy();
    server?.stderr?.destroy();
  });

  (process.platform === "linux" ? test : test.skip)(
    "says so, prints the manifest for Excel on the web, serves every page and icon of the manifest over HTTPS; npm stop ends it",
    async () => {
      const home = mkdtempSync(path.join(os.tmpdir(), "finsam-home-"));
      const port = String(31000 + (process.pid % 2000));
      const env = { ...process.env, HOME: home, FINSAM_DEV_PORT: port, CI: "" };
      server = spawn(process.execPath, [path.join(ROOT, "scripts/start.js")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
      server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
      const ca = () => readFileSync(path.join(home, ".office-addin-dev-certs", "ca.crt"));
      const get = (url: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          https
            .get(url, { ca: ca(), agent: false }, (res) => {
              let body = "";
              res.on("data", (d: Buffer) => (body += d.toString("latin1")));
              res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
            })
            .on("error", reject);
        });
      const deadline = Date.now() + 150000;
      let page: { status: number; body: string } | null = null;
      while (Date.now() < deadline && server.exitCode === null) {
        try {
          page = await get(`https://localhost:${port}/taskpane.html`);
          if (page.status === 200) break;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(output).toContain(`Excel for the desktop does not run on linux`);
      expect(output).toContain(path.join(ROOT, "manifest.xml"));
      expect(output).toContain("Upload My Add-in");
      expect(page?.status).toBe(200);
      expect(page!.body).toContain("Finsam Ekonomi");
      // Every page and icon the development manifest names, over the certificate's own CA (a real TLS check).
      const dev = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
      const urls = [...new Set(manifestUrls(dev))];
      expect(urls.length).toBeGreaterThan(20);
      for (const u of urls) {
        const r = await get(u.replace("https://localhost:3000/", `https://localhost:${port}/`));
        expect([u, r.status]).toEqual([u, 200]);
      }
      const js = await get(`https://localhost:${port}/taskpane.js`);
      expect(js.status).toBe(200);
      const stop = spawnSync(process.execPath, [path.join(ROOT, "scripts/stop.js")], { cwd: ROOT, env, encoding: "utf8" });
      expect(stop.stdout).toContain("Stopped the dev server");
      await new Promise<void>((resolve) => server!.on("close", () => resolve()));
      expect(server.exitCode !== null || server.signalCode !== null).toBe(true);
    },
    200000,
  );
});
