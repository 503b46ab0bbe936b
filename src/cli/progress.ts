import type { Progress } from '../analyze.js';

/** One line on stderr, rewritten in place, only when stderr is a terminal. */
export function progressLine(stream: NodeJS.WriteStream, startedAt: number): ((p: Progress) => void) & { done: () => void } {
  let last = 0;
  const show = (p: Progress) => {
    const now = Date.now();
    if (now - last < 100 && p.filesDone < p.filesTotal) return;
    last = now;
    const seconds = Math.max((now - startedAt) / 1000, 0.001);
    const mbs = p.bytes / 1e6 / seconds;
    stream.write(`\r\u001b[2Kfiles ${p.filesDone}/${p.filesTotal}  records ${p.records}  denials ${p.denials}  ${mbs.toFixed(0)} MB/s`);
  };
  return Object.assign(show, { done: () => stream.write('\r\u001b[2K') });
}
