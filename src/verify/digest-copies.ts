// The same digest reached twice (two folders, a folder and a zip of it) is checked once. Copies whose
// content differs cannot both be what CloudTrail wrote: the copy kept is the one a later digest's
// previousDigestHashValue vouches for (else the first by path, which the chain check then judges),
// and every other content is reported as modified, naming its copy.
import type { IntegrityFinding } from '../types.js';
import type { DigestInput } from './inputs.js';

const byPath = (a: DigestInput, b: DigestInput): number => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0);

export interface DigestCopies {
  kept: DigestInput[]; // one per digest key
  /** Copies whose content differs from the kept one's, with the finding that names each. */
  differing: { copy: DigestInput; finding: Omit<IntegrityFinding, 'trail'> }[];
}

export function digestCopies(digests: readonly DigestInput[]): DigestCopies {
  const vouched = new Set<string>();
  for (const d of digests) {
    const hash = d.entry.digest?.previousDigestHashValue;
    if (hash) vouched.add(hash);
  }
  const bySuffix = new Map<string, DigestInput[]>();
  for (const d of [...digests].sort(byPath)) {
    const copies = bySuffix.get(d.suffix);
    if (copies) copies.push(d);
    else bySuffix.set(d.suffix, [d]);
  }
  const out: DigestCopies = { kept: [], differing: [] };
  for (const copies of bySuffix.values()) {
    const keep = copies.find((c) => c.entry.sha256 !== null && vouched.has(c.entry.sha256)) ?? copies[0];
    out.kept.push(keep);
    for (const c of copies) {
      if (c.entry.sha256 === keep.entry.sha256) continue;
      out.differing.push({
        copy: c,
        finding: {
          kind: 'digest-modified',
          file: c.entry.path,
          digest: null,
          detail: `another copy of this digest, ${keep.entry.path}, has other content (SHA-256 ${keep.entry.sha256 ?? 'unreadable'}; this one ${c.entry.sha256 ?? 'unreadable'}): one of them was altered`,
        },
      });
    }
  }
  return out;
}
