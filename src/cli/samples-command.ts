import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { generateSampleArchive } from '../samples/index.js';
import { makeFolder } from './output-files.js';
import { samplePolicyFiles } from '../samples/policies/index.js';
import { say } from './print.js';

/** The names in `dir`: none when it does not exist yet; a user error when it is not a folder. */
function namesIn(dir: string): string[] {
  let info;
  try {
    info = statSync(dir, { throwIfNoEntry: false });
  } catch (err) {
    throw new UserError(`cannot make the folder ${dir}: ${(err as Error).message}`); // e.g. under a file
  }
  if (info === undefined) return [];
  if (!info.isDirectory()) throw new UserError(`${dir} is a file: give a new or empty folder`);
  return readdirSync(dir);
}

/** Writes the seeded demo archive; the same seed gives the same records. */
export function runSamples(dir: string, seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new UserError('--seed wants a whole number');
  // Stale files from another seed would mix into the archive: start from an empty folder.
  if (namesIn(dir).length > 0) throw new UserError(`${dir} is not empty: give a new or empty folder`);
  // the logs, and the demo organization's exported policies that explain their refusals (policies/)
  const files = [...generateSampleArchive({ seed }), ...samplePolicyFiles()];
  const made = new Set<string>();
  for (const f of files) {
    const target = join(dir, f.path);
    try {
      // level by level (output-files.ts): Node's recursive mkdir spins forever under /proc
      if (!made.has(dirname(target))) makeFolder(dirname(target));
      made.add(dirname(target));
      writeFileSync(target, f.gzip ? gzipSync(f.content, { level: 9 }) : f.content);
    } catch (err) {
      throw new UserError(`cannot write the samples into ${dir}: ${(err as Error).message}`);
    }
  }
  say(`wrote ${files.length} files to ${dir}\n`);
  return 0;
}
