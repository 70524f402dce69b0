// Copies the DSFR files the site serves from node_modules into the light module's webresources
// (light-modules/open-collectivites/webresources/dsfr/, ignored by git): the packaged jar carries
// them, and a light module folder configured at run time (lightModule.dir) serves them too.
import { cpSync, mkdirSync, rmSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'node_modules', '@gouvfr', 'dsfr', 'dist');
const target = join(here, '..', '..', '..', '..', 'light-modules', 'open-collectivites', 'webresources', 'dsfr');
const files = ['dsfr.min.css', 'dsfr.module.min.js', 'dsfr.nomodule.min.js', 'fonts', 'icons', 'favicon',
  'utility/icons/icons.min.css'];

if (!existsSync(dist)) {
  console.error(`DSFR not found at ${dist}: run npm ci in ${here}`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
for (const file of files) {
  mkdirSync(dirname(join(target, file)), { recursive: true });
  cpSync(join(dist, file), join(target, file), { recursive: true });
}
const version = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')).version;
writeFileSync(join(target, 'VERSION'), version + '\n');
console.log(`DSFR ${version} copied to ${target}`);
