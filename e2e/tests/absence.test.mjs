// Issue 5 (absence): the employee reports sick from the dashboard; the employer
// sees the case with its poortwachter timeline and the dossier view; the case
// manager uploads a plan of action (a real PDF made here) visible to the
// employee and marks a step done; the employee gets the mail from the real
// SMTP sink and downloads the document; the physician writes a medical note
// and a statement for the employer; the employer reports recovery with a date
// before the first sick day (refused, nothing changes), then 50 % and later
// full recovery, which closes the open steps. The employer never sees the
// medical note: not on any page they visit, not in any response they receive.
// Walked at desktop and phone size, each on a fresh demo database.
//
// The server runs on the real clock: the first sick day is two weeks ago, so
// the first steps are overdue and the later ones still open.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import { DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';

const PIETER = { email: 'pieter.smit@vandijkbouw.example', name: 'Pieter Smit' };
const EVA = { email: 'eva.visser@vandijkbouw.example', name: 'Eva Visser' };
const LOTTE = { email: 'lotte.mulder@arbozorg.example', name: 'Lotte Mulder' };
// The physician works at ArboZorg and, through a membership there, serves Van Dijk (demo data).
const JEROEN = { email: 'jeroen.hendriks@arbozorg.example', name: 'Jeroen Hendriks' };
const VAN_DIJK = 'Bouwbedrijf Van Dijk B.V.';

const PRIVACY_WARNING = 'Schrijf hier geen medische informatie (diagnose, klachten, behandeling).';
const PLAN_TITLE = 'Plan van aanpak na probleemanalyse';
const ONGOING_WORK = 'Oplevering Kerkstraat 12 overnemen; overleg met Jansen Installaties op dinsdag.';
const ADVICE = 'Start met halve dagen op kantoor, na twee weken evalueren.';

/** A calendar day in Amsterdam, `offset` days from today, as YYYY-MM-DD. */
function day(offset = 0) {
  const at = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
}

/** A small, valid one-page PDF saying `text`, with a correct cross-reference table. */
function pdf(text) {
  const content = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function signInAs(browser, url, email) {
  const { page } = browser;
  await page.goto(`${url}/inloggen`);
  await signIn(page, { email, password: DEMO_PASSWORD });
  await page.getByTestId('greeting').waitFor();
}

/** The activity on the case page with this key (`problem_analysis`, `evaluation_1`, …). */
function activity(page, key) {
  return page.locator(`[data-testid="timeline"] [data-testid="activity"][data-key="${key}"]`);
}

for (const viewport of VIEWPORTS) {
  describe(`absence: sick report, dossier, documents, physician, recovery (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    const phone = viewport.isMobile;
    const marker = `MEDISCH-${viewport.name}-${Math.random().toString(36).slice(2, 10)}`;
    const firstSickDay = day(-14);
    let mail;
    let server;
    let pieter;
    let eva;
    let lotte;
    let jeroen;
    let caseUrl;
    let caseNumber;
    // Everything the employer's browser received from the API, to search for the medical note.
    const employerResponses = [];

    /** Fails when the employer's current page shows the medical note anywhere. */
    async function employerSeesNoMedicalNote() {
      const text = await eva.page.locator('body').innerText();
      assert.ok(!text.includes(marker), `the medical note is on the employer's page ${eva.page.url()}`);
      const html = await eva.page.content();
      assert.ok(!html.includes(marker), `the medical note is in the employer's page source ${eva.page.url()}`);
    }

    before(async () => {
      mail = await startMailSink();
      server = await startServer(`absence-${viewport.name}`, {
        env: ({ url }) => ({ POORT_SMTP_URL: mail.smtpUrl, POORT_BASE_URL: url }),
      });
      pieter = await openBrowser(viewport);
      eva = await openBrowser(viewport);
      lotte = await openBrowser(viewport);
      jeroen = await openBrowser(viewport);
      // Read when the request has finished, so the body is complete; a body the
      // browser dropped after a navigation counts as unread (`null`).
      eva.page.on('requestfinished', (req) => {
        if (!new URL(req.url()).pathname.startsWith('/api/')) return;
        const unread = new Promise((resolve) => setTimeout(() => resolve(null), 5_000));
        const body = req.response().then((r) => (r ? r.text() : null)).catch(() => null);
        employerResponses.push(
          Promise.race([body, unread]).then((text) => ({ url: req.url(), method: req.method(), body: text })),
        );
      });
    });

    after(async () => {
      for (const b of [jeroen, lotte, eva, pieter]) await b?.close();
      await server?.stop();
      await mail?.stop();
    });

    it('lets the employee report sick from the dashboard, and says what is expected of him', async () => {
      const { page } = pieter;
      await signInAs(pieter, server.url, PIETER.email);
      const card = page.getByTestId('absence-quick');
      await card.waitFor();
      await pieter.screenshot('absence-dashboard-employee-nl');
      await card.getByTestId('quick-sick-report').click();
      await page.waitForURL(/\/verzuim\/ziek-melden$/);
      await page.getByRole('heading', { level: 1, name: 'Ziek melden' }).waitFor();
      assert.equal(await page.title(), 'Ziek melden – Verzuim – Poort');

      await page.getByLabel('Eerste ziektedag', { exact: true }).fill(firstSickDay);
      const hours = page.getByLabel('Gewerkte uren op de eerste ziektedag (niet verplicht)', { exact: true });
      await hours.fill('25:00');
      await page.getByTestId('submit-sick-report').click();
      await page.getByTestId('own-hours-error').getByText(/hoogstens 24:00/).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'own-hours');
      await hours.fill('2:30');
      await page.getByLabel('Telefoonnummer tijdens ziekte (niet verplicht)', { exact: true }).fill('06 12345678');
      await pieter.screenshot('absence-sick-report-nl');
      await page.getByTestId('submit-sick-report').click();

      await page.waitForURL(/\/verzuim\/[0-9a-f-]{36}$/);
      caseUrl = new URL(page.url()).pathname;
      const title = await page.getByTestId('case-title').innerText();
      caseNumber = title.match(/^Verzuimdossier (\S+)$/)?.[1];
      assert.ok(caseNumber, `case number in "${title}"`);
      assert.match(await page.getByTestId('sick-week').innerText(), /^Ziekteweek 3 \(15 ziektedagen\)$/);
      assert.equal(await page.getByTestId('incapacity').innerText(), '100%');
      // What is expected of him: the plan of action, with employer, by week 8.
      const expected = page.getByTestId('expected-of-you');
      await expected.locator('[data-testid="expected-step"][data-key="plan_of_action"]').getByText('Plan van aanpak').waitFor();
      assert.match(await activity(page, 'plan_of_action').getAttribute('class'), /is-mine/);
      assert.equal(await activity(page, 'problem_analysis').getAttribute('class').then((c) => /is-mine/.test(c)), false);
      await page.locator('[data-testid="history-event"][data-action="reported_sick"]').waitFor();
      // The employee reports full recovery himself; there is no percentage for him.
      await page.getByTestId('own-recovery-form').waitFor();
      assert.equal(await page.getByTestId('recovery-percent').count(), 0);
      assert.equal(await page.getByTestId('medical-notes').count(), 0);
      await pieter.screenshot('absence-employee-case-nl');
    });

    it('shows the employer the case with its timeline, in the list and the dossier view', async () => {
      const { page } = eva;
      await signInAs(eva, server.url, EVA.email);
      await page.getByTestId('absence-pending').getByTestId('pending-step').first().waitFor();
      await eva.screenshot('absence-dashboard-employer-nl');
      if (phone) await page.getByTestId('menu-button').click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzuim' }).click();
      await page.waitForURL(/\/verzuim$/);
      await page.getByRole('heading', { level: 1, name: 'Verzuimdossiers' }).waitFor();
      await page.getByLabel('Zoeken', { exact: true }).fill(caseNumber);
      const row = page.locator(`[data-testid="case-row"][data-case-number="${caseNumber}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-employee'), PIETER.name);
      assert.match(await row.innerText(), /Ziek/);
      assert.match(await row.innerText(), /te laat/);
      await eva.screenshot('absence-cases-nl');
      await employerSeesNoMedicalNote();

      await row.getByTestId('open-case').click();
      await page.waitForURL(new RegExp(`${caseUrl}$`));
      await page.getByTestId('case-title').getByText(`Verzuimdossier ${caseNumber}`).waitFor();
      assert.match(await page.getByTestId('case-employee').innerText(), new RegExp(`${PIETER.name} · ${VAN_DIJK}`));
      // His own sick report is done by reporting; the employer's report to the arbodienst is late.
      assert.equal(await activity(page, 'sick_report').getAttribute('data-state'), 'done');
      assert.equal(await activity(page, 'report_to_arbodienst').getAttribute('data-state'), 'overdue');
      assert.equal(await activity(page, 'problem_analysis').getAttribute('data-state'), 'open');
      // Far-away steps wait behind "show all".
      assert.equal(await activity(page, 'wia_application').count(), 0);
      await page.getByTestId('timeline-show-all').click();
      for (const [key, name] of [
        ['problem_analysis', 'Probleemanalyse'],
        ['plan_of_action', 'Plan van aanpak'],
        ['uwv_report_42', '42e-weeksmelding aan UWV'],
        ['first_year_evaluation', 'Eerstejaarsevaluatie'],
        ['wia_application', 'WIA-aanvraag'],
      ]) {
        await activity(page, key).getByText(name, { exact: true }).waitFor();
      }
      // A window, "from … to …", for the first-year evaluation.
      assert.match(await activity(page, 'first_year_evaluation').innerText(), /Van \d+ \w+ \d{4} tot \d+ \w+ \d{4}/);

      // The employer records what the law allows, with the warning beside free text.
      await page.getByTestId('edit-facts').click();
      const form = page.getByTestId('facts-form');
      await form.getByLabel('Verwachte duur', { exact: true }).selectOption({ label: 'Een tot zes weken' });
      await form.getByLabel('Lopende afspraken en werkzaamheden (niet verplicht)', { exact: true }).fill(ONGOING_WORK);
      assert.equal(await form.getByTestId('privacy-warning').innerText(), PRIVACY_WARNING);
      await form.getByLabel('Arbeidsconflict', { exact: true }).selectOption({ label: 'Nee' });
      await form.getByTestId('save-facts').click();
      await page.getByTestId('facts-notice').getByText('De gegevens zijn opgeslagen.').waitFor();
      assert.match(await page.getByTestId('case-facts').last().innerText(), /Oplevering Kerkstraat 12/);
      await eva.screenshot('absence-employer-case-nl');
      await employerSeesNoMedicalNote();

      // Someone else saves the facts meanwhile: her typing stays, she saves again.
      await page.getByTestId('edit-facts').click();
      await form.getByLabel('Lopende afspraken en werkzaamheden (niet verplicht)', { exact: true }).fill(`${ONGOING_WORK} Sleutels bij de uitvoerder.`);
      const elsewhere = await page.evaluate(async (url) => {
        const current = await (await fetch(url)).json();
        const r = await fetch(`${url}/facts`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ facts: { ...current.facts, expected_duration: 'six_weeks_to_three_months' }, version: current.version }),
        });
        return r.status;
      }, `/api/v1/absence-cases/${caseUrl.split('/').pop()}`);
      assert.equal(elsewhere, 200);
      await form.getByTestId('save-facts').click();
      await page.getByTestId('facts-stale').getByText(/Iemand anders heeft dit dossier intussen gewijzigd/).waitFor();
      assert.match(
        await form.getByLabel('Lopende afspraken en werkzaamheden (niet verplicht)', { exact: true }).inputValue(),
        /Sleutels bij de uitvoerder\.$/,
      );
      await form.getByTestId('save-facts').getByText('Opnieuw opslaan').waitFor();
      await eva.screenshot('absence-facts-stale-nl');
      await form.getByTestId('save-facts').click();
      await page.getByTestId('facts-notice').getByText('De gegevens zijn opgeslagen.').waitFor();
      assert.match(await page.getByTestId('case-facts').innerText(), /Sleutels bij de uitvoerder/);

      // Pregnancy leave is not sickness: ticked, the poortwachter steps close; unticked, they are back.
      await page.getByTestId('edit-facts').click();
      await form.getByLabel('Zwangerschaps- of bevallingsverlof', { exact: true }).check();
      await form.getByTestId('save-facts').click();
      await page.getByTestId('facts-notice').getByText('De gegevens zijn opgeslagen.').waitFor();
      assert.equal(await page.getByTestId('facts-pregnancy-leave-value').innerText(), 'Ja');
      await page.locator('[data-testid="activity"][data-key="problem_analysis"][data-state="closed"]').waitFor();
      await page.getByTestId('edit-facts').click();
      await form.getByLabel('Zwangerschaps- of bevallingsverlof', { exact: true }).uncheck();
      await form.getByTestId('save-facts').click();
      await page.getByTestId('facts-notice').getByText('De gegevens zijn opgeslagen.').waitFor();
      assert.equal(await page.getByTestId('facts-pregnancy-leave-value').innerText(), 'Nee');
      await page.locator('[data-testid="activity"][data-key="problem_analysis"][data-state="open"]').waitFor();

      // Reporting him sick again while his case is open is refused on the field, in Dutch.
      await page.goto(`${server.url}/verzuim/medewerker-ziek-melden`);
      await page.getByRole('heading', { level: 1, name: 'Medewerker ziek melden' }).waitFor();
      await page.getByLabel('Medewerker', { exact: true }).fill('Pieter');
      await page.getByTestId('person-option').filter({ hasText: PIETER.name }).click();
      await page.getByTestId('chosen-person').getByText(`Gekozen: ${PIETER.name}`).waitFor();
      await page.getByLabel('Eerste ziektedag', { exact: true }).fill(day(0));
      await page.getByLabel('Gevolg van een bedrijfsongeval', { exact: true }).selectOption({ label: 'Nee' });
      assert.ok((await page.getByTestId('privacy-warning').count()) >= 1, 'free text carries the warning');
      await page.getByTestId('submit-report-for').click();
      await page.getByTestId('report-first-day-error').getByText('Er is al een open ziekmelding. Meld eerst herstel.').waitFor();
      await eva.screenshot('absence-report-for-nl');
      await employerSeesNoMedicalNote();

      // Seed 004's dossier view: every step, filtered and searched.
      await page.goto(`${server.url}/verzuim/activiteiten`);
      await page.getByRole('heading', { level: 1, name: 'Activiteiten' }).waitFor();
      await page.getByLabel('Zoeken', { exact: true }).fill(caseNumber);
      if (!(await page.getByTestId('activity-filters').isVisible())) await page.getByTestId('toggle-filters').click();
      await page.getByLabel('Alleen te laat', { exact: true }).check();
      const overdue = page.locator(`[data-testid="activity-row"][data-case-number="${caseNumber}"]`);
      await overdue.filter({ hasText: 'Ziekmelding aan de arbodienst' }).waitFor();
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('[data-testid="activity-row"]')].every((r) => r.dataset.state === 'overdue' && r.dataset.caseNumber === n),
        caseNumber,
      );
      await page.getByLabel('Alleen te laat', { exact: true }).uncheck();
      await page.getByLabel('Activiteit', { exact: true }).selectOption({ label: 'Plan van aanpak' });
      await page.locator(`[data-testid="activity-row"][data-key="plan_of_action"][data-case-number="${caseNumber}"]`).waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="activity-row"]')].every((r) => r.dataset.key === 'plan_of_action'),
      );
      await eva.screenshot('absence-activities-nl');
      await employerSeesNoMedicalNote();
    });

    it('lets the case manager mark a step done and upload a plan of action for the employee', async () => {
      const { page } = lotte;
      await signInAs(lotte, server.url, LOTTE.email);
      // Whichever of her organisations she acts in, she sees the cases of those she serves.
      await page.goto(`${server.url}/verzuim`);
      await page.getByLabel('Zoeken', { exact: true }).fill(caseNumber);
      const row = page.locator(`[data-testid="case-row"][data-case-number="${caseNumber}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(VAN_DIJK));
      await row.getByTestId('open-case').click();
      await page.waitForURL(new RegExp(`${caseUrl}$`));

      const step = activity(page, 'report_to_arbodienst');
      await step.getByTestId('mark-done').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="activity"][data-key="report_to_arbodienst"]')?.dataset.state === 'done',
      );
      assert.match(await activity(page, 'report_to_arbodienst').innerText(), /Gedaan op .* door Lotte Mulder/);
      await activity(page, 'report_to_arbodienst').getByTestId('undo-done').waitFor();

      // An extra step for the employer, with the warning beside its description.
      await page.getByTestId('add-activity').locator('summary').click();
      const extra = page.getByTestId('add-activity');
      await extra.getByLabel('Omschrijving', { exact: true }).fill('Gesprek met uitvoerder over aangepast werk');
      assert.equal(await extra.getByTestId('privacy-warning').innerText(), PRIVACY_WARNING);
      await extra.getByLabel('Uiterlijk op', { exact: true }).fill(day(10));
      await extra.getByLabel('Wie', { exact: true }).selectOption({ label: 'Werkgever' });
      await extra.getByTestId('submit-activity').click();
      await extra.getByTestId('add-activity-notice').getByText('De activiteit is toegevoegd.').waitFor();
      await page.locator('[data-testid="activity"]').filter({ hasText: 'Gesprek met uitvoerder over aangepast werk' }).waitFor();

      const upload = page.getByTestId('upload-form');
      await upload.getByLabel('Soort document', { exact: true }).selectOption({ label: 'Plan van aanpak' });
      // Nothing chosen yet: the title comes first, then the file.
      await upload.getByTestId('submit-upload').click();
      await upload.getByTestId('document-title-error').getByText('Dit veld is verplicht.').waitFor();
      await upload.getByLabel('Titel', { exact: true }).fill(PLAN_TITLE);
      assert.equal(await upload.getByTestId('privacy-warning').innerText(), PRIVACY_WARNING);
      await upload.getByTestId('submit-upload').click();
      await upload.getByTestId('document-file-error').getByText('Kies een bestand.').waitFor();
      await upload.getByLabel('Bestand', { exact: true }).setInputFiles({
        name: 'plan-van-aanpak.pdf',
        mimeType: 'application/pdf',
        buffer: pdf('Plan van aanpak'),
      });
      await upload.getByTestId('upload-visible-employee').check();
      await lotte.screenshot('absence-upload-nl');
      await upload.getByTestId('submit-upload').click();
      await page.getByTestId('documents-notice').getByText('Het document is toegevoegd.').waitFor();
      const doc = page.locator(`[data-testid="document-row"][data-title="${PLAN_TITLE}"]`);
      await doc.waitFor();
      assert.equal(await doc.getByTestId('visible-employee').isChecked(), true);
      assert.equal(await doc.getByTestId('visible-employer').isChecked(), false);
      await page.locator('[data-testid="history-event"][data-action="document_added"]').getByText(PLAN_TITLE).waitFor();
      await lotte.screenshot('absence-case-manager-case-nl');
    });

    it('mails the employee, who opens the case from the mail and downloads the plan', async () => {
      const message = await mail.waitForMail({ to: PIETER.email, subject: /Nieuw document in verzuimdossier/ });
      assert.match(message.subject, new RegExp(caseNumber));
      assert.match(message.body, new RegExp(PLAN_TITLE));
      const link = findLink(message.body, '/verzuim/');
      assert.equal(new URL(link).pathname, caseUrl);

      const { page } = pieter;
      await page.goto(link);
      const doc = page.locator(`[data-testid="document-row"][data-title="${PLAN_TITLE}"]`);
      await doc.waitFor();
      assert.equal(await doc.getByTestId('visible-employee').count(), 0, 'the employee does not change who sees it');
      const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('download-document').click()]);
      assert.equal(download.suggestedFilename(), 'plan-van-aanpak.pdf');
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(bytes.equals(pdf('Plan van aanpak')), 'the same file comes back');
      await pieter.screenshot('absence-employee-document-nl');
    });

    it('lets the physician write a medical note and a statement the employer may read', async () => {
      const { page } = jeroen;
      await signInAs(jeroen, server.url, JEROEN.email);
      await page.goto(`${server.url}${caseUrl}`);
      const notes = page.getByTestId('medical-notes');
      await notes.waitFor();
      assert.match(await notes.innerText(), /Alleen de bedrijfsarts leest en schrijft deze notities/);
      await notes.getByLabel('Nieuwe medische notitie', { exact: true }).fill(`${marker}: rugklachten na val van steiger, fysiotherapie gestart.`);
      await notes.getByTestId('submit-medical-note').click();
      await notes.getByTestId('medical-note-notice').getByText('De notitie is opgeslagen.').waitFor();
      await notes.getByTestId('medical-note-item').getByText(marker, { exact: false }).waitFor();

      const form = page.getByTestId('statement-form');
      await form.getByLabel('Functionele beperkingen', { exact: true }).fill('Niet tillen boven 10 kg, niet op steigers.');
      await form.getByLabel('Mogelijkheden (benutbare mogelijkheden)', { exact: true }).fill('Kantoorwerk en werkvoorbereiding, halve dagen.');
      await form.getByLabel('Verwachte duur', { exact: true }).selectOption({ label: 'Zes weken tot drie maanden' });
      await form.getByLabel('Advies over werk en re-integratie', { exact: true }).fill(ADVICE);
      assert.equal(await form.getByTestId('privacy-warning').count(), 3, 'a warning beside each text the employer reads');
      await form.getByTestId('submit-statement').click();
      await page.getByTestId('statement-notice').getByText('De terugkoppeling is opgeslagen.').waitFor();
      await page.getByTestId('statements').getByTestId('statement').getByText(ADVICE).waitFor();
      await jeroen.screenshot('absence-physician-nl');
    });

    it('refuses a recovery before the first sick day and changes nothing', async () => {
      const { page } = eva;
      await page.goto(`${server.url}${caseUrl}`);
      await page.getByTestId('recovery-form').waitFor();
      // The statement is there for her; the medical note is not.
      await page.getByTestId('statements').getByText(ADVICE).waitFor();
      assert.equal(await page.getByTestId('medical-notes').count(), 0);
      await employerSeesNoMedicalNote();

      const form = page.getByTestId('recovery-form');
      await form.getByLabel('Percentage hersteld', { exact: true }).fill('50');
      await form.getByLabel('Vanaf', { exact: true }).fill(day(-20));
      await form.getByTestId('submit-recovery').click();
      await form.getByTestId('recovery-date-error').getByText('Deze datum ligt vóór de eerste ziektedag.').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'recovery-date');
      await eva.screenshot('absence-recovery-refused-nl');
      // The server says the same, and the case is as it was.
      const answer = await page.evaluate(
        async ({ url, from }) => {
          const r = await fetch(`${url}/recoveries`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ from_date: from, percent: 50 }),
          });
          return { status: r.status, body: await r.json() };
        },
        { url: `/api/v1/absence-cases/${caseUrl.split('/').pop()}`, from: day(-20) },
      );
      assert.equal(answer.status, 422);
      assert.equal(answer.body.fields.from_date.code, 'before_first_sick_day');
      await page.reload();
      await page.getByTestId('case-title').waitFor();
      assert.equal(await page.getByTestId('incapacity').innerText(), '100%');
      assert.equal(await page.getByTestId('recovery-steps').count(), 0);
      assert.equal(await page.locator('[data-testid="history-event"][data-action="partly_recovered"]').count(), 0);
    });

    it('lets the employer report 50 % recovery and later full recovery, which closes the open steps', async () => {
      const { page } = eva;
      const form = page.getByTestId('recovery-form');
      await form.getByLabel('Percentage hersteld', { exact: true }).fill('50');
      await form.getByLabel('Vanaf', { exact: true }).fill(day(-7));
      assert.equal(await form.getByTestId('submit-recovery').innerText(), 'Gedeeltelijk herstel melden');
      await form.getByTestId('submit-recovery').click();
      await page.getByTestId('case-notice').getByText('Het gedeeltelijk herstel is verwerkt.').waitFor();
      assert.equal(await page.getByTestId('incapacity').innerText(), '50%');
      await page.getByTestId('recovery-steps').getByText(/^50% hersteld vanaf /).waitFor();
      // Partial recovery does not stop the clock.
      assert.equal(await activity(page, 'problem_analysis').getAttribute('data-state'), 'open');

      await form.getByLabel('Percentage hersteld', { exact: true }).fill('100');
      await form.getByLabel('Vanaf', { exact: true }).fill(day(0));
      assert.equal(await form.getByTestId('submit-recovery').innerText(), 'Volledig herstel melden');
      await form.getByTestId('submit-recovery').click();
      await page.getByTestId('case-notice').getByText('De hersteldmelding is verwerkt. Het dossier is afgesloten.').waitFor();
      assert.equal(await page.getByTestId('case-status').first().innerText(), 'Afgesloten');
      assert.equal(await page.getByTestId('recovery-form').count(), 0, 'a closed case takes no recovery');
      assert.equal(await activity(page, 'problem_analysis').getAttribute('data-state'), 'closed');
      assert.equal(await activity(page, 'plan_of_action').getAttribute('data-state'), 'closed');
      assert.equal(await activity(page, 'report_to_arbodienst').getAttribute('data-state'), 'done', 'done steps keep their record');
      await page.getByTestId('timeline-show-all').click();
      await activity(page, 'end_of_wage_continuation').waitFor();
      const states = await page.locator('[data-testid="timeline"] [data-testid="activity"]').evaluateAll((items) => items.map((i) => i.dataset.state));
      assert.ok(!states.some((s) => s === 'open' || s === 'overdue'), `no step left open: ${states}`);
      await page.locator('[data-testid="history-event"][data-action="recovered"]').waitFor();
      await eva.screenshot('absence-recovered-nl');
      await employerSeesNoMedicalNote();
    });

    it('shows the employee his case as closed, in his earlier sick reports', async () => {
      const { page } = pieter;
      await page.goto(`${server.url}/verzuim`);
      await page.getByRole('heading', { level: 1, name: 'Mijn verzuim' }).waitFor();
      await page.getByTestId('no-open-case').getByTestId('report-sick-link').waitFor();
      await page.getByTestId('earlier-case').getByText(caseNumber).waitFor();
      await pieter.screenshot('absence-employee-mine-nl');
    });

    it('never showed the employer the medical note, in any page or response', async () => {
      const { page } = eva;
      const refused = await page.evaluate(async (id) => (await fetch(`/api/v1/absence-cases/${id}/medical-notes`)).status, caseUrl.split('/').pop());
      assert.equal(refused, 404);
      const id = caseUrl.split('/').pop();
      const responses = await Promise.all(employerResponses);
      const caseReads = responses.filter((r) => r.method === 'GET' && r.url.endsWith(`/api/v1/absence-cases/${id}`));
      assert.ok(caseReads.length >= 3, `the employer read the case (${caseReads.length} times)`);
      assert.deepEqual(caseReads.filter((r) => r.body === null).map((r) => r.url), [], 'every case read was checked');
      assert.ok(caseReads.some((r) => r.body.includes(ADVICE)), 'the statement reached the employer');
      const leaks = responses.filter((r) => r.body?.includes(marker));
      assert.deepEqual(leaks.map((r) => r.url), []);
    });

    it('raised no script errors', () => {
      for (const b of [pieter, eva, lotte, jeroen]) assert.deepEqual(b.errors, []);
    });
  });
}
