// One reading thread, as the pool sees it: units of work in, FileScans out. Apart from the pool so
// that the command line can start the threads before it loads the rest (see cli/early-workers.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileScan, LogSource } from '../types.js';
import type { ReadLimits } from './limits.js';

type Reply = { id: number; scans: FileScan[] } | { id: number; failure: string };

// Workers need JavaScript: from dist/ the sibling file, from src/ (tests) the built copy in dist/.
function workerScript(): URL {
  const here = new URL('./scan-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/read/scan-worker.js', import.meta.url);
}

export class ScanWorker {
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
 * Reading threads started ahead of the work: a thread takes ~0.1 s to load its modules, time better
 * spent while this thread loads its own and discovery walks the folders. This thread reads too, so
 * concurrency n starts n - 1.
 */
export function startWorkers(concurrency: number): ScanWorker[] {
  return Array.from({ length: Math.max(0, concurrency - 1) }, () => new ScanWorker());
}
