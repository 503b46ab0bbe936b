// Worker thread body: scans the units of work it is sent (a file, or entries of one archive), one at a
// time, and posts their FileScans back.
import { parentPort } from 'node:worker_threads';
import type { LogSource } from '../types.js';
import type { ReadLimits } from './index.js';
import { scanTask } from './scan-task.js';

type Message = { id: number; task: LogSource[]; limits: ReadLimits };

// One unit at a time, in the order sent (the pool keeps a few MB of units in flight, so some wait here).
const queue: Message[] = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  for (let msg = queue.shift(); msg !== undefined; msg = queue.shift()) {
    const { id } = msg;
    await scanTask(msg.task, msg.limits).then(
      (scans) => parentPort?.postMessage({ id, scans }),
      (err: unknown) => parentPort?.postMessage({ id, failure: err instanceof Error ? err.message : String(err) }),
    );
  }
  busy = false;
}

parentPort?.on('message', (msg: Message) => {
  queue.push(msg);
  if (!busy) void drain();
});
