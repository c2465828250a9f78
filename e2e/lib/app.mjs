// Steps the browser tests share, written against what a person sees:
// labels, roles and headings; `data-testid` only where text would be
// language-dependent or ambiguous.

import { request } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo-Poort-2026';

export const ANNA = {
  email: 'anna.jansen@delinde.example',
  name: 'Anna Jansen',
  organisation: 'Thuiszorg De Linde',
};

/** The sign-in texts per language. */
export const SIGN_IN = {
  nl: { heading: 'Inloggen', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' },
  en: { heading: 'Sign in', email: 'E-mail address', password: 'Password', submit: 'Sign in' },
};

/** Fills in and submits the sign-in form in the given language. */
export async function signIn(page, { email, password, lang = 'nl' }) {
  const t = SIGN_IN[lang];
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: t.submit, exact: true }).click();
}

/** The data-testid of the element that has keyboard focus. */
export function focusedTestId(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Presses Tab until the element with `testId` has focus; fails after `max` presses. */
export async function tabTo(page, testId, max = 25) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedTestId(page)) === testId) return;
  }
  throw new Error(`${testId} not reached with ${max} Tab presses`);
}

/** Waits until the element with `testId` has keyboard focus. */
export async function waitForFocus(page, testId, message) {
  try {
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, {
      timeout: 3_000,
    });
  } catch {
    throw new Error(`${message ?? 'focus'}: expected ${testId}, focus is on ${await focusedTestId(page)}`);
  }
}

/** Signs out with the top bar's button. */
export async function signOut(page) {
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/inloggen$/);
  await page.getByTestId('sign-in-form').waitFor();
}

/**
 * Sends an invitation through the API as `inviter` (a demo login), the way an
 * integration would; the browser tests of the invitation form are in
 * accounts.test.mjs. Returns the invitation.
 */
export async function inviteByApi(serverUrl, inviter, invitation) {
  const api = await request.newContext({ baseURL: serverUrl });
  try {
    const token = await api.post('/api/v1/auth/token', { data: { email: inviter, password: DEMO_PASSWORD } });
    if (token.status() !== 200) throw new Error(`token for ${inviter}: ${token.status()} ${await token.text()}`);
    const { access_token: accessToken } = await token.json();
    const sent = await api.post('/api/v1/invitations', {
      data: invitation,
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    if (sent.status() !== 201) throw new Error(`invitation: ${sent.status()} ${await sent.text()}`);
    return await sent.json();
  } finally {
    await api.dispose();
  }
}

/** Opens "Mijn account" from the menu, as a person would (the drawer on a phone). */
export async function openMyAccount(page, viewport) {
  if (viewport.isMobile) await page.getByTestId('menu-button').click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn account' }).click();
  await page.waitForURL(/\/mijn-account$/);
  await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
}
