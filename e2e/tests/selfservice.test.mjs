// Issue 6 (self-service): a payroll system, through an API client the employer made, pushes a
// payslip (a real PDF made here) for Pieter Smit; pushing it again changes nothing. Pieter gets
// the mail from the real SMTP sink, finds the payslip marked new under Loonstroken and opens the
// PDF — the bytes are the ones pushed, and the mark goes. Under Documenten he adds a certificate;
// a text file named .pdf is refused with a Dutch reason and nothing is added. He sees his
// accruals (with the balance over time) and his payments. Walked at desktop and phone size, each
// on a fresh demo database.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import { request } from 'playwright-core';

import { DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';

const PIETER = { email: 'pieter.smit@vandijkbouw.example', name: 'Pieter Smit' };
const EVA = { email: 'eva.visser@vandijkbouw.example', name: 'Eva Visser' };
// Pieter's personnel number when the demo had to make his record itself (payroll/demo.rs).
const DEMO_NUMBER = 'VD-1002';
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

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

/** Opens a menu entry, as a person would (the drawer on a phone). */
async function openMenu(page, phone, name) {
  if (phone) await page.getByTestId('menu-button').click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
}

/**
 * As the employer (a person's bearer token): an API client with scope payroll:write, its token,
 * and Pieter's personnel number (from the employee records when they are there).
 */
async function payrollClient(serverUrl) {
  const api = await request.newContext({ baseURL: serverUrl });
  const token = await api.post('/api/v1/auth/token', { data: { email: EVA.email, password: DEMO_PASSWORD } });
  assert.equal(token.status(), 200, await token.text());
  const eva = { Authorization: `Bearer ${(await token.json()).access_token}` };
  const made = await api.post('/api/v1/api-clients', { data: { name: 'Loket.nl salarisverwerking', scopes: ['payroll:write'] }, headers: eva });
  assert.equal(made.status(), 201, await made.text());
  const { client, client_secret: secret } = await made.json();
  const clientToken = await api.post('/api/v1/auth/client-token', { data: { client_id: client.id, client_secret: secret } });
  assert.equal(clientToken.status(), 200, await clientToken.text());
  let number = DEMO_NUMBER;
  const records = await api.get('/api/v1/employees?q=Smit', { headers: eva });
  if (records.status() === 200) {
    const found = ((await records.json()).items ?? []).find((r) => r.user_id && r.name === PIETER.name);
    if (found?.personnel_number) number = found.personnel_number;
  }
  return { api, headers: { Authorization: `Bearer ${(await clientToken.json()).access_token}` }, number };
}

for (const viewport of VIEWPORTS) {
  describe(`self-service: payslip pushed by payroll, documents, accruals, payments (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    const phone = viewport.isMobile;
    const today = new Date();
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(today));
    const month = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', month: 'numeric' }).format(today));
    const label = `${year}-${String(month).padStart(2, '0')}`;
    const payslipPdf = pdf(`Loonstrook ${label} Pieter Smit ${viewport.name}`);
    let mail;
    let server;
    let pieter;
    let mailed;

    before(async () => {
      mail = await startMailSink();
      server = await startServer(`selfservice-${viewport.name}`, {
        env: ({ url }) => ({ POORT_SMTP_URL: mail.smtpUrl, POORT_BASE_URL: url }),
      });
      pieter = await openBrowser(viewport);
    });

    after(async () => {
      await pieter?.close();
      await server?.stop();
      await mail?.stop();
    });

    it('takes a payslip pushed by the payroll system once, and mails the employee', async () => {
      const { api, headers, number } = await payrollClient(server.url);
      try {
        const body = {
          external_id: `loket-${label}-${viewport.name}`,
          personnel_number: number,
          kind: 'payslip',
          year,
          period_kind: 'month',
          period: month,
          pay_date: `${label}-24`,
          gross_cents: 345000,
          net_cents: 261235,
          tax_cents: 65550,
          pdf_base64: payslipPdf.toString('base64'),
        };
        const first = await api.post('/api/v1/payroll/payslips', { data: body, headers });
        assert.equal(first.status(), 201, await first.text());
        const again = await api.post('/api/v1/payroll/payslips', { data: body, headers });
        assert.equal(again.status(), 200, 'the same external_id answers the stored payslip');
        assert.equal((await again.json()).id, (await first.json()).id);
        // A client without the scope is refused.
        const notPdf = await api.post('/api/v1/payroll/payslips', {
          data: { ...body, external_id: `x-${viewport.name}`, pdf_base64: Buffer.from('geen pdf').toString('base64') },
          headers,
        });
        assert.equal(notPdf.status(), 422);
        assert.equal((await notPdf.json()).fields.pdf_base64.code, 'type');
      } finally {
        await api.dispose();
      }
      mailed = await mail.waitForMail({ to: PIETER.email, subject: /loonstrook/i });
      assert.match(mailed.subject, new RegExp(`loonstrook van ${label}`));
    });

    it('shows the new payslip to the employee, who opens the PDF as it was pushed', async () => {
      const { page } = pieter;
      // The link in the mail leads to Loonstroken, through the sign-in.
      await page.goto(findLink(mailed.body, '/loonstroken'));
      await signIn(page, { email: PIETER.email, password: DEMO_PASSWORD });
      await page.waitForURL(/\/loonstroken$/);
      await page.getByRole('heading', { level: 1, name: 'Loonstroken en jaaropgaven' }).waitFor();
      assert.equal(await page.title(), 'Loonstroken en jaaropgaven – Poort');
      const row = page.locator(`[data-testid="payslip-row"][data-period="${label}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(`${MONTHS[month - 1]} ${year}`));
      assert.match(await row.getByTestId('gross').innerText(), /€ 3\.450,00/);
      assert.match(await row.getByTestId('net').innerText(), /€ 2\.612,35/);
      assert.equal(await row.getAttribute('data-unread'), 'true');
      await row.getByTestId('unread-badge').waitFor();
      await pieter.screenshot('selfservice-payslips-nl');
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('open-payslip').click()]);
      assert.equal(download.suggestedFilename(), `loonstrook-${label}.pdf`);
      const bytes = await readFile(await download.path());
      assert.ok(bytes.equals(payslipPdf), 'the PDF as pushed');
      assert.equal(await row.getAttribute('data-unread'), 'false');
      // Read on the server too: after a reload the mark stays gone.
      await page.reload();
      await page.locator(`[data-testid="payslip-row"][data-period="${label}"][data-unread="false"]`).waitFor();
      // Last year's annual statement is there, in its year (the year is a filter, folded away on a phone).
      if (!(await page.getByTestId('payslip-filters').isVisible())) await page.getByTestId('payslip-toggle-filters').click();
      await page.getByTestId('payslips-year').selectOption(String(year - 1));
      await page.locator('[data-testid="payslip-row"][data-kind="annual_statement"]').getByText(String(year - 1)).first().waitFor();
    });

    it('adds a certificate under Documenten, and refuses a text file that claims to be a PDF', async () => {
      const { page } = pieter;
      await openMenu(page, phone, /^Documenten/);
      await page.waitForURL(/\/documenten$/);
      await page.getByRole('heading', { level: 1, name: 'Documenten' }).waitFor();
      // The demo's new handbook is marked until opened.
      await page.locator('[data-testid="document-row"][data-unread="true"]').first().waitFor();
      const rowsBefore = await page.getByTestId('document-row').count();

      await page.getByTestId('upload-kind').selectOption('certificate');
      await page.getByLabel('Titel', { exact: true }).fill('Nep-diploma');
      await page.getByTestId('upload-file').setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Dit is gewone tekst, geen PDF.') });
      await page.getByTestId('submit-upload').click();
      const problem = page.getByTestId('upload-file-error');
      await problem.getByText(/Dit bestand wordt niet geaccepteerd/).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'upload-file');
      assert.equal(await page.getByTestId('document-row').count(), rowsBefore, 'nothing added');
      await pieter.screenshot('selfservice-upload-refused-nl');

      const certificate = pdf(`Diploma VCA ${viewport.name}`);
      await page.getByLabel('Titel', { exact: true }).fill('Diploma VCA Vol');
      await page.getByTestId('upload-file').setInputFiles({ name: 'C:\\fakepath\\vca vol.pdf', mimeType: 'application/pdf', buffer: certificate });
      await page.getByTestId('submit-upload').click();
      await page.getByTestId('documents-notice').getByText('Het document is toegevoegd.').waitFor();
      const row = page.locator('[data-testid="document-row"][data-title="Diploma VCA Vol"]');
      await row.waitFor();
      // His own upload is not "new" for him; opening it gives the bytes back.
      assert.equal(await row.getAttribute('data-unread'), 'false');
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('open-document').click()]);
      assert.ok((await readFile(await download.path())).equals(certificate));
      // The search finds it; the type filter narrows.
      await page.getByLabel('Zoeken', { exact: true }).fill('vca vol');
      await page.locator('[data-testid="document-row"][data-title="Diploma VCA Vol"]').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="document-row"]').length === 1);
      await page.getByTestId('document-clear-filters').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="document-row"][data-title="Diploma VCA Basis"]'));
      if (!(await page.getByTestId('document-filters').isVisible())) await page.getByTestId('document-toggle-filters').click();
      await page.getByTestId('documents-kind').selectOption('payslip');
      // The list reloads with the filter: wait until the certificates have gone.
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid="document-row"]')];
        return rows.length > 0 && rows.every((r) => r.dataset.kind === 'payslip');
      });
      const titles = await page.getByTestId('document-row').evaluateAll((rows) => rows.map((r) => r.dataset.title));
      assert.ok(titles.every((t) => t.startsWith('Loonstrook')), titles.join(', '));
      await pieter.screenshot('selfservice-documents-nl');
    });

    it('shows the accruals with their balance over time, and the payments', async () => {
      const { page } = pieter;
      await openMenu(page, phone, /^Loonstroken/);
      await page.waitForURL(/\/loonstroken$/);
      await page.getByTestId('payroll-nav').getByRole('link', { name: 'Reserveringen' }).click();
      await page.waitForURL(/\/reserveringen$/);
      await page.getByRole('heading', { level: 1, name: 'Reserveringen' }).waitFor();
      const vacation = page.locator('[data-testid="accrual-card"][data-kind="vacation_hours"]');
      await vacation.waitFor();
      assert.match(await vacation.getByTestId('accrual-balance').innerText(), /^\d+:\d\d uur$/);
      assert.equal(await vacation.locator('[data-testid="balance-chart"] svg circle').count(), 4);
      const holiday = page.locator('[data-testid="accrual-card"][data-kind="holiday_pay"]');
      assert.match(await holiday.getByTestId('accrual-balance').innerText(), /^€ \d/);
      await pieter.screenshot('selfservice-accruals-nl');

      await page.getByTestId('payroll-nav').getByRole('link', { name: 'Betalingen' }).click();
      await page.waitForURL(/\/betalingen$/);
      await page.getByTestId('payment-row').first().waitFor();
      assert.ok((await page.getByTestId('payment-row').count()) >= 4);
      assert.match(await page.getByTestId('payment-row').first().innerText(), /Salaris/);
      assert.match(await page.getByTestId('payments-table').innerText(), /••• 4300/);
      await pieter.screenshot('selfservice-payments-nl');
      assert.deepEqual(pieter.errors, []);
    });
  });
}
