// Stable pseudonyms: a keyed hash (HMAC-SHA256) of the value, so the same key gives the same name
// week after week and nobody without the key can test a guess ("is acct-… our prod account?").
import { createHmac } from 'node:crypto';

/** What the pseudonym stands for, its prefix: `acct-…`, `ip-…`, `name-…`, `host-…`, `email-…`, `key-…`, `uid-…`, or an EC2 ID's own prefix (`i-…`). */
export type PseudonymKind = 'acct' | 'ip' | 'name' | 'host' | 'email' | 'key' | 'uid' | (string & {});

const HEX = 10; // 40 bits: collisions stay unlikely for the tens of thousands of names a report holds

export interface Pseudonyms {
  /** Names the key without revealing it, so two reports can tell whether they share one. */
  keyId: string;
  of(kind: PseudonymKind, value: string): string;
}

export function makePseudonyms(key: Uint8Array): Pseudonyms {
  const cache = new Map<string, string>();
  const hash = (text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex');
  return {
    keyId: hash('cloudtrail-denials key id').slice(0, 12),
    of(kind, value) {
      const id = `${kind}\u0000${value}`;
      let out = cache.get(id);
      if (out === undefined) {
        out = `${kind}-${hash(`v1\u0000${kind}\u0000${value}`).slice(0, HEX)}`;
        cache.set(id, out);
      }
      return out;
    },
  };
}
