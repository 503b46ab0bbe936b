import { DEFAULT_MAX_EXPANSION } from '../archive/expansion.js';
import { ReadFailure } from '../errors.js';

/** Bounds on what reading one file may cost. Passed to worker threads, so plain data. */
export interface ReadLimits {
  /** Files known to decompress to at most this many bytes are gunzipped whole (the fastest path). */
  wholeFileBytes: number;
  /** Decompressed/compressed size beyond which a gzip file is refused as a likely gzip bomb. */
  maxExpansion: number;
  /** false forces the stream-json path (the reference the fast path is tested against). */
  fastPath: boolean;
  /**
   * Check the whole JSON grammar of every record, also of those the fast path does not parse (about a
   * third of the speed). Otherwise records are split exactly but checked only lexically (strings,
   * brackets, the grammar between records); JSON.parse checks the ones that may be denials.
   */
  strictJson?: boolean;
  /** Fingerprint error records by their content, not their bytes (read/record-fingerprint.ts): for a second reading. */
  contentFingerprints?: boolean;
  /** Keep each denial's request facts (classify/request-facts.ts): only when the run evaluates policies (--policies). */
  requestFacts?: boolean;
}

// wholeFileBytes: measured on the bench corpus (one thread), gunzipSync of the whole file wins below
// ~1 MB (171 vs 115 MB/s), ties at 1-8 MB (543/540) and loses above (572 vs 687 MB/s at 8-30 MB, where
// streamed gunzip on a libuv thread overlaps the splitter), at twice the memory: 4 MiB bounds memory.
export const DEFAULT_LIMITS: ReadLimits = { wholeFileBytes: 4 * 1024 * 1024, maxExpansion: DEFAULT_MAX_EXPANSION, fastPath: true };

/** Thrown by a reader that stops at the expansion limit; its message is the reason reported. */
export class ExpansionError extends ReadFailure {
  constructor(readonly limit: number) {
    super(`gzip expands more than ${limit}× its size (a gzip bomb?): refused past that point (see --max-expansion)`);
  }
}
