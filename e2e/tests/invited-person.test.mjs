// Issue 3, the invited person's whole way in, in one continuous walk at
// desktop and at phone size: the invitation mail from a real SMTP sink,
// activation with the birth date, a password, an authenticator app (codes
// computed here from the secret, as an app would), sign-out, sign-in with a
// code and "remember this browser", sign-in without a code, "Mijn account"
// showing the remembered browser and forgetting it, the code asked again, and
// last a sign-in with a recovery code.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { inviteByApi, openMyAccount, signIn, signOut } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';
import { base32Decode, freshCode } from '../lib/totp.mjs';

const FATIMA = 'fatima.elamrani@delinde.example';
const NOOR = {
  name: 'Noor van Leeuwen',
  email: 'noor.vanleeuwen@delinde.example',
  birthDate: '1992-11-05',
  password: 'Koffie met appeltaart 2026',
};

for (const viewport of VIEWPORTS) {
  describe(`an invited person from mail to remembered browser (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let sink;
    let server;
    let noor;
    let secret;
    let recoveryCodes;
    const codes = { lastStep: 0 };
    const shot = (name) => noor.screenshot(`invited-${name}-nl`);

    before(async () => {
      sink = await startMailSink();
      server = await startServer(`invited-person-${viewport.name}`, {
        env: ({ url }) => ({ POORT_SMTP_URL: sink.smtpUrl, POORT_BASE_URL: url }),
      });
      noor = await openBrowser(viewport);
    });

    after(async () => {
      await noor?.close();
      await server?.stop();
      await sink?.stop();
    });

    it('activates the account from the mailed link with the birth date and a password', async () => {
      await inviteByApi(server.url, FATIMA, {
        email: NOOR.email,
        name: NOOR.name,
        role: 'employee',
        rights: [],
        birth_date: NOOR.birthDate,
      });
      const mail = await sink.waitForMail({ to: NOOR.email, subject: /Uitnodiging voor Poort/ });
      const page = noor.page;
      await page.goto(findLink(mail.body, '/activeren'));
      await page.getByRole('heading', { level: 1, name: `Welkom, ${NOOR.name}` }).waitFor();
      await page.getByLabel('Geboortedatum', { exact: true }).fill(NOOR.birthDate);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NOOR.password);
      await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(NOOR.password);
      await page.getByTestId('password-ok').waitFor();
      await page.getByRole('button', { name: 'Account activeren' }).click();
      await page.waitForURL(`${server.url}/`);
      assert.match(await page.getByTestId('greeting').innerText(), new RegExp(`${NOOR.name}$`));
    });

    it('sets up an authenticator app and keeps the recovery codes', async () => {
      const page = noor.page;
      await openMyAccount(page, viewport);
      await page.getByRole('button', { name: 'Authenticator-app instellen' }).click();
      secret = base32Decode(await page.getByTestId('totp-manual-key').textContent());
      await page.getByLabel('2. Vul de code van 6 cijfers in die de app nu toont.').fill(await freshCode(secret, codes));
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      recoveryCodes = await page.getByTestId('recovery-code').allTextContents();
      assert.equal(recoveryCodes.length, 10);
      await shot('recovery-codes');
      await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
      await page.locator('[data-testid="totp-status"][data-on="true"]').waitFor();
      // Nothing remembered yet.
      await page.getByTestId('remembered-section').getByTestId('no-remembered').waitFor();
    });

    it('signs in with a code and has this browser remembered', async () => {
      const page = noor.page;
      await signOut(page);
      await signIn(page, { email: NOOR.email, password: NOOR.password });
      await page.getByTestId('second-factor-step').getByRole('heading', { level: 1, name: 'Code uit uw app' }).waitFor();
      // Only an app here: no SMS offered.
      assert.equal(await page.getByTestId('use-sms').count(), 0);
      await page.getByLabel('Code van 6 cijfers', { exact: true }).fill(await freshCode(secret, codes));
      await page.getByLabel('Onthoud deze browser 30 dagen').check();
      await shot('code-step');
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page.getByTestId('greeting').waitFor();
    });

    it('signs in again without a code on the remembered browser', async () => {
      const page = noor.page;
      await signOut(page);
      await signIn(page, { email: NOOR.email, password: NOOR.password });
      await page.getByTestId('greeting').waitFor();
      assert.equal(await page.getByTestId('second-factor-step').count(), 0, 'a remembered browser is not asked');
    });

    it('shows the remembered browser on "Mijn account" and forgets it', async () => {
      const page = noor.page;
      await openMyAccount(page, viewport);
      const section = page.getByTestId('remembered-section');
      const device = section.getByTestId('remembered-device');
      await device.waitFor();
      assert.equal(await device.count(), 1);
      const text = await device.innerText();
      assert.match(text, /Chrome/, 'the browser is named');
      assert.match(text, /Onthouden op/);
      assert.match(text, /Laatst gebruikt: \d/, 'it skipped the code once');
      await section.scrollIntoViewIfNeeded();
      await shot('remembered-browser');
      await device.getByRole('button', { name: 'Vergeten' }).click();
      await section.getByTestId('remembered-notice').getByText(/De browser is vergeten/).waitFor();
      await section.getByTestId('no-remembered').waitFor();
      // The notice has focus, so a screen reader hears it.
      await page.waitForFunction(() => document.activeElement?.id === 'remembered-notice');
    });

    it('asks for a code again, and takes a recovery code instead', async () => {
      const page = noor.page;
      await signOut(page);
      await signIn(page, { email: NOOR.email, password: NOOR.password });
      await page.getByTestId('second-factor-step').waitFor();
      await page.getByTestId('switch-method').click();
      await page.getByLabel('Herstelcode', { exact: true }).fill(recoveryCodes[3]);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page.getByTestId('greeting').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'nothing sticks out sideways');
      await openMyAccount(page, viewport);
      await page.getByTestId('totp-status').getByText('Nog 9 ongebruikte herstelcodes.').waitFor();
    });

    it('raised no script errors', () => {
      assert.deepEqual(noor.errors, []);
    });
  });
}
