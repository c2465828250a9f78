// Issue 6 (records): the employer imports employees from a CSV file — the dry run
// shows per row what will be created, changed or rejected and why; a file without
// rejected rows applies, and the same file again changes nothing. A bad BSN in the
// record form gets a Dutch field error and changes nothing. The employee updates
// his address and asks for more contract hours; the employer approves; the
// employee sees his new hours. Walked at desktop and phone size, each on a fresh
// demo database.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const PIETER = { email: 'pieter.smit@vandijkbouw.example', name: 'Pieter Smit' };
const EVA = { email: 'eva.visser@vandijkbouw.example', name: 'Eva Visser' };

const HEADER = 'Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;E-mail;Telefoon;BSN;IBAN;Afdeling;Kostenplaats;In dienst;Contracturen';
const NEW_ROW = '1040;Ruben;;Verhoef;12-03-1991;ruben.verhoef@vandijkbouw.example;06 00000240;123456782;NL91ABNA0417164300;Uitvoering;Uitvoering 300;01-12-2026;40';
const CHANGED_ROW = '1002;Kees;de;Graaf;03-02-1971;kees.degraaf@vandijkbouw.example;;;;Kantoor;;;';
const REJECTED_ROW = '1041;Ilse;;Vos;01-01-1999;ilse.vos@vandijkbouw.example;06 00000241;123456783;;;;;';

/** Today in Amsterdam as YYYY-MM-DD. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

function csv(rows) {
  return Buffer.from(`\uFEFF${HEADER}\n${rows.join('\n')}\n`, 'utf8');
}

async function signInAs(browser, url, email) {
  const { page } = browser;
  await page.goto(`${url}/inloggen`);
  await signIn(page, { email, password: DEMO_PASSWORD });
  await page.getByTestId('greeting').waitFor();
}

async function openMenu(page, phone, name) {
  if (phone) await page.getByTestId('menu-button').click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

async function checkFile(page, name, rows) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: csv(rows) });
  await page.getByTestId('import-check').click();
  await page.locator('[data-testid="import-result"][data-applied="false"]').waitFor();
}

for (const viewport of VIEWPORTS) {
  describe(`employees: import, record, my details, change request (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    const phone = viewport.isMobile;
    let server;
    let eva;
    let pieter;

    before(async () => {
      server = await startServer(`employees-${viewport.name}`, { env: ({ url }) => ({ POORT_BASE_URL: url }) });
      eva = await openBrowser(viewport);
      pieter = await openBrowser(viewport);
    });

    after(async () => {
      for (const b of [pieter, eva]) await b?.close();
      await server?.stop();
    });

    it('imports a CSV: the dry run shows each row, a clean file applies, the same file again changes nothing', async () => {
      const { page } = eva;
      await signInAs(eva, server.url, EVA.email);
      await openMenu(page, phone, 'Medewerkers');
      await page.waitForURL(/\/medewerkers$/);
      await page.getByRole('heading', { level: 1, name: 'Medewerkers' }).waitFor();
      await page.getByTestId('employee-row').filter({ hasText: PIETER.name }).waitFor();
      await eva.screenshot('employees-list-nl');

      await page.getByTestId('employees-nav').getByRole('link', { name: 'Importeren' }).click();
      await page.waitForURL(/\/medewerkers\/import$/);
      await checkFile(page, 'medewerkers.csv', [NEW_ROW, CHANGED_ROW, REJECTED_ROW]);
      assert.equal(await page.getByTestId('import-counts').innerText(), '1 nieuw, 1 gewijzigd, 0 ongewijzigd, 1 geweigerd');
      const rows = page.getByTestId('import-row');
      assert.equal(await rows.count(), 3);
      assert.equal(await rows.nth(0).getAttribute('data-outcome'), 'created');
      assert.equal(await rows.nth(1).getAttribute('data-outcome'), 'changed');
      assert.match(await rows.nth(1).getByTestId('import-details').innerText(), /department/);
      assert.equal(await rows.nth(2).getAttribute('data-outcome'), 'rejected');
      assert.equal(await rows.nth(2).getByTestId('import-details').innerText(), 'BSN: Controlecijfer klopt niet');
      assert.equal(await page.getByTestId('import-apply').isDisabled(), true, 'nothing imports while a row is rejected');
      await eva.screenshot('employees-import-dry-run-nl');

      await checkFile(page, 'medewerkers-verbeterd.csv', [NEW_ROW, CHANGED_ROW]);
      assert.equal(await page.getByTestId('import-counts').innerText(), '1 nieuw, 1 gewijzigd, 0 ongewijzigd, 0 geweigerd');
      await page.getByTestId('import-apply').click();
      await page.locator('[data-testid="import-result"][data-applied="true"]').waitFor();
      assert.match(await page.getByTestId('import-done').innerText(), /1 nieuw, 1 gewijzigd, 0 ongewijzigd, 0 geweigerd/);
      await eva.screenshot('employees-import-done-nl');

      await checkFile(page, 'medewerkers-verbeterd.csv', [NEW_ROW, CHANGED_ROW]);
      assert.equal(await page.getByTestId('import-counts').innerText(), '0 nieuw, 0 gewijzigd, 2 ongewijzigd, 0 geweigerd');
      assert.equal(await page.getByTestId('import-apply').isDisabled(), true);

      await page.getByTestId('employees-nav').getByRole('link', { name: 'Overzicht' }).click();
      await page.getByTestId('employee-row').filter({ hasText: 'Ruben Verhoef' }).waitFor();
    });

    it('refuses a bad BSN in the record form with a Dutch field error, and changes nothing', async () => {
      const { page } = eva;
      await page.getByTestId('employee-row').filter({ hasText: 'Kees de Graaf' }).getByRole('link', { name: 'Kees de Graaf' }).click();
      await page.waitForURL(/\/medewerkers\/[0-9a-f-]{36}$/);
      assert.equal(await page.getByTestId('view-bsn').innerText(), '••••••094');
      assert.equal(await page.getByTestId('view-department').innerText(), 'Kantoor', 'the import changed it');
      await page.getByTestId('reveal').click();
      await page.getByTestId('view-bsn').getByText('234568094').waitFor();
      await page.getByTestId('reveal').click();
      await page.getByTestId('view-bsn').getByText('••••••094').waitFor();

      await page.getByTestId('edit-record').click();
      await page.getByLabel('BSN', { exact: true }).fill('234568095');
      await page.getByTestId('record-bsn-error').getByText('Dit nummer klopt niet (controlecijfer). Controleer op tikfouten.').waitFor();
      await eva.screenshot('employees-bad-bsn-nl');
      await page.getByTestId('save-record').click();
      await page.getByTestId('record-error').getByText('Controleer de gemarkeerde velden.').waitFor();
      await page.getByTestId('cancel-edit').click();
      assert.equal(await page.getByTestId('view-bsn').innerText(), '••••••094');
      await page.reload();
      await page.getByTestId('view-bsn').getByText('••••••094').waitFor();
      await page.getByTestId('history-line').first().waitFor();
      assert.match(await page.getByTestId('history-line').first().innerText(), /Geïmporteerd/);
    });

    it('lets the employee change his address and ask for more contract hours', async () => {
      const { page } = pieter;
      await signInAs(pieter, server.url, PIETER.email);
      await openMenu(page, phone, 'Mijn gegevens');
      await page.waitForURL(/\/mijn-gegevens$/);
      await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
      assert.equal(await page.getByTestId('my-bsn').innerText(), '••••••045');
      assert.equal(await page.getByTestId('my-period-hours').first().innerText(), '32');

      await page.getByTestId('edit-contact').click();
      await page.getByLabel('Straat', { exact: true }).fill('Kanaalweg');
      await page.getByLabel('Huisnummer', { exact: true }).fill('2');
      await page.getByLabel('Postcode', { exact: true }).fill('99');
      await page.getByTestId('save-contact').click();
      await page.getByTestId('my-postcode-error').waitFor();
      await page.getByLabel('Postcode', { exact: true }).fill('4337pr');
      await page.getByTestId('save-contact').click();
      await page.getByTestId('contact-saved').getByText('Je adres en telefoonnummers zijn opgeslagen.').waitFor();
      assert.equal(await page.getByTestId('my-address').innerText(), 'Kanaalweg 2, 4337 PR Middelburg');

      // The demo's request for January is withdrawn; he asks for 36 hours from today.
      await page.getByTestId('withdraw-request').first().click();
      await page.locator('[data-testid="my-request"][data-status="withdrawn"]').waitFor();
      await page.getByLabel('Gegeven', { exact: true }).selectOption('contract_minutes');
      await page.getByLabel('Nieuw', { exact: true }).fill('36');
      await page.getByLabel('Per', { exact: true }).fill(today());
      await page.getByLabel('Reden', { exact: true }).fill('Een dag extra op de bouw');
      await page.getByTestId('send-request').click();
      await page.getByTestId('request-sent').getByText('Je verzoek is verstuurd naar je werkgever.').waitFor();
      await page.locator('[data-testid="my-request"][data-status="pending"]').waitFor();
      await pieter.screenshot('employees-my-details-nl');
    });

    it('lets the employer approve, after which the employee sees his new hours', async () => {
      const { page } = eva;
      await page.goto(`${server.url}/medewerkers/wijzigingsverzoeken`);
      const request = page.getByTestId('change-request').filter({ hasText: PIETER.name });
      await request.waitFor();
      assert.equal(await request.getByTestId('request-new-value').innerText(), '36');
      // Declining needs a note.
      await request.getByTestId('decline-request').click();
      await request.getByTestId('decision-note-error').waitFor();
      await eva.screenshot('employees-change-requests-nl');
      await request.getByTestId('approve-request').click();
      await page.getByTestId('request-decided').getByText('Pieter Smit: Goedgekeurd').waitFor();
      await page.getByTestId('no-requests').waitFor();

      const mine = pieter.page;
      await mine.reload();
      await mine.getByTestId('my-period').first().waitFor();
      assert.equal(await mine.getByTestId('my-period-hours').first().innerText(), '36');
      await mine.locator('[data-testid="my-request"][data-status="approved"]').waitFor();
      assert.deepEqual(eva.errors, []);
      assert.deepEqual(pieter.errors, []);
    });
  });
}
