import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { generateSampleArchive } from '../samples/index.js';
import { say } from './print.js';

/** Writes the seeded demo archive; the same seed gives the same records. */
export function runSamples(dir: string, seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new UserError('--seed wants a whole number');
  const existing = (() => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  })();
  // Stale files from another seed would mix into the archive: start from an empty folder.
  if (existing.length > 0) throw new UserError(`${dir} is not empty: give a new or empty folder`);
  const files = generateSampleArchive({ seed });
  for (const f of files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.gzip ? gzipSync(f.content, { level: 9 }) : f.content);
  }
  say(`wrote ${files.length} files to ${dir}\n`);
  return 0;
}
