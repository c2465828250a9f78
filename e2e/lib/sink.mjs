// The test helper processes in scripts/ (smtp-sink.py, sms-sink.py): started
// with `--dir DIR`, they print their port as their first line, store what they
// receive as files in DIR and stop when their standard input closes.

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { repoRoot } from './paths.mjs';

const START_TIMEOUT_MS = 15_000;

/**
 * Starts scripts/<script> on a free port. Returns its port, `waitFor(ext, accept)` for
 * the first file not returned before that `accept(text)` takes (returning what it
 * made of it), and `stop()`, which ends it and removes its folder.
 */
export async function startSink(script, args = []) {
  const dir = await mkdtemp(path.join(tmpdir(), `poort-e2e-${script.replace(/\W/g, '')}-`));
  const child = spawn('python3', [path.join(repoRoot, 'scripts', script), '--dir', dir, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${stderr}`)), START_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${stderr}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(Number(line.trim()));
    });
  });
  const seen = new Set();

  return {
    port,
    async waitFor(ext, accept, { timeout = 15_000, what = 'a message' } = {}) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const names = (await readdir(dir)).filter((n) => n.endsWith(ext)).sort();
        for (const name of names) {
          if (seen.has(name)) continue;
          const made = accept(await readFile(path.join(dir, name), 'utf8'));
          if (made) {
            seen.add(name);
            return made;
          }
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no ${what} within ${timeout} ms`);
    },
    async stop() {
      // Closing stdin is how the sink is told to stop.
      child.stdin.end();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
