/* eslint-disable no-undef */
/**
 * Builds the task pane (which, in the shared runtime, also hosts the ribbon commands) into dist/web.
 * Production builds replace the development URL in manifest.xml with the production URL:
 *   FINSAM_URL=https://finsam.example.se/ npm run build   → dist/web/manifest.xml
 * `--env harness` also builds the test harness (the pane over the in-memory Excel) into build/harness.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.FINSAM_URL || "https://finsam-ekonomi.example.se/"; // the organisation's own host

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const harness = !!env.harness;
  const tsRule = { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } } };
  const config = {
    devtool: dev ? "source-map" : false,
    entry: harness
      ? { harness: "./test/browser/harness.ts", taskpane: "./src/taskpane/taskpane.ts" }
      : { taskpane: "./src/taskpane/taskpane.ts" },
    output: { path: harness ? path.resolve(__dirname, "build/harness") : path.resolve(__dirname, "dist/web"), clean: true, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule] },
    performance: { maxAssetSize: 400000, maxEntrypointSize: 400000 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: harness ? "harness.html" : "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: harness ? ["harness", "taskpane"] : ["taskpane"],
        chunksSortMode: "manual",
        inject: "body",
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev || harness) return content;
              return content
                .toString()
                .replace(new RegExp(urlDev, "g"), urlProd)
                .replace(new RegExp(urlDev.replace(/\/$/, ""), "g"), urlProd.replace(/\/$/, ""));
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist/web") },
      server: dev ? { type: "https", options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions() } : undefined,
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
  return config;
};
