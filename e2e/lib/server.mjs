// Starts a real `poort` server on a fresh database for a test suite.
//
//   const server = await startServer('sign-in-desktop');
//   ... server.url ...
//   await server.stop();
//
// A suite can add settings, e.g. a mail server, with `env`: an object, or a
// function of the server's `url` when a setting needs it (POORT_BASE_URL):
//
//   await startServer('accounts', { env: ({ url }) => ({ POORT_BASE_URL: url }) });
//
// A suite that must see a deadline pass starts the server's clock at a chosen
// instant (`clockStart`, RFC 3339); it then runs at the real pace, and the hours
// job runs every few seconds:
//
//   await startServer('hours', { clockStart: '2026-11-23T07:58:00Z' });
//
// Env: POORT_BIN (default target/debug/poort), POORT_WEB_DIR (default
// frontend/dist), both relative to the repository root unless absolute.
// E2E_DATABASE=postgres: every server gets a fresh database on the PostgreSQL
// server of scripts/with-postgres (POORT_TEST_DATABASE_URL, PG* and its psql
// tools on PATH), dropped when the server stops; otherwise a temporary SQLite file.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { artifactsDir, database, repoRoot } from './paths.mjs';

const READY_TIMEOUT_MS = 60_000;

function fromRoot(p) {
  return path.isAbsolute(p) ? p : path.join(repoRoot, p);
}

/** A port nobody listens on right now. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a `poort` command to completion; rejects with its output on failure. */
function run(bin, args, env, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        log.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`poort ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Runs one of PostgreSQL's client tools (createdb, dropdb) against the with-postgres server. */
function pgTool(tool, args, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        log.write(chunk);
      });
    }
    child.on('error', (e) => reject(new Error(`${tool}: ${e.message} (run the tests under scripts/with-postgres)`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/**
 * A database for one server: a fresh PostgreSQL database (E2E_DATABASE=postgres)
 * or a SQLite file in `dir`. `drop()` removes the PostgreSQL one.
 */
async function freshDatabase(name, dir, log) {
  if (database !== 'postgres') return { url: `sqlite://${dir}/poort.db?mode=rwc`, drop: async () => {} };
  const admin = process.env.POORT_TEST_DATABASE_URL;
  if (!admin) throw new Error('E2E_DATABASE=postgres needs POORT_TEST_DATABASE_URL: run the tests under scripts/with-postgres');
  const db = `poort_e2e_${name.replace(/\W/g, '_')}_${process.pid}_${Date.now()}`.toLowerCase();
  await pgTool('createdb', [db], log);
  const url = new URL(admin);
  url.pathname = `/${db}`;
  return { url: url.toString(), drop: () => pgTool('dropdb', ['--force', '--if-exists', db], log) };
}

async function waitUntilReady(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`poort serve exited early with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`poort serve did not become ready within ${READY_TIMEOUT_MS} ms`);
}

/**
 * Migrates, seeds the demo data and serves on a free port.
 * @param {string} name used for the temporary folder and the server log in artifacts/
 * @param {{ env?: object | ((server: { url: string, port: number }) => object), clockStart?: string }} [options]
 */
export async function startServer(name, { env: extraEnv = {}, clockStart } = {}) {
  const bin = fromRoot(process.env.POORT_BIN ?? 'target/debug/poort');
  const webDir = fromRoot(process.env.POORT_WEB_DIR ?? 'frontend/dist');
  if (!existsSync(bin)) throw new Error(`No poort binary at ${bin}: run \`cargo build -p poort-api\` or set POORT_BIN`);
  if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`No browser app in ${webDir}: run scripts/build-frontend or set POORT_WEB_DIR`);
  }

  const dir = await mkdtemp(path.join(tmpdir(), `poort-e2e-${name}-`));
  await mkdir(artifactsDir, { recursive: true });
  const log = createWriteStream(path.join(artifactsDir, `${name}-server.log`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The server refuses POORT_* variables it does not know, so the harness's
  // own settings are not passed on.
  const { POORT_BIN: _bin, POORT_TEST_DATABASE_URL: _testDb, ...inherited } = process.env;
  const db = await freshDatabase(name, dir, log);
  const env = {
    ...inherited,
    POORT_DATABASE_URL: db.url,
    POORT_WEB_DIR: webDir,
    POORT_LISTEN: `127.0.0.1:${port}`,
    // The server refuses a clock of its own choosing unless told this is no production.
    ...(clockStart
      ? { POORT_NON_PRODUCTION: 'true', POORT_CLOCK_START: clockStart, POORT_HOURS_JOB_INTERVAL_SECS: '2' }
      : {}),
    ...(typeof extraEnv === 'function' ? extraEnv({ url, port }) : extraEnv),
  };

  await run(bin, ['migrate'], env, log);
  await run(bin, ['seed', '--demo'], env, log);

  const child = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const spawnedAt = Date.now();
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((resolve) => child.on('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await db.drop().catch((e) => log.write(`could not drop the database: ${e.message}\n`));
    log.end();
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  /** The server's time: its own clock's when started with `clockStart`. */
  const now = () => new Date(clockStart ? Date.parse(clockStart) + (Date.now() - spawnedAt) : Date.now());
  return { url, stop, now };
}
