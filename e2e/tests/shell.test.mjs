// The signed-in frame around every page: the outage banner, the organisation
// switcher, deep links through the sign-in page, "coming soon" and "not
// found" pages, and what happens when the session runs out.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { request } from 'playwright-core';

import { ANNA, DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const OUTAGE = 'Inloggen via de app is vertraagd. Wij werken aan een oplossing.';

/** Sets the platform status as the helpdesk, from outside the browser. */
async function setPlatformStatus(url, message) {
  // The server refuses cross-site writes: say we come from the app's origin.
  const api = await request.newContext({ baseURL: url, extraHTTPHeaders: { Origin: url } });
  try {
    const login = await api.post('/api/v1/auth/login', {
      data: { email: 'helpdesk@poort.example', password: DEMO_PASSWORD },
    });
    assert.equal(login.status(), 200, await login.text());
    const set = await api.put('/api/v1/status', { data: { message } });
    assert.equal(set.status(), 200, await set.text());
  } finally {
    await api.dispose();
  }
}

for (const viewport of VIEWPORTS) {
  describe(`signed-in frame (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let server;
    let browser;
    let page;

    before(async () => {
      server = await startServer(`shell-${viewport.name}`);
      browser = await openBrowser(viewport);
      page = browser.page;
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('brings a deep link back after signing in', async () => {
      await page.goto(`${server.url}/documenten`);
      await page.waitForURL(/\/inloggen\?terug=\/documenten$/);
      await signIn(page, { email: ANNA.email, password: DEMO_PASSWORD });
      await page.waitForURL(/\/documenten$/);
      await page.getByRole('heading', { level: 1, name: 'Documenten' }).waitFor();
      assert.equal(await page.title(), 'Documenten – Poort');
      await browser.screenshot('deep-link-nl');
    });

    it('says so when a page does not exist', async () => {
      await page.goto(`${server.url}/bestaat-niet`);
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      await page.getByRole('link', { name: 'Terug naar het overzicht' }).click();
      await page.getByTestId('greeting').waitFor();
    });

    it('shows the outage message the helpdesk set', async () => {
      await setPlatformStatus(server.url, OUTAGE);
      await page.reload();
      const banner = page.getByRole('status').filter({ hasText: OUTAGE });
      await banner.waitFor();
      assert.match(await banner.innerText(), /Storing/);
      assert.doesNotMatch(await banner.innerText(), /geen bekende storingen/);
      await browser.screenshot('dashboard-outage-nl');
      await setPlatformStatus(server.url, null);
    });

    it('refreshes an expired access token without bothering the person', async () => {
      const cookies = await page.context().cookies();
      assert.ok(cookies.some((c) => c.name === 'poort_refresh'), 'refresh cookie set');
      await page.context().clearCookies({ name: 'poort_access' });
      const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
      await page.getByTestId('language-en').click();
      assert.equal((await refreshed).status(), 204);
      await page.getByRole('heading', { level: 1, name: /Anna Jansen$/ }).waitFor();
      assert.equal(await page.getByTestId('role').innerText(), 'Employee');
      assert.match(page.url(), /\/$/);
      await page.getByTestId('language-nl').click();
      await page.getByText('Medewerker', { exact: true }).waitFor();
    });

    it('sends the person to sign in again, with an explanation, when the session has ended', async () => {
      await page.context().clearCookies();
      await page.getByTestId('language-en').click();
      await page.waitForURL(/\/inloggen/);
      await page.getByTestId('session-expired').waitFor();
      assert.match(await page.getByTestId('session-expired').innerText(), /session has expired/);
      await page.getByTestId('language-nl').click();
    });

    it('lets someone with two organisations switch between them', async () => {
      await page.goto(`${server.url}/inloggen`);
      await signIn(page, { email: 'lotte.mulder@arbozorg.example', password: DEMO_PASSWORD });
      await page.getByTestId('greeting').waitFor();
      const before = await page.getByTestId('organisation').innerText();
      if (viewport.isMobile) await page.getByTestId('menu-button').click();
      // The top bar (desktop) and the drawer (phone) each have one; one is shown.
      const switcher = page.getByLabel('Organisatie', { exact: true }).filter({ visible: true });
      await switcher.waitFor();
      const options = await switcher.locator('option').allInnerTexts();
      assert.deepEqual([...options].sort(), ['ArboZorg Zeeland', 'Bouwbedrijf Van Dijk B.V.', 'Kinderopvang De Vlinder']);
      const other = options.find((o) => o !== before);
      await browser.screenshot('organisation-switcher-nl', { fullPage: false });
      await switcher.selectOption({ label: other });
      await page.getByTestId('organisation').filter({ hasText: other }).waitFor();
    });

    it('raised no script errors', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
