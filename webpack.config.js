/* eslint-disable no-undef */
/**
 * Builds the task pane (which, in the shared runtime, also hosts the ribbon commands) and the help page.
 *
 * - `npm run dev-server` / `npm start`: development, served over https://localhost:3000 from memory, with the
 *   development certificate (scripts/devCerts.js); manifest.xml is used as it is.
 * - `npm run build`: production into dist/web, for the organisation's own HTTPS host, which must be named:
 *     FINSAM_URL=https://ekonomi.example-forbund.se/finsam/ npm run build     (or: npm run build -- --env url=…)
 *   It refuses a missing or non-HTTPS URL (a manifest pointing at a host nobody owns would install an add-in
 *   that never loads). The URL gets one trailing slash; the manifest's URLs are put under it, AppDomain is its
 *   origin, <Version> comes from package.json, JS and CSS names carry a content hash (an upgrade is never served
 *   from a stale cache), and SupportUrl is the shipped help page. `FINSAM_CONTACT` (an e-mail address or an
 *   https URL) is the contact the help page names. docs/deploy.md is the administrator's guide.
 * - `--env harness`: the test harness (the pane over the in-memory Excel) into build/harness.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const URL_DEV = "https://localhost:3000/";

/** A build that cannot go ahead: the reason in one line, without webpack's stack trace, and exit status 2. */
function refuse(message) {
  console.error(`Finsam Ekonomi: ${message}`);
  process.exit(2);
}

/** The production URL from `--env url=` or FINSAM_URL: HTTPS, one trailing slash; otherwise a clear refusal. */
function productionUrl(env) {
  const raw = (env.url || process.env.FINSAM_URL || "").trim();
  const how = "Example: FINSAM_URL=https://ekonomi.example-forbund.se/finsam/ npm run build (docs/deploy.md).";
  if (!raw) refuse(`npm run build needs the URL the add-in will be served from (FINSAM_URL). ${how}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    refuse(`FINSAM_URL=${raw} is not a URL. ${how}`);
  }
  if (url.protocol !== "https:") refuse(`FINSAM_URL must be an https:// address (Office loads add-ins only over HTTPS), not ${raw}.`);
  if (url.search || url.hash) refuse(`FINSAM_URL must not have a query or fragment: ${raw}.`);
  return { base: url.origin + url.pathname.replace(/\/*$/, "/"), origin: url.origin };
}

/**
 * The help page's contact: an e-mail address or an https URL. Without one the page says that none was given at the
 * build, in both languages (it named "förbundets IT-administratör", which answers nothing), and a production build
 * says so when it is made.
 */
function contactOf(value) {
  const v = (value || "").trim();
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  if (/^[^\s@<>"]+@[^\s@<>"]+$/.test(v)) return `<a href="mailto:${escape(v)}">${escape(v)}</a>`;
  if (/^https:\/\/[^\s<>"]+$/.test(v)) return `<a href="${escape(v)}">${escape(v)}</a>`;
  if (v) refuse(`FINSAM_CONTACT must be an e-mail address or an https:// URL, not ${v}.`);
  return { sv: NO_CONTACT.sv, en: NO_CONTACT.en };
}

const NO_CONTACT = {
  sv: "ingen kontakt angavs när tillägget byggdes (FINSAM_CONTACT); fråga den som lade in tillägget i er Microsoft 365",
  en: "no contact was given when the add-in was built (FINSAM_CONTACT); ask whoever added it to your Microsoft 365",
};

/** The manifest for production: every development URL under the production base, AppDomain the origin, the version. */
function productionManifest(content, prod) {
  return content
    .toString()
    .replace(/<!--[\s\S]*?-->/, `<!-- Finsam Ekonomi ${pkg.version}, built by npm run build for ${prod.base} (docs/deploy.md). -->`)
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${prod.origin}</AppDomain>`)
    .replace(new RegExp(URL_DEV.replace(/[.]/g, "\\."), "g"), prod.base)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${pkg.version}.0</Version>`);
}

/** The help page's contact in Swedish and English; a production build without one warns. */
function contactParameters(prod) {
  const c = contactOf(process.env.FINSAM_CONTACT);
  if (typeof c === "string") return { contact: c, contactEn: c };
  if (prod) console.warn(`Warning: FINSAM_CONTACT is not set, so the help page says: ${c.en}.`);
  return { contact: c.sv, contactEn: c.en };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const harness = !!env.harness;
  const prod = !dev && !harness ? productionUrl(env) : null;
  const hash = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 8);
  const cssFile = prod ? `taskpane.${hash("src/taskpane/taskpane.css")}.css` : "taskpane.css";
  const tsRule = {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
  };
  const config = {
    devtool: dev ? "source-map" : false,
    entry: harness
      ? { harness: "./test/browser/harness.ts", taskpane: "./src/taskpane/taskpane.ts" }
      : { taskpane: "./src/taskpane/taskpane.ts" },
    output: {
      // `--env out=DIR`: another folder (the deployment test builds into a temporary one).
      path: env.out ? path.resolve(env.out) : harness ? path.resolve(__dirname, "build/harness") : path.resolve(__dirname, "dist/web"),
      clean: true,
      filename: prod ? "[name].[contenthash:8].js" : "[name].js",
      // What only Nytt år or the SIE import needs is a chunk of its own, loaded from the same origin when first used
      // (script-src 'self' covers it); named after the action, with a content hash in production like the entry (`.<hash>.js` last,
      // so one cache rule in docs/deploy.md covers both).
      chunkFilename: prod ? "[name].chunk.[contenthash:8].js" : "[name].chunk.js",
    },
    resolve: {
      extensions: [".ts", ".js"],
      // Nytt år builds the new workbook in the pane with the same .xlsx writer as the command line (src/xlsx): its
      // zlib is fflate there, its Buffer the `buffer` package; nothing else of Node is bundled.
      alias: { zlib: path.resolve(__dirname, "src/xlsx/zlibBrowser.ts") },
      fallback: { buffer: require.resolve("buffer/") },
    },
    module: { rules: [tsRule] },
    performance: { maxAssetSize: 400000, maxEntrypointSize: 400000 },
    // The harness runs the RichApi host, which names Office.js types after the in-memory Excel's classes: their names
    // survive minification there (the production build is minified as always).
    // The harness page has two entries: one runtime for both, so that a chunk is loaded once and its modules shared.
    ...(harness
      ? { optimization: { runtimeChunk: "single", minimizeOptions: { javascript: { compress: { passes: 2 }, keep_classnames: true } } } }
      : {}),
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: harness ? "harness.html" : "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { cssFile },
        chunks: harness ? ["runtime", "harness", "taskpane"] : ["taskpane"],
        chunksSortMode: "manual",
        inject: "body",
        scriptLoading: "blocking",
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        templateParameters: { version: pkg.version, ...contactParameters(prod) },
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/taskpane/taskpane.css", to: cssFile },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (prod ? productionManifest(content, prod) : content) },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/web") },
      server: dev
        ? {
            type: "https",
            options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await require("./scripts/devCerts").httpsOptions(),
          }
        : undefined,
      // Only this machine: the development certificate is for localhost, and the pane is not for the network.
      host: "localhost",
      port: Number(process.env.FINSAM_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000),
      // The page and its office.js are fetched by Office from this origin; nothing else is offered.
      headers: { "Cache-Control": "no-store" },
      client: false,
      hot: false,
      liveReload: false,
    },
  };
  return config;
};

// For test/deploy.test.ts: the help page's contact as the build writes it.
module.exports.contactParameters = contactParameters;
