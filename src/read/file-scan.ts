import { classifyRecord } from '../classify/index.js';
import type { FileScan, RawRecord } from '../types.js';
import type { ItemOrigin } from './token-records.js';

const KEPT_REASONS = 5;

function isObject(v: unknown): v is RawRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Accounts for each top-level item a reader finds in one file: a record (classified), a
 * lookup-events element (its CloudTrailEvent string parsed first) or a damaged item (counted).
 * Every reader path feeds the same builder, so the paths cannot count differently.
 */
export class FileScanBuilder {
  readonly scan: FileScan;
  private reasons = new Map<string, number>();

  constructor(path: string) {
    this.scan = { path, bytes: 0, records: 0, noError: 0, damagedRecords: 0, recordIssues: [], entries: [], error: null };
  }

  item(value: unknown, origin: ItemOrigin): void {
    if (origin === 'element') return this.record(value);
    if (origin === 'top-level') return this.topLevel(value);
    const inner = isObject(value) ? value.CloudTrailEvent : undefined;
    if (typeof inner !== 'string') return this.damaged('lookup-events entry without a CloudTrailEvent string');
    let parsed: unknown;
    try {
      parsed = JSON.parse(inner);
    } catch {
      return this.damaged('CloudTrailEvent is not valid JSON');
    }
    this.record(parsed);
  }

  /**
   * A bare top-level value is a record only when it looks like one (JSON Lines); any other JSON
   * document (a config file, a manifest, {"Records": 5}) is not a CloudTrail log and must not be
   * counted as a record that merely had no error.
   */
  private topLevel(value: unknown): void {
    if (!isObject(value)) return this.record(value);
    const own = (k: string) => Object.hasOwn(value, k);
    if (own('eventVersion') || own('eventTime') || own('eventName')) return this.record(value);
    const container = ['Records', 'Events'].find(own);
    this.damaged(container ? `"${container}" is not an array` : 'a JSON document that is not a CloudTrail record or log file');
  }

  /** Records the fast path skipped without parsing because their bytes hold no error. */
  unparsedNoError(count = 1): void {
    this.scan.records += count;
    this.scan.noError += count;
  }

  record(value: unknown): void {
    if (!isObject(value)) return this.damaged(`record is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, not an object`);
    this.scan.records++;
    const c = classifyRecord(value);
    if (c.kind === 'denial') this.scan.entries.push({ kind: 'denial', denial: c.denial });
    else if (c.kind === 'other-error') {
      const account = typeof value.recipientAccountId === 'string' ? value.recipientAccountId : '';
      const region = typeof value.awsRegion === 'string' ? value.awsRegion : '';
      this.scan.entries.push({ kind: 'other-error', errorCode: c.errorCode, eventId: c.eventId, eventTime: c.eventTime, account, region });
    } else this.scan.noError++;
  }

  damaged(reason: string): void {
    this.scan.damagedRecords++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  finish(error: string | null): FileScan {
    this.scan.error = error;
    this.scan.recordIssues = [...this.reasons]
      .slice(0, KEPT_REASONS)
      .map(([reason, n]) => (n === 1 ? reason : `${reason} (${n} records)`));
    return this.scan;
  }
}
