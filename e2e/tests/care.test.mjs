// Issue 8 (care networks), walking seed 003's answers: the helpdesk keeps the
// category list and creates an organisation with a category and an address,
// inviting its main contact, who activates from the mail (real SMTP sink);
// that administrator adds a professional and a team with its members; the
// coordinator Mark de Vries starts a client, is refused a professional whose
// module is off (nothing changes), switches the module on, adds the nearest
// organisation and the professional found by distance (the order shown is
// checked), adds an informal carer, adds the same carer to a second client
// through "Vergelijkbare personen", hands the primary coordination to his
// colleague Rachid Bouzid and removes himself. Rachid reads the history;
// an outsider gets "not found" for the client's address.
// Walked at desktop and phone size, each on a fresh demo database.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';

const HELPDESK = { email: 'helpdesk@poort.example', name: 'Sanne de Wit' };
const MARK = { email: 'mark.devries@delinde.example', name: 'Mark de Vries' };
const RACHID = { email: 'rachid.bouzid@delinde.example', name: 'Rachid Bouzid' };
const ANNA = { email: 'anna.jansen@delinde.example', name: 'Anna Jansen' };

const ORG = {
  name: 'Huisartsen Domplein',
  street: 'Domplein',
  number: '4',
  postcode: '3512jE',
  city: 'Utrecht',
  phone: '030-2001234',
};
const CONTACT = {
  name: 'Willem Hoekstra',
  email: 'willem.hoekstra@domplein.example',
  birthDate: '1972-06-15',
  password: 'Kastanjeboom-Zomerregen-48',
};
const KARIN = { name: 'Karin Smit', email: 'karin.smit@domplein.example', job: 'Huisarts' };
const TEAM = 'Team Praktijk';
const CARER = { first: 'Gerda', last: 'Bakker', email: 'gerda.bakker@mail.example', relation: 'dochter' };

async function signInAs(browser, url, email, password = DEMO_PASSWORD) {
  const { page } = browser;
  await page.goto(`${url}/inloggen`);
  await signIn(page, { email, password });
  await page.getByTestId('greeting').waitFor();
}

/** Opens a menu item; on a phone through the menu button. */
async function openMenu(page, viewport, name) {
  if (viewport.isMobile) await page.getByTestId('menu-button').click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
}

/** "1,2 km" → 1.2 */
function km(text) {
  const match = /([\d.,]+) km/.exec(text);
  assert.ok(match, `a distance in "${text}"`);
  return Number(match[1].replace(',', '.'));
}

/** The entries of the network with this name (organisation, professional or carer). */
function entry(page, name) {
  return page.locator(`[data-testid="network-entry"][data-name="${name}"]`);
}

for (const viewport of VIEWPORTS) {
  describe(`care networks: organisation, professional, client network, carers, handover (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let mail;
    let server;
    let helpdesk;
    let admin;
    let mark;
    let other;
    let firstClientUrl;

    before(async () => {
      mail = await startMailSink();
      server = await startServer(`care-${viewport.name}`, {
        env: ({ url }) => ({ POORT_SMTP_URL: mail.smtpUrl, POORT_BASE_URL: url }),
      });
      helpdesk = await openBrowser(viewport);
      admin = await openBrowser(viewport);
      mark = await openBrowser(viewport);
      other = await openBrowser(viewport);
    });

    after(async () => {
      for (const b of [helpdesk, admin, mark, other]) await b?.close();
      await server?.stop();
      await mail?.stop();
    });

    it('lets the helpdesk keep the categories and create an organisation with category and address', async () => {
      const page = helpdesk.page;
      await signInAs(helpdesk, server.url, HELPDESK.email);
      await page.goto(`${server.url}/helpdesk`);
      await page.getByTestId('categories').locator('[data-code="gp"]').waitFor();

      // A code that exists is refused under the field, in Dutch; the list stays as it was.
      const before = await page.getByTestId('category').count();
      await page.getByTestId('category-code').fill('gp');
      await page.getByTestId('category-name-nl').fill('Huisarts');
      await page.getByTestId('category-name-en').fill('GP');
      await page.getByTestId('add-category').click();
      await page.getByTestId('category-code-error').getByText('Deze bestaat al.').waitFor();
      assert.equal(await page.getByTestId('category').count(), before);

      await page.getByTestId('category-code').fill('speech_therapy');
      await page.getByTestId('category-name-nl').fill('Logopedie');
      await page.getByTestId('category-name-en').fill('Speech therapy');
      await page.getByTestId('add-category').click();
      await page.getByTestId('category-notice').getByText('De categorie is toegevoegd.').waitFor();
      await page.getByTestId('categories').locator('[data-code="speech_therapy"]').getByText('Logopedie').waitFor();

      const form = page.getByTestId('invite-form');
      await form.getByTestId('org-name').fill(ORG.name);
      await form.getByTestId('org-category').selectOption({ label: 'Huisarts' });
      await form.getByTestId('org-street').fill(ORG.street);
      await form.getByTestId('org-house-number').fill(ORG.number);
      await form.getByTestId('org-postcode').fill('35XX');
      await form.getByTestId('org-city').fill(ORG.city);
      await form.getByTestId('org-phone').fill(ORG.phone);
      await form.getByTestId('invite-name').fill(CONTACT.name);
      await form.getByTestId('invite-email').fill(CONTACT.email);
      await form.getByTestId('invite-birth-date').fill(CONTACT.birthDate);
      await form.getByTestId('invite-submit').click();
      // A postcode that is not one is pointed out before anything is made.
      await form.getByTestId('org-postcode-error').getByText('Vul een postcode in als 1234 AB.').waitFor();
      assert.equal(await page.getByTestId('organisations').getByText(ORG.name).count(), 0);

      await form.getByTestId('org-postcode').fill(ORG.postcode);
      await form.getByTestId('invite-submit').click();
      await page.getByTestId('invite-notice').getByText(new RegExp(ORG.name)).waitFor();
      await page.getByTestId('organisations').getByText(ORG.name).waitFor();
      await helpdesk.screenshot('care-helpdesk-nl');
    });

    it('lets the main contact activate from the mail and add a team and a professional', async () => {
      const message = await mail.waitForMail({ to: CONTACT.email, subject: /Uitnodiging/ });
      const page = admin.page;
      await page.goto(findLink(message.body, '/activeren'));
      await page.getByLabel('Geboortedatum', { exact: true }).fill(CONTACT.birthDate);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(CONTACT.password);
      await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(CONTACT.password);
      await page.getByTestId('password-ok').waitFor();
      await page.getByRole('button', { name: 'Account activeren' }).click();
      await page.waitForURL(`${server.url}/`);
      await page.getByTestId('greeting').waitFor();

      // The organisation profile: the address as the helpdesk typed it, the category read-only.
      await page.goto(`${server.url}/beheer/organisatie`);
      await page.waitForFunction(() => document.querySelector('#profile-postcode')?.value === '3512 JE');
      assert.equal(await page.getByTestId('profile-category').isDisabled(), true);
      assert.equal(await page.getByTestId('profile-category').inputValue(), 'gp');

      await page.goto(`${server.url}/beheer/teams`);
      await page.getByTestId('team-name').fill(TEAM);
      await page.getByTestId('create-team').click();
      await page.getByTestId('teams').locator(`[data-name="${TEAM}"]`).waitFor();

      await page.goto(`${server.url}/beheer/professionals`);
      await page.getByTestId('admin-nav').getByRole('link', { name: 'Professionals' }).waitFor();
      await page.getByTestId('add-professional').click();
      await page.getByTestId('save-professional').click();
      await page.getByTestId('professional-name-error').getByText('Dit veld is verplicht.').waitFor();
      await page.getByTestId('professional-name').fill(KARIN.name);
      await page.getByTestId('professional-email').fill(KARIN.email);
      await page.getByTestId('professional-job-title').fill(KARIN.job);
      await page.getByTestId('professional-role').selectOption('employee');
      await page.getByTestId('professional-birth-date').fill('1985-09-01');
      await page.getByTestId('professional-team').selectOption({ label: TEAM });
      await page.getByTestId('save-professional').click();
      await page.getByTestId('professionals-notice').getByText(new RegExp(`${KARIN.name} is toegevoegd`)).waitFor();
      const row = page.locator(`[data-testid="professional-row"][data-email="${KARIN.email}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(TEAM));
      assert.equal(await row.getByTestId('activated').innerText(), 'Nog niet');
      await mail.waitForMail({ to: KARIN.email, subject: /Uitnodiging/ });

      // The team: Karin is in it; the administrator adds themselves as its main contact.
      await page.goto(`${server.url}/beheer/teams`);
      await page.getByTestId('teams').getByRole('link', { name: TEAM }).click();
      await page.locator(`[data-testid="team-member"][data-name="${KARIN.name}"]`).waitFor();
      await page.getByTestId('member-person').selectOption({ label: CONTACT.name });
      await page.getByTestId('member-main-contact').check();
      await page.getByTestId('add-member').click();
      const me = page.locator(`[data-testid="team-member"][data-name="${CONTACT.name}"]`);
      await me.waitFor();
      assert.equal(await me.getByTestId('main-contact-toggle').isChecked(), true);
      await admin.screenshot('care-team-nl');
    });

    it('lets a coordinator start a client and fill the network nearest first', async () => {
      const page = mark.page;
      await signInAs(mark, server.url, MARK.email);
      await openMenu(page, viewport, 'Netwerken');
      await page.waitForURL(/\/netwerken$/);
      await page.getByTestId('new-client-link').click();
      await page.getByTestId('client-first-name').fill('Wim');
      await page.getByTestId('client-last-name').fill('Bakker');
      await page.getByTestId('client-birth-date').fill('1940-02-03');
      await page.getByTestId('client-street').fill('Oudegracht');
      await page.getByTestId('client-house-number').fill('100');
      await page.getByTestId('client-postcode').fill('3511 AB');
      await page.getByTestId('client-city').fill('Utrecht');
      await page.getByTestId('create-client').click();
      await page.waitForURL(/\/netwerken\/[0-9a-f-]{36}$/);
      firstClientUrl = page.url();
      await page.getByTestId('client-name').getByText('Wim Bakker').waitFor();
      assert.equal(await page.getByTestId('primary-coordinator-name').innerText(), MARK.name);

      // Karin's module (Huisarts) is off: adding her is refused and nothing changes.
      const search = page.getByTestId('other-relations');
      await search.getByTestId('professional-search').fill('Karin');
      await search.locator(`[data-testid="professional-hit"][data-name="${KARIN.name}"]`).click();
      await search.getByTestId('save-professional').click();
      await search.getByTestId('professional-search-error').getByText(/De module van deze organisatie staat uit/).waitFor();
      assert.equal(await entry(page, KARIN.name).count(), 0);
      await search.getByRole('button', { name: 'Andere kiezen' }).click();

      await page.getByTestId('edit-modules').click();
      await page.getByTestId('module-gp').check();
      await page.getByTestId('save-modules').click();
      await page.getByTestId('modules-on').getByText('Huisarts').waitFor();

      // "Organisatie toevoegen" under Huisarts: nearest first, the distance shown.
      const gp = page.locator('[data-testid="category-block"][data-category="gp"]');
      await gp.getByTestId('add-organisation').click();
      const orgHits = gp.getByTestId('organisation-hit');
      await orgHits.first().waitFor();
      const orgNames = await orgHits.evaluateAll((hits) => hits.map((h) => h.dataset.name));
      assert.ok(orgNames.indexOf(ORG.name) < orgNames.indexOf('Huisartsenpraktijk De Brink'), orgNames.join(', '));
      const orgKm = (await gp.getByTestId('hit-meta').allInnerTexts()).map(km);
      assert.deepEqual(orgKm, [...orgKm].sort((a, b) => a - b), 'organisations nearest first');
      await gp.locator(`[data-testid="organisation-hit"][data-name="${ORG.name}"]`).click();
      await entry(page, ORG.name).waitFor();

      // "Professional zoeken": suggestions while typing, nearest first.
      await search.getByTestId('professional-search').fill('huisarts');
      const hits = search.getByTestId('professional-hit');
      await search.locator(`[data-testid="professional-hit"][data-name="Ellen Brink"]`).waitFor();
      const names = await hits.evaluateAll((list) => list.map((h) => h.dataset.name));
      assert.ok(names.indexOf(KARIN.name) >= 0 && names.indexOf(KARIN.name) < names.indexOf('Ellen Brink'), names.join(', '));
      const distances = (await search.getByTestId('hit-meta').allInnerTexts()).map(km);
      assert.deepEqual(distances, [...distances].sort((a, b) => a - b), 'professionals nearest first');
      assert.match(await hits.nth(names.indexOf(KARIN.name)).innerText(), new RegExp(`${KARIN.job}.*${ORG.name}`, 's'));
      await mark.screenshot('care-professional-search-nl');
      await hits.nth(names.indexOf(KARIN.name)).click();
      await search.getByTestId('save-professional').click();
      await gp.locator(`[data-testid="network-entry"][data-name="${KARIN.name}"]`).waitFor();

      // A colleague for the handover later.
      await search.getByTestId('professional-search').fill('Rachid');
      await search.locator(`[data-testid="professional-hit"][data-name="${RACHID.name}"]`).click();
      await search.getByTestId('save-professional').click();
      await entry(page, RACHID.name).first().waitFor();
    });

    it('adds an informal carer, and the same carer to a second client through the similar persons', async () => {
      const page = mark.page;
      const addCarer = async () => {
        await page.getByTestId('add-carer').click();
        await page.getByTestId('carer-first-name').fill(CARER.first);
        await page.getByTestId('carer-last-name').fill(CARER.last);
        await page.getByTestId('carer-female').check();
        await page.getByTestId('carer-email').fill(CARER.email);
        await page.getByTestId('carer-relation').fill(CARER.relation);
        await page.getByTestId('save-carer').click();
      };
      await addCarer();
      await page.getByTestId('carers').locator(`[data-name="${CARER.first} ${CARER.last}"]`).waitFor();

      await page.goto(`${server.url}/netwerken/nieuw`);
      await page.getByTestId('client-first-name').fill('Truus');
      await page.getByTestId('client-last-name').fill('Bakker');
      await page.getByTestId('client-birth-date').fill('1942-11-20');
      await page.getByTestId('client-street').fill('Oudegracht');
      await page.getByTestId('client-house-number').fill('100');
      await page.getByTestId('client-postcode').fill('3511 AB');
      await page.getByTestId('client-city').fill('Utrecht');
      await page.getByTestId('create-client').click();
      await page.getByTestId('client-name').getByText('Truus Bakker').waitFor();

      await addCarer();
      const similar = page.getByTestId('similar-persons');
      await similar.getByRole('heading', { name: 'Vergelijkbare personen' }).waitFor();
      const person = similar.locator(`[data-testid="similar-person"][data-name="${CARER.first} ${CARER.last}"]`);
      assert.match(await person.innerText(), /In 1 netwerk/);
      await mark.screenshot('care-similar-persons-nl');
      await person.getByTestId('link-person').click();
      await page.getByTestId('carers').locator(`[data-name="${CARER.first} ${CARER.last}"]`).waitFor();

      await page.goto(`${server.url}/netwerken`);
      await page.getByTestId('clients-search').fill('Bakker');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="client-row"]').length === 2);
      const rows = await page.getByTestId('clients-table').innerText();
      assert.match(rows, /Wim Bakker/);
      assert.match(rows, /Truus Bakker/);
    });

    it('hands the primary coordination to a colleague and removes oneself', async () => {
      const page = mark.page;
      await page.goto(firstClientUrl);
      const coordinators = page.getByTestId('coordinators-block');

      // The primary coordinator cannot leave: refused, and still there.
      await coordinators.getByTestId('remove-myself').click();
      await coordinators.getByTestId('remove-confirm').click();
      await coordinators.getByTestId('entry-error').getByText(/De primaire coördinator kan niet weg/).waitFor();
      assert.equal(await page.getByTestId('primary-coordinator-name').innerText(), MARK.name);

      await page.reload();
      await coordinators.getByTestId('edit-coordinators').click();
      const rachid = coordinators.locator(`[data-testid="coordinator-choice"][data-name="${RACHID.name}"]`);
      await rachid.getByTestId('choose-coordinator').check();
      await rachid.getByTestId('choose-primary').check();
      await coordinators.getByTestId('save-coordinators').click();
      await page.getByTestId('network-notice').getByText('De coördinatoren zijn bewaard.').waitFor();
      await page.getByTestId('primary-coordinator-name').getByText(RACHID.name).waitFor();

      await coordinators.getByTestId('remove-myself').click();
      await coordinators.getByTestId('remove-confirm').click();
      await page.getByTestId('left-network').getByText('U bent uit het netwerk verwijderd.').waitFor();
      await page.reload();
      await page.getByTestId('client-not-found').waitFor();

      // Rachid now leads the network and reads what happened.
      await signInAs(other, server.url, RACHID.email);
      await other.page.goto(firstClientUrl);
      await other.page.getByTestId('primary-coordinator-name').getByText(RACHID.name).waitFor();
      assert.equal(await entry(other.page, MARK.name).count(), 0);
      await other.page.getByTestId('tab-history').click();
      await other.page.locator('[data-testid="history-event"][data-action="coordinators_changed"]').waitFor();
      await other.page.locator('[data-testid="history-event"][data-action="professional_removed"]').filter({ hasText: MARK.name }).first().waitFor();
      await other.screenshot('care-history-nl');
    });

    it('answers "not found" to someone outside the network', async () => {
      const page = other.page;
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/inloggen$/);
      await signInAs(other, server.url, ANNA.email);
      await page.goto(firstClientUrl);
      await page.getByTestId('client-not-found').getByText('Deze cliënt bestaat niet, of u staat niet in het netwerk.').waitFor();
      for (const b of [helpdesk, admin, mark, other]) assert.deepEqual(b.errors, []);
    });
  });
}
