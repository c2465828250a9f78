// SMS (seed 002) in the browser, with a real HTTP SMS provider (scripts/sms-sink.py)
// and a real SMTP sink, at desktop and phone size: Van Dijk activates its
// invitees with a PIN by SMS; the new employee types it (a wrong one first),
// switches SMS codes on under "Mijn account" and signs in with a code sent
// by SMS. Plus, at desktop size, the helpdesk creating an organisation and
// inviting its main contact.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_PASSWORD, inviteByApi, openMyAccount, signIn, signOut } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';
import { smsCode, startSmsSink } from '../lib/sms.mjs';

const EVA = 'eva.visser@vandijkbouw.example';
const YARA = {
  name: 'Yara Bos',
  email: 'yara.bos@vandijkbouw.example',
  mobile: '06-12345678',
  e164: '+31612345678',
  // Van Dijk keeps seed 004's rules: 8–16 characters, three kinds, none of @ $ # %.
  password: 'Steiger-2026!',
};

/** A 6-digit code that is not `code`. */
const other = (code) => (code === '000000' ? '111111' : '000000');

for (const viewport of VIEWPORTS) {
  describe(`activation by SMS PIN and sign-in with an SMS code (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let mail;
    let sms;
    let server;
    let yara;
    const shot = (name) => yara.screenshot(`sms-${name}-nl`);

    before(async () => {
      mail = await startMailSink();
      sms = await startSmsSink();
      server = await startServer(`sms-${viewport.name}`, {
        env: ({ url }) => ({ ...sms.env, POORT_SMTP_URL: mail.smtpUrl, POORT_BASE_URL: url }),
      });
      yara = await openBrowser(viewport);
    });

    after(async () => {
      await yara?.close();
      await server?.stop();
      await sms?.stop();
      await mail?.stop();
    });

    it('sends the PIN when the link is opened and activates with it', async () => {
      const invitation = await inviteByApi(server.url, EVA, {
        email: YARA.email,
        name: YARA.name,
        role: 'employee',
        rights: [],
        birth_date: '1995-01-20',
        mobile: YARA.mobile,
      });
      assert.equal(invitation.mobile, YARA.e164);
      const invite = await mail.waitForMail({ to: YARA.email, subject: /Uitnodiging voor Poort/ });
      const page = yara.page;
      await page.goto(findLink(invite.body, '/activeren'));
      await page.getByRole('heading', { level: 1, name: `Welkom, ${YARA.name}` }).waitFor();
      await page.getByTestId('activation-pin-hint').getByText('+31 6 •••• ••78').waitFor();
      assert.equal(await page.getByLabel('Geboortedatum').count(), 0, 'the PIN replaces the birth date');
      const pin = smsCode(await sms.waitForSms({ to: YARA.e164 }));

      const field = page.getByLabel('Eenmalige pincode', { exact: true });
      assert.equal(await field.getAttribute('autocomplete'), 'one-time-code');
      await field.fill(other(pin));
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(YARA.password);
      await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(YARA.password);
      await page.getByTestId('password-ok').waitFor();
      await page.getByRole('button', { name: 'Account activeren' }).click();
      await page.getByTestId('activation-pin-error').getByText('Deze pincode klopt niet. U kunt het nog 4 keer proberen.').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'activation-pin');
      await shot('wrong-pin');

      // Asking for another PIN within the minute: told to wait.
      await page.getByRole('button', { name: 'Stuur een nieuwe pincode' }).click();
      await page.getByTestId('activation-pin-error').getByText(/^Te veel pogingen\. Probeer het over \d+ seconden? opnieuw\.$/).waitFor();

      await field.fill(pin);
      await page.getByRole('button', { name: 'Account activeren' }).click();
      await page.waitForURL(`${server.url}/`);
      assert.match(await page.getByTestId('greeting').innerText(), /Yara Bos$/);
    });

    it('switches SMS codes on with the number the PIN proved', async () => {
      const page = yara.page;
      await openMyAccount(page, viewport);
      const contact = page.getByTestId('contact-section');
      await contact.getByTestId('contact-mobile').getByText('+31 6 1234 5678').waitFor();
      assert.equal(await contact.getByTestId('mobile-verified').getAttribute('data-verified'), 'true');
      const section = page.getByTestId('sms-section');
      await section.getByRole('button', { name: 'Sms-codes instellen' }).click();
      await section.getByTestId('sms-setup-sent').getByText(/Code verstuurd naar \+31 6 •••• ••78/).waitFor();
      const code = smsCode(await sms.waitForSms({ to: YARA.e164 }));
      await section.getByLabel('Code uit de sms', { exact: true }).fill(code);
      await section.getByRole('button', { name: 'Bevestigen' }).click();
      await section.getByTestId('recovery-codes').waitFor();
      await section.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
      await section.locator('[data-testid="sms-status"][data-on="true"]').waitFor();
      await section.scrollIntoViewIfNeeded();
      await shot('sms-on');
    });

    it('signs in with a code sent by SMS on request', async () => {
      const page = yara.page;
      await signOut(page);
      await signIn(page, { email: YARA.email, password: YARA.password });
      const step = page.getByTestId('second-factor-step');
      await step.getByRole('heading', { level: 1, name: 'Code per sms' }).waitFor();
      await step.getByRole('button', { name: 'Stuur mij een code per sms' }).click();
      await step.getByTestId('sms-sent').getByText(/Code verstuurd naar \+31 6 •••• ••78\. Hij werkt 10 minuten\./).waitFor();
      const code = smsCode(await sms.waitForSms({ to: YARA.e164 }));
      // A new code right away: told to wait, and the code that came still works.
      await step.getByRole('button', { name: 'Stuur een nieuwe code' }).click();
      await page.getByTestId('second-factor-alert').getByText(/^Te veel pogingen/).waitFor();
      await shot('code-step');
      await page.getByLabel('Code uit de sms', { exact: true }).fill(code);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page.getByTestId('greeting').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'nothing sticks out sideways');
    });

    it('raised no script errors', () => {
      assert.deepEqual(yara.errors, []);
    });
  });
}

describe('the helpdesk creates an organisation and invites its main contact (desktop)', () => {
  let mail;
  let server;
  let helpdesk;

  before(async () => {
    mail = await startMailSink();
    server = await startServer('helpdesk-organisation-desktop', {
      env: ({ url }) => ({ POORT_SMTP_URL: mail.smtpUrl, POORT_BASE_URL: url }),
    });
    helpdesk = await openBrowser(VIEWPORTS[0]);
  });

  after(async () => {
    await helpdesk?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('creates the organisation and sends the invitation', async () => {
    const page = helpdesk.page;
    await page.goto(`${server.url}/inloggen`);
    await signIn(page, { email: 'helpdesk@poort.example', password: DEMO_PASSWORD });
    await page.getByTestId('greeting').waitFor();
    await page.goto(`${server.url}/helpdesk`);
    await page.getByRole('heading', { level: 2, name: 'Nieuwe organisatie' }).waitFor();
    // An existing name is refused beside the field.
    await page.getByLabel('Naam van de organisatie', { exact: true }).fill('Thuiszorg De Linde');
    await page.getByLabel('Naam', { exact: true }).fill('Ingrid Vos');
    await page.getByLabel('E-mailadres', { exact: true }).fill('ingrid@vos.example');
    await page.getByLabel('Geboortedatum', { exact: true }).fill('1979-03-08');
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Werkgever' });
    await page.getByRole('button', { name: 'Aanmaken en uitnodigen' }).click();
    await page.getByText('Er bestaat al een organisatie met deze naam.').waitFor();
    await page.getByLabel('Naam van de organisatie', { exact: true }).fill('Schildersbedrijf Vos');
    await page.getByRole('button', { name: 'Aanmaken en uitnodigen' }).click();
    await page
      .getByTestId('invite-notice')
      .getByText('Schildersbedrijf Vos is aangemaakt. De uitnodiging is verstuurd naar ingrid@vos.example.')
      .waitFor();
    await page.getByTestId('organisations').getByText('Schildersbedrijf Vos').waitFor();
    await helpdesk.screenshot('helpdesk-new-organisation-nl');
    const invite = await mail.waitForMail({ to: 'ingrid@vos.example', subject: /Uitnodiging voor Poort van Schildersbedrijf Vos/ });
    assert.match(invite.body, /Sanne de Wit nodigt je uit/);
    assert.deepEqual(helpdesk.errors, []);
  });
});
