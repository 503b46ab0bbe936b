// Identifier shapes as AWS writes them, drawn from a Prng (or, for stable names, from a hash).
import { hashString, type Prng } from './prng.js';

const HEX = '0123456789abcdef';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A version-4 UUID, lower-case, as in eventID and most requestIDs. */
export function uuid(rng: Prng): string {
  const variant = '89ab'[rng.int(0, 3)];
  return `${rng.chars(HEX, 8)}-${rng.chars(HEX, 4)}-4${rng.chars(HEX, 3)}-${variant}${rng.chars(HEX, 3)}-${rng.chars(HEX, 12)}`;
}

export function hex(rng: Prng, length: number): string {
  return rng.chars(HEX, length);
}

export function alnum(rng: Prng, length: number): string {
  return rng.chars(ALNUM, length);
}

/** S3 request IDs are 16 upper-case hex digits. */
export function s3RequestId(rng: Prng): string {
  return rng.chars('0123456789ABCDEF', 16);
}

/** S3's x-amz-id-2, logged as additionalEventData and sometimes as the host id. */
export function s3HostId(rng: Prng): string {
  return `${rng.chars(ALNUM + '+/', 76)}=`;
}

/** Temporary credentials: ASIA + 16 characters, new per session. */
export function sessionAccessKey(rng: Prng): string {
  return `ASIA${rng.chars(UPPER_ALNUM, 16)}`;
}

/**
 * An ID that depends on a name only, never on the seed: principal IDs (AIDA…, AROA…) and long-term
 * access keys stay the same across seeds, as they would in a real account.
 */
export function stableId(prefix: string, name: string, length = 17): string {
  let out = '';
  let hash = hashString(name);
  while (out.length < length) {
    hash = hashString(`${hash}:${name}`);
    out += UPPER_ALNUM[hash % UPPER_ALNUM.length];
  }
  return `${prefix}${out}`;
}

export function ipInRange(rng: Prng, prefix: string): string {
  const parts = prefix.split('.').length;
  const rest: number[] = [];
  for (let i = parts; i < 4; i += 1) rest.push(rng.int(i === 3 ? 1 : 0, i === 3 ? 254 : 255));
  return [prefix, ...rest].join('.');
}

export function instanceId(rng: Prng): string {
  return `i-0${hex(rng, 16)}`;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `20261116T091500Z`, the compact form used in file names and sessionContext.creationDate. */
export function compactTime(ms: number, withSeconds: boolean): string {
  const iso = isoSeconds(ms).replace(/[-:]/g, '');
  return withSeconds ? iso : iso.replace(/\d{2}Z$/, 'Z');
}
