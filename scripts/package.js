/* eslint-disable no-undef */
/**
 * `FINSAM_URL=https://… npm run package`: the administrator's package. After the production build (dist/web),
 * writes dist/finsam-ekonomi-<version>.zip with every built file and the manifest, and SHA256SUMS (one line per
 * file, `sha256sum -c` format) inside the zip; the SHA256SUMS beside it starts with the zip's own line. Copy the
 * zip's contents to the static HTTPS host at FINSAM_URL; upload manifest.xml in the Microsoft 365 admin center
 * (docs/deploy.md). Uses the project's own zip writer (src/xlsx/zip.ts, built by build:cli).
 * `node scripts/package.js [built folder] [output folder]` packages another build (the deployment test's).
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { deflateEntry, writeZip } = require("../dist/xlsx/zip");
const pkg = require("../package.json");

const root = path.resolve(__dirname, "..");
const web = path.resolve(process.argv[2] || path.join(root, "dist", "web"));
const outDir = path.resolve(process.argv[3] || path.join(root, "dist"));
if (!fs.existsSync(path.join(web, "manifest.xml"))) {
  console.error("dist/web has no build: run FINSAM_URL=https://… npm run package (it builds first).");
  process.exit(1);
}
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else files.push(path.relative(web, full).split(path.sep).join("/"));
  }
};
walk(web);
const sums =
  files
    .map(
      (f) =>
        `${crypto
          .createHash("sha256")
          .update(fs.readFileSync(path.join(web, f)))
          .digest("hex")}  ${f}`,
    )
    .join("\n") + "\n";
const entries = files.map((f) => deflateEntry(f, fs.readFileSync(path.join(web, f))));
entries.push(deflateEntry("SHA256SUMS", sums));
const zip = path.join(outDir, `finsam-ekonomi-${pkg.version}.zip`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(zip, writeZip(entries));
const zipSum = crypto.createHash("sha256").update(fs.readFileSync(zip)).digest("hex");
// Beside the zip: the zip itself first (what the administrator downloads), then its files as inside.
fs.writeFileSync(path.join(outDir, "SHA256SUMS"), `${zipSum}  ${path.basename(zip)}\n` + sums);
console.log(`Wrote ${zip} (${files.length} files, SHA-256 ${zipSum}) and ${path.join(outDir, "SHA256SUMS")}.`);
