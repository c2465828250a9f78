// Issue 3 (accounts), first part: an administrator invites a new colleague,
// the invitation arrives by real SMTP, the colleague activates the account
// (birth date as proof, a password checked live) and later resets a
// forgotten password by mail. The walk runs at desktop and phone size; the
// helpdesk, rights and rate-limit checks run at desktop size only.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { request } from 'playwright-core';

import { ANNA, DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';

const FATIMA = { email: 'fatima.elamrani@delinde.example', name: 'Fatima El Amrani' };
const HELPDESK = { email: 'helpdesk@poort.example' };
const DAAN = {
  name: 'Daan Koster',
  email: 'daan.koster@delinde.example',
  birthDate: '1990-04-12',
  password: 'Zeilen op het IJsselmeer 2026',
  newPassword: 'Fietsen door de duinen 77',
};
const OUTAGE = 'Verlofaanvragen zijn vanmiddag tussen 14:00 en 15:00 niet beschikbaar.';

/** Opens "Beheer" from the menu, as a person would (the drawer on a phone). */
async function openAdmin(page, viewport) {
  if (viewport.isMobile) await page.getByTestId('menu-button').click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.waitForURL(/\/beheer$/);
  await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
}

for (const viewport of VIEWPORTS) {
  describe(`invite, activate, forget the password (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let sink;
    let server;
    let admin;
    let invitee;

    before(async () => {
      sink = await startMailSink();
      server = await startServer(`accounts-${viewport.name}`, {
        env: ({ url }) => ({ POORT_SMTP_URL: sink.smtpUrl, POORT_BASE_URL: url }),
      });
      admin = await openBrowser(viewport);
      invitee = await openBrowser(viewport);
    });

    after(async () => {
      await invitee?.close();
      await admin?.close();
      await server?.stop();
      await sink?.stop();
    });

    it('lets an administrator invite a new colleague from "Beheer"', async () => {
      const page = admin.page;
      await page.goto(`${server.url}/inloggen`);
      await signIn(page, { email: FATIMA.email, password: DEMO_PASSWORD });
      await page.getByTestId('greeting').waitFor();
      await openAdmin(page, viewport);
      await admin.screenshot('admin-overview-nl');

      await page.getByTestId('admin-nav').getByRole('link', { name: 'Uitnodigingen' }).click();
      await page.waitForURL(/\/beheer\/uitnodigingen$/);
      await page.getByRole('heading', { level: 1, name: 'Uitnodigingen' }).waitFor();
      assert.equal(await page.title(), 'Uitnodigingen – Poort');

      // Asking without filling anything in points at the first field.
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'invite-name');

      await page.getByLabel('Naam', { exact: true }).fill(DAAN.name);
      await page.getByLabel('E-mailadres', { exact: true }).fill(DAAN.email);
      await page.getByLabel('Geboortedatum', { exact: true }).fill(DAAN.birthDate);
      await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Medewerker' });
      await page.getByLabel('Ziek- en hersteldmelden', { exact: true }).check();
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();

      await page.getByTestId('invite-notice').getByText(`De uitnodiging is verstuurd naar ${DAAN.email}.`).waitFor();
      const row = page.getByTestId(`invitation-${DAAN.email}`);
      assert.equal(await row.getByTestId('invitation-status').innerText(), 'Verstuurd');
      assert.match(await row.innerText(), /Ziek- en hersteldmelden/);
      await admin.screenshot('invitations-nl');

      // A second invitation to the same address is refused, in Dutch.
      await page.getByLabel('Naam', { exact: true }).fill(DAAN.name);
      await page.getByLabel('E-mailadres', { exact: true }).fill(DAAN.email);
      await page.getByLabel('Geboortedatum', { exact: true }).fill(DAAN.birthDate);
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await page.getByTestId('invite-error').getByText(/staat al een uitnodiging open/).waitFor();
    });

    it('activates the account from the mailed link, with the birth date as proof and live password advice', async () => {
      const mail = await sink.waitForMail({ to: DAAN.email, subject: /Uitnodiging voor Poort/ });
      assert.match(mail.body, /Beste Daan Koster/);
      const link = findLink(mail.body, '/activeren');
      assert.ok(link.startsWith(server.url), `link uses the configured base URL: ${link}`);

      const page = invitee.page;
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: `Welkom, ${DAAN.name}` }).waitFor();
      assert.equal(await page.getByTestId('activate-organisation').innerText(), 'Thuiszorg De Linde');
      assert.equal(await page.title(), 'Account activeren – Poort');

      // A wrong birth date: the server's wrong-proof answer, translated, with the attempts left.
      await page.getByLabel('Geboortedatum', { exact: true }).fill('1991-04-12');
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(DAAN.password);
      await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(DAAN.password);
      await page.getByTestId('password-ok').waitFor();
      await page.getByRole('button', { name: 'Account activeren' }).click();
      const wrong = page.getByTestId('birth-date-error');
      await wrong.waitFor();
      assert.match(await wrong.innerText(), /komt niet overeen/);
      assert.match(await wrong.innerText(), /nog 4 keer/);
      await page.waitForFunction(() => document.activeElement?.id === 'birth-date');
      await invitee.screenshot('activate-wrong-birth-date-nl');

      // A password with the person's own name is refused while typing.
      await page.getByLabel('Geboortedatum', { exact: true }).fill(DAAN.birthDate);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Koster-zeilt-graag-2026');
      await page.getByTestId('password-problem-contains_personal_info').waitFor();
      assert.match(
        await page.getByTestId('password-problems').innerText(),
        /Gebruik niet uw naam, e-mailadres of de naam van uw organisatie/,
      );
      // The repeat no longer matches either.
      await page.getByTestId('passwords-differ').waitFor();
      await invitee.screenshot('activate-password-feedback-nl');

      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(DAAN.password);
      await page.getByTestId('password-ok').waitFor();
      await page.getByTestId('passwords-differ').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Account activeren' }).click();

      await page.waitForURL(`${server.url}/`);
      const greeting = page.getByTestId('greeting');
      await greeting.waitFor();
      assert.match(await greeting.innerText(), /^Goede(morgen|middag|navond), Daan Koster$/);
      assert.equal(await page.getByTestId('organisation').innerText(), 'Thuiszorg De Linde');
      assert.equal(await page.getByTestId('role').innerText(), 'Medewerker');
      await invitee.screenshot('activated-dashboard-nl');
    });

    it('shows the administrator the invitation as accepted, and the new colleague in the rights list', async () => {
      const page = admin.page;
      await page.reload();
      const row = page.getByTestId(`invitation-${DAAN.email}`);
      await row.getByTestId('invitation-status').getByText('Geaccepteerd').waitFor();
      // Accepted invitations have nothing left to resend or withdraw.
      assert.equal(await row.getByTestId('resend').count(), 0);

      await page.getByTestId('admin-nav').getByRole('link', { name: 'Medewerkers en rechten' }).click();
      const member = page.getByTestId(`member-${DAAN.email}`);
      await member.waitFor();
      assert.equal(await member.getByTestId('member-role').innerText(), 'Medewerker');
      assert.equal(await member.getByTestId('member-rights').innerText(), 'Ziek- en hersteldmelden');
      // Her own row cannot be edited here.
      assert.match(await page.getByTestId(`member-${FATIMA.email}`).getByTestId('read-only').innerText(), /eigen/);
      await admin.screenshot('members-nl');

      await page.getByTestId('admin-nav').getByRole('link', { name: 'Auditlog' }).click();
      await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
      const accepted = page.locator('[data-testid="audit-row"][data-tag="invitation_accepted"]');
      await accepted.first().waitFor();
      assert.match(await accepted.first().innerText(), /Uitnodiging geaccepteerd/);
      assert.match(await accepted.first().innerText(), /Daan Koster/);
      await page.locator('[data-testid="audit-row"][data-tag="invitation_sent"]').first().waitFor();
      await admin.screenshot('audit-nl');

      // The one list component: a filter narrows the rows and shows as a chip; chosen columns stay chosen.
      if (!(await page.getByTestId('audit-filters').isVisible())) await page.getByTestId('audit-toggle-filters').click();
      await page.getByTestId('audit-action').selectOption('invitation_accepted');
      await page.getByTestId('audit-active-filters').getByText('Actie: Uitnodiging geaccepteerd').waitFor();
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
        return rows.length > 0 && rows.every((r) => r.dataset.tag === 'invitation_accepted');
      });
      await page.getByTestId('audit-period').selectOption('last_year');
      await page.getByTestId('audit-empty').waitFor();
      await page.getByTestId('audit-active-filters').getByRole('button', { name: 'Alle filters wissen' }).click();
      await page.locator('[data-testid="audit-row"][data-tag="invitation_sent"]').first().waitFor();
      await page.getByTestId('audit-columns').locator('summary').click();
      const ipColumn = page.getByTestId('audit-column-ip');
      await ipColumn.uncheck();
      await page.locator('[data-testid="audit-table"] th[data-column="ip"]').waitFor({ state: 'detached' });
      await page.reload();
      await page.locator('[data-testid="audit-row"]').first().waitFor();
      await page.locator('[data-testid="audit-table"] th[data-column="device"]').waitFor();
      assert.equal(await page.locator('[data-testid="audit-table"] th[data-column="ip"]').count(), 0);
    });

    it('resets a forgotten password through the mailed link, then signs in with the new one', async () => {
      const page = invitee.page;
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/inloggen$/);
      await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
      await page.waitForURL(/\/wachtwoord-vergeten$/);
      await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
      await page.getByLabel('E-mailadres', { exact: true }).fill(DAAN.email);
      await page.getByRole('button', { name: 'Stuur mij een link' }).click();
      const sent = page.getByTestId('forgot-sent');
      await sent.waitFor();
      assert.match(await sent.innerText(), /Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail/);
      await invitee.screenshot('forgot-password-sent-nl');

      const mail = await sink.waitForMail({ to: DAAN.email, subject: /Nieuw wachtwoord/ });
      await page.goto(findLink(mail.body, '/wachtwoord-herstellen'));
      await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(DAAN.newPassword);
      await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(DAAN.newPassword);
      await page.getByTestId('password-ok').waitFor();
      await invitee.screenshot('reset-password-nl');
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();

      await page.waitForURL(/\/inloggen\?wachtwoord=gewijzigd$/);
      await page.getByTestId('sign-in-notice').getByText(/Uw wachtwoord is gewijzigd/).waitFor();
      await signIn(page, { email: DAAN.email, password: DAAN.newPassword });
      await page.getByTestId('greeting').waitFor();
      assert.match(await page.getByTestId('greeting').innerText(), /Daan Koster$/);
    });

    it('explains that a used reset link no longer works and offers a new one', async () => {
      const page = invitee.page;
      await page.goBack();
      await page.waitForURL(/\/wachtwoord-herstellen\?token=/);
      await page.reload();
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Nog een heel ander wachtwoord');
      await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill('Nog een heel ander wachtwoord');
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.getByTestId('invalid-link').getByText(/ongeldig, al gebruikt of verlopen/).waitFor();
      await page.getByRole('link', { name: 'Nieuwe link aanvragen' }).waitFor();
    });

    it('raised no script errors', () => {
      assert.deepEqual(admin.errors, []);
      assert.deepEqual(invitee.errors, []);
    });
  });
}

describe('helpdesk, rights and limits (desktop)', () => {
  const viewport = VIEWPORTS[0];
  let server;
  let helpdesk;
  let anna;

  before(async () => {
    server = await startServer('accounts-helpdesk-desktop');
    helpdesk = await openBrowser(viewport);
    anna = await openBrowser(viewport);
  });

  after(async () => {
    await anna?.close();
    await helpdesk?.close();
    await server?.stop();
  });

  it('does not show "Beheer" to an employee without rights, and refuses the page', async () => {
    const page = anna.page;
    await page.goto(`${server.url}/inloggen`);
    await signIn(page, { email: ANNA.email, password: DEMO_PASSWORD });
    await page.getByTestId('greeting').waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: /^Uren/ }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Beheer' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Helpdesk' }).count(), 0);
    await page.goto(`${server.url}/beheer/uitnodigingen`);
    await page.getByTestId('no-access').waitFor();
    await anna.screenshot('admin-no-access-nl');
  });

  it('lets the helpdesk publish an outage message that everyone sees, and read held mail', async () => {
    const page = helpdesk.page;
    // Someone asks for a reset link; without a mail server the mail is held.
    await page.goto(`${server.url}/wachtwoord-vergeten`);
    await page.getByLabel('E-mailadres', { exact: true }).fill(ANNA.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByTestId('forgot-sent').waitFor();

    await page.goto(`${server.url}/inloggen`);
    await signIn(page, { email: HELPDESK.email, password: DEMO_PASSWORD });
    await page.getByTestId('greeting').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Helpdesk' }).click();
    await page.waitForURL(/\/helpdesk$/);
    await page.getByRole('heading', { level: 1, name: 'Helpdesk' }).waitFor();

    await page.getByLabel('Melding', { exact: true }).fill(OUTAGE);
    await page.getByRole('button', { name: 'Melding plaatsen' }).click();
    await page.getByTestId('outage-notice').getByText('De melding staat nu op elke pagina.').waitFor();
    // The banner on this very page follows at once.
    await page.getByTestId('status-banner').getByText(OUTAGE).waitFor();

    // The held reset mail, readable with its link. The outbox worker turns the queued
    // request into the mail and holds it within about a second (longer on a busy
    // machine): refresh until it is there and held.
    const item = page
      .getByTestId('outbox-item')
      .filter({ hasText: ANNA.email })
      .filter({ hasText: /Nieuw wachtwoord/ })
      .first();
    const held = async () =>
      (await item.count()) > 0 && (await item.getByTestId('outbox-status').innerText()) === 'Vastgehouden';
    for (let i = 0; i < 120 && !(await held()); i += 1) {
      await page.waitForTimeout(250);
      await page.getByRole('button', { name: 'Vernieuwen' }).click();
    }
    await item.waitFor();
    assert.match(await item.getByTestId('outbox-subject').innerText(), /Nieuw wachtwoord/);
    assert.equal(await item.getByTestId('outbox-status').innerText(), 'Vastgehouden');
    const toggle = item.getByTestId('outbox-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await item.getByTestId('outbox-body').getByRole('link', { name: /\/wachtwoord-herstellen\?token=/ }).waitFor();
    await helpdesk.screenshot('helpdesk-nl');

    await anna.page.goto(`${server.url}/`);
    await anna.page.getByTestId('status-banner').getByText(OUTAGE).waitFor();
    await anna.screenshot('outage-seen-by-employee-nl');

    await page.getByRole('button', { name: 'Melding weghalen' }).click();
    await page.getByTestId('outage-notice').getByText('De melding is weggehaald.').waitFor();
    await page.getByTestId('status-banner').getByText(/geen bekende storingen/).waitFor();
  });

  it('lets a rights manager give a colleague a right', async () => {
    const page = helpdesk.page;
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/inloggen$/);
    await signIn(page, { email: FATIMA.email, password: DEMO_PASSWORD });
    await page.getByTestId('greeting').waitFor();
    await page.goto(`${server.url}/beheer/rechten`);
    const row = page.getByTestId(`member-${ANNA.email}`);
    await row.getByTestId('edit-member').click();
    const editor = page.getByTestId(`member-${ANNA.email}-editor`);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'member-role-select');
    await editor.getByLabel('Ziek- en hersteldmelden', { exact: true }).check();
    await helpdesk.screenshot('member-editor-nl');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('members-notice').getByText('De wijziging is opgeslagen.').waitFor();
    await page.getByTestId(`member-${ANNA.email}`).getByTestId('member-rights').getByText('Ziek- en hersteldmelden').waitFor();
    // Focus returns to the row's edit button.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'edit-member');
  });

  it('says how long to wait after too many wrong passwords', async () => {
    // Wrong passwords from outside the browser until the server asks for a
    // pause of a few seconds, so the browser's attempt falls inside it.
    const api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { Origin: server.url } });
    try {
      // Delays grow 1, 2, 4, 8 s after the third failure; Retry-After is
      // rounded down, so wait a second longer than it says.
      for (let i = 0; i < 15; i += 1) {
        const r = await api.post('/api/v1/auth/login', { data: { email: ANNA.email, password: 'fout-wachtwoord' } });
        if (r.status() === 429) {
          const wait = Number(r.headers()['retry-after']);
          if (wait >= 4) break;
          await new Promise((resolve) => setTimeout(resolve, (wait + 1) * 1000));
        }
      }
    } finally {
      await api.dispose();
    }
    // Not Anna's own browser: a browser she signed in with before keeps its
    // own counter, so a stranger's guesses never slow her down there.
    const page = helpdesk.page;
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/inloggen$/);
    await signIn(page, { email: ANNA.email, password: 'nog-steeds-fout' });
    await page.getByTestId('sign-in-error').getByText(/^Te veel pogingen\. Probeer het over \d+ seconden? opnieuw\.$/).waitFor();
    await helpdesk.screenshot('sign-in-rate-limited-nl');
  });

  it('raised no script errors', () => {
    assert.deepEqual(helpdesk.errors, []);
    assert.deepEqual(anna.errors, []);
  });
});
