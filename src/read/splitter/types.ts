// The splitter's contract: container shapes, damage, results, options and callbacks (record-splitter.ts
// is the class that honours it).

export type ContainerShape = 'records-object' | 'array' | 'json-lines' | 'events-object';

export type SplitDamageKind =
  | 'empty' // no JSON value at all
  | 'not-a-container' // the input does not start like any known container
  | 'bad-container' // a container object without its "Records"/"Events" array, or a duplicate one
  | 'truncated' // input ended inside a record, a string or the container
  | 'unexpected-byte' // a byte the grammar does not allow, between or inside records; a bad escape or literal
  | 'unbalanced'; // a closing bracket that does not match the open one

export interface SplitDamage {
  kind: SplitDamageKind;
  /** Absolute byte offset in the input (BOM included) where the damage was seen. */
  offset: number;
  /** Index of the record being read when the damage was seen (= records delivered or skipped before it). */
  record: number;
  /** One line for a person: what was found and where. */
  reason: string;
}

export interface SplitResult {
  /** Given or detected; null when the input never showed one (empty, not JSON). */
  shape: ContainerShape | null;
  /** Records delivered. */
  records: number;
  /** Records skipped as longer than maxRecordBytes (each also reported to onSkipped). */
  skipped: number;
  /** Bytes pushed up to and including the chunk where damage was found (all of them otherwise). */
  bytes: number;
  error?: SplitDamage;
}

export interface RecordSplitterOptions {
  /** Container shape; detected from the input when absent. */
  shape?: ContainerShape;
  /**
   * Longest record kept in memory (default 64 MiB). A longer one is scanned to its end without being
   * kept, reported to `onSkipped` instead of `onRecord`, and splitting goes on after it.
   */
  maxRecordBytes?: number;
  onSkipped?: SkipCallback;
  /**
   * Inner loop. 'simd' (the default where WebAssembly SIMD exists): records arrays 64 bytes a step,
   * checking strings, brackets and the grammar between records but not the grammar inside a record
   * (simd-scanner.ts); it tells onRecord whether a record may hold a denial. 'wasm': a byte loop
   * checking the whole grammar and raw control bytes in strings. 'js': Buffer.indexOf between quotes,
   * the whole grammar, and only line feeds and escapes inside strings. All give the same records on
   * valid JSON; 'wasm' and 'js' the same grammar damage.
   */
  scanner?: 'simd' | 'wasm' | 'js';
  /**
   * With the 'simd' scanner: records it knows hold neither "errorCode" nor "ConsoleLogin" are counted
   * here (in batches) instead of being delivered to onRecord.
   */
  onPlain?: (count: number) => void;
}

/**
 * Receives each record. `record` may be a view of the pushed chunk or of an internal buffer: it is
 * valid only during the call (copy it to keep it). `offset` is the record's absolute byte offset.
 * `mayBeDenial`: what the 'simd' scanner saw (see mayBeDenial); undefined when it did not look.
 */
export type RecordCallback = (record: Buffer, index: number, offset: number, mayBeDenial?: boolean) => void;

/**
 * Receives each record longer than maxRecordBytes: its index (skipped records take an index like
 * delivered ones), absolute offset, length in bytes, and a line for a person.
 */
export type SkipCallback = (index: number, offset: number, bytes: number, reason: string) => void;

/** Longest record kept in memory by default. */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;
