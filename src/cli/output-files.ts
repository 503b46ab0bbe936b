import { closeSync, mkdirSync, openSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { onStop } from './interrupt.js';

/**
 * Makes `dir` and any missing parents, one level at a time, stopping at the first error; returns the
 * outermost folder it made, if any. Not `mkdirSync(dir, { recursive: true })`: on procfs (`--out
 * /proc/self/x/y`) mkdir says ENOENT for a parent that exists, and Node's recursive mkdir retries
 * that parent forever at 100% CPU (Node 20).
 */
export function makeFolder(dir: string): string | undefined {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      if (!statSync(d).isDirectory()) throw Object.assign(new Error(`${d} is not a directory`), { code: 'ENOTDIR' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(d) === d) throw err;
      missing.unshift(d);
    }
  }
  const made: string[] = [];
  try {
    for (const d of missing) {
      mkdirSync(d);
      made.unshift(d);
    }
  } catch (err) {
    // the levels made before the one that failed, innermost first; the first error is the one to report
    for (const d of made) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
    }
    throw err;
  }
  return missing[0];
}

/**
 * Every output is written under a temporary name and renamed into place only when the whole run has
 * succeeded, so a failed run never leaves a half-written report beside a good one, nor a folder it made.
 */
export class OutputFiles {
  private readonly pending: { temp: string; final: string }[] = [];
  private readonly rows: RowFile[] = [];
  private readonly tag = `.tmp-${process.pid}`;
  /** The outermost folder this run made for `dir`, if it made any. */
  private readonly made: string | undefined;
  /** Unregisters the undo that a signal or an unexpected exit runs (interrupt.ts). */
  private readonly settled: () => void;

  constructor(readonly dir: string) {
    try {
      this.made = makeFolder(dir);
    } catch (err) {
      throw new UserError(`cannot create output folder ${dir}: ${(err as Error).message}`);
    }
    this.settled = onStop(() => this.discard(), '; no report written, temporary files removed');
  }

  private reserve(name: string): string {
    const final = join(this.dir, name);
    const temp = `${final}${this.tag}`;
    this.pending.push({ temp, final });
    return temp;
  }

  write(name: string, content: string): void {
    const temp = this.reserve(name);
    try {
      writeFileSync(temp, content);
    } catch (err) {
      throw new UserError(`cannot write to ${this.dir}: ${(err as Error).message}`);
    }
  }

  /** A file filled row by row (CSV, JSON Lines) without holding all rows in memory. */
  open(name: string, header: string): RowFile {
    const temp = this.reserve(name);
    try {
      const file = new RowFile(openSync(temp, 'w'), header);
      this.rows.push(file);
      return file;
    } catch (err) {
      throw new UserError(`cannot write to ${this.dir}: ${(err as Error).message}`);
    }
  }

  commit(): string[] {
    this.settled();
    for (const { temp, final } of this.pending) renameSync(temp, final);
    return this.pending.map((p) => p.final);
  }

  discard(): void {
    this.settled();
    for (const r of this.rows) r.abandon();
    for (const { temp } of this.pending) rmSync(temp, { force: true });
    if (this.made === undefined) return;
    // the folders made for this run, innermost first, as long as they are empty
    const top = resolve(this.made);
    for (let d = resolve(this.dir); d.length >= top.length; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        return;
      }
    }
  }
}

const FLUSH_AT = 1 << 16;

export class RowFile {
  private buffer = '';

  constructor(
    private readonly fd: number,
    header: string,
  ) {
    this.buffer = header;
  }

  add(row: string): void {
    this.buffer += row;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer !== '') writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  private closed = false;

  close(): void {
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }

  /** Closed without writing what is left (the run failed). */
  abandon(): void {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
  }
}
