// Browser tests of the authoring pages: an editor writes and submits a callout on Saint-Étienne, a
// publisher publishes it, an anonymous visitor sees it only afterwards; the editor previews the tags of a
// real headline, the publisher harvests a source now (the source "flux-saint-etienne", created through the
// API by AuthoringUiIT); axe-core WCAG 2.1 A/AA on the login, dashboard, form, tag preview and sources pages
// in both themes (the last two at 1280 and 375 px). Usage:
//   node authoring-flows.mjs <base-url> <screenshot-dir> <editor> <publisher> <password>
// Prints "ok - …" / "not ok - …" per check, then "N passed, N failed"; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { check, checkAccessible, expect, run, SCHEMES, screenshot, signInTo } from './harness.mjs';

const [base, shots, editor, publisher, password] = process.argv.slice(2);
const TITLE = 'Marché de Noël place Jean-Jaurès';
const signIn = signInTo(base, password);
// A real headline (Insee, frozen tagging benchmark item 74), abridged: the demo référentiel has the Loire,
// Saint-Étienne Métropole and Auvergne-Rhône-Alpes, not Lyon.
const HEADLINE = 'Déplacements dans la Loire : les distances parcourues augmentent davantage que dans le reste de Rhône-Alpes';
const LEAD = 'Les habitants de la Loire travaillent de plus en plus souvent hors de leur commune de résidence. Les distances '
  + 'domicile-travail augmentent plus rapidement, passant de 10 km en 1999 à 11,7 km en 2008. Les transports en commun '
  + 'concernent essentiellement les trajets entre villes et ceux à l\'intérieur de Saint-Étienne Métropole.';

/** The tag preview of HEADLINE and LEAD, as an editor pastes them. */
async function previewTags(page) {
  await page.goto(`${base}/auteur/etiquetage`);
  await page.locator('#titre').fill(HEADLINE);
  await page.locator('#resume').fill(LEAD);
  await Promise.all([page.waitForURL('**/auteur/etiquetage'), page.locator('form[action="/auteur/etiquetage"] button[type=submit]').click()]);
  await page.locator('#etiquettes').waitFor();
}

async function calloutsJson(request) {
  const response = await request.get(`${base}/.rest/open-collectivites/v1/editorial/callouts?collectivite=commune%3A42218`);
  return response.text();
}

await run('authoring-flows', shots, async (browser) => {
  const anonymous = await browser.newContext({ locale: 'fr-FR' });
  const writer = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const w = await writer.newPage();
  let editUrl = null;

  await check('rédacteur : connexion, création et soumission d\'un message sur Saint-Étienne', async () => {
    await signIn(w, editor);
    await w.goto(`${base}/auteur/contenus/callout/nouveau`);
    await w.locator('#champ-title').fill('');
    await Promise.all([w.waitForLoadState(), w.locator('button[value=save]').click()]);
    expect(await w.locator('.fr-error-text').count() > 0, 'no error shown next to the empty required fields');
    // the collectivité is found by its name as one types, then chosen: no key to type
    await w.locator('#champ-collectivite-recherche').pressSequentially('st etienne', { delay: 30 });
    await w.locator('#champ-collectivite-resultats option[value="commune:42218"]').waitFor({ state: 'attached' });
    await w.locator('#champ-collectivite-resultats').selectOption('commune:42218');
    await Promise.all([w.waitForResponse((r) => r.request().method() === 'POST'),
      w.locator('button[value="choisir:collectivite"]').click()]);
    await w.waitForLoadState();
    expect(await w.locator('#champ-collectivite').inputValue() === 'commune:42218', 'the chosen collectivité is not in its field');
    await w.locator('#nom').fill('marche-de-noel');
    await w.locator('#champ-title').fill(TITLE);
    // the message is a rich-text field: the textarea is replaced by the editor
    await w.locator('#champ-message-editeur .ql-editor').fill('Du 1er au 24 décembre.');
    await Promise.all([w.waitForURL('**/auteur/contenus/callout/callouts/marche-de-noel?fait=submit'),
      w.locator('button[value=submit]').click()]);
    expect((await w.locator('.fr-alert--success').textContent()).includes('soumis'), 'no confirmation of the submission');
    expect(await w.locator('button[value=publish]').count() === 0, 'an editor is offered the publish button');
    editUrl = w.url().split('?')[0];
  });

  let pageUrl = null;
  await check('éditeur riche : texte mis en forme, script collé retiré, HTML assaini enregistré', async () => {
    await w.goto(`${base}/auteur/contenus/page/nouveau`);
    await w.locator('#nom').fill('journees-du-patrimoine');
    await w.locator('#champ-title').fill('Journées du patrimoine');
    const editor = w.locator('#champ-text-editeur .ql-editor');
    expect(await w.locator('#champ-text').isHidden(), 'the textarea is still shown beside the editor');
    expect(await editor.getAttribute('role') === 'textbox' && (await editor.getAttribute('aria-label')).includes('text'),
      'the editor is not a labelled textbox');
    await editor.click();
    await w.keyboard.type('Programme');
    await w.locator('#champ-text-outils button.ql-header[value="2"]').click();
    expect(await w.locator('#champ-text-outils button.ql-header[value="2"]').getAttribute('aria-pressed') === 'true',
      'the heading button does not show its state');
    await w.keyboard.press('End');
    await w.keyboard.press('Enter');
    await w.keyboard.type('Visites ');
    await w.keyboard.press('Control+B');
    await w.keyboard.type('gratuites');
    await w.keyboard.press('Control+B');
    await w.keyboard.press('Enter');
    await w.locator('#champ-text-outils button.ql-list[value="bullet"]').click();
    await w.keyboard.type('Mairie');
    await w.keyboard.press('Enter');
    await w.keyboard.type('Église');
    await w.keyboard.press('Enter');
    await w.keyboard.press('Enter');
    await editor.evaluate((root) => {
      const data = new DataTransfer();
      data.setData('text/html', '<p>Texte collé</p><script>window.pirate = 1</script><img src="x" onerror="window.pirate = 1">');
      data.setData('text/plain', 'Texte collé');
      root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await w.keyboard.press('Tab');
    expect(await editor.evaluate((root) => !root.contains(document.activeElement)), 'Tab does not leave the editor');
    await Promise.all([w.waitForURL('**/auteur/contenus/page/pages/journees-du-patrimoine?fait=save'),
      w.locator('button[value=save]').click()]);
    pageUrl = w.url().split('?')[0];
    const saved = await w.locator('#champ-text').inputValue();
    expect(saved.includes('<h2>Programme</h2>'), `no heading in ${saved}`);
    expect(saved.includes('<strong>gratuites</strong>'), `no bold text in ${saved}`);
    expect(saved.includes('<ul><li>Mairie</li><li>Église</li></ul>'), `no bulleted list in ${saved}`);
    expect(saved.includes('Texte collé'), `the pasted text is missing from ${saved}`);
    expect(!saved.includes('<script') && !saved.includes('pirate') && !saved.includes('onerror') && !saved.includes('&nbsp;'),
      `unsafe or mangled HTML kept: ${saved}`);
    expect(await w.evaluate(() => window.pirate === undefined), 'the pasted script ran');
    expect((await editor.innerHTML()).includes('<strong>gratuites</strong>'), 'the editor does not show the saved text again');
  });

  await check('médiathèque : téléversement d\'une image par le formulaire, choix, enregistrement', async () => {
    expect(pageUrl, 'no page to edit');
    await w.goto(pageUrl);
    await w.locator('#champ-image-fichier').setInputFiles({ name: 'affiche-patrimoine.png', mimeType: 'image/png',
      buffer: readFileSync('../light-modules/open-collectivites/webresources/dsfr/favicon/android-chrome-512x512.png') });
    await Promise.all([w.waitForLoadState(), w.locator('button[value="televerser:image"]').click()]);
    await w.waitForSelector('.fr-alert--success');
    expect((await w.locator('.fr-alert--success').textContent()).includes('affiche-patrimoine.png'), 'no upload confirmation');
    const picked = w.locator('#champ-image input[type=radio]:checked');
    const url = await picked.getAttribute('value');
    expect(/^\/\.rest\/assets\/[0-9a-f]{32}\/[0-9a-f]{64}\/affiche-patrimoine\.png$/.test(url), `the new asset is not picked: ${url}`);
    const thumbnail = w.locator(`#champ-image img[src="${url}?w=320"]`);
    await thumbnail.scrollIntoViewIfNeeded();
    await thumbnail.evaluate((img) => img.decode());
    expect(await thumbnail.evaluate((img) => img.naturalWidth === 320), 'the thumbnail is not the 320 px image');
    expect((await w.locator('#champ-text-editeur .ql-editor').innerHTML()).includes('<h2>Programme</h2>'),
      'the text typed before the upload is lost');
    const pickedId = await picked.getAttribute('id');
    await w.locator('#champ-image label', { hasText: 'Aucun fichier' }).click();
    await w.locator(`#champ-image label[for="${pickedId}"]`).click();
    await Promise.all([w.waitForURL('**?fait=save'), w.locator('button[value=save]').click()]);
    expect(await w.locator('#champ-image input[type=radio]:checked').getAttribute('value') === url, 'the picked asset was not saved');
  });

  await check('avant publication : le message n\'est pas public', async () => {
    expect(!(await calloutsJson(anonymous.request)).includes(TITLE), 'the submitted callout is in the public JSON');
  });

  const reviewer = await browser.newContext({ locale: 'fr-FR' });
  const r = await reviewer.newPage();
  await check('publieur : connexion, liste des contenus soumis, publication', async () => {
    await signIn(r, publisher);
    await r.goto(`${base}/auteur/?statut=submitted`);
    await Promise.all([r.waitForURL(editUrl), r.locator('a', { hasText: TITLE }).click()]);
    await Promise.all([r.waitForURL('**?fait=publish'), r.locator('button[value=publish]').click()]);
    expect((await r.locator('.fr-alert--success').textContent()).includes('publié'), 'no confirmation of the publication');
  });

  await check('après publication : le visiteur voit le message sur la fiche de Saint-Étienne', async () => {
    expect((await calloutsJson(anonymous.request)).includes(TITLE), 'the published callout is not in the public JSON');
    const p = await anonymous.newPage();
    await p.goto(`${base}/communes/42218-saint-etienne`);
    expect((await p.content()).includes(TITLE), 'the fiche does not show the published callout');
    await screenshot(p, 'auteur-fiche-avec-message');
  });

  await check('rédacteur : aperçu de l\'étiquetage d\'un titre réel, chaque étiquette et pourquoi', async () => {
    await previewTags(w);
    const tables = w.locator('section[aria-labelledby=etiquettes] table');
    const territories = await tables.nth(0).innerText();
    for (const key of ['departement:42', 'region:84', 'ancienne-region:82', 'epci:244200770']) {
      expect(territories.includes(key), `${key} is not among the territories:\n${territories}`);
    }
    expect(territories.includes('Rhône-Alpes') && territories.includes('ancienne région'),
      `the former région is not explained:\n${territories}`);
    const themes = await tables.nth(1).innerText();
    expect(themes.includes('developpement-durable') && themes.includes('transports en commun'),
      `no theme with its keywords:\n${themes}`);
    expect(await w.locator('#titre').inputValue() === HEADLINE, 'the pasted title is not kept in the form');
  });

  await check('publieur : « Moissonner maintenant » sur la source créée par l\'API, résultat affiché', async () => {
    await r.goto(`${base}/auteur/sources`);
    const row = r.locator('#source-flux-saint-etienne');
    // textContent: the DSFR badge is upper-cased by CSS, which innerText applies
    expect((await row.textContent()).includes('Jamais moissonnée'), 'the source is not listed as never harvested');
    await Promise.all([r.waitForURL('**/auteur/sources?moissonnee=flux-saint-etienne**'),
      row.locator('button[type=submit]').click()]);
    const message = await r.locator('.fr-alert--success').textContent();
    expect(/Source « Publications sur Saint-Étienne » moissonnée : [1-9]\d* nouvelle\(s\) publication\(s\)/.test(message),
      `no count of new publications: ${message}`);
    expect(await row.locator('.fr-badge--success').count() === 1, 'the last run is not shown as a success');
    await screenshot(r, 'auteur-sources-moissonnee');
  });

  await check('rédacteur : la liste des sources, sans le bouton de moissonnage', async () => {
    await w.goto(`${base}/auteur/sources`);
    const row = w.locator('#source-flux-saint-etienne');
    expect(await row.count() === 1, 'the source is not listed');
    expect(await row.locator('button').count() === 0, 'an editor is offered to harvest the source');
    expect((await row.textContent()).includes('Réservé aux publieurs'), 'no reason given for the missing button');
  });

  for (const scheme of SCHEMES) {
    const context = await browser.newContext({ locale: 'fr-FR', colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const pages = [['auteur-connexion', '/auteur/connexion'], ['auteur-tableau-de-bord', '/auteur/'],
      ['auteur-formulaire-nouveau', '/auteur/contenus/callout/nouveau'], ['auteur-formulaire-edition', null],
      ['auteur-page-editeur-mediatheque', 'page'], ['auteur-liste-messages', '/auteur/contenus/callout'],
      ['auteur-territoires-trouves', '/auteur/contenus/callout/nouveau?recherche.collectivite=saint'],
      ['auteur-apercu-fiche', 'apercu'], ['auteur-etiquetage', 'etiquetage'], ['auteur-sources', '/auteur/sources']];
    for (const [name, path] of pages) {
      await checkAccessible(p, name, scheme, async () => {
        if (name === 'auteur-tableau-de-bord') {
          await signIn(p, editor);
        }
        if (path === 'etiquetage') {
          await previewTags(p);
          return;
        }
        const target = path === 'page' ? pageUrl : path === 'apercu' ? editUrl.replace('/auteur/contenus/', '/auteur/apercu/contenus/')
          : path ? `${base}${path}` : editUrl;
        expect(target, `no address for ${name}`);
        await p.goto(target);
        if (path === 'page') {
          await p.locator('#champ-text-editeur .ql-editor').waitFor();
        }
      });
    }
    await context.close();
    const small = await browser.newContext({ locale: 'fr-FR', colorScheme: scheme, viewport: { width: 375, height: 800 } });
    const s = await small.newPage();
    await signIn(s, editor);
    await checkAccessible(s, 'auteur-etiquetage-375', scheme, () => previewTags(s));
    await checkAccessible(s, 'auteur-sources-375', scheme, () => s.goto(`${base}/auteur/sources`));
    await small.close();
  }
});
