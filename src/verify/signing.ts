// The string CloudTrail signs for each digest, and the RSA check (AWS: "Custom implementations of
// CloudTrail log file integrity validation"; the AWS CLI's validate-logs builds the same string):
//
//   digestEndTime \n digestS3Bucket/digestS3Object \n hex(SHA-256(uncompressed digest)) \n previousDigestSignature
//
// A starting digest has previousDigestSignature null, which is signed as the four letters 'null'.
// The signature is SHA256withRSA (PKCS #1 v1.5) in hex, kept in the object's `x-amz-meta-signature`.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { Digest } from './digest.js';

export const SIGNATURE_ALGORITHM = 'SHA256withRSA';

export function signingString(d: Digest, digestSha256: string): string {
  return `${d.digestEndTime}\n${d.digestS3Bucket}/${d.digestS3Object}\n${digestSha256}\n${d.previousDigestSignature ?? 'null'}`;
}

/** list-public-keys gives `Value` as base64 DER in PKCS #1; SubjectPublicKeyInfo is accepted too. */
export function publicKeyFromDer(der: Buffer): KeyObject | null {
  for (const type of ['pkcs1', 'spki'] as const) {
    try {
      return createPublicKey({ key: der, format: 'der', type });
    } catch {
      // try the other encoding
    }
  }
  return null;
}

export function signatureValid(key: KeyObject, signedText: string, signatureHex: string): boolean {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(signatureHex)) return false;
  return verify('sha256', Buffer.from(signedText, 'utf8'), key, Buffer.from(signatureHex, 'hex'));
}
