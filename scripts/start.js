/* eslint-disable no-undef */
/**
 * `npm start`: the add-in on this machine, as the Yeoman template's start does. Builds and serves the pane over
 * https://localhost:3000 with the development certificate, and sideloads manifest.xml into desktop Excel where
 * there is one (Windows, macOS: office-addin-debugging, which starts `npm run dev-server` itself). Where there is
 * none (Linux, a CI machine) it says so, serves, and prints the manifest's path for Excel on the web.
 * `npm stop` (scripts/stop.js) ends it.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

if (process.platform === "win32" || process.platform === "darwin") {
  const r = spawnSync(npx, ["office-addin-debugging", "start", manifest, "desktop"], { cwd: root, stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const port = process.env.FINSAM_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000;
console.log(
  [
    `Excel for the desktop does not run on ${process.platform}, so nothing is sideloaded here.`,
    `Serving Finsam Ekonomi on https://localhost:${port}/ (Ctrl+C, or npm stop, ends it).`,
    "",
    "To try it in Excel on the web: open a workbook, Home → Add-ins → More add-ins → My add-ins →",
    "Upload My Add-in, and choose this manifest:",
    `  ${manifest}`,
    "The browser must trust the development certificate (npx office-addin-dev-certs install, once).",
    "",
  ].join("\n"),
);
const webpack = require.resolve("webpack/bin/webpack.js", { paths: [root] });
const server = spawn(process.execPath, [webpack, "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
// npm stop finds the server by this file.
const pidFile = path.join(root, "dist", ".dev-server.pid");
fs.mkdirSync(path.dirname(pidFile), { recursive: true });
fs.writeFileSync(pidFile, String(process.pid));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  fs.rmSync(pidFile, { force: true });
  process.exit(code ?? 0);
});
