import { classifyRecord } from '../classify/index.js';
import { requestFacts } from '../classify/request-facts.js';
import { isObject } from '../classify/coerce.js';
import { hasRecordKey, looksLikeRecord } from '../classify/record-keys.js';
import type { FileScan, ScanEntry } from '../types.js';
import { OWN_OUTPUT_REASON, ownOutputKind } from './own-output.js';
import { bytesFingerprint, contentFingerprint } from './record-fingerprint.js';
import type { ItemOrigin } from './token-records.js';

const KEPT_REASONS = 5;

const FOREIGN = 'a JSON document that is not a CloudTrail record or log file';
export const NOT_A_LOG = 'not a CloudTrail log file (JSON, but no "Records" or "Events" array and no CloudTrail record)';

const notAnObject = (value: unknown): string => `record is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, not an object`;

/**
 * Accounts for each top-level item a reader finds in one file: a record (classified), a
 * lookup-events element (its CloudTrailEvent string parsed first) or a damaged item (counted).
 * Every reader path feeds the same builder, so the paths cannot count differently.
 */
export class FileScanBuilder {
  readonly scan: FileScan;
  private reasons = new Map<string, number>();
  /**
   * Top-level values that are not records (a config file, a summary.json, a denials.jsonl line), by
   * reason. Whether they are damaged records or make the file one that is not a log (or this tool's
   * own output) is known only at the end: it is the latter when the file holds nothing else.
   */
  private notRecords = new Map<string, number>();
  private foreign = 0; // of those, values this tool did not write

  private readonly named: boolean;
  private readonly content: boolean;
  private readonly facts: boolean;

  /**
   * `named`: the file was given by name, so content that is not a log is damage rather than a skip.
   * `contentFingerprints`: fingerprint every error record by its content, also those read as bytes
   * (a second reading, when an eventID came back with other bytes: see record-fingerprint.ts).
   * `requestFacts`: keep each denial's request facts (--policies: classify/request-facts.ts).
   */
  constructor(path: string, options: { named?: boolean; contentFingerprints?: boolean; requestFacts?: boolean } = {}) {
    this.scan = { path, bytes: 0, records: 0, noError: 0, damagedRecords: 0, recordIssues: [], entries: [], error: null };
    this.named = options.named === true;
    this.content = options.contentFingerprints === true;
    this.facts = options.requestFacts === true;
  }

  /** `raw`: the item's text as read, when the reader has it (the fast path): its bytes fingerprint the record. */
  item(value: unknown, origin: ItemOrigin, raw?: Buffer): void {
    if (origin === 'element') return this.record(value, raw);
    if (origin === 'array-element') return this.arrayElement(value, raw);
    if (origin === 'top-level') return this.topLevel(value, raw);
    const inner = isObject(value) ? value.CloudTrailEvent : undefined;
    if (typeof inner !== 'string') return this.damaged('lookup-events entry without a CloudTrailEvent string');
    let parsed: unknown;
    try {
      parsed = JSON.parse(inner);
    } catch {
      return this.damaged('CloudTrailEvent is not valid JSON');
    }
    this.record(parsed, inner);
  }

  /**
   * A bare top-level value is a record only when it looks like one (JSON Lines); any other JSON
   * document (a config file, a manifest, a summary.json) is not a CloudTrail log and must not be
   * counted as a record that merely had no error. {"Records": 5} claims to be a log: damaged.
   */
  private topLevel(value: unknown, raw: Buffer | undefined): void {
    if (!isObject(value)) return this.notRecord(notAnObject(value), true);
    const mine = ownOutputKind(value);
    if (mine !== null) return this.notRecord(OWN_OUTPUT_REASON[mine], false);
    const own = (k: string) => Object.hasOwn(value, k);
    if (looksLikeRecord(value)) return this.record(value, raw);
    const container = ['Records', 'Events'].find(own);
    if (container) return this.damaged(`"${container}" is not an array`); // it claims to be a log
    this.notRecord(FOREIGN, true);
  }

  /**
   * A bare top-level array is a log when any element is a CloudTrail record (has one of its keys):
   * else (an iam-collect store's inline-policies.json, a list of ARNs) it is another JSON document and
   * none of its elements is a record or damage. Decided at the end, so that no element before or
   * after a record can make a log pass for something else.
   */
  private arrayElements = 0;
  private arrayHasRecord = false;

  /** stream-json path: an element of a top-level array, parsed. */
  arrayElement(value: unknown, raw?: Buffer): void {
    this.noteArrayElement(hasRecordKey(value));
    this.record(value, raw);
  }

  /** Fast path: an element of a top-level array, and whether its bytes hold a record's key (split-scan.ts). */
  noteArrayElement(recordLike: boolean): void {
    this.arrayElements++;
    if (recordLike) this.arrayHasRecord = true;
  }

  private notRecord(reason: string, foreign: boolean): void {
    this.notRecords.set(reason, (this.notRecords.get(reason) ?? 0) + 1);
    if (foreign) this.foreign++;
  }

  /** Records the fast path skipped without parsing because their bytes hold no error. */
  unparsedNoError(count = 1): void {
    this.scan.records += count;
    this.scan.noError += count;
  }

  record(value: unknown, raw?: Buffer | string): void {
    if (!isObject(value)) return this.damaged(notAnObject(value));
    this.scan.records++;
    const c = classifyRecord(value);
    if (c.kind === 'no-error') {
      this.scan.noError++;
      return;
    }
    let entry: ScanEntry;
    if (c.kind === 'denial') entry = this.facts ? { kind: 'denial', denial: c.denial, facts: requestFacts(value) } : { kind: 'denial', denial: c.denial };
    else {
      const account = typeof value.recipientAccountId === 'string' ? value.recipientAccountId : '';
      const region = typeof value.awsRegion === 'string' ? value.awsRegion : '';
      entry = { kind: 'other-error', errorCode: c.errorCode, eventId: c.eventId, eventTime: c.eventTime, account, region };
    }
    // what tells a second delivery from a decoy reusing the ID; an event without an ID is never a duplicate
    if ((c.kind === 'denial' ? c.denial.eventId : c.eventId) !== '') {
      entry.fingerprint = (!this.content && raw !== undefined ? bytesFingerprint(raw) : null) ?? contentFingerprint(value);
    }
    this.scan.entries.push(entry);
  }

  damaged(reason: string): void {
    this.scan.damagedRecords++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  /** finish() with what a reader read: its uncompressed bytes, and why it stopped early (or null). */
  finishRead(outcome: { bytes: number; error: string | null }): FileScan {
    this.scan.bytes = outcome.bytes;
    return this.finish(outcome.error);
  }

  finish(error: string | null): FileScan {
    const s = this.scan;
    if (this.arrayElements > 0 && !this.arrayHasRecord && error === null) {
      // a top-level array of anything but records: another JSON document, as a whole
      Object.assign(s, { records: 0, noError: 0, damagedRecords: 0, entries: [] });
      this.reasons.clear();
      this.notRecord(FOREIGN, true);
    }
    if (this.notRecords.size > 0) {
      if (error === null && s.records === 0 && s.damagedRecords === 0) {
        // nothing in the file is a record: it is not a log, or it is this tool's own output
        if (this.foreign === 0) s.skip = 'own-output';
        else if (this.named) error = NOT_A_LOG;
        else s.skip = 'not-a-log-file';
        this.notRecords.clear();
      }
      for (const [reason, n] of this.notRecords) {
        s.damagedRecords += n;
        this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + n);
      }
    }
    this.scan.error = error;
    this.scan.recordIssues = [...this.reasons].slice(0, KEPT_REASONS).map(([reason, n]) => (n === 1 ? reason : `${reason} (${n} records)`));
    return this.scan;
  }
}
