// What an auditor captures online before verifying offline, for the demo archive: the public keys
// (`aws cloudtrail list-public-keys` output: here the demo key only) and each digest's signature as
// S3 object metadata holds it (the README's capture loop writes '<key>\t<hex>' lines).
import type { SampleDigest } from './digest-file.js';
import { demoKey } from './demo-key.js';
import type { SampleFile } from './log-file.js';

export const PUBLIC_KEYS_PATH = 'integrity/public-keys.json';
export const SIGNATURES_PATH = 'integrity/signatures.tsv';

export function integrityFiles(digests: readonly SampleDigest[]): SampleFile[] {
  const key = demoKey();
  // The AWS CLI prints JSON indented by four spaces.
  const keys = JSON.stringify({
    PublicKeyList: [
      { Value: key.publicDer.toString('base64'), ValidityStartTime: '2026-11-01T00:00:00+00:00', ValidityEndTime: '2026-12-01T00:00:00+00:00', Fingerprint: key.fingerprint },
    ],
  }, null, 4);
  const lines = [
    '# Signatures of the demo archive\'s digest files (S3 metadata x-amz-meta-signature), made with the',
    '# published demo key of src/samples/demo-key.ts: they prove nothing about any real trail.',
    ...[...digests].sort((a, b) => (a.file.path < b.file.path ? -1 : 1)).map((d) => `${d.file.path}\t${d.signature}`),
  ];
  return [
    { path: PUBLIC_KEYS_PATH, content: `${keys}\n`, gzip: false },
    { path: SIGNATURES_PATH, content: `${lines.join('\n')}\n`, gzip: false },
  ];
}

export function isIntegrityPath(path: string): boolean {
  return path === PUBLIC_KEYS_PATH || path === SIGNATURES_PATH;
}
