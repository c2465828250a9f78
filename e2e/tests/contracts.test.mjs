// Issue 6 (contracts and the dashboard): the employer (Eva) offers a contract to Pieter
// Smit with a real PDF; Pieter gets the mail from the real SMTP sink with the deep link;
// his dashboard lists "contract to sign"; he sets up an authenticator app on "Mijn
// account" (the demo has none), tries a wrong code (a Dutch field error, nothing
// signed) and signs with a right one; the action leaves his dashboard; Eva reads the
// audit trail (signer, time, hash). Walked at desktop and phone size, each on a fresh
// demo database. Codes are computed here as an app would (RFC 6238).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { DEMO_PASSWORD, signIn } from '../lib/app.mjs';
import { VIEWPORTS, openBrowser } from '../lib/browser.mjs';
import { findLink, startMailSink } from '../lib/mail.mjs';
import { startServer } from '../lib/server.mjs';
import { base32Decode, currentStep, freshCode, totp } from '../lib/totp.mjs';

const PIETER = { email: 'pieter.smit@vandijkbouw.example', name: 'Pieter Smit' };
const EVA = { email: 'eva.visser@vandijkbouw.example', name: 'Eva Visser' };

/** A small, valid one-page PDF saying `text`. */
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

/** Nothing sticks out sideways (phone). */
async function noOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, `nothing sticks out sideways on ${page.url()}`);
}

for (const viewport of VIEWPORTS) {
  describe(`contracts: offer, sign with the second factor, audit trail, dashboard (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    const phone = viewport.isMobile;
    const title = `Arbeidsovereenkomst 2027 (${viewport.name})`;
    const file = pdf(`Arbeidsovereenkomst Pieter Smit ${viewport.name}`);
    const hash = createHash('sha256').update(file).digest('hex');
    const codes = { lastStep: 0 };
    let mail;
    let server;
    let pieter;
    let eva;
    let contractPath;

    before(async () => {
      mail = await startMailSink();
      server = await startServer(`contracts-${viewport.name}`, {
        env: ({ url }) => ({ POORT_SMTP_URL: mail.smtpUrl, POORT_BASE_URL: url }),
      });
      pieter = await openBrowser(viewport);
      eva = await openBrowser(viewport);
    });

    after(async () => {
      for (const b of [eva, pieter]) await b?.close();
      await server?.stop();
      await mail?.stop();
    });

    it('lets the employer offer a contract with a PDF; the employee gets a mail with the deep link', async () => {
      const { page } = eva;
      await signInAs(eva, server.url, EVA.email);
      if (phone) await page.getByTestId('menu-button').click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten' }).click();
      await page.waitForURL(/\/contracten$/);
      await page.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
      // The demo's contracts: Pieter's signed one of last year and this year's to sign.
      await page.getByTestId('org-contracts').getByText('Arbeidsovereenkomst 2026').waitFor();
      await page.getByTestId('offer-contract').click();
      await page.waitForURL(/\/contracten\/nieuw$/);
      await page.getByRole('heading', { level: 1, name: 'Contract aanbieden' }).waitFor();

      // Nothing chosen: Dutch field errors, nothing sent.
      await page.getByTestId('contract-submit').click();
      await page.getByTestId('contract-person-error').getByText('Kies een medewerker van je organisatie.').waitFor();
      // The people come from the employee records; a search narrows them.
      await page.getByTestId('contract-person-search').fill('Smit');
      await page.waitForFunction(() => {
        const names = [...document.querySelectorAll('[data-testid="contract-person"] option')].map((o) => o.textContent);
        return names.includes('Pieter Smit') && names.length === 2;
      });
      await page.getByTestId('contract-person').selectOption({ label: PIETER.name });
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByTestId('contract-file').setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: file });
      // Searching again takes the choice away with the options: the select shows "Kies een
      // medewerker" again, and sending asks for a person instead of offering to Pieter unseen.
      await page.getByTestId('contract-person-search').fill('Visser');
      await page.waitForFunction(() => {
        const names = [...document.querySelectorAll('[data-testid="contract-person"] option')].map((o) => o.textContent);
        return !names.includes('Pieter Smit');
      });
      assert.equal(await page.getByTestId('contract-person').inputValue(), '');
      await page.getByTestId('contract-submit').click();
      await page.getByTestId('contract-person-error').getByText('Kies een medewerker van je organisatie.').waitFor();
      assert.match(page.url(), /\/contracten\/nieuw$/);
      await page.getByTestId('contract-person-search').fill('Smit');
      await page.getByTestId('contract-person').locator('option', { hasText: PIETER.name }).waitFor({ state: 'attached' });
      await page.getByTestId('contract-person').selectOption({ label: PIETER.name });
      await eva.screenshot('contracts-offer-nl');
      if (phone) await noOverflow(page);
      await page.getByTestId('contract-submit').click();
      await page.waitForURL(/\/contracten\/[0-9a-f-]{36}$/);
      contractPath = new URL(page.url()).pathname;
      await page.getByTestId('contract-title').getByText(title).waitFor();
      assert.equal(await page.getByTestId('contract-status').first().innerText(), 'Te ondertekenen');
      // The trail starts with the offer, with the document's hash.
      const rows = page.getByTestId('contract-audit').getByTestId('audit-row');
      await rows.first().waitFor();
      assert.match(await rows.first().innerText(), /Aangeboden/);
      assert.match(await rows.first().innerText(), new RegExp(hash));

      const m = await mail.waitForMail({ to: PIETER.email, subject: /Contract om te ondertekenen/ });
      const link = findLink(m.body, '/contracten/');
      assert.equal(new URL(link).pathname, contractPath);
      assert.deepEqual(eva.errors, []);
    });

    it('shows the contract to sign on the employee dashboard', async () => {
      const { page } = pieter;
      await signInAs(pieter, server.url, PIETER.email);
      const item = page.locator(`[data-testid="pending-item"][data-kind="contract_to_sign"]`).filter({ hasText: title });
      await item.waitFor();
      await page.locator('[data-testid="pending-count"][data-kind="contract_to_sign"]').waitFor();
      await pieter.screenshot('contracts-dashboard-employee-nl');
      if (phone) await noOverflow(page);
      // The news of Van Dijk for employees, not the staff item.
      await page.getByTestId('dashboard-news').getByText('Nieuwe contracten 2027 staan klaar').waitFor();
      assert.equal(await page.getByTestId('dashboard-news').getByText('Jaarlijkse controle personeelsgegevens in januari').count(), 0);
      // Folding "Nieuws" away is remembered (once the preferences endpoint is on main).
      await page.getByTestId('toggle-news').click();
      assert.equal(await page.getByTestId('toggle-news').getAttribute('aria-expanded'), 'false');
      await page.getByTestId('toggle-news').click();
      assert.deepEqual(pieter.errors, []);
    });

    it('asks for a second factor first, then signs with the app code after refusing a wrong one', async () => {
      const { page } = pieter;
      // The deep link from the mail.
      await page.goto(`${server.url}${contractPath}`);
      await page.getByTestId('contract-title').getByText(title).waitFor();
      await page.getByTestId('no-second-factor').getByText(/Stel eerst een authenticator-app of sms-codes in bij Mijn account/).waitFor();
      await pieter.screenshot('contracts-no-second-factor-nl');

      // Set up the authenticator app on "Mijn account".
      await page.getByTestId('no-second-factor').getByRole('link', { name: 'Naar Mijn account' }).click();
      await page.waitForURL(/\/mijn-account$/);
      await page.getByRole('button', { name: 'Authenticator-app instellen' }).click();
      await page.getByTestId('totp-qr').waitFor();
      const secret = base32Decode(await page.getByTestId('totp-manual-key').textContent());
      await page.getByLabel('2. Vul de code van 6 cijfers in die de app nu toont.').fill(await freshCode(secret, codes));
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();

      await page.goto(`${server.url}${contractPath}`);
      const form = page.getByTestId('sign-form');
      await form.getByTestId('sign-submit').waitFor();
      assert.equal(await page.getByTestId('open-pdf').getAttribute('href'), `/api/v1/contracts${contractPath.replace('/contracten', '')}/file`);
      // Unticked, no name, no code: Dutch errors, the first field focused.
      await form.getByTestId('sign-submit').click();
      await form.getByTestId('sign-agree-error').getByText('Vink aan dat je akkoord gaat.').waitFor();
      await form.getByTestId('sign-agree').check();
      await form.getByLabel('Je volledige naam', { exact: true }).fill(PIETER.name);
      // A code the app would not show now.
      const near = [-1, 0, 1, 2].map((d) => totp(secret, currentStep() + d));
      const wrong = ['000000', '111111', '222222'].find((c) => !near.includes(c));
      await form.getByLabel('Code', { exact: true }).fill(wrong);
      await form.getByTestId('sign-submit').click();
      await form.getByTestId('sign-code-error').getByText(/De code klopt niet/).waitFor();
      await pieter.screenshot('contracts-wrong-code-nl');
      if (phone) await noOverflow(page);
      assert.equal(await page.getByTestId('signature').count(), 0, 'nothing signed');

      await form.getByLabel('Code', { exact: true }).fill(await freshCode(secret, codes));
      await form.getByTestId('sign-submit').click();
      const signature = page.getByTestId('signature');
      await signature.waitFor();
      assert.equal(await page.getByTestId('contract-status').first().innerText(), 'Ondertekend');
      assert.equal((await signature.getByTestId('signed-hash').innerText()).trim(), hash);
      assert.equal(await signature.getByTestId('signed-by').innerText(), PIETER.name);
      await pieter.screenshot('contracts-signed-nl');

      // The dashboard no longer asks for it.
      await page.goto(`${server.url}/`);
      await page.getByTestId('dashboard-pending').waitFor();
      await page.getByTestId('recent-list').getByText(title).waitFor();
      assert.equal(
        await page.locator(`[data-testid="pending-item"][data-kind="contract_to_sign"]`).filter({ hasText: title }).count(),
        0,
      );
      assert.deepEqual(pieter.errors, []);
    });

    it('shows the employer the signature and the audit trail', async () => {
      const { page } = eva;
      await page.goto(`${server.url}${contractPath}`);
      await page.getByTestId('signature').waitFor();
      const rows = page.getByTestId('contract-audit').getByTestId('audit-row');
      // The trail loads on its own, after the signature.
      await rows.first().waitFor();
      const actions = await page.getByTestId('contract-audit').getByTestId('audit-action').allInnerTexts();
      assert.equal(actions[0], 'Aangeboden');
      assert.ok(actions.includes('Ondertekenen mislukt'), `a failed attempt in ${actions}`);
      assert.equal(actions.at(-1), 'Ondertekend');
      const last = await rows.last().innerText();
      assert.match(last, /Pieter Smit/);
      assert.match(last, new RegExp(hash));
      assert.match(last, /127\.0\.0\.1/);
      await eva.screenshot('contracts-audit-trail-nl');
      if (phone) await noOverflow(page);
      const signedMail = await mail.waitForMail({ to: EVA.email, subject: /Contract ondertekend/ });
      assert.match(signedMail.body, /Pieter Smit/);
      assert.deepEqual(eva.errors, []);
    });
  });
}
