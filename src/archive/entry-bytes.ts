/**
 * An archive entry's bytes, lent to one reader. The reader may stop early (damage, an unknown shape)
 * without closing what is under it: a tar entry must still be read to its end to reach the next
 * entry (drain), a zip entry's stream must be let go (close). Calls are serialised, so a reader
 * abandoned mid-read cannot race the drain.
 */
export class EntryBytes implements AsyncIterable<Buffer> {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly it: AsyncIterator<Buffer>) {}

  static of(bytes: AsyncIterable<Buffer>): EntryBytes {
    return new EntryBytes(bytes[Symbol.asyncIterator]());
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return { next: () => this.next() };
  }

  next(): Promise<IteratorResult<Buffer>> {
    const p = this.tail.then(() => this.it.next());
    this.tail = p.catch(() => {});
    return p;
  }

  /** Reads to the end, dropping the bytes; an error the reader already saw is not thrown twice. */
  async drain(): Promise<void> {
    for (;;) if ((await this.next()).done) return;
  }

  async close(): Promise<void> {
    await this.tail;
    await this.it.return?.(undefined);
  }
}
