// Copies the rich-text editor (Quill 2, BSD-3-Clause) from node_modules into the light module's
// webresources (light-modules/open-collectivites/webresources/quill/, ignored by git), as DSFR is:
// one plain script (window.Quill, no inline script needed under the CSP), its core stylesheet, its licence.
import { cpSync, mkdirSync, rmSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const quill = join(here, 'node_modules', 'quill');
const target = join(here, '..', '..', '..', '..', 'light-modules', 'open-collectivites', 'webresources', 'quill');
const files = { 'dist/quill.js': 'quill.js', 'dist/quill.core.css': 'quill.core.css', 'LICENSE': 'LICENSE' };

if (!existsSync(quill)) {
  console.error(`Quill not found at ${quill}: run npm ci in ${here}`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  cpSync(join(quill, from), join(target, to));
}
const version = JSON.parse(readFileSync(join(quill, 'package.json'), 'utf8')).version;
writeFileSync(join(target, 'VERSION'), version + '\n');
console.log(`Quill ${version} copied to ${target}`);
