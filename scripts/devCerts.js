/* eslint-disable no-undef */
/**
 * The development certificate for https://localhost, as the Yeoman template gets it (office-addin-dev-certs),
 * with one difference on Linux: there the CA would be installed into the system's trust store with sudo,
 * which a developer's first `npm start` (or CI) must not do behind their back. On Linux the certificates are
 * made (or reused while valid) in ~/.office-addin-dev-certs and not installed; the message says how to trust
 * them. On Windows and macOS `ensureCertificatesAreInstalled` does what the template does.
 */
const { existsSync, readFileSync } = require("fs");
const crypto = require("crypto");

async function httpsOptions(log = console.log) {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (process.platform !== "linux") {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  }
  const valid = () => {
    if (!files.every((f) => existsSync(f))) return false;
    const cert = new crypto.X509Certificate(readFileSync(defaults.localhostCertificatePath));
    return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
  };
  if (!valid()) {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath);
    log(
      `Development certificate for https://localhost made in ${defaults.certificateDirectory} (not installed: on Linux that\n` +
        `needs sudo). To trust it in this machine's browsers: npx office-addin-dev-certs install`,
    );
  }
  return {
    ca: readFileSync(defaults.caCertificatePath),
    key: readFileSync(defaults.localhostKeyPath),
    cert: readFileSync(defaults.localhostCertificatePath),
  };
}

module.exports = { httpsOptions };
