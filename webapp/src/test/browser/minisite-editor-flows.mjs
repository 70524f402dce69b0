// Browser tests of the page editor: a program-team member (mini-site pvd) creates a page in its
// mini-site, adds a live-content component (fiches of territories) and a text block formatted in the
// rich-text editor, previews and submits it; anonymous
// visitors get nothing until a publisher publishes it; the team member has no way into the other
// mini-site (acv) and a forged form there is refused; axe-core WCAG 2.1 A/AA on the page list, page
// editor, component form, preview and the mini-site's settings page in both themes. Usage:
//   node minisite-editor-flows.mjs <base-url> <screenshot-dir> <team member> <publisher> <password>
// Prints "ok - …" / "not ok - …" per check, then "N passed, N failed"; exits 1 on any failure.
import { check, checkAccessible, expect, run, SCHEMES, screenshot, signInTo } from './harness.mjs';

const [base, shots, team, publisher, password] = process.argv.slice(2);
const TITLE = 'Agenda du programme';
const BLOCK = 'Nos communes lauréates';
const PAGES = '/auteur/pages/sites/pvd';
const EDITOR = `${PAGES}/agenda`;
const signIn = signInTo(base, password);

async function publicPage(request) {
  const page = await request.get(`${base}/sites/pvd/agenda`);
  const delivery = await request.get(`${base}/.rest/delivery/pages/sites/pvd/agenda`);
  return { status: page.status(), html: await page.text(), deliveryStatus: delivery.status(), delivery: await delivery.text() };
}

await run('minisite-editor-flows', shots, async (browser) => {
  const anonymous = await browser.newContext({ locale: 'fr-FR' });
  const teamContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const w = await teamContext.newPage();
  let componentUrl = null;

  await check('équipe : le tableau de bord ne montre que son mini-site', async () => {
    await signIn(w, team);
    const links = await w.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.includes(PAGES), `no link to the team's mini-site pages: ${links.join(' ')}`);
    // Every author's own account (API tokens) is linked from the header: not a place to edit. The list of
    // mini-sites holds the team's own only.
    const outside = links.filter((href) => href && href.startsWith('/auteur/') && !href.startsWith(PAGES) && href !== '/auteur/'
      && href !== '/auteur/compte/jetons' && href !== '/auteur/contenus/minisite');
    expect(outside.length === 0, `links to edit outside the mini-site: ${outside.join(' ')}`);
    const sites = await (await w.request.get(`${base}/auteur/contenus/minisite`)).text();
    expect(sites.includes('sites/pvd') && !sites.includes('sites/acv'), 'the list of mini-sites is not the team\'s own');
    for (const path of ['/auteur/pages/sites/acv', '/auteur/pages/sites/acv/home', '/auteur/pages/editoriales']) {
      const response = await w.request.get(`${base}${path}`);
      expect(response.status() === 404, `${path} answers ${response.status()} to the team member`);
    }
  });

  await check('équipe : création d\'une page du mini-site et ajout d\'un bloc de fiches', async () => {
    await w.goto(`${base}${PAGES}`);
    await w.locator('#nom').fill('agenda');
    await w.locator('#champ-title').fill(TITLE);
    await Promise.all([w.waitForURL(`**${EDITOR}?fait=create`), w.locator('form[method=post] button[type=submit]', { hasText: 'Créer la page' }).click()]);
    await w.locator('#type-main').selectOption('minisite-fiches');
    await Promise.all([w.waitForURL('**/composants/nouveau?**'), w.locator('button', { hasText: 'Ajouter un bloc' }).click()]);
    componentUrl = w.url();
    await w.locator('#champ-title').fill(BLOCK);
    await w.locator('#champ-territories').fill('commune:42218');
    // the second territory is found as one types its name (the search API fills the list), then added
    await w.locator('#champ-territories-recherche').pressSequentially('saint-cham', { delay: 30 });
    await w.locator('#champ-territories-resultats option[value="commune:42207"]').waitFor({ state: 'attached' });
    expect((await w.locator('#champ-territories-statut').textContent()).includes('trouvé'), 'the results are not announced');
    await Promise.all([w.waitForResponse((r) => r.request().method() === 'POST'),
      w.locator('button[value="joindre:territories"]').click()]);
    await w.waitForLoadState();
    expect(await w.locator('#champ-territories').inputValue() === 'commune:42218\ncommune:42207', 'the territory was not added');
    expect((await w.locator('.oc-territory-names').textContent()).includes('Saint-Chamond'), 'the added territory is not named');
    await Promise.all([w.waitForURL(`**${EDITOR}?fait=componentAdded`), w.locator('button', { hasText: 'Ajouter le bloc' }).click()]);
    expect((await w.locator('.fr-alert--success').textContent()).includes('Bloc ajouté'), 'no confirmation of the new block');
    expect((await w.locator('main').textContent()).includes(BLOCK), 'the block is not listed on the page');
  });

  await check('équipe : bloc de texte mis en forme dans l\'éditeur de texte riche', async () => {
    await w.locator('#type-main').selectOption('minisite-text');
    await Promise.all([w.waitForURL('**/composants/nouveau?**'), w.locator('button', { hasText: 'Ajouter un bloc' }).click()]);
    await w.locator('#champ-title').fill('Présentation');
    const editor = w.locator('#champ-text-editeur .ql-editor');
    await editor.waitFor();
    expect(await w.locator('#champ-text').isHidden(), 'the textarea is still shown beside the editor');
    expect(await editor.getAttribute('role') === 'textbox', 'the editor is not a textbox');
    await editor.click();
    await w.keyboard.type('Le programme');
    await w.locator('#champ-text-outils button.ql-header[value="2"]').click();
    await w.keyboard.press('End');
    await w.keyboard.press('Enter');
    await w.keyboard.type('Visites ');
    await w.keyboard.press('Control+B');
    await w.keyboard.type('gratuites');
    await w.keyboard.press('Control+B');
    await w.keyboard.press('Enter');
    await w.locator('#champ-text-outils button.ql-list[value="bullet"]').click();
    await w.keyboard.type('Mairie');
    await Promise.all([w.waitForURL(`**${EDITOR}?fait=componentAdded`), w.locator('button', { hasText: 'Ajouter le bloc' }).click()]);
    expect((await w.locator('.fr-alert--success').textContent()).includes('Bloc ajouté'), 'no confirmation of the text block');
    await w.goto(`${base}${EDITOR}/composants/main/text`);
    const saved = await w.locator('#champ-text-editeur .ql-editor').innerHTML();
    expect(saved.includes('<h2>Le programme</h2>') && saved.includes('<strong>gratuites</strong>') && saved.includes('Mairie</li>'),
      `the text block was not saved with its formatting: ${saved}`);
    await w.goto(`${base}${EDITOR}`);
  });

  await check('équipe : aperçu du brouillon avec les fiches en direct', async () => {
    await Promise.all([w.waitForURL('**/auteur/apercu/sites/pvd/agenda'), w.locator('a', { hasText: 'Aperçu du brouillon' }).click()]);
    const html = await w.content();
    expect(html.includes('Aperçu — brouillon'), 'no draft banner on the preview');
    expect(html.includes(BLOCK) && html.includes(TITLE), 'the preview does not show the page');
    expect(html.includes('<strong>gratuites</strong>'), 'the preview does not show the formatted text block');
    expect((await w.locator('a[href="/communes/42218"]').textContent()).includes('Saint-Étienne (42218)'),
      'the fiches block does not name Saint-Étienne from the référentiel');
    await screenshot(w, 'auteur-apercu-brouillon');
    await Promise.all([w.waitForURL(`**${EDITOR}`), w.locator('a', { hasText: 'Revenir à l\'édition' }).click()]);
  });

  await check('équipe : soumission de la page', async () => {
    expect(await w.locator('button[value=submit]').count() === 1, 'no submit button');
    await Promise.all([w.waitForURL(`**${EDITOR}?fait=submit`), w.locator('button[value=submit]').click()]);
    expect((await w.locator('.fr-alert--success').textContent()).includes('soumise'), 'no confirmation of the submission');
  });

  await check('avant publication : rien pour le visiteur (page 404, API de diffusion)', async () => {
    const seen = await publicPage(anonymous.request);
    expect(seen.status === 404, `/sites/pvd/agenda answers ${seen.status}`);
    expect(seen.deliveryStatus === 404 && !seen.delivery.includes(TITLE), `the delivery API answers ${seen.deliveryStatus}: ${seen.delivery.slice(0, 200)}`);
  });

  await check('équipe : un formulaire forgé vers un autre mini-site est refusé (403)', async () => {
    const csrf = await w.locator('input[name=csrf]').first().getAttribute('value');
    const forged = await w.request.post(`${base}/auteur/pages/sites/acv/home/composants/nouveau`, {
      form: { csrf, type: 'minisite-text', zone: 'main', 'champ.text': '<p>Intrusion</p>' }, maxRedirects: 0 });
    expect(forged.status() === 403, `the forged form answers ${forged.status()}`);
    const created = await w.request.post(`${base}/auteur/pages/sites/acv`, {
      form: { csrf, gabarit: 'minisite-page', nom: 'intrusion', 'champ.title': 'Intrusion' }, maxRedirects: 0 });
    expect(created.status() === 403, `the forged page creation answers ${created.status()}`);
  });

  const publisherContext = await browser.newContext({ locale: 'fr-FR' });
  const p = await publisherContext.newPage();
  await check('publieur : publication de la page depuis le tableau de bord', async () => {
    await signIn(p, publisher);
    await Promise.all([p.waitForURL(`**${EDITOR}`), p.locator('a', { hasText: TITLE }).first().click()]);
    await Promise.all([p.waitForURL('**?fait=publish'), p.locator('button[value=publish]').click()]);
    expect((await p.locator('.fr-alert--success').textContent()).includes('publiée'), 'no confirmation of the publication');
  });

  await check('après publication : le visiteur voit la page et ses fiches', async () => {
    const seen = await publicPage(anonymous.request);
    expect(seen.status === 200 && seen.html.includes(TITLE) && seen.html.includes(BLOCK), `/sites/pvd/agenda answers ${seen.status}`);
    expect(seen.deliveryStatus === 200 && seen.delivery.includes(TITLE) && seen.delivery.includes('commune:42218'),
      `the delivery API answers ${seen.deliveryStatus}`);
    const v = await anonymous.newPage();
    await v.goto(`${base}/sites/pvd/agenda`);
    expect(!(await v.content()).includes('Aperçu — brouillon'), 'the public page carries the preview banner');
    expect((await v.locator('a[href="/communes/42218"]').textContent()).includes('Saint-Étienne (42218)'),
      'the published fiches block does not name Saint-Étienne');
    await Promise.all([v.waitForURL('**/communes/42218**'), v.locator('a[href="/communes/42218"]').click()]);
    expect((await v.locator('h1').textContent()).includes('Saint-Étienne'), 'the fiche link does not lead to Saint-Étienne');
    await v.goto(`${base}/sites/pvd/agenda`);
    await screenshot(v, 'minisite-page-publiee');
  });

  for (const scheme of SCHEMES) {
    const context = await browser.newContext({ locale: 'fr-FR', colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pages = [['auteur-pages', PAGES], ['auteur-page', EDITOR], ['auteur-bloc', () => componentUrl],
      ['auteur-bloc-edition', `${EDITOR}/composants/main/fiches`], ['auteur-bloc-texte', `${EDITOR}/composants/main/text`],
      ['auteur-apercu', '/auteur/apercu/sites/pvd/agenda'], ['auteur-reglages', '/auteur/sites/pvd/reglages']];
    for (const [name, path] of pages) {
      await checkAccessible(page, name, scheme, async () => {
        if (name === 'auteur-pages') {
          await signIn(page, team);
        }
        const target = typeof path === 'function' ? path() : `${base}${path}`;
        expect(target, `no address for ${name}`);
        await page.goto(target);
      });
    }
    await context.close();
  }
});
