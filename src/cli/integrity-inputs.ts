// The files an auditor captured online for the signature checks: `--public-keys` (list-public-keys
// output, one file per region) and `--signatures` (digest key → S3 metadata signature).
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { parsePublicKeys, parseSignatures, type PublicKey } from '../verify/index.js';

export interface IntegrityFlags {
  publicKeys: string[];
  signatures?: string;
}

export interface SignatureInputs {
  publicKeys: PublicKey[] | null;
  signatures: Map<string, string> | null;
}

async function text(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`${option} ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

export async function loadSignatureInputs(flags: IntegrityFlags): Promise<SignatureInputs> {
  const publicKeys: PublicKey[] = [];
  for (const path of flags.publicKeys) publicKeys.push(...parsePublicKeys(await text(path, '--public-keys'), path));
  if (flags.signatures !== undefined && flags.publicKeys.length === 0) {
    throw new UserError('--signatures needs --public-keys: a signature is checked with the key that made it (aws cloudtrail list-public-keys)');
  }
  return {
    publicKeys: flags.publicKeys.length > 0 ? publicKeys : null,
    signatures: flags.signatures === undefined ? null : parseSignatures(await text(flags.signatures, '--signatures'), flags.signatures),
  };
}
