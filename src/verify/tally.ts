// Rows of the integrity table and the findings behind their counts, built up by the checks.
import type { IntegrityCounts, IntegrityFinding, IntegrityFindingKind, IntegrityTrail } from '../types.js';

export type Counter = keyof IntegrityCounts;

export function emptyCounts(): IntegrityCounts {
  return {
    digests: 0,
    logsListed: 0,
    logsValid: 0,
    logsMissing: 0,
    logsModified: 0,
    logsOutsideWindow: 0,
    logsUnlisted: 0,
    logsUncovered: 0,
    chainBreaks: 0,
    chainRestarts: 0,
    signaturesValid: 0,
    signaturesInvalid: 0,
    signaturesUnchecked: 0,
  };
}

export const COUNTERS = Object.keys(emptyCounts()) as Counter[];

const NOTICES: ReadonlySet<IntegrityFindingKind> = new Set(['chain-restart', 'log-uncovered', 'signature-unchecked']);

export interface RowInfo {
  account: string;
  region: string;
  trail: string | null;
  homeRegion: string | null;
}

export const rowKey = (r: Pick<RowInfo, 'account' | 'region' | 'trail'>): string => `${r.account} ${r.region} ${r.trail ?? '-'}`;

export class Tally {
  readonly rows = new Map<string, IntegrityTrail>();
  readonly failures: IntegrityFinding[] = [];
  readonly notices: IntegrityFinding[] = [];

  row(info: RowInfo): IntegrityTrail {
    const key = rowKey(info);
    let row = this.rows.get(key);
    if (!row) {
      row = { key, ...info, firstDigestEnd: null, lastDigestEnd: null, ...emptyCounts() };
      this.rows.set(key, row);
    }
    return row;
  }

  count(row: IntegrityTrail, counter: Counter, by = 1): void {
    row[counter] += by;
  }

  /** Records a finding (a failure unless its kind is a notice) and counts it. */
  find(row: IntegrityTrail, counter: Counter, finding: Omit<IntegrityFinding, 'trail'>): void {
    this.count(row, counter);
    (NOTICES.has(finding.kind) ? this.notices : this.failures).push({ trail: row.key, ...finding });
  }
}
