// Browser tests of the generated form widgets, on a content type with every property type (FormWidgetsIT
// adds it in a copy of the light module): rows of a multiple sub-model added and removed, a reference found
// by its search field, rich text typed in the editor, a round-trip save; the same form without JavaScript;
// axe-core WCAG 2.1 A/AA on the new and edit forms in both themes. Usage:
//   node form-widgets.mjs <base-url> <screenshot-dir> <administrator> <password>
// Prints "ok - …" / "not ok - …" per check, then "N passed, N failed"; exits 1 on any failure.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const [base, shots, login, password] = process.argv.slice(2);
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const NEW = `${base}/auteur/contenus/evenement/nouveau`;
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${String(e && e.message || e).split('\n').slice(0, 12).join('\n    ')}`);
  }
}
function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}
async function axe(page) {
  await page.evaluate(`${AXE_SOURCE}\n;true`);
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  expect(result.length === 0, `${result.length} axe violation(s):\n${result.join('\n')}`);
}
async function signIn(page) {
  await page.goto(`${base}/auteur/connexion`);
  await page.locator('#identifiant').fill(login);
  await page.locator('#mot-de-passe').fill(password);
  await Promise.all([page.waitForURL('**/auteur/'), page.locator('form[action="/auteur/connexion"] button[type=submit]').click()]);
}
async function submit(page, selector) {
  await Promise.all([page.waitForLoadState(), page.waitForNavigation(), page.locator(selector).click()]);
}

const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ['--no-sandbox'] });
let editUrl = null;
try {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await signIn(p);

  await check('sous-modèles : lignes ajoutées et retirées sans rien perdre ni enregistrer', async () => {
    await p.goto(NEW);
    await p.locator('#nom').fill('forum-emploi');
    await p.locator('#champ-title').fill('Forum de l\'emploi');
    await p.locator('#champ-lieu-ville').fill('Saint-Étienne');
    expect(await p.locator('#champ-intervenants-0-nom').count() === 0, 'a row is shown before any was added');
    await submit(p, 'button[value="ajouter:intervenants"]');
    await p.locator('#champ-intervenants-0-nom').fill('Ada');
    await submit(p, 'button[value="ajouter:intervenants"]');
    await p.locator('#champ-intervenants-1-nom').fill('Grace');
    await p.locator('#champ-intervenants-1-bio-editeur .ql-editor').fill('Pionnière du logiciel');
    await submit(p, 'button[value="ajouter:intervenants"]');
    await p.locator('#champ-intervenants-2-nom').fill('Margaret');
    await submit(p, 'button[value="retirer:intervenants.0"]');
    expect(await p.locator('#champ-intervenants-0-nom').inputValue() === 'Grace', 'the rows did not move up');
    expect(await p.locator('#champ-intervenants-1-nom').inputValue() === 'Margaret', 'the last row is lost');
    expect(await p.locator('#champ-intervenants-2-nom').count() === 0, 'the removed row is still there');
    expect((await p.locator('#champ-intervenants-0-bio-editeur .ql-editor').innerText()).includes('Pionnière'),
      'the rich text of a moved row is lost');
    expect(await p.locator('#champ-title').inputValue() === 'Forum de l\'emploi', 'the title typed is lost');
  });

  await check('référence : recherche côté serveur (Entrée dans le champ), choix dans la liste', async () => {
    await p.locator('#champ-region-recherche').fill('auvergne rhone');
    await Promise.all([p.waitForNavigation(), p.locator('#champ-region-recherche').press('Enter')]);
    const options = await p.locator('#champ-region option').allTextContents();
    expect(options.some((o) => o.includes('Auvergne-Rhône-Alpes (84)')), `no match for the search: ${options.join(', ')}`);
    expect(options.length <= 3, `the search did not narrow the list: ${options.join(', ')}`);
    await p.locator('#champ-region').selectOption('84');
  });

  await check('texte riche et enregistrement : chaque valeur revient dans son widget', async () => {
    await p.locator('#champ-description-editeur .ql-editor').click();
    await p.keyboard.press('Control+B');
    await p.keyboard.type('Entrée libre');
    await p.locator('#champ-places').fill('300');
    await p.locator('#champ-motsCles').fill('emploi\nformation');
    await Promise.all([p.waitForURL('**/auteur/contenus/evenement/evenements/forum-emploi?fait=save'),
      p.locator('button[value=save]').click()]);
    editUrl = p.url().split('?')[0];
    expect(await p.evaluate(() => !document.activeElement.closest('.ql-editor')), 'an editor takes the focus when the page opens');
    expect(await p.locator('#champ-region').inputValue() === '84', 'the reference was not saved');
    expect(await p.locator('#champ-lieu-ville').inputValue() === 'Saint-Étienne', 'the sub-model was not saved');
    expect(await p.locator('#champ-intervenants-1-nom').inputValue() === 'Margaret', 'the rows were not saved');
    expect(await p.locator('#champ-description').inputValue() === '<p><strong>Entrée libre</strong></p>',
      `the rich text saved is ${await p.locator('#champ-description').inputValue()}`);
  });

  await check('sans JavaScript : zone de texte HTML assainie, ajout de ligne, recherche', async () => {
    const plain = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    const q = await plain.newPage();
    await signIn(q);
    await q.goto(editUrl);
    expect(await q.locator('#champ-description').isVisible(), 'the textarea is hidden without JavaScript');
    await q.locator('#champ-description').fill('<h2>Accès</h2><p onclick="alert(1)">Tram T1</p><script>alert(1)</script>');
    await submit(q, 'button[value="ajouter:intervenants"]');
    expect(await q.locator('#champ-intervenants-2-nom').count() === 1, 'no row added without JavaScript');
    await q.locator('#champ-region-recherche').fill('84');
    await submit(q, 'button[value="chercher:region"]');
    expect(await q.locator('#champ-region').inputValue() === '84', 'the chosen reference is lost after a search');
    await Promise.all([q.waitForURL('**?fait=save'), q.locator('button[value=save]').click()]);
    const saved = await q.locator('#champ-description').inputValue();
    expect(saved === '<h2>Accès</h2><p>Tram T1</p>', `the rich text saved without JavaScript is ${saved}`);
    expect(await q.locator('#champ-intervenants-2-nom').count() === 0, 'an empty row was saved');
    await plain.close();
  });

  for (const scheme of ['light', 'dark']) {
    const themed = await browser.newContext({ locale: 'fr-FR', colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const t = await themed.newPage();
    await signIn(t);
    const theme = scheme === 'light' ? 'clair' : 'sombre';
    for (const [name, url] of [['auteur-widgets-nouveau', NEW], ['auteur-widgets-edition', editUrl]]) {
      await check(`axe WCAG 2.1 A/AA : ${name} (thème ${theme})`, async () => {
        expect(url, `no address for ${name}`);
        await t.goto(url);
        await t.waitForFunction((s) => document.documentElement.getAttribute('data-fr-theme') === s, scheme);
        await t.locator('#champ-description-editeur .ql-editor').waitFor();
        await axe(t);
        await t.screenshot({ path: join(shots, `${name}-${scheme}.png`), fullPage: true });
      });
    }
    await themed.close();
  }
} finally {
  await browser.close();
}
console.log(`form-widgets — ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
