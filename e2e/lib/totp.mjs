// What an authenticator app does (RFC 6238: HMAC-SHA1, 30-s steps, 6 digits),
// so browser tests can set up a second factor and sign in with real codes.

import { createHmac } from 'node:crypto';

/** RFC 4648 base32 to bytes (the manual key; spaces and padding ignored). */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 30-s steps, 6 digits) for one step. */
export function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

export const currentStep = () => Math.floor(Date.now() / 1000 / 30);

/**
 * A code the server has not seen yet: each step's code works once, and the
 * server accepts the next step's code too, so waiting is needed only when
 * that one was used as well.
 */
export async function freshCode(secret, state) {
  let step = Math.max(currentStep(), state.lastStep + 1);
  while (step > currentStep() + 1) {
    const wait = 30_000 - (Date.now() % 30_000) + 200;
    await new Promise((r) => setTimeout(r, wait));
    step = Math.max(currentStep(), state.lastStep + 1);
  }
  state.lastStep = step;
  return totp(secret, step);
}

