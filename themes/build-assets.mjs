// Copies the NHS design system's compiled CSS and images from the pinned npm package into the
// CareAccess common theme, so the JAR serves them itself:
//  - url(/assets/...) in the CSS points at the site root; here it becomes relative to the CSS file;
//  - the Frutiger @font-face rules load fonts from assets.nhs.uk, which only NHS.UK may use and
//    which would send every patient's IP address to a third party; they are dropped, and the
//    design system's own fallback (Arial) is used.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("usage: node build-assets.mjs <output directory>");
  process.exit(2);
}

const source = join(here, "node_modules", "nhsuk-frontend");
const dist = join(source, "dist", "nhsuk");
const target = join(out, "theme", "careaccess", "common", "resources", "nhsuk");
mkdirSync(join(target, "assets", "images"), { recursive: true });

const css = readFileSync(join(dist, "nhsuk-frontend.min.css"), "utf8");
const withoutRemoteFonts = css.replace(/@font-face\{[^}]*assets\.nhs\.uk[^}]*\}/g, "");
const localAssets = withoutRemoteFonts.replace(/url\(\/assets\//g, "url(assets/");
for (const leftover of localAssets.matchAll(/url\((?!assets\/|data:)[^)]*\)/g)) {
  throw new Error(`nhsuk-frontend CSS still points outside the theme: ${leftover[0]}`);
}
writeFileSync(join(target, "nhsuk-frontend.min.css"), localAssets);

for (const image of readdirSync(join(dist, "assets", "images"))) {
  copyFileSync(join(dist, "assets", "images", image), join(target, "assets", "images", image));
}
const pkg = JSON.parse(readFileSync(join(source, "package.json"), "utf8"));
const version = pkg.version;
writeFileSync(join(target, "NOTICE.txt"),
  `nhsuk-frontend ${version}, ${pkg.license} licence, ${pkg.homepage ?? "https://github.com/nhsuk/nhsuk-frontend"}\n`);
console.log(`nhsuk-frontend ${version}: CSS (${localAssets.length} bytes) and images copied to ${target}`);
