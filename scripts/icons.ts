/**
 * Draws the ribbon and add-in icons as SVG and renders each at 16, 32, 64 and 80 px to PNG with
 * Chromium (playwright-core). Run: `npx ts-node`-free: `npm run icons` (tsc + node). The PNGs are
 * committed; this script is how they were made.
 */
import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import { chromium } from "playwright-core";

const BLUE = "#0F6CBD";
const DARK = "#242424";
const GREEN = "#107C10";
const RED = "#C50F1F";

/** Each icon on a 32×32 grid; strokes are thick enough to read at 16 px. */
const ICONS: Record<string, string> = {
  // Beräkna allt: a sigma.
  "recalc-all": `<path d="M8 6h16v5h-3l-1-2h-8l7 7-7 7h8l1-2h3v5H8v-3l8-7-8-7z" fill="${BLUE}"/>`,
  // Medlemsandelar: a pie with a slice out.
  "member-shares": `<path d="M15 5a11 11 0 1 0 11 11H15z" fill="${BLUE}"/><path d="M18 2v11h11A11 11 0 0 0 18 2z" fill="${DARK}"/>`,
  // Tertialrapport: bars with a forecast bar outlined.
  tertial: `<rect x="4" y="16" width="6" height="12" fill="${BLUE}"/><rect x="13" y="9" width="6" height="19" fill="${BLUE}"/><rect x="22.5" y="4.5" width="5" height="23" fill="none" stroke="${DARK}" stroke-width="3" stroke-dasharray="4 2"/><rect x="2" y="28" width="28" height="2" fill="${DARK}"/>`,
  // Eget kapital: a column under a ceiling line.
  equity: `<rect x="9" y="13" width="14" height="15" fill="${BLUE}"/><rect x="3" y="7" width="26" height="3" fill="${RED}"/><rect x="2" y="28" width="28" height="2" fill="${DARK}"/>`,
  // Skapa mall: a grid with a plus.
  template: `<rect x="3" y="4" width="20" height="22" fill="none" stroke="${DARK}" stroke-width="2.5"/><path d="M3 11h20M3 18h20M11 4v22" stroke="${DARK}" stroke-width="2"/><circle cx="24" cy="24" r="7" fill="${BLUE}"/><path d="M24 20v8M20 24h8" stroke="#fff" stroke-width="2.5"/>`,
  // Importera SIE: a file with a folded corner and an arrow down into it.
  "import-sie":
    `<path d="M6 3h13l7 7v19H6z" fill="none" stroke="${DARK}" stroke-width="2.5" stroke-linejoin="round"/>` +
    `<path d="M19 3v7h7" fill="none" stroke="${DARK}" stroke-width="2"/>` +
    `<path d="M16 11v11M11 17l5 5 5-5" fill="none" stroke="${BLUE}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Nytt år: a calendar page with an arrow on to the next.
  "new-year":
    `<rect x="3" y="6" width="20" height="20" rx="1.5" fill="none" stroke="${DARK}" stroke-width="2.5"/>` +
    `<path d="M3 12h20" stroke="${DARK}" stroke-width="2.5"/><path d="M8 3v5M18 3v5" stroke="${DARK}" stroke-width="2.5" stroke-linecap="round"/>` +
    `<circle cx="24" cy="24" r="7" fill="${BLUE}"/>` +
    `<path d="M20.5 24h6.5M24.5 20.5l3.5 3.5-3.5 3.5" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Verifiera: a check mark in a circle.
  verify: `<circle cx="16" cy="16" r="13" fill="${GREEN}"/><path d="M9 16.5l5 5 9-10" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Visa panel: a window with a side pane.
  panel: `<rect x="3" y="5" width="26" height="22" rx="2" fill="none" stroke="${DARK}" stroke-width="2.5"/><rect x="18" y="6.5" width="9.5" height="19" fill="${BLUE}"/>`,
  // The add-in itself: F on blue.
  addin: `<rect x="1" y="1" width="30" height="30" rx="6" fill="${BLUE}"/><path d="M10 7h13v4h-8.5v4H21v4h-6.5v7H10z" fill="#fff"/>`,
};

export const SIZES = [16, 32, 64, 80];

async function main(): Promise<void> {
  const out = path.join(__dirname, "..", "..", "assets");
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [name, body] of Object.entries(ICONS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${body}</svg>`;
    writeFileSync(path.join(out, `${name}.svg`), svg + "\n");
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({
        path: path.join(out, `${name}-${size}.png`),
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
    }
  }
  await browser.close();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
