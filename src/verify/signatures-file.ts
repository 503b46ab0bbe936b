// The signatures of digest files, which CloudTrail keeps in S3 object metadata (`x-amz-meta-signature`)
// rather than in the files. Two shapes are read:
//   JSON:  {"AWSLogs/…/x_CloudTrail-Digest_…json.gz": "3be4…", …}
//   text:  one '<key> <hex signature>' per line (tab or spaces; '#' comments), as the README's loop writes
// A key may be given as s3://bucket/key, bucket/key or key; it is matched on its AWSLogs/… part.
import { UserError } from '../errors.js';
import { signatureKeySuffix } from './object-key.js';

const HEX = /^[0-9a-fA-F]+$/;

// `aws … --output text` prints None for an absent value: that digest simply has no signature here.
const ABSENT = new Set(['', 'none', 'null']);

function add(out: Map<string, string>, key: string, sig: string, where: string): void {
  if (ABSENT.has(sig.toLowerCase())) return;
  const suffix = signatureKeySuffix(key);
  if (suffix === null) throw new UserError(`${where}: '${key}' is not a digest key (no AWSLogs/ in it)`);
  if (!HEX.test(sig)) throw new UserError(`${where}: the signature for ${key} is not hexadecimal`);
  out.set(suffix, sig.toLowerCase());
}

/** Digest key (AWSLogs/… part) → hex signature. */
export function parseSignatures(content: string, name: string): Map<string, string> {
  const out = new Map<string, string>();
  const trimmed = content.trim();
  if (trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (err) {
      throw new UserError(`${name}: not JSON (${(err as Error).message})`);
    }
    for (const [key, sig] of Object.entries(doc as Record<string, unknown>)) {
      if (typeof sig !== 'string') throw new UserError(`${name}: the signature for ${key} is not a string`);
      add(out, key, sig, name);
    }
    return out;
  }
  for (const [i, line] of content.split(/\r?\n/).entries()) {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) continue;
    const parts = l.split(/\s+/);
    if (parts.length === 1) continue; // a key with an empty signature
    if (parts.length !== 2) throw new UserError(`${name}:${i + 1}: expected '<digest key> <hex signature>'`);
    add(out, parts[0], parts[1], `${name}:${i + 1}`);
  }
  return out;
}
