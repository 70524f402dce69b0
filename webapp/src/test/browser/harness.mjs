// What every browser test script shares: Debian's chromium driven by playwright-core, named checks that
// print "ok - …" / "not ok - …", then "<script> — N passed, N failed" and exit 1 on any failure, axe-core
// WCAG 2.1 A/AA injected into a page, full-page screenshots, and the authoring pages' sign-in form.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCHEMES = ['light', 'dark'];

let passed = 0;
let failed = 0;
let shots = null;

export async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${String(e && e.message || e).split('\n').slice(0, 12).join('\n    ')}`);
  }
}

export function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

export async function axe(page) {
  // Evaluated by the driver, not as a page script: the site's CSP (rightly) refuses inline scripts,
  // and pages without JavaScript are checked too.
  await page.evaluate(`${AXE_SOURCE}\n;true`);
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  expect(result.length === 0, `${result.length} axe violation(s):\n${result.join('\n')}`);
}

/** A full-page screenshot, <screenshot-dir>/<name>.png. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** The French name of a colour scheme, as the checks name it. */
export function theme(scheme) {
  return scheme === 'light' ? 'clair' : 'sombre';
}

/**
 * The check "axe WCAG 2.1 A/AA : <name> (thème …)": open() brings the page (and whatever it waits for), the
 * DSFR theme must be the scheme's, axe-core finds no violation, and the screenshot <name>-<scheme>.png.
 */
export async function checkAccessible(page, name, scheme, open) {
  await check(`axe WCAG 2.1 A/AA : ${name} (thème ${theme(scheme)})`, async () => {
    await open();
    await page.waitForFunction((s) => document.documentElement.getAttribute('data-fr-theme') === s, scheme);
    await axe(page);
    await screenshot(page, `${name}-${scheme}`);
  });
}

/**
 * signIn(page, login): signs in on the platform at base with the password, through the authoring login
 * form, where the dashboard sends an anonymous visitor.
 */
export function signInTo(base, password) {
  return async (page, login) => {
    await page.goto(`${base}/auteur/`);
    expect(page.url().endsWith('/auteur/connexion'), `not sent to the login form: ${page.url()}`);
    await page.locator('#identifiant').fill(login);
    await page.locator('#mot-de-passe').fill(password);
    await Promise.all([page.waitForURL('**/auteur/'), page.locator('form[action="/auteur/connexion"] button[type=submit]').click()]);
  };
}

/**
 * Runs body(browser) with chromium launched (extra command-line switches in args), screenshots going to
 * screenshotDir; closes the browser, prints the counts under name and exits with the outcome.
 */
export async function run(name, screenshotDir, body, { args = [] } = {}) {
  shots = screenshotDir;
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ['--no-sandbox', ...args] });
  try {
    await body(browser);
  } finally {
    await browser.close();
  }
  console.log(`${name} — ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
