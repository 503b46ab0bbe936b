// A digest's RSA signature, from the signatures file (S3 metadata captured online) and from the next
// digest's previousDigestSignature. A signature that verifies proves the digest came from CloudTrail,
// wherever the signature was copied from; two sources that disagree cannot both verify.
//
// The signatures file is the auditor's trust anchor for the digests no later digest vouches for (the
// newest of each chain, and backfill digests): when it is given, a digest with no signature from
// either source is a failure (digest-unsigned), not a notice. Without it, the newest stays unchecked.
import type { KeyObject } from 'node:crypto';
import type { IntegrityTrail } from '../types.js';
import type { DigestInput } from './inputs.js';
import { SIGNATURE_ALGORITHM, signatureValid, signingString } from './signing.js';
import type { Tally } from './tally.js';

/** valid: verified with a key; unchecked: no key, or no signature without --signatures; failed: a failure was reported. */
export type SignatureStatus = 'valid' | 'unchecked' | 'failed';

export interface SignatureContext {
  tally: Tally;
  row: IntegrityTrail;
  keys: Map<string, KeyObject> | null;
  signaturesGiven: boolean; // --signatures was given
  fromFile: string | undefined;
  fromSuccessor: string | undefined;
}

export function checkSignature(d: DigestInput, ctx: SignatureContext): SignatureStatus {
  const { tally, row } = ctx;
  const digest = d.entry.digest;
  const sha256 = d.entry.sha256;
  if (!digest || sha256 === null) return 'failed'; // unreadable: a chain break already
  const file = d.entry.path;
  if (ctx.keys === null) {
    tally.count(row, 'signaturesUnchecked');
    return 'unchecked';
  }
  const sources = [
    { from: 'signatures file', sig: ctx.fromFile },
    { from: 'next digest', sig: ctx.fromSuccessor },
  ].filter((s): s is { from: string; sig: string } => s.sig !== undefined);
  if (sources.length === 0 && ctx.signaturesGiven) {
    tally.find(row, 'signaturesInvalid', {
      kind: 'digest-unsigned',
      file,
      digest: null,
      detail:
        `no signature: the signatures file has none for it${d.key.backfill ? '' : ' and no later digest records one'}; ` +
        'CloudTrail signs every digest, so this one was not written by CloudTrail, or was written after the signatures file was captured',
    });
    return 'failed';
  }
  if (sources.length === 0) {
    tally.find(row, 'signaturesUnchecked', {
      kind: 'signature-unchecked',
      file,
      digest: null,
      detail: "no signature: no later digest records it, and no --signatures file was given (it is in the object's S3 metadata)",
    });
    return 'unchecked';
  }
  if (digest.digestSignatureAlgorithm !== SIGNATURE_ALGORITHM) {
    tally.find(row, 'signaturesInvalid', {
      kind: 'unsupported-algorithm',
      file,
      digest: null,
      detail: `digestSignatureAlgorithm ${digest.digestSignatureAlgorithm || 'absent'}`,
    });
    return 'failed';
  }
  const fingerprint = digest.digestPublicKeyFingerprint.toLowerCase();
  const key = ctx.keys.get(fingerprint);
  if (!key) {
    tally.find(row, 'signaturesInvalid', {
      kind: 'signature-no-key',
      file,
      digest: null,
      detail:
        `no key with fingerprint ${fingerprint} in --public-keys: run 'aws cloudtrail list-public-keys' in ${d.key.region} for a range covering ${digest.digestEndTime}` +
        (d.key.backfill ? ' and the days after it (a backfill digest is signed when it is written, later)' : ''),
    });
    return 'failed';
  }
  const text = signingString(digest, sha256);
  const bad = sources.filter((s) => !signatureValid(key, text, s.sig));
  if (bad.length > 0) {
    tally.find(row, 'signaturesInvalid', {
      kind: 'signature-invalid',
      file,
      digest: null,
      detail: `the signature from the ${bad.map((b) => b.from).join(' and the ')} does not verify with key ${fingerprint}: the digest or its signature was altered`,
    });
    return 'failed';
  }
  tally.count(row, 'signaturesValid');
  return 'valid';
}
