// Browser tests of the citizens' site: Debian's chromium driven by playwright-core, axe-core injected
// into each page. Usage: node site-flows.mjs <base-url> <screenshot-dir>
// Prints "ok - …" / "not ok - …" per check, then "N passed, N failed"; exits 1 on any failure.
import { check, checkAccessible, expect, run, screenshot, SCHEMES } from './harness.mjs';

const [base = 'http://localhost:8080', shots = 'target/screenshots'] = process.argv.slice(2);

const PAGES = [
  ['accueil', '/'],
  ['recherche', '/recherche?q=st+etienne'],
  ['fiche-commune', '/communes/42218-saint-etienne'],
  ['fiche-epci', null], // found from the commune's fiche
  ['fiche-departement', '/departements/42-loire'],
  ['fiche-region', '/regions/84-auvergne-rhone-alpes'],
  ['comparer', '/comparer?c=communes/42218&c=communes/75056'],
  ['publications', '/publications'],
  ['publications-filtrees', '/publications?theme=finances-fiscalite&territory=commune%3A42218'],
  ['publication', null], // the first publication of the catalogue
  ['plan-du-site', '/plan-du-site'],
  ['mentions-legales', '/mentions-legales'],
  ['accessibilite', '/accessibilite'],
  ['mini-site', '/sites/petites-villes-de-demain/'],
  ['page-editoriale', '/pages/a-propos'],
  ['erreur-404', '/page-qui-n-existe-pas'],
];

// Filters the catalogue by a theme through the plain GET form, sees the removable tag, removes it.
async function filterPublicationsByTheme(p, label) {
  await p.goto(`${base}/publications`);
  const before = (await p.locator('#publications-nombre').textContent()).trim();
  await p.locator('label[for="theme-finances-fiscalite"]').click();
  await Promise.all([p.waitForURL((url) => url.search.includes('theme=finances-fiscalite')),
    p.locator('#filtres-publications button[type=submit]').click()]);
  const tag = p.locator('a.oc-tag-remove', { hasText: 'Thème : Finances & Fiscalité' });
  expect(await tag.count() === 1, `${label}: no removable tag for the theme`);
  expect(await p.locator('#theme-finances-fiscalite').isChecked(), `${label}: the theme box is not checked after filtering`);
  const filtered = (await p.locator('#publications-nombre').textContent()).trim();
  expect(filtered !== before, `${label}: the count did not change (${before} → ${filtered})`);
  const themes = await p.locator('.oc-publications .fr-tag').allTextContents();
  expect(themes.length > 0 && themes.every((t) => t.length > 0), `${label}: no publication listed`);
  await Promise.all([p.waitForURL((url) => !url.search.includes('theme=')), tag.click()]);
  expect(await p.locator('a.oc-tag-remove').count() === 0, `${label}: the tag is still shown after removing it`);
  expect((await p.locator('#publications-nombre').textContent()).trim() === before, `${label}: removing the tag did not widen the search`);
}

await run('site-flows', shots, async (browser) => {
  // ---- Search with the keyboard (JavaScript on): combobox, live announcement, fiche.
  const js = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await js.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  await check('recherche au clavier « st etienne » → fiche de Saint-Étienne (JavaScript)', async () => {
    await page.goto(`${base}/`);
    const input = page.locator('#q');
    expect(await input.getAttribute('role') === 'combobox', 'the search input is not a combobox');
    await input.focus();
    await page.keyboard.type('st etienne', { delay: 30 });
    await page.locator('#q-suggestions [role="option"]').first().waitFor();
    expect(await input.getAttribute('aria-expanded') === 'true', 'aria-expanded is not true with suggestions shown');
    const status = await page.locator('#q-status').textContent();
    expect(/suggestion/.test(status), `no live announcement of the suggestions (status: "${status}")`);
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active && await page.locator(`#${active}`).getAttribute('aria-selected') === 'true',
      'ArrowDown did not make an option active');
    expect((await page.locator(`#${active}`).textContent()).includes('Saint-Étienne'), 'first suggestion is not Saint-Étienne');
    await Promise.all([page.waitForURL('**/communes/42218-saint-etienne'), page.keyboard.press('Enter')]);
    expect((await page.locator('h1').textContent()).trim() === 'Saint-Étienne', 'h1 is not Saint-Étienne');
  });

  await check('Échap ferme les suggestions', async () => {
    await page.goto(`${base}/`);
    await page.locator('#q').focus();
    await page.keyboard.type('paris', { delay: 30 });
    await page.locator('#q-suggestions [role="option"]').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('#q').getAttribute('aria-expanded') === 'false', 'Escape did not close the listbox');
  });

  await check('comparer deux communes choisies au clavier (JavaScript)', async () => {
    await page.goto(`${base}/comparer`);
    for (const [field, text] of [['#c1', 'saint-etienne'], ['#c2', 'paris']]) {
      await page.locator(field).focus();
      await page.keyboard.type(text, { delay: 30 });
      await page.locator(`${field}-suggestions [role="option"]`).first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    await Promise.all([page.waitForURL('**/comparer?**'), page.locator('#formulaire-comparaison button[type=submit]').click()]);
    const headers = await page.locator('#tableau-comparaison thead th').allTextContents();
    expect(headers.length === 2 && headers[0].includes('Saint-Étienne') && headers[1].includes('Paris'),
      `compared columns: ${JSON.stringify(headers)}`);
    expect(page.url().includes('c=communes%2F42218'), `the choice was not sent as a token: ${page.url()}`);
  });

  await check('paramètres d’affichage : le thème sombre s’applique', async () => {
    await page.goto(`${base}/`);
    await page.locator('.fr-header__tools-links button[aria-controls="fr-theme-modal"]').click();
    await page.locator('label[for="fr-radios-theme-dark"]').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-fr-theme') === 'dark');
    await page.locator('#fr-theme-modal .fr-btn--close').click();
    await page.evaluate(() => localStorage.clear());
  });

  await check('publications : filtre par thème, étiquette, retrait (JavaScript)', async () => {
    await filterPublicationsByTheme(page, 'JavaScript');
  });

  await check('fiche de Saint-Étienne : publications sur la commune et sur ses territoires parents', async () => {
    await page.goto(`${base}/communes/42218-saint-etienne`);
    const headings = await page.locator('h2[id^="bloc-publications-"]').allTextContents();
    expect(headings[0] && headings[0].includes('Publications sur Saint-Étienne'), `headings: ${JSON.stringify(headings)}`);
    expect(headings.some((h) => h.includes('Loire')), `no section about the Loire: ${JSON.stringify(headings)}`);
  });

  await check('aucune erreur JavaScript', async () => {
    expect(consoleErrors.length === 0, consoleErrors.join('\n'));
  });

  // Finds the EPCI page from Saint-Étienne's fiche (the demo data's EPCI).
  await page.goto(`${base}/communes/42218-saint-etienne`);
  const epciHref = await page.locator('#bloc-territoire ~ dl a[href^="/epci/"], section[aria-labelledby="bloc-territoire"] a[href^="/epci/"]').first().getAttribute('href').catch(() => null);
  PAGES.find((p) => p[0] === 'fiche-epci')[1] = epciHref;
  await page.goto(`${base}/publications`);
  PAGES.find((p) => p[0] === 'publication')[1] = await page.locator('.oc-publications a').first().getAttribute('href').catch(() => null);

  // ---- Every page type: axe-core WCAG 2.1 A/AA, light and dark, with screenshots.
  for (const scheme of SCHEMES) {
    const context = await browser.newContext({ locale: 'fr-FR', colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    for (const [name, path] of PAGES) {
      await checkAccessible(p, name, scheme, async () => {
        expect(path, `no page path for ${name}`);
        await p.goto(`${base}${path}`);
      });
    }
    await context.close();
  }

  // ---- The same flows without JavaScript: plain forms.
  const nojs = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const plain = await nojs.newPage();
  await check('recherche sans JavaScript : formulaire → résultats → fiche', async () => {
    await plain.goto(`${base}/`);
    await plain.locator('#q').fill('st etienne');
    await Promise.all([plain.waitForURL('**/recherche?q=st+etienne'), plain.locator('#q').press('Enter')]);
    await screenshot(plain, 'recherche-sans-js');
    await Promise.all([plain.waitForURL('**/communes/42218-saint-etienne'),
      plain.locator('.oc-results a', { hasText: 'Saint-Étienne' }).first().click()]);
    expect((await plain.locator('h1').textContent()).trim() === 'Saint-Étienne', 'h1 is not Saint-Étienne');
  });
  await check('comparer sans JavaScript : noms saisis', async () => {
    await plain.goto(`${base}/comparer`);
    await plain.locator('#c1').fill('Saint-Étienne');
    await plain.locator('#c2').fill('Paris');
    await Promise.all([plain.waitForURL('**/comparer?**'), plain.locator('#formulaire-comparaison button[type=submit]').click()]);
    const headers = await plain.locator('#tableau-comparaison thead th').allTextContents();
    expect(headers.length === 2 && headers[0].includes('Saint-Étienne') && headers[1].includes('Paris'),
      `compared columns: ${JSON.stringify(headers)}`);
    await screenshot(plain, 'comparer-sans-js');
  });
  await check('publications sans JavaScript : filtre par thème, étiquette, retrait', async () => {
    await filterPublicationsByTheme(plain, 'sans JavaScript');
    await screenshot(plain, 'publications-sans-js');
  });
  await nojs.close();
  await js.close();
}, { args: ['--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run'] });
