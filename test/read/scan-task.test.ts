// Units of work: runs of small files, a larger file alone, a tar whole, a zip in runs; always the
// sources in the order given once flattened. Reading a run is reading its files one by one.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanTask, scanTasks } from '../../src/read/scan-task.js';
import { DEFAULT_LIMITS } from '../../src/read/index.js';
import type { ArchiveFormat, LogSource } from '../../src/types.js';

const KB = 1024;
const file = (size: number, k: number): LogSource => ({ path: `f${k}`, size, key: null });
const entry = (format: ArchiveFormat, archive: string, k: number, size = KB): LogSource => ({
  path: `${archive}!/e${k}`,
  size,
  key: null,
  archive: { path: archive, format, entry: `e${k}`, index: k },
});
const lengths = (tasks: LogSource[][]) => tasks.map((t) => t.length);

describe('scanTasks', () => {
  it('puts small files in runs of at most 64 files and 256 KiB', () => {
    expect(lengths(scanTasks(Array.from({ length: 150 }, (_, k) => file(KB, k))))).toEqual([64, 64, 22]);
    expect(lengths(scanTasks(Array.from({ length: 10 }, (_, k) => file(100 * KB, k))))).toEqual([2, 2, 2, 2, 2]);
  });

  it('leaves a larger file alone, and starts a new run after it', () => {
    const sources = [file(KB, 0), file(KB, 1), file(300 * KB, 2), file(KB, 3), file(KB, 4)];
    expect(lengths(scanTasks(sources))).toEqual([2, 1, 2]);
  });

  it('keeps a tar whole, goes through a zip in runs, and never mixes files with archive entries', () => {
    const sources = [
      file(KB, 0),
      ...Array.from({ length: 100 }, (_, k) => entry('tar', 'a.tar', k)),
      ...Array.from({ length: 100 }, (_, k) => entry('zip', 'b.zip', k)),
      ...Array.from({ length: 3 }, (_, k) => entry('zip', 'c.zip', k)),
      file(KB, 1),
    ];
    expect(lengths(scanTasks(sources))).toEqual([1, 100, 64, 36, 3, 1]);
  });

  it('gives back the sources in order once flattened', () => {
    const sources = Array.from({ length: 500 }, (_, k) => file((k * 7919) % (400 * KB), k));
    expect(scanTasks(sources).flat()).toEqual(sources);
    expect(scanTasks([])).toEqual([]);
  });
});

describe('scanTask', () => {
  it('reads a run of files in its order, one scan each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-task-'));
    const sources = [0, 1, 2].map((k) => {
      const path = join(dir, `f${k}.json.gz`);
      const records = Array.from({ length: k + 1 }, (_, i) => ({ eventVersion: '1.08', eventID: `e${k}-${i}` }));
      const bytes = gzipSync(JSON.stringify({ Records: records }));
      writeFileSync(path, bytes);
      return { path, size: bytes.length, key: null };
    });
    const [task] = scanTasks(sources);
    expect(task).toHaveLength(3);
    const scans = await scanTask(task, DEFAULT_LIMITS);
    expect(scans.map((s) => [s.path, s.records, s.error])).toEqual(sources.map((s, k) => [s.path, k + 1, null]));
  });
});
