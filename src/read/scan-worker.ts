// Worker thread body: scans the files it is sent, one at a time, and posts each FileScan back.
import { parentPort } from 'node:worker_threads';
import type { LogSource } from '../types.js';
import { scanSource, type ReadLimits } from './index.js';

parentPort?.on('message', (msg: { id: number; source: LogSource; limits: ReadLimits }) => {
  void scanSource(msg.source, msg.limits).then(
    (scan) => parentPort?.postMessage({ id: msg.id, scan }),
    (err: unknown) => parentPort?.postMessage({ id: msg.id, failure: err instanceof Error ? err.message : String(err) }),
  );
});
