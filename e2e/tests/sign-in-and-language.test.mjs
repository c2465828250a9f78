// Issue 2 ("Foundation"): a person signs in, sees the dashboard, switches the
// language, and the choice survives a reload, signing out and signing in.
// The whole flow runs at desktop and at phone size, each against its own
// fresh server.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ANNA, DEMO_PASSWORD, SIGN_IN, signIn, tabTo, waitForFocus } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const NO_OUTAGES_NL = 'Er zijn op dit moment geen bekende storingen';
const NO_OUTAGES_EN = 'There are currently no known outages';

for (const viewport of VIEWPORTS) {
  describe(`sign in, switch language, sign out (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let server;
    let browser;
    let page;

    before(async () => {
      server = await startServer(`sign-in-${viewport.name}`);
      browser = await openBrowser(viewport);
      page = browser.page;
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('sends a visitor without a session to the Dutch sign-in page', async () => {
      await page.goto(`${server.url}/`);
      await page.waitForURL(/\/inloggen$/);
      await page.getByRole('heading', { level: 1, name: SIGN_IN.nl.heading }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      assert.equal(await page.title(), 'Inloggen – Poort');
      await page.getByText(NO_OUTAGES_NL).waitFor();
      await browser.screenshot('sign-in-nl');

      // The first Tab reaches "skip to content", which moves focus to the page.
      await page.keyboard.press('Tab');
      await waitForFocus(page, 'skip-link');
      assert.equal(await page.getByTestId('skip-link').innerText(), 'Naar de inhoud');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
    });

    it('checks the e-mail address while typing, with the server rule', async () => {
      const email = page.getByLabel(SIGN_IN.nl.email, { exact: true });
      await email.fill('anna.jansen@delinde');
      const error = page.getByTestId('email-error');
      await error.waitFor();
      assert.match(await error.innerText(), /geldig e-mailadres/);
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      assert.equal(await email.getAttribute('aria-describedby'), 'email-error');

      await email.fill(ANNA.email);
      await error.waitFor({ state: 'detached' });
      assert.equal(await email.getAttribute('aria-invalid'), 'false');
    });

    it('says, in Dutch, that the password is wrong', async () => {
      await signIn(page, { email: ANNA.email, password: 'niet-het-wachtwoord' });
      const alert = page.getByRole('alert');
      await alert.getByText('E-mailadres of wachtwoord onjuist.').waitFor();
      await browser.screenshot('sign-in-error-nl');
    });

    it('signs in and greets the person with their organisation, role and the platform status', async () => {
      await signIn(page, { email: ANNA.email, password: DEMO_PASSWORD });
      await page.waitForURL(`${server.url}/`);
      const greeting = page.getByTestId('greeting');
      await greeting.waitFor();
      assert.match(await greeting.innerText(), /^Goede(morgen|middag|navond), Anna Jansen$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), await greeting.innerText());
      assert.equal(await page.getByTestId('organisation').innerText(), ANNA.organisation);
      assert.equal(await page.getByTestId('role').innerText(), 'Medewerker');
      assert.match(await page.getByTestId('status-banner').innerText(), new RegExp(NO_OUTAGES_NL));
      assert.equal(await page.title(), 'Overzicht – Poort');
      await browser.screenshot('dashboard-nl');
    });

    if (viewport.isMobile) {
      it('hides the menu on a phone until the menu button opens it, by keyboard too', async () => {
        const sidebar = page.getByTestId('sidebar');
        assert.equal(await sidebar.isVisible(), false, 'menu hidden at first');
        assert.equal(await sidebar.locator('a[href="/documenten"]').isVisible(), false);

        await page.locator('body').focus();
        await tabTo(page, 'menu-button');
        assert.equal(await page.getByTestId('menu-button').getAttribute('aria-expanded'), 'false');
        await page.keyboard.press('Enter');
        await sidebar.waitFor({ state: 'visible' });
        assert.equal(await page.getByTestId('menu-button').getAttribute('aria-expanded'), 'true');
        await waitForFocus(page, 'menu-close', 'focus moves into the menu');
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Documenten' }).waitFor();
        await browser.screenshot('menu-open-nl', { fullPage: false });

        await page.keyboard.press('Escape');
        await sidebar.waitFor({ state: 'hidden' });
        await waitForFocus(page, 'menu-button', 'focus returns to the menu button');

        // A menu link leads to its page and closes the drawer.
        await page.getByTestId('menu-button').click();
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Documenten' }).click();
        await page.waitForURL(/\/documenten$/);
        await page.getByRole('heading', { level: 1, name: 'Documenten' }).waitFor();
        await sidebar.waitFor({ state: 'hidden' });
        await page.getByTestId('menu-button').click();
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overzicht' }).click();
        await page.getByTestId('greeting').waitFor();
      });
    } else {
      it('shows the menu beside the page on a desktop, collapsible to icons', async () => {
        const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
        await nav.waitFor();
        assert.equal(await page.getByTestId('menu-button').isVisible(), false);
        const overview = nav.getByRole('link', { name: 'Overzicht' });
        assert.equal(await overview.getAttribute('aria-current'), 'page');
        await nav.getByRole('link', { name: 'Documenten' }).waitFor();
        // Rapportages is for those who see the organisation's absence, not for an employee.
        assert.equal(await nav.getByRole('link', { name: /^Rapportages/ }).count(), 0);

        const toggle = page.getByTestId('menu-collapse');
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        await toggle.focus();
        await page.keyboard.press('Enter');
        assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
        const box = await page.getByTestId('sidebar').boundingBox();
        assert.ok(box && box.width < 100, `collapsed sidebar is narrow (was ${box?.width})`);
        // Labels stay the links' names for screen readers.
        await nav.getByRole('link', { name: 'Documenten' }).waitFor();
        await browser.screenshot('menu-collapsed-nl');
        await page.keyboard.press('Enter');
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      });
    }

    it('switches to English and saves the choice to the account', async () => {
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT',
      );
      await page.getByTestId('language-en').click();
      assert.equal((await saved).status(), 200);
      assert.equal(await page.getByTestId('language-en').getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.match(await page.getByTestId('greeting').innerText(), /^Good (morning|afternoon|evening), Anna Jansen$/);
      assert.equal(await page.getByTestId('role').innerText(), 'Employee');
      assert.match(await page.getByTestId('status-banner').innerText(), new RegExp(NO_OUTAGES_EN));
      assert.equal(await page.evaluate(() => localStorage.getItem('poort.locale')), 'en');
      await browser.screenshot('dashboard-en');
    });

    it('is still English after a reload', async () => {
      await page.reload();
      await page.getByTestId('greeting').waitFor();
      assert.match(await page.getByTestId('greeting').innerText(), /^Good (morning|afternoon|evening), Anna Jansen$/);
      assert.equal(await page.getByTestId('role').innerText(), 'Employee');
      assert.equal(await page.title(), 'Overview – Poort');
    });

    it('signs out to the sign-in page, in English', async () => {
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/inloggen$/);
      await page.getByRole('heading', { level: 1, name: SIGN_IN.en.heading }).waitFor();
      await page.getByText(NO_OUTAGES_EN).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await browser.screenshot('sign-in-en');

      // The session is really gone: the dashboard sends us back.
      await page.goto(`${server.url}/`);
      await page.waitForURL(/\/inloggen$/);
    });

    it('signs in again, still in English (the account remembers)', async () => {
      // Forget the browser's copy, so English can only come from the account.
      await page.evaluate(() => localStorage.removeItem('poort.locale'));
      await page.reload();
      await page.getByRole('heading', { level: 1, name: SIGN_IN.nl.heading }).waitFor();
      await signIn(page, { email: ANNA.email, password: DEMO_PASSWORD, lang: 'nl' });
      await page.getByTestId('greeting').waitFor();
      assert.match(await page.getByTestId('greeting').innerText(), /^Good (morning|afternoon|evening), Anna Jansen$/);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
    });

    it('raised no script errors', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
