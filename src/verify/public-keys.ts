// `aws cloudtrail list-public-keys` output, as saved by an auditor before going offline:
//   {"PublicKeyList":[{"Value":"MIIBCgKCAQEA…","ValidityStartTime":…,"ValidityEndTime":…,"Fingerprint":"8eba…"}]}
// Several outputs (one per region: each region signs with its own keys) may be given, or one file
// holding a JSON array of them. Fingerprints are matched as given: AWS does not document how they are made.
import type { KeyObject } from 'node:crypto';
import { UserError } from '../errors.js';
import { publicKeyFromDer } from './signing.js';

export interface PublicKey {
  fingerprint: string;
  key: KeyObject;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function keyList(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc.flatMap(keyList);
  if (!isRecord(doc)) return [];
  // The AWS guide's sample spells it publicKeyList; the CLI prints PublicKeyList.
  const list = doc.PublicKeyList ?? doc.publicKeyList;
  if (Array.isArray(list)) return list;
  return typeof doc.Fingerprint === 'string' ? [doc] : [];
}

/** Parses one keys file; `name` is for messages. Throws a UserError when it holds no usable key. */
export function parsePublicKeys(json: string, name: string): PublicKey[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    throw new UserError(`${name}: not JSON (${(err as Error).message}); save the output of 'aws cloudtrail list-public-keys'`);
  }
  const out: PublicKey[] = [];
  for (const [i, item] of keyList(doc).entries()) {
    if (!isRecord(item) || typeof item.Fingerprint !== 'string' || typeof item.Value !== 'string') {
      throw new UserError(`${name}: key ${i} has no Fingerprint or Value`);
    }
    const key = publicKeyFromDer(Buffer.from(item.Value, 'base64'));
    if (!key) throw new UserError(`${name}: key ${item.Fingerprint} is not a DER RSA public key in base64`);
    out.push({ fingerprint: item.Fingerprint.toLowerCase(), key });
  }
  if (out.length === 0) throw new UserError(`${name}: no PublicKeyList entries; save the output of 'aws cloudtrail list-public-keys'`);
  return out;
}
