// Browser tests of the administration, versions and password pages: the administrator creates a user
// through the form and that user signs in; axe-core WCAG 2.1 A/AA on every page in both themes. Usage:
//   node admin-flows.mjs <base-url> <screenshot-dir> <administrator> <editor> <password>
// Expects the callout website:/callouts/ecole published twice then edited (AdminUiIT prepares it).
// Prints "ok - …" / "not ok - …" per check, then "N passed, N failed"; exits 1 on any failure.
import { axe, check, checkAccessible, expect, run, SCHEMES, screenshot, signInTo, theme } from './harness.mjs';

const [base, shots, admin, editor, password] = process.argv.slice(2);
const NEW_USER = 'lucas';
const FAKE_TOKEN = 'A'.repeat(43);
const signIn = signInTo(base, password);

await run('admin-flows', shots, async (browser) => {
  const adminContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const a = await adminContext.newPage();

  await check('administrateur : lien Administration, création d\'un compte rédacteur par le formulaire', async () => {
    await signIn(a, admin);
    await Promise.all([a.waitForURL('**/auteur/admin/'), a.locator('a[href="/auteur/admin/"]').click()]);
    await Promise.all([a.waitForURL('**/auteur/admin/utilisateurs'), a.locator('a[href="/auteur/admin/utilisateurs"]').click()]);
    await a.locator('#identifiant').fill(NEW_USER);
    await a.locator('#nom').fill('Lucas Martin');
    await a.locator('#courriel').fill('adresse-invalide');
    await a.locator('#motdepasse').fill(password);
    await a.locator('label[for=role-editor]').click();
    await Promise.all([a.waitForLoadState(), a.locator('form[action="/auteur/admin/utilisateurs"] button[type=submit]').click()]);
    expect((await a.locator('#courriel-erreur').textContent()).includes('Adresse électronique invalide'),
      'no French error next to the e-mail field');
    await a.locator('#courriel').fill('lucas@example.fr');
    await a.locator('#motdepasse').fill(password);
    await Promise.all([a.waitForURL(`**/auteur/admin/utilisateurs/${NEW_USER}?fait=cree`),
      a.locator('form[action="/auteur/admin/utilisateurs"] button[type=submit]').click()]);
    expect((await a.locator('.fr-alert--success').textContent()).includes('Compte créé'), 'no confirmation of the creation');
    expect(await a.locator('#role-editor').isChecked(), 'the editor role is not shown on the new account');
  });

  await check('le nouvel utilisateur se connecte et n\'a pas accès à l\'administration', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const u = await context.newPage();
    await signIn(u, NEW_USER);
    expect((await u.content()).includes('Messages sur une fiche'), 'the new editor does not see the callouts');
    expect(await u.locator('a[href="/auteur/admin/"]').count() === 0, 'a non-administrator is offered the administration link');
    const response = await u.goto(`${base}/auteur/admin/utilisateurs`);
    expect(response.status() === 403, `administration answered ${response.status()} to an editor`);
    await context.close();
  });

  await check('administrateur : jeton d\'API affiché une seule fois, puis révoqué', async () => {
    await a.goto(`${base}/auteur/admin/jetons`);
    await a.locator('#nom').fill('import nocturne');
    await Promise.all([a.waitForLoadState(), a.locator('form[action="/auteur/admin/jetons"] button[type=submit]').click()]);
    const secret = await a.locator('#nouveau-jeton').inputValue();
    expect(/^oct_[A-Za-z0-9_-]{43}$/.test(secret), `no token shown: ${secret}`);
    const api = await a.request.get(`${base}/.rest/authoring/v1/session`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(api.status() === 200, `the new token is refused: ${api.status()}`);
    await a.goto(`${base}/auteur/admin/jetons`);
    expect(!(await a.content()).includes(secret), 'the secret is shown again');
    await Promise.all([a.waitForURL('**/auteur/admin/jetons?fait=revoque'), a.locator('button', { hasText: 'Révoquer' }).first().click()]);
    const after = await a.request.get(`${base}/.rest/authoring/v1/session`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(after.status() === 401, `the revoked token still works: ${after.status()}`);
  });

  await check('administrateur : création d\'un mini-site', async () => {
    await a.goto(`${base}/auteur/admin/mini-sites`);
    await a.locator('#nom').fill('Petites villes de demain');
    await a.locator('#slug').fill('petites-villes');
    await Promise.all([a.waitForURL('**/auteur/admin/mini-sites?cree=petites-villes'),
      a.locator('form[action="/auteur/admin/mini-sites"] button[type=submit]').click()]);
    expect((await a.content()).includes('oc-team-petites-villes'), 'the team group is not listed');
  });
  await adminContext.close();

  const adminPages = [
    ['admin-accueil', '/auteur/admin/'],
    ['admin-utilisateurs', '/auteur/admin/utilisateurs'],
    ['admin-utilisateur', `/auteur/admin/utilisateurs/${NEW_USER}`],
    ['admin-jetons', '/auteur/admin/jetons'],
    ['compte-jetons', '/auteur/compte/jetons'],
    ['admin-journal', '/auteur/admin/journal'],
    ['admin-journal-filtre', `/auteur/admin/journal?qui=${admin}&action=user.create`],
    ['admin-mini-sites', '/auteur/admin/mini-sites'],
    ['versions', '/auteur/versions/callout/callouts/ecole'],
    ['versions-diff', '/auteur/versions/callout/callouts/ecole?de=1&a=2'],
    ['versions-diff-brouillon', '/auteur/versions/callout/callouts/ecole?de=2&a=0'],
  ];
  const anonymousPages = [
    ['mot-de-passe-oublie', '/auteur/mot-de-passe-oublie'],
    ['mot-de-passe-oublie-envoye', '/auteur/mot-de-passe-oublie?envoye'],
    ['mot-de-passe-nouveau', `/auteur/mot-de-passe?jeton=${FAKE_TOKEN}`],
    ['mot-de-passe-lien-invalide', '/auteur/mot-de-passe?jeton=invalide'],
    ['mot-de-passe-change', '/auteur/mot-de-passe?fait'],
  ];
  for (const scheme of SCHEMES) {
    const options = { locale: 'fr-FR', colorScheme: scheme, viewport: { width: 1280, height: 900 } };
    const visit = (p, name, path) => checkAccessible(p, name, scheme, () => p.goto(`${base}${path}`));
    const adminTheme = await browser.newContext(options);
    const p = await adminTheme.newPage();
    await signIn(p, admin);
    for (const [name, path] of adminPages) {
      await visit(p, name, path);
    }
    await check(`axe WCAG 2.1 A/AA : admin-utilisateurs-erreurs et admin-jeton-cree (thème ${theme(scheme)})`, async () => {
      await p.goto(`${base}/auteur/admin/utilisateurs`);
      await Promise.all([p.waitForLoadState(), p.locator('form[action="/auteur/admin/utilisateurs"] button[type=submit]').click()]);
      expect(await p.locator('.fr-error-text').count() > 0, 'no error shown for an empty form');
      await axe(p);
      await screenshot(p, `admin-utilisateurs-erreurs-${scheme}`);
      await p.goto(`${base}/auteur/admin/jetons`);
      await Promise.all([p.waitForLoadState(), p.locator('form[action="/auteur/admin/jetons"] button[type=submit]').click()]);
      await axe(p);
      await screenshot(p, `admin-jeton-cree-${scheme}`);
    });
    await adminTheme.close();

    const editorTheme = await browser.newContext(options);
    const e = await editorTheme.newPage();
    await signIn(e, editor);
    await visit(e, 'admin-refuse', '/auteur/admin/');
    await editorTheme.close();

    const anonymousTheme = await browser.newContext(options);
    const v = await anonymousTheme.newPage();
    for (const [name, path] of anonymousPages) {
      await visit(v, name, path);
    }
    await anonymousTheme.close();
  }
});
