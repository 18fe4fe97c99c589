// Copies the pinned browser libraries (package-lock.json) into kg/report/static/vendor/, with their
// licences and a VERSIONS.json, so that `kg report` ships them and its pages work from file://.
// Run with `make report-assets` (npm ci, then this script); the copies are committed.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "..", "kg", "report", "static", "vendor");
// package -> [file in the package, name in vendor/]
const FILES = {
  "chart.js": [["dist/chart.umd.min.js", "chart.umd.min.js"], ["LICENSE.md", "chart.js.LICENSE.md"]],
  "cytoscape": [["dist/cytoscape.min.js", "cytoscape.min.js"], ["LICENSE", "cytoscape.LICENSE"]],
};

mkdirSync(target, { recursive: true });
const versions = {};
for (const [name, files] of Object.entries(FILES)) {
  const root = join(here, "node_modules", name);
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  versions[name] = { version: manifest.version, license: manifest.license, files: Object.fromEntries(files.map(([from, to]) => [to, from])) };
  for (const [from, to] of files) copyFileSync(join(root, from), join(target, to));
}
writeFileSync(join(target, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`vendored ${Object.keys(versions).map((n) => `${n}@${versions[n].version}`).join(", ")} into ${target}`);
