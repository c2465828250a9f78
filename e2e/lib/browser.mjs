// Debian's Chromium driven by playwright-core, with a fresh profile per
// launch. Playwright's own browser downloads are not used (and fail here).

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { artifactsDir } from './paths.mjs';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** The two screen sizes every flow is checked at. */
export const ALL_VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  { name: 'phone', width: 360, height: 740, isMobile: true },
];

/**
 * The sizes this run walks: all, or those named in E2E_VIEWPORTS (e.g. `desktop`). The
 * PostgreSQL pass of scripts/test walks desktop only: the phone layout is the same on
 * either database, and the SQLite pass walks both sizes.
 */
export const VIEWPORTS = process.env.E2E_VIEWPORTS
  ? ALL_VIEWPORTS.filter((v) => process.env.E2E_VIEWPORTS.split(',').includes(v.name))
  : ALL_VIEWPORTS;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens a page at the given viewport. Uncaught page errors (a Rust panic
 * surfaces as one) are collected in `errors` so tests can assert there were none.
 * `now` (a Date) starts the page's clock there, running on from it: pass
 * `server.now()` of a server with its own clock, so both tell the same time.
 */
export async function openBrowser(viewport, { now } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'poort-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.isMobile,
    hasTouch: viewport.isMobile,
    deviceScaleFactor: 1,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  if (now) await context.clock.install({ time: now });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const errors = [];
  // A Rust panic logs "panicked at …" to the console before the wasm trap
  // surfaces as a bare "unreachable" page error: keep that line with the error.
  let lastConsoleError = '';
  page.on('console', (message) => {
    if (message.type() === 'error') lastConsoleError = message.text();
  });
  page.on('pageerror', (error) => {
    const panic = lastConsoleError.includes('panicked at') ? ` (${lastConsoleError})` : '';
    errors.push(`${error.message}${panic}`);
  });

  return {
    page,
    errors,
    /** Saves artifacts/<name>-<viewport>.png, the whole page unless `fullPage: false`. */
    async screenshot(name, { fullPage = true } = {}) {
      await mkdir(artifactsDir, { recursive: true });
      // Let transitions (the phone drawer slides in) finish first.
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(artifactsDir, `${name}-${viewport.name}.png`), fullPage });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
