// Browser tests of the generated form widgets, on a content type with every property type (FormWidgetsIT
// adds it in a copy of the light module): rows of a multiple sub-model added and removed, a reference found
// by its search field, rich text typed in the editor, a round-trip save; the same form without JavaScript;
// axe-core WCAG 2.1 A/AA on the new and edit forms in both themes. Usage:
//   node form-widgets.mjs <base-url> <screenshot-dir> <administrator> <password>
// Prints "ok - …" / "not ok - …" per check, then "N passed, N failed"; exits 1 on any failure.
import { check, checkAccessible, expect, run, SCHEMES, signInTo } from './harness.mjs';

const [base, shots, login, password] = process.argv.slice(2);
const NEW = `${base}/auteur/contenus/evenement/nouveau`;
const signInAs = signInTo(base, password);
const signIn = (page) => signInAs(page, login);

async function submit(page, selector) {
  await Promise.all([page.waitForLoadState(), page.waitForNavigation(), page.locator(selector).click()]);
}

let editUrl = null;
await run('form-widgets', shots, async (browser) => {
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

  for (const scheme of SCHEMES) {
    const themed = await browser.newContext({ locale: 'fr-FR', colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const t = await themed.newPage();
    await signIn(t);
    for (const [name, url] of [['auteur-widgets-nouveau', NEW], ['auteur-widgets-edition', editUrl]]) {
      await checkAccessible(t, name, scheme, async () => {
        expect(url, `no address for ${name}`);
        await t.goto(url);
        await t.locator('#champ-description-editeur .ql-editor').waitFor();
      });
    }
    await themed.close();
  }
});
