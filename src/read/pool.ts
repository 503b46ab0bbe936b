import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { FileScan, LogSource } from '../types.js';
import type { ReadLimits } from './index.js';
import { scanTask, scanTasks } from './scan-task.js';

type Reply = { id: number; scans: FileScan[] } | { id: number; failure: string };

// Workers need JavaScript: from dist/ the sibling file, from src/ (tests) the built copy in dist/.
function workerScript(): URL {
  const here = new URL('./scan-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/read/scan-worker.js', import.meta.url);
}

class ScanWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (s: FileScan[]) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor() {
    this.worker = new Worker(workerScript(), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.on('message', (r: Reply) => {
      const w = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      if ('scans' in r) w?.resolve(r.scans);
      else w?.reject(new Error(r.failure));
    });
    this.worker.on('error', (err) => {
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
  }

  scan(task: LogSource[], limits: ReadLimits): Promise<FileScan[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, task, limits });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Scans every source and yields one scan per source in the order given (path order), while the
 * reading happens on `concurrency` threads, largest units first so one big file does not finish last
 * on its own. Units of work are files, or runs of one archive's entries (see scan-task.ts).
 * With concurrency 1 everything runs on this thread.
 */
export async function* scanAll(sources: LogSource[], concurrency: number, limits: ReadLimits): AsyncGenerator<FileScan> {
  const tasks = scanTasks(sources);
  if (concurrency <= 1 || tasks.length <= 1) {
    for (const t of tasks) yield* await scanTask(t, limits);
    return;
  }
  const workers = Array.from({ length: Math.min(concurrency, tasks.length) }, () => new ScanWorker());
  const idle = [...workers];
  const limit = pLimit(workers.length);
  const results = new Map<number, Promise<FileScan[]>>();
  const size = (t: LogSource[]) => t.reduce((n, s) => n + s.size, 0);
  const bySize = tasks.map((s, i) => ({ s, i, n: size(s) })).sort((a, b) => b.n - a.n || a.i - b.i);
  for (const { s, i } of bySize) {
    results.set(
      i,
      limit(async () => {
        const w = idle.pop()!;
        try {
          return await w.scan(s, limits);
        } finally {
          idle.push(w);
        }
      }),
    );
  }
  // Unhandled rejections would fire before the consumer reaches a later file; it awaits them in order.
  for (const p of results.values()) p.catch(() => {});
  try {
    for (let i = 0; i < tasks.length; i++) {
      yield* await results.get(i)!;
      results.delete(i);
    }
  } finally {
    limit.clearQueue();
    await Promise.all(workers.map((w) => w.close()));
  }
}
