// A real SMTP server for the browser tests: scripts/smtp-sink.py (aiosmtpd)
// stores every message it receives as an .eml file; tests wait for the mail
// a flow should send and read the link in it.
//
//   const sink = await startMailSink();
//   await startServer('accounts', { env: ({ url }) => ({ POORT_SMTP_URL: sink.smtpUrl, POORT_BASE_URL: url }) });
//   const mail = await sink.waitForMail({ to: 'daan@…', subject: /Uitnodiging/ });
//   const link = findLink(mail.body, '/activeren');

import { spawn } from 'node:child_process';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { repoRoot } from './paths.mjs';

const START_TIMEOUT_MS = 15_000;

/** Decodes a quoted-printable body: soft line breaks, then `=XX` bytes as UTF-8. */
export function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Splits a raw message into lower-cased headers (unfolded) and the decoded body. */
export function parseMail(raw) {
  const normalised = raw.replace(/\r\n/g, '\n');
  const split = normalised.indexOf('\n\n');
  const head = split === -1 ? normalised : normalised.slice(0, split);
  const rawBody = split === -1 ? '' : normalised.slice(split + 2);
  const headers = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  let body = rawBody;
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(rawBody);
  else if (encoding === 'base64') body = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8');
  return { headers, to: headers.to ?? '', subject: decodeSubject(headers.subject ?? ''), body };
}

/** Undoes RFC 2047 encoded words (`=?utf-8?b?…?=` / `=?utf-8?q?…?=`) in a subject. */
function decodeSubject(subject) {
  return subject.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind, text) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** The first link in `body` whose path starts with `pathPrefix`. */
export function findLink(body, pathPrefix) {
  const links = body.match(/https?:\/\/\S+/g) ?? [];
  const link = links.find((l) => new URL(l).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`no ${pathPrefix} link in mail:\n${body}`);
  return link;
}

/** Starts the SMTP sink on a free port; `stop()` ends it and removes its folder. */
export async function startMailSink() {
  const dir = await mkdtemp(path.join(tmpdir(), 'poort-e2e-mail-'));
  const child = spawn('python3', [path.join(repoRoot, 'scripts/smtp-sink.py'), '--dir', dir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`smtp-sink did not start:\n${stderr}`)), START_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`smtp-sink exited with ${code}:\n${stderr}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(Number(line.trim()));
    });
  });
  const seen = new Set();

  return {
    port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    /**
     * Waits for a message not returned before, to `to` and with a subject
     * matching `subject`.
     */
    async waitForMail({ to, subject, timeout = 15_000 }) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
        for (const name of names) {
          if (seen.has(name)) continue;
          const mail = parseMail(await readFile(path.join(dir, name), 'utf8'));
          if (mail.to.toLowerCase().includes(to.toLowerCase()) && subject.test(mail.subject)) {
            seen.add(name);
            return mail;
          }
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no mail to ${to} matching ${subject} within ${timeout} ms`);
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
