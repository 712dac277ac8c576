/** Debian's Chromium through playwright-core, and a static file server for the built pane. */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import http from "http";
import path from "path";
import { describeWith } from "./requires";
import type { Browser } from "playwright-core";
import { slow } from "./time";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? "";

/** A describe that fails (in CI) or skips (elsewhere) when Chromium is missing. */
export function describeWithChromium(name: string, fn: () => void): void {
  describeWith(name, { present: !!CHROMIUM, what: "Chromium", how: "apt-get install chromium" }, fn);
}

/**
 * Chromium, with every page's waits scaled to the machine's measured speed (playwright's 30 s default was met on a
 * quiet machine only; test/helpers/time.ts).
 */
export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"], timeout: slow(60000) });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(slow(30000));
    context.setDefaultNavigationTimeout(slow(30000));
    return context;
  };
  return browser;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves files from the given directories (first match wins). */
export function serve(dirs: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    for (const d of dirs) {
      const file = path.join(d, rel);
      if (file.startsWith(d) && existsSync(file) && !file.endsWith(path.sep)) {
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

const ROOT = path.resolve(__dirname, "..", "..");

/** The newest modification time among files under `dir` (recursively). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The pane's production build (dist/web) and the test harness (build/harness), built once per test run: `npm test`
 * runs `npm run build:pane` before jest, and this builds them again only when a source is newer (a file run alone).
 */
export function ensurePaneBuilt(): void {
  const outputs = ["dist/web/taskpane.html", "build/harness/harness.html"].map((f) => path.join(ROOT, f));
  const sources = Math.max(
    newest(path.join(ROOT, "src")),
    newest(path.join(ROOT, "test", "browser")),
    statSync(path.join(ROOT, "webpack.config.js")).mtimeMs,
  );
  if (outputs.every((f) => existsSync(f) && statSync(f).mtimeMs > sources)) return;
  const webpack = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
  // The production build (its URL only goes into the manifest, which the browser tests do not use), and the harness.
  execFileSync(process.execPath, [webpack, "--mode", "production", "--env", "url=https://localhost:3000/"], { cwd: ROOT, stdio: "pipe" });
  execFileSync(process.execPath, [webpack, "--mode", "production", "--env", "harness"], { cwd: ROOT, stdio: "pipe" });
}
