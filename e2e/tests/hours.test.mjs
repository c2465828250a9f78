// Issue 4 (hours): a reminder mail links a worker to the week she has not
// signed yet; she enters the next week and signs it; the coordinator rejects it
// with a reason; she corrects and signs again; the coordinator approves; the
// administrator exports (CSV and XLSX downloads) and the week shows as processed,
// in her declarations by cost centre too. Meanwhile Monday 09:00 passes: the week
// she left unsigned locks and is late; she asks for a correction and the planner
// accepts it. Walked at desktop and phone size, each on a fresh demo database
// (SQLite, and PostgreSQL in the e2e-postgres step).
//
// The server's clock starts at Monday 23 November 2026 08:59 Amsterdam time and
// runs on from there (a test-only setting), so the deadline of week 47 passes a
// minute into the walk; the browsers' clocks start at the server's time. The
// first step (about 5 s) must be done by then; the walk on the next week fills
// most of the wait.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import { ANNA, DEMO_PASSWORD, signIn, signOut } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';

// A minute before the deadline of week 47 (Monday 09:00 in Amsterdam, 08:00 UTC).
const CLOCK_START = '2026-11-23T07:59:00Z';
/** How long the walk may wait for the deadline to pass and the hours job to lock the week. */
const LOCK_TIMEOUT_MS = 240_000;

const MARK = { email: 'mark.devries@delinde.example', name: 'Mark de Vries' };
const FATIMA = { email: 'fatima.elamrani@delinde.example', name: 'Fatima El Amrani' };
const SOPHIE = { email: 'sophie.bakker@delinde.example', name: 'Sophie Bakker' };
const EVA = { email: 'eva.visser@vandijkbouw.example' };
const NOORD = 'Wijkzorg Noord 4100';
const ZUID = 'Wijkzorg Zuid 4200';
const REJECTION = 'Woensdag was u bij mevrouw De Groot, niet bij mevrouw Kramer.';
const CORRECTION = 'Woensdag ben ik nog twee uur bij mevrouw Kramer geweest; dat stond er niet in.';

/** The dates of an ISO week such as 2026-W47, Monday first, as YYYY-MM-DD. */
function weekDays(week) {
  const [, year, number] = week.match(/^(\d{4})-W(\d{2})$/).map(Number);
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7);
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(monday);
    d.setUTCDate(monday.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });
}

/** The ISO week `by` weeks from `week` (before it when negative). */
function weekFrom(week, by) {
  const monday = new Date(`${weekDays(week)[0]}T12:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() + 7 * by);
  const thursday = new Date(monday);
  thursday.setUTCDate(monday.getUTCDate() + 3);
  const year = thursday.getUTCFullYear();
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const number = 1 + Math.floor(((thursday - jan1) / 86_400_000 - 3 + ((jan1.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(number).padStart(2, '0')}`;
}

const nextWeek = (week) => weekFrom(week, 1);

/**
 * Reloads the week until the deadline has passed and the hours job has locked it
 * (its history says so): the server's clock runs at the real pace.
 */
async function waitForLock(page) {
  const until = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    await page.getByTestId('week-title').waitFor();
    const locked = await page.getByTestId('locked').count();
    const recorded = await page.locator('[data-testid="history-event"][data-action="locked"]').count();
    if (locked && recorded) return;
    if (Date.now() > until) throw new Error(`the week did not lock within ${LOCK_TIMEOUT_MS} ms`);
    await page.waitForTimeout(2_000);
    await page.reload();
  }
}

async function signInAs(browser, url, email) {
  const { page } = browser;
  await page.goto(`${url}/inloggen`);
  await signIn(page, { email, password: DEMO_PASSWORD });
  await page.getByTestId('greeting').waitFor();
}

/** On a phone one day shows at a time: pick its tab. On a desktop every day is there. */
async function showDay(page, viewport, date, scope = page) {
  if (viewport.isMobile) await scope.getByTestId(`tab-${date}`).click();
  return scope.getByTestId(`day-${date}`);
}

for (const viewport of VIEWPORTS) {
  describe(`hours: sign, reject, correct, approve, export (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let sink;
    let server;
    let anna;
    let mark;
    let fatima;
    let sophie;
    // The week the reminder is about (deadline this morning), and the next one she signs.
    let due;
    let dueDays;
    let week;
    let days;

    before(async () => {
      sink = await startMailSink();
      server = await startServer(`hours-${viewport.name}`, {
        clockStart: CLOCK_START,
        env: ({ url }) => ({ POORT_SMTP_URL: sink.smtpUrl, POORT_BASE_URL: url }),
      });
      anna = await openBrowser(viewport, { now: server.now() });
      mark = await openBrowser(viewport, { now: server.now() });
      fatima = await openBrowser(viewport, { now: server.now() });
      sophie = await openBrowser(viewport, { now: server.now() });
    });

    after(async () => {
      for (const b of [sophie, fatima, mark, anna]) await b?.close();
      await server?.stop();
      await sink?.stop();
    });

    it('mails her a reminder before Monday 09:00 with a link to the week, counted down on the dashboard', async () => {
      // The hours job ran at start-up: the Monday 07:00 reminder goes to those who have not signed.
      const mail = await sink.waitForMail({ to: ANNA.email, subject: /^Onderteken je uren van week \d+$/ });
      const link = findLink(mail.body, '/uren/week/');
      assert.equal(new URL(link).origin, server.url, 'links are built from the public URL');
      due = new URL(link).pathname.match(/^\/uren\/week\/(\d{4}-W\d{2})$/)?.[1];
      assert.equal(due, '2026-W47');
      assert.match(mail.body, /vóór 23-11-2026 09:00/);
      dueDays = weekDays(due);
      week = nextWeek(due);
      days = weekDays(week);

      const { page } = anna;
      await signInAs(anna, server.url, ANNA.email);
      const card = page.getByTestId('hours-due');
      await card.getByTestId('countdown').waitFor();
      // Under a minute to go, by the browser's clock, which starts at the server's.
      assert.equal(await card.getByTestId('countdown').innerText(), 'Nog 1 minuut');
      assert.match(await card.innerText(), /Rapporteer/);
      // The week before was never signed: it waits here too.
      await card.getByTestId('overdue').waitFor();
      assert.match(await card.getByTestId('due-link').getAttribute('href'), new RegExp(`/uren/week/${due}$`));
      await anna.screenshot('hours-dashboard-nl');

      // The mail's link opens the week, still hers to change.
      await page.goto(link);
      await page.getByTestId('week-title').waitFor();
      assert.match(await page.title(), /^Week 47 \(2026\) – Uren – Poort$/);
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Rapporteer');
      assert.equal(await page.getByTestId('locked').count(), 0);
      await page.getByTestId('save-week').waitFor();
      // Tuesday was put there by the planning system, for her to confirm.
      const tuesday = await showDay(page, viewport, dueDays[1]);
      await tuesday.getByTestId('planned').first().waitFor();
      assert.match(await tuesday.innerText(), /gepland — bevestig of pas aan/);
      assert.match(await page.getByTestId('contract').innerText(), /van 24:00 uur/);
      await anna.screenshot('hours-week-grid');

      // On to the week after it.
      await page.getByTestId('next-week').click();
      await page.waitForURL(new RegExp(`/uren/week/${week}$`));
      await page.getByTestId('week-total').waitFor();
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Rapporteer');
    });

    it('lets her add a line, points at a wrong end time while typing, and saves', async () => {
      const { page } = anna;
      const before = await page.getByTestId('week-total').innerText();
      const wednesday = await showDay(page, viewport, days[2]);
      await wednesday.getByTestId(`add-line-${days[2]}`).click();
      const form = page.getByTestId('week-line-form');
      await form.waitFor();
      await form.getByLabel('Begintijd', { exact: true }).fill('08:00');
      await form.getByLabel('Eindtijd', { exact: true }).fill('07:00');
      await form.getByTestId('field-error').getByText(/De eindtijd moet na de begintijd liggen/).waitFor();
      await form.getByLabel('Eindtijd', { exact: true }).fill('12:00');
      await form.getByTestId('field-error').waitFor({ state: 'detached' });
      await form.getByLabel('Zoek cliënt', { exact: true }).fill('Kramer');
      const client = form.getByLabel('Cliënt', { exact: true });
      await client.locator('option', { hasText: 'Mevrouw A. Kramer' }).waitFor({ state: 'attached' });
      await client.selectOption({ label: 'Mevrouw A. Kramer (Zeist)' });
      await form.getByLabel('Soort uren', { exact: true }).selectOption({ label: 'Directe zorg' });
      await anna.screenshot('hours-line-form');
      // The totals follow what is typed, before saving.
      await page.waitForFunction(
        (previous) => document.querySelector('[data-testid="week-total"]')?.textContent !== previous,
        before,
      );
      await page.getByTestId('unsaved').waitFor();
      await form.getByTestId('week-line-done').click();
      await page.getByTestId('save-week').click();
      await page.getByTestId('week-notice').getByText('De week is opgeslagen.').waitFor();
      await page.getByTestId('unsaved').waitFor({ state: 'detached' });
      const wednesdayAgain = await showDay(page, viewport, days[2]);
      assert.match(await wednesdayAgain.innerText(), /08:00–12:00/);
      assert.match(await wednesdayAgain.innerText(), /Mevrouw A\. Kramer/);
      await anna.screenshot('hours-week-saved');
    });

    it('keeps her typed lines when the week was changed elsewhere, and saves them over the new version', async () => {
      const { page } = anna;
      // Another tab (or phone) saves the week in the meantime.
      const other = await page.context().newPage();
      await other.goto(`${server.url}/`);
      const status = await other.evaluate(
        async ({ week, thursday }) => {
          const sheet = await (await fetch(`/api/v1/me/timesheets/${week}`)).json();
          const entries = sheet.entries.map((e) => ({
            id: e.id,
            day: e.day,
            client_id: e.client?.id,
            hour_type: e.hour_type,
            start: e.start,
            end: e.end,
            break_minutes: e.break_minutes,
            minutes: e.start ? undefined : e.minutes + e.break_minutes,
            note: e.note,
          }));
          entries.push({ day: thursday, hour_type: 'travel', minutes: 30, break_minutes: 0 });
          const response = await fetch(`/api/v1/me/timesheets/${week}/entries`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ version: sheet.version, entries }),
          });
          return response.status;
        },
        { week, thursday: days[3] },
      );
      assert.equal(status, 200);
      await other.close();

      // Here she adds a note to her Wednesday line and saves: refused as stale.
      const wednesday = await showDay(page, viewport, days[2]);
      await wednesday.getByTestId('line').filter({ hasText: '08:00–12:00' }).click();
      const form = page.getByTestId('week-line-form');
      await form.getByLabel('Notitie', { exact: true }).fill('Extra bezoek na overleg met de wijkverpleging');
      await page.getByTestId('save-week').click();
      const stale = page.getByTestId('week-stale');
      await stale.getByText(/Iemand anders heeft deze week intussen gewijzigd/).waitFor();
      // Her note is still on screen.
      assert.match(await (await showDay(page, viewport, days[2])).innerText(), /Extra bezoek/);
      await anna.screenshot('hours-week-stale');
      await stale.getByTestId('reapply').click();
      await page.getByTestId('week-notice').getByText('De week is opgeslagen.').waitFor();
      await stale.getByText(/Iemand anders/).waitFor({ state: 'detached' });
      assert.match(await (await showDay(page, viewport, days[2])).innerText(), /Extra bezoek/);
    });

    it('signs the week, which submits it', async () => {
      const { page } = anna;
      await page.getByTestId('sign-week').click();
      await page.getByTestId('week-notice').getByText(/De week is ondertekend en ingediend/).waitFor();
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Ingediend');
      assert.equal(await page.getByTestId('save-week').count(), 0, 'a signed week is not edited any more');
      await page.locator('[data-testid="history-event"][data-action="signed"]').waitFor();
    });

    it('lets the coordinator find the week and reject it, but only with a reason', async () => {
      const { page } = mark;
      await signInAs(mark, server.url, MARK.email);
      await page.getByTestId('hours-waiting').getByTestId('waiting-count').waitFor();
      if (viewport.isMobile) await page.getByTestId('menu-button').click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uren' }).click();
      await page.waitForURL(/\/uren\/goedkeuren$/);
      await page.getByRole('heading', { level: 1, name: 'Uren goedkeuren' }).waitFor();
      await page.getByLabel('Zoeken', { exact: true }).fill('Anna');
      const row = page.locator(`[data-testid="approval-row"][data-week="${week}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /Anna Jansen/);
      assert.equal(await row.getByTestId('cost-centre').innerText(), NOORD);
      await mark.screenshot('hours-approvals');
      await row.getByTestId('open-week').click();
      await page.getByTestId('approval-title').waitFor();
      assert.match(await page.getByTestId('entries-table').innerText(), /Mevrouw A\. Kramer/);

      await page.getByTestId('reject').click();
      await page.getByTestId('confirm-reject').click();
      await page.getByTestId('reason-error').getByText('Geef een reden.').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'reject-reason');
      await page.getByLabel('Reden van afwijzing', { exact: true }).fill(REJECTION);
      await page.getByTestId('confirm-reject').click();
      await page.getByTestId('approval-notice').getByText(/De week is afgewezen/).waitFor();
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Afgewezen');
      await page.locator('[data-testid="history-event"][data-action="rejected"]').getByText(REJECTION).waitFor();
      await mark.screenshot('hours-rejected');
    });

    it('shows the worker the reason; she corrects the line and signs again', async () => {
      const { page } = anna;
      await page.reload();
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Afgewezen');
      assert.equal(await page.getByTestId('rejection-reason').innerText(), REJECTION);
      const wednesday = await showDay(page, viewport, days[2]);
      await wednesday.getByTestId('line').filter({ hasText: '08:00–12:00' }).click();
      const form = page.getByTestId('week-line-form');
      await form.getByLabel('Zoek cliënt', { exact: true }).fill('Groot');
      const client = form.getByLabel('Cliënt', { exact: true });
      await client.locator('option', { hasText: 'Mevrouw J. de Groot' }).waitFor({ state: 'attached' });
      await client.selectOption({ label: 'Mevrouw J. de Groot (Utrecht)' });
      // Signing saves the change first: what is signed is what was saved.
      await page.getByTestId('sign-week').click();
      await page.getByTestId('week-notice').getByText(/De week is ondertekend en ingediend/).waitFor();
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Ingediend');
      assert.match(await (await showDay(page, viewport, days[2])).innerText(), /Mevrouw J\. de Groot/);
    });

    it('lets the coordinator approve it together with other weeks', async () => {
      const { page } = mark;
      await page.goto(`${server.url}/uren/goedkeuren`);
      await page.getByLabel('Zoeken', { exact: true }).fill('Anna');
      const row = page.locator(`[data-testid="approval-row"][data-week="${week}"]`);
      await row.waitFor();
      await row.getByTestId('select-week').check();
      await page.getByTestId('bulk-approve').getByText('Goedkeuren (1)').waitFor();
      await page.getByTestId('bulk-approve').click();
      await page.getByTestId('bulk-result').getByText('1 week goedgekeurd.').waitFor();
      await row.waitFor({ state: 'detached' });
    });

    it('lets the administrator export once, even when clicked twice, and download CSV and XLSX', async () => {
      const { page } = fatima;
      await signInAs(fatima, server.url, FATIMA.email);
      await page.goto(`${server.url}/uren/export`);
      await page.getByRole('heading', { level: 1, name: 'Export voor salaris en facturatie' }).waitFor();
      const rows = page.getByTestId('export-row');
      await rows.first().waitFor();
      const before = await rows.count();
      await page.getByTestId('make-export').dblclick();
      await page.getByTestId('export-notice').getByText(/^Export gemaakt: \d+ weken?, [\d:]+ uur\.$/).waitFor();
      await page.waitForTimeout(500);
      assert.equal(await rows.count(), before + 1, 'one batch for a double click');
      await fatima.screenshot('hours-export');

      const newest = rows.first();
      const [csv] = await Promise.all([page.waitForEvent('download'), newest.getByTestId('download-payroll.csv').click()]);
      assert.match(csv.suggestedFilename(), /^uren-salaris-\d{8}-\d{6}\.csv$/);
      const text = await readFile(await csv.path(), 'utf8');
      assert.match(text.split('\n')[0], /^Medewerker;Medewerker-id;Week;Kostenplaats;Uursoort;Uren;Minuten/);
      assert.match(text, new RegExp(`Anna Jansen;[0-9a-f-]+;${week};${NOORD};`));

      const [xlsx] = await Promise.all([page.waitForEvent('download'), newest.getByTestId('download-billing.xlsx').click()]);
      assert.match(xlsx.suggestedFilename(), /^uren-facturatie-\d{8}-\d{6}\.xlsx$/);
      const bytes = await readFile(await xlsx.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a zip archive');
    });

    it('shows the worker her week as processed, in Dutch and English, and in her declarations', async () => {
      const { page } = anna;
      await page.reload();
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Verwerkt');
      await page.getByTestId('language-en').click();
      await page.getByTestId('week-status-badge').getByText('Processed').waitFor();
      await page.getByTestId('language-nl').click();
      await page.getByTestId('week-status-badge').getByText('Verwerkt').waitFor();

      await page.goto(`${server.url}/uren/declaraties`);
      await page.getByRole('heading', { level: 1, name: 'Declaraties' }).waitFor();
      const row = page.locator(`[data-testid="declaration-row"][data-week="${week}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /Verwerkt/);
      // Choose columns; they are remembered on the server.
      await page.getByTestId('column-chooser').locator('summary').click();
      for (const column of ['contract_hours', 'cost_centre']) {
        const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/hours/columns') && r.request().method() === 'PUT');
        await page.getByTestId(`column-${column}`).check();
        assert.equal((await saved).status(), 200);
      }
      await page.reload();
      await page.getByRole('columnheader', { name: 'Contracturen' }).waitFor({ state: 'attached' });
      await page.getByRole('columnheader', { name: 'Kostenplaats' }).waitFor({ state: 'attached' });
      assert.match(await row.innerText(), new RegExp(NOORD));
      // Search for a week by its number.
      await page.getByTestId('declarations-search').fill(String(Number(due.slice(6))));
      await page.locator(`[data-testid="declaration-row"][data-week="${week}"]`).waitFor({ state: 'detached' });
      assert.deepEqual(
        await page.getByTestId('declaration-row').evaluateAll((rows) => rows.map((r) => r.dataset.week)),
        [due],
      );
      await page.getByTestId('declarations-search').fill('');
      // Filter on status and cost centre: her weeks from before she moved to Noord.
      if (viewport.isMobile) await page.getByTestId('toggle-filters').click();
      await page.locator('#declarations-status').selectOption({ label: 'Verwerkt' });
      await page.getByTestId('active-filters').getByText('Status: Verwerkt').waitFor();
      await page.locator('#declarations-cost-centre').selectOption({ label: ZUID });
      await page.getByTestId('active-filters').getByText(`Kostenplaats: ${ZUID}`).waitFor();
      await page.locator(`[data-testid="declaration-row"][data-week="${week}"]`).waitFor({ state: 'detached' });
      await page.waitForFunction(
        (zuid) => {
          const rows = [...document.querySelectorAll('[data-testid="declaration-row"]')];
          return rows.length > 0 && rows.every((r) => r.textContent.includes('Verwerkt') && r.textContent.includes(zuid));
        },
        ZUID,
      );
      await anna.screenshot('hours-declarations');
    });

    it('locks the week she did not sign at Monday 09:00 and marks it late; she asks the planner for a correction', async () => {
      const { page } = anna;
      const late = due;
      const lateDays = dueDays;
      await page.goto(`${server.url}/uren/week/${late}`);
      await waitForLock(page);
      assert.equal(await page.getByTestId('week-status-badge').innerText(), 'Rapporteer');
      await page.getByTestId('late-badge').getByText('Te laat').waitFor();
      // Locked: no more changes of her own (signing late is still possible).
      assert.equal(await page.getByTestId('save-week').count(), 0);
      assert.equal(await page.getByTestId('add-line-' + lateDays[0]).count(), 0);
      await anna.screenshot('hours-locked');

      await page.getByTestId('request-correction').click();
      const form = page.getByTestId('correction-form');
      await form.waitFor();
      const wednesday = await showDay(page, viewport, lateDays[2], form);
      await wednesday.getByTestId(`add-line-${lateDays[2]}`).click();
      const line = form.getByTestId('correction-line-form');
      await line.getByLabel('Begintijd', { exact: true }).fill('14:00');
      await line.getByLabel('Eindtijd', { exact: true }).fill('16:00');
      const client = line.getByLabel('Cliënt', { exact: true });
      await client.locator('option', { hasText: 'Mevrouw A. Kramer' }).waitFor({ state: 'attached' });
      await client.selectOption({ label: 'Mevrouw A. Kramer (Zeist)' });
      await line.getByTestId('correction-line-done').click();
      // Without a reason it is not sent.
      await form.getByTestId('send-correction').click();
      await form.getByTestId('field-error').getByText('Geef een reden.').waitFor();
      await form.getByLabel('Reden van de correctie', { exact: true }).fill(CORRECTION);
      await anna.screenshot('hours-correction');
      await form.getByTestId('send-correction').click();
      await page.getByTestId('week-notice').getByText(/Uw correctieverzoek is verstuurd/).waitFor();
      await page.getByTestId('correction-pending').getByTestId('correction-status').getByText('In behandeling').waitFor();
    });

    it('lets the planner accept the correction, which changes the locked week', async () => {
      const { page } = sophie;
      await signInAs(sophie, server.url, SOPHIE.email);
      await page.getByTestId('hours-corrections').getByTestId('corrections-count').waitFor();
      await page.goto(`${server.url}/uren`);
      await page.waitForURL(/\/uren\/correcties$/);
      const card = page.locator(`[data-testid="correction-card"][data-week="${due}"]`);
      await card.waitFor();
      assert.equal(await card.getByTestId('correction-reason').innerText(), CORRECTION);
      // The proposed line names the client, although the week had no hours for her that day.
      assert.match(await card.getByTestId('proposed-lines').innerText(), /14:00–16:00[\s\S]*Mevrouw A\. Kramer/);
      await card.getByTestId('day-totals').waitFor();
      await sophie.screenshot('hours-corrections');
      await card.getByTestId('accept-correction').click();
      await page.getByTestId('corrections-notice').getByText('De correctie is doorgevoerd in de week.').waitFor();
      await card.getByTestId('correction-status').getByText('Geaccepteerd').waitFor();

      const anne = anna.page;
      await anne.reload();
      await anne.locator('[data-testid="history-event"][data-action="correction_accepted"]').waitFor();
      const wednesday = await showDay(anne, viewport, dueDays[2]);
      assert.match(await wednesday.innerText(), /14:00–16:00/);
      assert.equal(await anne.getByTestId('correction-pending').count(), 0);
    });

    if (!viewport.isMobile) {
      it('lets the administrator set the deadline and reminders, with the rules at the field', async () => {
        const { page } = fatima;
        await page.goto(`${server.url}/beheer/uren`);
        await page.getByRole('heading', { level: 1, name: 'Uren' }).waitFor();
        const deadlineDay = page.getByLabel('Dag', { exact: true }).first();
        assert.equal(await deadlineDay.inputValue(), '7');
        assert.equal(await page.getByTestId('reminder').count(), 2);
        // A reminder after the deadline is refused as it is chosen.
        const last = page.getByTestId('reminder').last();
        await last.getByLabel('Dag', { exact: true }).selectOption({ label: 'dinsdag na de week' });
        await page.getByTestId('reminders-error').getByText('Een herinnering moet vóór de deadline liggen.').waitFor();
        await last.getByLabel('Dag', { exact: true }).selectOption({ label: 'maandag na de week' });
        await page.getByTestId('reminders-error').waitFor({ state: 'detached' });
        await page.getByTestId('hours-settings-save').click();
        await page.getByTestId('hours-settings-notice').getByText('De instellingen zijn opgeslagen.').waitFor();
        await fatima.screenshot('hours-settings');
      });
    } else {
      it('moves between the day tabs with the arrow keys', async () => {
        const { page } = anna;
        await page.getByTestId(`tab-${dueDays[2]}`).focus();
        await page.keyboard.press('ArrowRight');
        const thursday = page.getByTestId(`tab-${dueDays[3]}`);
        assert.equal(await thursday.getAttribute('aria-selected'), 'true');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected')), 'true');
      });
    }

    it('leaves Uren out where the organisation keeps no hours', async () => {
      const { page } = fatima;
      await page.goto(`${server.url}/`);
      await signOut(page);
      await signIn(page, { email: EVA.email, password: DEMO_PASSWORD });
      await page.getByTestId('greeting').waitFor();
      if (viewport.isMobile) await page.getByTestId('menu-button').click();
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await menu.getByRole('link', { name: 'Mijn account' }).waitFor();
      assert.equal(await menu.getByRole('link', { name: 'Uren' }).count(), 0);
      assert.equal(await page.getByTestId('hours-due').count(), 0);
    });

    it('raised no script errors', () => {
      for (const b of [anna, mark, fatima, sophie]) assert.deepEqual(b.errors, []);
    });
  });
}
