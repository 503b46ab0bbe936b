// verifyIntegrity over built archives, with the signature inputs given as the texts an auditor captured.
import type { PruneFilter } from '../../src/discover/index.js';
import { verifyIntegrity } from '../../src/integrity/index.js';
import type { IntegritySummary } from '../../src/types.js';
import { parsePublicKeys, parseSignatures } from '../../src/verify/index.js';
import { publicKeysJson, type KeyPair } from './digest-chain.js';

export const OPEN: PruneFilter = { accounts: [], regions: [], since: null, until: null };

export interface VerifyRun {
  keys?: KeyPair[];
  signatures?: string;
  filter?: Partial<PruneFilter>;
}

export async function verifyPaths(paths: string[], run: VerifyRun = {}): Promise<IntegritySummary> {
  return verifyIntegrity({
    paths,
    filter: { ...OPEN, ...run.filter },
    publicKeys: run.keys ? parsePublicKeys(publicKeysJson(...run.keys), 'keys.json') : null,
    signatures: run.signatures === undefined ? null : parseSignatures(run.signatures, 'signatures.tsv'),
  });
}

export const kinds = (s: IntegritySummary): string[] => s.failures.map((f) => f.kind);
