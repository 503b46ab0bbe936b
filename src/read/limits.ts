/** Bounds on what reading one file may cost. Passed to worker threads, so plain data. */
export interface ReadLimits {
  /** Files known to decompress to at most this many bytes are gunzipped whole (the fastest path). */
  wholeFileBytes: number;
  /** Decompressed/compressed size beyond which a gzip file is refused as a likely gzip bomb. */
  maxExpansion: number;
  /** false forces the stream-json path (the reference the fast path is tested against). */
  fastPath: boolean;
}

// CloudTrail files compress 8-20×; deflate cannot exceed ~1032×; 250× leaves room for repetitive logs.
export const DEFAULT_LIMITS: ReadLimits = { wholeFileBytes: 256 * 1024 * 1024, maxExpansion: 250, fastPath: true };

export function expansionReason(limit: number): string {
  return `gzip expands more than ${limit}× its size (a gzip bomb?): refused past that point (see --max-expansion)`;
}
