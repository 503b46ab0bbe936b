import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';

/**
 * Every output is written under a temporary name and renamed into place only when the whole run has
 * succeeded, so a failed run never leaves a half-written report beside a good one.
 */
export class OutputFiles {
  private readonly pending: { temp: string; final: string }[] = [];
  private readonly tag = `.tmp-${process.pid}`;

  constructor(readonly dir: string) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new UserError(`cannot create output folder ${dir}: ${(err as Error).message}`);
    }
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
      return new RowFile(openSync(temp, 'w'), header);
    } catch (err) {
      throw new UserError(`cannot write to ${this.dir}: ${(err as Error).message}`);
    }
  }

  commit(): string[] {
    for (const { temp, final } of this.pending) renameSync(temp, final);
    return this.pending.map((p) => p.final);
  }

  discard(): void {
    for (const { temp } of this.pending) rmSync(temp, { force: true });
  }
}

const FLUSH_AT = 1 << 16;

export class RowFile {
  private buffer = '';

  constructor(private readonly fd: number, header: string) {
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

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
