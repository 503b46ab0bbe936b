import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSampleArchive } from '../samples/index.js';

/** Writes the seeded demo archive; the same seed gives the same bytes. */
export function runSamples(dir: string, seed: number): number {
  const files = generateSampleArchive({ seed });
  for (const f of files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.gzip ? gzipSync(f.content, { level: 9 }) : f.content);
  }
  process.stdout.write(`wrote ${files.length} files to ${dir}\n`);
  return 0;
}
