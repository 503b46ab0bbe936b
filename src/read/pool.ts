import type { FileScan, LogSource, SourceBatch } from '../types.js';
import type { ReadLimits } from './index.js';
import { scanTask, scanTasks } from './scan-task.js';
import { ScanWorker } from './scan-worker-handle.js';

export { ScanWorker, startWorkers } from './scan-worker-handle.js';

// compressed bytes (~10× that decompressed): about 0.1 s of work
const AHEAD_BYTES = 8 * 1024 * 1024;

// A unit this large a share of the whole (or larger) is started first, largest first.
const BIG_SHARE = 1 / 8;

// The units that make up the last part of the work go largest first, so the run ends on small ones.
const TAIL_SHARE = 1 / 4;

// Errors read and not yet folded (scans wait to be folded in path order): while as many wait, no
// worker thread is handed more (from half as many, one unit at a time), and from a quarter as many
// this thread reads only the unit it must yield next: folding is then the slow part, so it folds
// while the workers read. Without it a run with a million denials, folded slower than it was read,
// held them all (1.2 GB, measured); ~30 MB of them here.
const WAITING_ENTRIES = 20_000;

const entriesOf = (scans: FileScan[]): number => scans.reduce((n, s) => n + s.entries.length, 0);

const largestFirst = (a: { i: number; n: number }, b: { i: number; n: number }) => b.n - a.n || a.i - b.i;

/** A unit of work (a file, or a run: scan-task.ts) as the pool sees it: its index in path order, its bytes. */
export interface Unit {
  s: LogSource[];
  i: number;
  n: number;
}

/** Units of the tasks, indexed from `first` on. */
export function unitsOf(tasks: LogSource[][], first = 0): Unit[] {
  return tasks.map((s, k) => ({ s, i: first + k, n: s.reduce((n, source) => n + source.size, 0) }));
}

/**
 * The order units are handed out in: the big ones first, largest first, so that none finishes last on
 * its own; the rest in path order, because scans are folded in path order: the main thread then folds
 * while the threads read, instead of after them (measured: a quarter of a second at the end of a 1 GiB
 * run handed out largest-first); but the last quarter of the work largest first again, so that no
 * thread is left reading a big file at the end while the others wait (its scans are folded at the
 * end either way).
 */
export function dispatchOrder(units: Unit[], threads: number): Unit[] {
  if (threads <= 1) return units; // one thread: no one to balance against, and nothing read out of order waits
  const total = units.reduce((n, t) => n + t.n, 0);
  const big = (total / threads) * BIG_SHARE;
  const rest = units.filter((t) => t.n < big);
  let cut = rest.length;
  for (let tail = 0; cut > 0 && tail + rest[cut - 1].n <= total * TAIL_SHARE;) tail += rest[--cut].n;
  return [...units.filter((t) => t.n >= big).sort(largestFirst), ...rest.slice(0, cut), ...rest.slice(cut).sort(largestFirst)];
}

/**
 * Scans every source and yields one scan per source in path order, while the reading happens on
 * `concurrency` threads, this one included (the worker threads are the `started` ones, or started
 * here). Units of work are files, runs of small files, or runs of one archive's entries (see
 * scan-task.ts). The worker threads are closed when the scans have all been taken.
 *
 * Sources come as an array, or in batches while they are being found (discoverInBatches): until the
 * last batch, this thread is finding them and the worker threads read the units in path order; with
 * the last, the rest are handed out in dispatchOrder and this thread reads too.
 *
 * Why this thread reads: with a thread per core and this one folding beside them, there is one more
 * busy thread than cores, and every scan crosses a thread (structured clone). Measured on 2 cores,
 * 1 GiB: 2 workers + a folding main thread used ~1 core-second more than one thread alone.
 */
export async function* scanAll(
  input: LogSource[] | AsyncIterable<SourceBatch>,
  concurrency: number,
  limits: ReadLimits,
  started?: ScanWorker[],
  maxWaiting = WAITING_ENTRIES,
): AsyncGenerator<FileScan> {
  const batches: AsyncIterable<SourceBatch> | SourceBatch[] = Array.isArray(input) ? [{ sources: input, last: true }] : input;
  const spare = started ?? [];
  const workers: ScanWorker[] = [];
  const inFlight = new Map<ScanWorker, number>();
  const tasks: LogSource[][] = [];
  const results = new Map<number, Promise<FileScan[]>>();
  const settled = new Set<number>();
  let order: Unit[] = []; // units not handed out yet, from `next` on
  let next = 0;
  let left = 0; // their bytes
  let planned = false; // the last batch is in and `order` is final
  let failed = false;
  let yielded = 0; // tasks whose scans have been yielded
  const waitingOf = new Map<number, number>(); // entries of scans read but not yet yielded, by task
  let waiting = 0;
  const arrived = (i: number, scans: FileScan[]): void => {
    const e = entriesOf(scans);
    waitingOf.set(i, e);
    waiting += e;
  };
  // task i, not handed out yet, becomes the next unit
  const bringForward = (i: number): void => {
    const at = order.findIndex((u, j) => j >= next && u.i === i);
    if (at > next) [order[next], order[at]] = [order[at], order[next]];
  };

  const setUp = async (wanted: number): Promise<void> => {
    workers.push(...spare.slice(0, Math.max(0, wanted)));
    await Promise.all(spare.slice(workers.length).map((w) => w.close()));
    while (workers.length < wanted) workers.push(new ScanWorker());
    for (const w of workers) inFlight.set(w, 0);
  };
  // A worker is kept ahead by a few MB of input, so it has work while this thread reads a big file and
  // cannot answer; less near the end, so that no thread is left with a queue while the others idle.
  const ahead = () => (planned ? Math.min(AHEAD_BYTES, left / (2 * (workers.length + 1))) : AHEAD_BYTES);
  // Whether a worker with `queued` bytes handed out may have one more unit: a few MB ahead while few
  // errors wait to be folded, one unit at a time once many do (what a queue holds is read whatever
  // waits), none at the bound.
  const wanted = (queued: number): boolean => (waiting < maxWaiting / 2 ? queued < ahead() : waiting < maxWaiting && queued === 0);
  const feed = (w: ScanWorker): void => {
    while (!failed && next < order.length && wanted(inFlight.get(w) ?? 0)) {
      const { s, i, n } = order[next++];
      left -= n;
      inFlight.set(w, (inFlight.get(w) ?? 0) + n);
      const p = w.scan(s, limits);
      const done = () => (settled.add(i), inFlight.set(w, (inFlight.get(w) ?? 0) - n));
      p.then(
        (scans) => (arrived(i, scans), done(), feed(w)),
        () => (done(), (failed = true)),
      );
      p.catch(() => {}); // awaited in path order below; an early rejection must not go unhandled
      results.set(i, p);
    }
  };
  const take = async (i: number): Promise<FileScan[]> => {
    const scans = await results.get(i)!;
    results.delete(i);
    const e = waitingOf.get(i);
    if (e !== undefined) {
      waitingOf.delete(i);
      waiting -= e;
      workers.forEach(feed); // fewer wait: a worker held back may have more
    }
    return scans;
  };

  try {
    for await (const batch of batches) {
      const first = tasks.length;
      tasks.push(...scanTasks(batch.sources));
      const units = unitsOf(tasks.slice(first), first);
      if (!batch.last) {
        // more to come: the worker threads read in path order while this thread finds the rest
        if (first === 0) await setUp(concurrency - 1);
        order.push(...units);
        left += units.reduce((n, t) => n + t.n, 0);
        workers.forEach(feed);
        await new Promise((resolve) => setImmediate(resolve)); // let replies in
        while (yielded < tasks.length && settled.has(yielded)) yield* await take(yielded++);
        continue;
      }
      if (first === 0) await setUp(Math.min(concurrency, units.length) - 1);
      order = [...order.slice(next), ...units];
      order = dispatchOrder(order, workers.length + 1);
      next = 0;
      left = order.reduce((n, t) => n + t.n, 0);
      planned = true;
      workers.forEach(feed);
    }
    for (let i = yielded; i < tasks.length; i++) {
      // this thread reads the next unit itself whenever the one it must yield is not ready yet; but
      // once errors wait to be folded, folding is the slow part: then only that one (or none, when a
      // worker has it), so the workers read and this thread folds
      while (!settled.has(i) && next < order.length) {
        if (waiting >= maxWaiting / 4) {
          if (results.has(i)) break;
          bringForward(i);
        }
        const { s, i: k, n } = order[next++];
        left -= n;
        const scans = await scanTask(s, limits);
        if (k !== i) arrived(k, scans);
        results.set(k, Promise.resolve(scans));
        settled.add(k);
        if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve)); // let replies in
      }
      yield* await take(i);
    }
  } finally {
    failed = true;
    await Promise.all([...new Set([...spare, ...workers])].map((w) => w.close()));
  }
}
