// A real HTTP SMS provider for the browser tests: scripts/sms-sink.py stores
// every SMS Poort POSTs to it as a .json file; tests wait for the SMS a flow
// should send and read the code in it.
//
//   const sms = await startSmsSink();
//   await startServer('sms', { env: ({ url }) => ({ ...sms.env, POORT_BASE_URL: url }) });
//   const text = await sms.waitForSms({ to: '+31612345678' });

import { startSink } from './sink.mjs';

const TOKEN = 'e2e-sms-token';

/** Starts the SMS sink on a free port; `env` is what the server needs to use it. */
export async function startSmsSink() {
  const sink = await startSink('sms-sink.py', ['--token', TOKEN]);
  return {
    env: {
      POORT_SMS_PROVIDER_URL: `http://127.0.0.1:${sink.port}/v1/messages`,
      POORT_SMS_PROVIDER_TOKEN: TOKEN,
    },
    /** Waits for an SMS not returned before, to `to`; returns its text. */
    waitForSms({ to, timeout = 15_000 }) {
      return sink.waitFor(
        '.json',
        (raw) => {
          const message = JSON.parse(raw);
          return message.to === to ? message.text : null;
        },
        { timeout, what: `SMS to ${to}` },
      );
    },
    stop: () => sink.stop(),
  };
}

/** The 6-digit code in an SMS text. */
export function smsCode(text) {
  const match = text.match(/\b(\d{6})\b/);
  if (!match) throw new Error(`no code in SMS: ${text}`);
  return match[1];
}
