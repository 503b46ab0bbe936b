// A digest's RSA signature, from the signatures file (S3 metadata captured online) and from the next
// digest's previousDigestSignature. A signature that verifies proves the digest came from CloudTrail,
// wherever the signature was copied from; two sources that disagree cannot both verify.
import type { KeyObject } from 'node:crypto';
import type { IntegrityTrail } from '../types.js';
import type { DigestInput } from './inputs.js';
import { SIGNATURE_ALGORITHM, signatureValid, signingString } from './signing.js';
import type { Tally } from './tally.js';

export interface SignatureContext {
  tally: Tally;
  row: IntegrityTrail;
  keys: Map<string, KeyObject> | null;
  fromFile: string | undefined;
  fromSuccessor: string | undefined;
}

export function checkSignature(d: DigestInput, ctx: SignatureContext): void {
  const { tally, row } = ctx;
  const digest = d.entry.digest;
  const sha256 = d.entry.sha256;
  if (!digest || sha256 === null) return; // unreadable: a chain break already
  const file = d.entry.path;
  if (ctx.keys === null) return tally.count(row, 'signaturesUnchecked');
  const sources = [
    { from: 'signatures file', sig: ctx.fromFile },
    { from: 'next digest', sig: ctx.fromSuccessor },
  ].filter((s): s is { from: string; sig: string } => s.sig !== undefined);
  if (sources.length === 0) {
    return tally.find(row, 'signaturesUnchecked', {
      kind: 'signature-unchecked',
      file,
      digest: null,
      detail: 'no signature: no later digest records it, and --signatures has none for it (it is in the object\'s S3 metadata)',
    });
  }
  if (digest.digestSignatureAlgorithm !== SIGNATURE_ALGORITHM) {
    return tally.find(row, 'signaturesInvalid', {
      kind: 'unsupported-algorithm',
      file,
      digest: null,
      detail: `digestSignatureAlgorithm ${digest.digestSignatureAlgorithm || 'absent'}`,
    });
  }
  const fingerprint = digest.digestPublicKeyFingerprint.toLowerCase();
  const key = ctx.keys.get(fingerprint);
  if (!key) {
    return tally.find(row, 'signaturesInvalid', {
      kind: 'signature-no-key',
      file,
      digest: null,
      detail: `no key with fingerprint ${fingerprint} in --public-keys: run 'aws cloudtrail list-public-keys' in ${d.key.region} for a range covering ${digest.digestEndTime}`,
    });
  }
  const text = signingString(digest, sha256);
  const bad = sources.filter((s) => !signatureValid(key, text, s.sig));
  if (bad.length > 0) {
    return tally.find(row, 'signaturesInvalid', {
      kind: 'signature-invalid',
      file,
      digest: null,
      detail: `the signature from the ${bad.map((b) => b.from).join(' and the ')} does not verify with key ${fingerprint}: the digest or its signature was altered`,
    });
  }
  tally.count(row, 'signaturesValid');
}
