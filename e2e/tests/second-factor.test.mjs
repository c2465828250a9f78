// Issue 4 (security), browser part: Anna sets up an authenticator app on
// "Mijn account", signs in with a code (a wrong one first) and lets the
// browser be remembered; then Fatima gives her a temporary password, which
// Anna must replace before she gets to the dashboard. Last, the security
// settings page warns about weaker settings and an API client is made and
// revoked. The codes are computed
// here as an app would (RFC 6238). Desktop size, plus one phone screenshot of
// the code step.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ANNA, DEMO_PASSWORD, signIn, signOut } from '../lib/app.mjs';
import { ALL_VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { base32Decode, currentStep, freshCode, totp } from '../lib/totp.mjs';

const FATIMA = { email: 'fatima.elamrani@delinde.example' };
const EVA = { email: 'eva.visser@vandijkbouw.example' };
const NEW_PASSWORD = 'Wandelen langs de Linge 2026';
const [DESKTOP, PHONE] = ALL_VIEWPORTS;

describe(`second factor and temporary passwords (${DESKTOP.name} ${DESKTOP.width}×${DESKTOP.height})`, () => {
  let server;
  let anna;
  let secret;
  const codes = { lastStep: 0 };

  before(async () => {
    server = await startServer(`second-factor-${DESKTOP.name}`);
    anna = await openBrowser(DESKTOP);
  });

  after(async () => {
    await anna?.close();
    await server?.stop();
  });

  it('sets up the authenticator app on "Mijn account"', async () => {
    const page = anna.page;
    await page.goto(`${server.url}/inloggen`);
    await signIn(page, { email: ANNA.email, password: DEMO_PASSWORD });
    await page.getByTestId('greeting').waitFor();

    await page.getByTestId('user-chip').click();
    await page.waitForURL(/\/mijn-account$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    assert.equal(await page.getByTestId('totp-status').getAttribute('data-on'), 'false');

    await page.getByRole('button', { name: 'Authenticator-app instellen' }).click();
    await page.getByTestId('totp-qr').waitFor();
    const key = await page.getByTestId('totp-manual-key').textContent();
    assert.match(key, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'the key is shown in groups of four');
    secret = base32Decode(key);
    // The code field has focus, as a keyboard user would expect.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'totp-code');
    await anna.screenshot('totp-setup-nl');

    await page.getByLabel('2. Vul de code van 6 cijfers in die de app nu toont.').fill(await freshCode(secret, codes));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    assert.equal(await page.getByTestId('recovery-code').count(), 10);
    await page.getByText('Bewaar deze codes op een veilige plek').waitFor();
    await anna.screenshot('recovery-codes-nl');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.locator('[data-testid="totp-status"][data-on="true"]').waitFor();
    assert.deepEqual(anna.errors, []);
  });

  it('asks for the code at sign-in, refuses a wrong one and remembers the browser', async () => {
    const page = anna.page;
    await signOut(page);
    await signIn(page, { email: ANNA.email, password: DEMO_PASSWORD });
    const step = page.getByTestId('second-factor-step');
    await step.getByRole('heading', { level: 1, name: 'Code uit uw app' }).waitFor();
    const input = page.getByLabel('Code van 6 cijfers', { exact: true });
    assert.equal(await input.getAttribute('inputmode'), 'numeric');
    assert.equal(await input.getAttribute('autocomplete'), 'one-time-code');
    await page.waitForFunction(() => document.activeElement?.id === 'second-factor-code');

    // A code the app would not show now (nor one step either side).
    const near = [-1, 0, 1, 2].map((d) => totp(secret, currentStep() + d));
    const wrong = ['000000', '111111', '222222'].find((c) => !near.includes(c));
    await input.fill(wrong);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByTestId('second-factor-error').getByText('Deze code klopt niet').waitFor();
    await anna.screenshot('second-factor-wrong-code-nl');

    await input.fill(await freshCode(secret, codes));
    await page.getByLabel('Onthoud deze browser 30 dagen').check();
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByTestId('greeting').waitFor();

    await signOut(page);
    await signIn(page, { email: ANNA.email, password: DEMO_PASSWORD });
    await page.getByTestId('greeting').waitFor();
    assert.equal(await page.getByTestId('second-factor-step').count(), 0, 'a remembered browser is not asked');
    assert.deepEqual(anna.errors, []);
  });

  it('shows the code step at phone size', async () => {
    const phone = await openBrowser(PHONE);
    try {
      await phone.page.goto(`${server.url}/inloggen`);
      await signIn(phone.page, { email: ANNA.email, password: DEMO_PASSWORD });
      await phone.page.getByTestId('second-factor-step').waitFor();
      // The use-a-recovery-code link switches the field, and back.
      await phone.page.getByTestId('switch-method').click();
      await phone.page.getByLabel('Herstelcode', { exact: true }).waitFor();
      await phone.page.getByTestId('switch-method').click();
      await phone.page.getByLabel('Code van 6 cijfers', { exact: true }).waitFor();
      await phone.screenshot('second-factor-code-nl');
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'nothing sticks out sideways at 360 px');
      assert.deepEqual(phone.errors, []);
    } finally {
      await phone.close();
    }
  });

  it('makes someone with a temporary password choose their own first', async () => {
    const admin = await openBrowser(DESKTOP);
    let temporary;
    try {
      const page = admin.page;
      await page.goto(`${server.url}/inloggen`);
      await signIn(page, { email: FATIMA.email, password: DEMO_PASSWORD });
      await page.getByTestId('greeting').waitFor();
      await page.goto(`${server.url}/beheer/rechten`);
      const row = page.getByTestId(`member-${ANNA.email}`);
      await row.getByRole('button', { name: /Tijdelijk wachtwoord/ }).click();
      await row.getByRole('button', { name: 'Geven' }).click();
      temporary = (await row.getByTestId('temporary-password-value').textContent()).trim();
      assert.ok(temporary.length >= 12, 'a long temporary password');
      await admin.screenshot('temporary-password-nl');
      assert.deepEqual(admin.errors, []);
    } finally {
      await admin.close();
    }

    // Anna's sessions ended; this browser is still remembered for the code.
    const page = anna.page;
    await page.goto(`${server.url}/inloggen`);
    await signIn(page, { email: ANNA.email, password: temporary });
    const next = await Promise.race([
      page.waitForURL(/\/eerst-instellen$/).then(() => 'forced'),
      page.getByTestId('second-factor-step').waitFor().then(() => 'code'),
    ]);
    if (next === 'code') {
      await page.getByLabel('Code van 6 cijfers', { exact: true }).fill(await freshCode(secret, codes));
      await page.getByRole('button', { name: 'Controleren' }).click();
    }
    await page.waitForURL(/\/eerst-instellen$/);
    await page.getByRole('heading', { level: 1, name: 'Kies een eigen wachtwoord' }).waitFor();
    await anna.screenshot('forced-password-change-nl');

    await page.getByLabel('Tijdelijk wachtwoord', { exact: true }).fill(temporary);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByTestId('password-ok').waitFor();
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.waitForURL(new RegExp(`^${server.url}/$`));
    await page.getByTestId('greeting').waitFor();
    assert.deepEqual(anna.errors, []);
  });

  it('says when security settings are weaker, and makes an API client with a one-time secret', async () => {
    const admin = await openBrowser(DESKTOP);
    try {
      const page = admin.page;
      // Van Dijk Bouw keeps seed 004's rules and the 3-strikes lock.
      await page.goto(`${server.url}/inloggen`);
      await signIn(page, { email: EVA.email, password: DEMO_PASSWORD });
      await page.getByTestId('greeting').waitFor();
      await page.goto(`${server.url}/beheer/beveiliging`);
      await page.getByRole('heading', { level: 1, name: 'Beveiliging' }).waitFor();
      await page.getByTestId('weaker-warning').getByText('Deze instellingen zijn zwakker dan de standaard van Poort.').waitFor();
      assert.equal(await page.getByTestId('policy-legacy').isChecked(), true);
      assert.equal(await page.getByLabel('Foute pogingen tot blokkeren').inputValue(), '3');
      await admin.screenshot('security-settings-nl');
      // Growing delays instead of the lock: saved; the old rules still warn.
      await page.getByLabel('Steeds langer wachten (aanbevolen)').check();
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByTestId('security-notice').getByText('De instellingen zijn opgeslagen.').waitFor();
      await page.getByTestId('weaker-warning').getByText('De oude wachtwoordregels').waitFor();
      await signOut(page);

      await signIn(page, { email: FATIMA.email, password: DEMO_PASSWORD });
      await page.getByTestId('greeting').waitFor();
      await page.goto(`${server.url}/beheer/koppelingen`);
      await page.getByRole('heading', { level: 1, name: 'Koppelingen' }).waitFor();
      await page.getByLabel('Naam', { exact: true }).fill('Salarisverwerking Loket');
      await page.getByRole('button', { name: 'Koppeling aanmaken' }).click();
      const secret = await page.getByTestId('client-secret-value').textContent();
      assert.ok(secret.trim().length >= 24, 'a long secret is shown once');
      await page.getByTestId('client-row').getByText('Actief').waitFor();
      await admin.screenshot('api-client-created-nl');
      await page.getByTestId('revoke-client').click();
      await page.getByTestId('revoke-client-confirm').click();
      await page.getByTestId('client-row').getByText('Ingetrokken').waitFor();
      assert.deepEqual(admin.errors, []);
    } finally {
      await admin.close();
    }
  });
});
