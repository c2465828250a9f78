// Issue 7 (absence statistics): the employer opens Rapportages, sees this year's figures,
// picks a quarter (kept in the URL, so a reload shows the same), and finds on every card
// the number the API gives for the same period in the same session, with its formula on a
// tap; the charts show the months against the year before and the cases per duration
// class; the per-employee overview and the mutations list the period, and the XLSX
// download is a real spreadsheet; the management report shows the same figures on one
// printable page. Walked at desktop and phone size, each on a fresh demo database (its
// absence cases lie in the last three months, so this quarter has them).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { artifactsDir } from '../lib/paths.mjs';
import { startServer } from '../lib/server.mjs';

const EVA = { email: 'eva.visser@vandijkbouw.example', name: 'Eva Visser' };

/** Today in Amsterdam as [year, month]. */
function thisMonth() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).split('-');
  return [Number(y), Number(m)];
}

async function openMenu(page, phone, name) {
  if (phone) await page.getByTestId('menu-button').click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/** The statistics for the query in the page's URL, fetched in the page's session. */
async function apiReport(page) {
  return page.evaluate(async () => {
    const r = await fetch(`/api/v1/absence/statistics${window.location.search}`);
    return { status: r.status, body: await r.json() };
  });
}

/** Each card's `data-value` is the API's number (empty for none). */
async function assertCardsMatch(page, statistics) {
  const expected = {
    'statistics-rate': statistics.absence_rate.percent,
    'statistics-rate-without-pregnancy': statistics.absence_rate_without_pregnancy.percent,
    'statistics-frequency': statistics.report_frequency.per_year,
    'statistics-duration': statistics.average_duration.days,
    'statistics-zero': statistics.zero_absence.percent,
  };
  for (const [testId, value] of Object.entries(expected)) {
    const shown = await page.getByTestId(testId).getAttribute('data-value');
    if (value === null) assert.equal(shown, '', testId);
    else assert.equal(Number(shown), value, testId);
  }
}

for (const viewport of VIEWPORTS) {
  describe(`absence statistics: figures, charts, lists, management report (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    const phone = viewport.isMobile;
    const [year, month] = thisMonth();
    const quarter = Math.floor((month - 1) / 3) + 1;
    const quarterStart = `${year}-${String(3 * quarter - 2).padStart(2, '0')}-01`;
    let server;
    let eva;

    before(async () => {
      server = await startServer(`statistics-${viewport.name}`);
      eva = await openBrowser(viewport);
    });

    after(async () => {
      await eva?.close();
      await server?.stop();
    });

    it("shows this year's figures as the API computes them", async () => {
      const { page } = eva;
      await page.goto(`${server.url}/inloggen`);
      await signIn(page, { email: EVA.email, password: DEMO_PASSWORD });
      await page.getByTestId('greeting').waitFor();
      await openMenu(page, phone, 'Rapportages');
      await page.waitForURL(/\/rapportages$/);
      await page.getByRole('heading', { level: 1, name: 'Verzuimstatistieken' }).waitFor();
      assert.match(await page.getByTestId('statistics-standard').innerText(), /CBS\/SZW 1996/);
      await page.locator(`[data-testid="statistics-report"][data-from="${year}-01-01"]`).waitFor();
      assert.equal(await page.getByTestId('statistics-period-kind').inputValue(), 'year');
      assert.equal(await page.getByTestId('statistics-year').inputValue(), String(year));

      const { status, body } = await apiReport(page);
      assert.equal(status, 200);
      assert.equal(body.statistics.period.start, `${year}-01-01`);
      assert.ok(body.statistics.report_frequency.reports >= 1, 'the demo cases are reported this year');
      await assertCardsMatch(page, body.statistics);
    });

    it('picks a quarter, kept in the URL, with the formulas behind the figures', async () => {
      const { page } = eva;
      await page.getByTestId('statistics-period-kind').selectOption('quarter');
      await page.waitForURL(/period=quarter/);
      await page.getByTestId('statistics-quarter').selectOption(String(quarter));
      await page.waitForURL(new RegExp(`period=quarter&year=${year}&number=${quarter}`));
      await page.locator(`[data-testid="statistics-report"][data-from="${quarterStart}"]`).waitFor();

      const { body } = await apiReport(page);
      assert.equal(body.statistics.period.start, quarterStart);
      await assertCardsMatch(page, body.statistics);

      const rate = body.statistics.absence_rate;
      const formula = page.getByTestId('statistics-rate-formula');
      assert.equal(await formula.isVisible(), false);
      await page.getByTestId('statistics-rate-formula-toggle').click();
      await formula.waitFor({ state: 'visible' });
      const text = await formula.innerText();
      assert.match(text, /^Verzuimpercentage = gewogen ziektedagen ÷ gewogen beschikbare dagen × 100 = /);
      const dutch = (v) => v.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      assert.ok(text.includes(`${dutch(rate.weighted_sick_days)} ÷ ${dutch(rate.weighted_employed_days)} × 100`), text);
      await eva.screenshot('statistics-quarter-nl');

      // A reload (or a shared link) shows the same choice.
      await page.reload();
      await page.locator(`[data-testid="statistics-report"][data-from="${quarterStart}"]`).waitFor();
      assert.equal(await page.getByTestId('statistics-period-kind').inputValue(), 'quarter');
      assert.equal(await page.getByTestId('statistics-quarter').inputValue(), String(quarter));
      await assertCardsMatch(page, body.statistics);
    });

    it('draws the months against the year before and the cases per duration class', async () => {
      const { page } = eva;
      const { body } = await apiReport(page);
      const months = page.getByTestId('statistics-month-chart');
      assert.equal(await months.locator('rect.bar').count(), 2 * body.monthly.length);
      for (const m of body.monthly) {
        const bar = months.locator(`rect[data-series="current"][data-month="${m.period.start.slice(0, 7)}"]`);
        const value = await bar.getAttribute('data-value');
        if (m.percent === null) assert.equal(value, '');
        else assert.equal(Number(value), m.percent);
      }
      assert.equal(await months.locator('svg title').first().innerHTML(), 'Verzuimpercentage per maand tegen vorig jaar');

      const classes = page.getByTestId('statistics-class-chart');
      const rows = classes.locator('g.class-row');
      assert.equal(await rows.count(), body.statistics.duration_classes.length + (body.statistics.outside_classes.ended + body.statistics.outside_classes.running > 0 ? 1 : 0));
      for (const [i, c] of body.statistics.duration_classes.entries()) {
        assert.equal(await rows.nth(i).getAttribute('data-ended'), String(c.cases.ended));
        assert.equal(await rows.nth(i).getAttribute('data-running'), String(c.cases.running));
      }
      assert.equal(await rows.first().getAttribute('data-class'), 'Kort (1–14 dagen)');

      await months.scrollIntoViewIfNeeded();
      await months.screenshot({ path: path.join(artifactsDir, `statistics-month-chart-${viewport.name}.png`) });
      await classes.screenshot({ path: path.join(artifactsDir, `statistics-class-chart-${viewport.name}.png`) });
    });

    it('lists the employees and mutations and downloads the overview as XLSX', async () => {
      const { page } = eva;
      await page.getByTestId('statistics-employees-row').first().waitFor();
      const mutations = page.getByTestId('statistics-mutations-row');
      await mutations.first().waitFor();
      assert.ok(await mutations.locator('[data-kind="sick_report"]').count() >= 1, 'a sick report this quarter');

      const xlsx = page.getByTestId('statistics-employees-xlsx');
      assert.ok((await xlsx.getAttribute('href')).endsWith(`/export/employees.xlsx?period=quarter&year=${year}&number=${quarter}`));
      const [download] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip file');
    });

    it('shows the management report for the same choice, ready to print', async () => {
      const { page } = eva;
      const { body } = await apiReport(page);
      await page.getByTestId('statistics-management-link').click();
      await page.waitForURL(new RegExp(`/rapportages/verzuim/managementrapportage\\?period=quarter&year=${year}&number=${quarter}$`));
      const report = page.getByTestId('management-report');
      await report.getByRole('heading', { level: 1, name: 'Managementrapportage verzuim' }).waitFor();
      await report.locator(`[data-testid="statistics-report"][data-from="${quarterStart}"]`).waitFor();
      await assertCardsMatch(page, body.statistics);
      assert.match(await page.getByTestId('management-scope').innerText(), /Bouwbedrijf Van Dijk/);
      await report.getByTestId('statistics-month-chart').waitFor();
      await report.getByTestId('statistics-class-chart').waitFor();
      await page.getByTestId('management-print').waitFor();

      // On paper only the report: no menu, no buttons.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByTestId('sidebar').isVisible(), false);
      assert.equal(await page.getByTestId('management-print').isVisible(), false);
      await eva.screenshot('statistics-management-report-print');
      await page.emulateMedia({ media: 'screen' });
    });

    it('raised no script errors', () => {
      assert.deepEqual(eva.errors, []);
    });
  });
}
