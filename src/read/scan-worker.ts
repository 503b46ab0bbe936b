// Worker thread body: scans the units of work it is sent (a file, or entries of one archive), one at a
// time, and posts their FileScans back.
import { parentPort } from 'node:worker_threads';
import type { LogSource } from '../types.js';
import type { ReadLimits } from './index.js';
import { scanTask } from './scan-task.js';

parentPort?.on('message', (msg: { id: number; task: LogSource[]; limits: ReadLimits }) => {
  void scanTask(msg.task, msg.limits).then(
    (scans) => parentPort?.postMessage({ id: msg.id, scans }),
    (err: unknown) => parentPort?.postMessage({ id: msg.id, failure: err instanceof Error ? err.message : String(err) }),
  );
});
