// The floor: gunzip every file, nothing else, on N worker threads (largest first).
// usage: node floor.mjs <threads> <file>...   prints {"bytes":N}
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

function gunzipAll(paths) {
  let bytes = 0;
  for (const p of paths) {
    const raw = readFileSync(p);
    const isize = raw.readUInt32LE(raw.length - 4);
    bytes += gunzipSync(raw, { chunkSize: Math.max(65536, isize + 1) }).length;
  }
  return bytes;
}

if (isMainThread) {
  const [threads, ...paths] = process.argv.slice(2);
  const n = Number(threads);
  const sized = paths.map((p) => ({ p, size: readFileSync(p).length })).sort((a, b) => b.size - a.size);
  // Largest first, dealt to the least-loaded thread: the same balance the tool aims for.
  const shares = Array.from({ length: n }, () => ({ load: 0, paths: [] }));
  for (const f of sized) {
    const s = shares.reduce((a, b) => (b.load < a.load ? b : a));
    s.load += f.size;
    s.paths.push(f.p);
  }
  const results = await Promise.all(
    shares.map((s) => new Promise((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: s.paths });
      w.once('message', resolve);
      w.once('error', reject);
    })),
  );
  console.log(JSON.stringify({ bytes: results.reduce((a, b) => a + b, 0) }));
} else {
  parentPort.postMessage(gunzipAll(workerData));
}
