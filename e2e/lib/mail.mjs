// A real SMTP server for the browser tests: scripts/smtp-sink.py (aiosmtpd)
// stores every message it receives as an .eml file; tests wait for the mail
// a flow should send and read the link in it.
//
//   const sink = await startMailSink();
//   await startServer('accounts', { env: ({ url }) => ({ POORT_SMTP_URL: sink.smtpUrl, POORT_BASE_URL: url }) });
//   const mail = await sink.waitForMail({ to: 'daan@…', subject: /Uitnodiging/ });
//   const link = findLink(mail.body, '/activeren');

import { startSink } from './sink.mjs';

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
  const sink = await startSink('smtp-sink.py');
  return {
    port: sink.port,
    smtpUrl: `smtp://127.0.0.1:${sink.port}`,
    /**
     * Waits for a message not returned before, to `to` and with a subject
     * matching `subject`.
     */
    waitForMail({ to, subject, timeout = 15_000 }) {
      return sink.waitFor(
        '.eml',
        (raw) => {
          const mail = parseMail(raw);
          return mail.to.toLowerCase().includes(to.toLowerCase()) && subject.test(mail.subject) ? mail : null;
        },
        { timeout, what: `mail to ${to} matching ${subject}` },
      );
    },
    stop: () => sink.stop(),
  };
}
