// The floor: gunzip every file, nothing else, on N worker threads (largest first).
// usage: node floor.mjs <threads> [--window] <file>|@<list file>...   prints {"bytes":N}
// Default: zlib.gunzipSync of each whole file, the output buffer sized from the gzip trailer (the
// issue's definition). --window: the tool's own way, inflating into one reused 1 MiB window
// (src/read/window-chunks.ts), so the report's cost above decompression can be read off too.
import { readFileSync, statSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { windowChunks } from '../../dist/read/window-chunks.js';

function gunzipAll({ paths, window }) {
  let bytes = 0;
  const out = window ? Buffer.allocUnsafe(1 << 20) : null;
  for (const p of paths) {
    if (out) {
      for (const chunk of windowChunks(p, statSync(p).size, out, { maxExpansion: 1e6 })) bytes += chunk.length;
      continue;
    }
    const raw = readFileSync(p);
    const isize = raw.readUInt32LE(raw.length - 4);
    bytes += gunzipSync(raw, { chunkSize: Math.max(65536, isize + 1) }).length;
  }
  return bytes;
}

if (isMainThread) {
  // @file: the paths listed in that file, one a line (more files than an argument list holds)
  const args = process.argv.slice(2).flatMap((a) => (a.startsWith('@') ? readFileSync(a.slice(1), 'utf8').split('\n').filter(Boolean) : [a]));
  const [threads, ...rest] = args;
  const window = rest[0] === '--window';
  const paths = window ? rest.slice(1) : rest;
  const n = Number(threads);
  const sized = paths.map((p) => ({ p, size: statSync(p).size })).sort((a, b) => b.size - a.size);
  // Largest first, dealt to the least-loaded thread: the same balance the tool aims for.
  const shares = Array.from({ length: n }, () => ({ load: 0, paths: [] }));
  for (const f of sized) {
    const s = shares.reduce((a, b) => (b.load < a.load ? b : a));
    s.load += f.size;
    s.paths.push(f.p);
  }
  const results = await Promise.all(
    shares.map(
      (s) =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { paths: s.paths, window } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  console.log(JSON.stringify({ bytes: results.reduce((a, b) => a + b, 0) }));
} else {
  parentPort.postMessage(gunzipAll(workerData));
}
