import { Folder, NO_FILTER, toSummary } from '../../src/aggregate/index.js';
import type { ScanEntry, Summary } from '../../src/types.js';
import { denial } from './denial.js';

/**
 * A botnet's shape, folded: one role refused `denials` times, from a new address and user agent each
 * time (and a new object) except one address that keeps trying one object (a quarter of them); half
 * the messages unrecognised, each
 * different.
 */
export function attackSummary(denials: number): Summary {
  const folder = new Folder(NO_FILTER);
  const entries: ScanEntry[] = [];
  for (let i = 0; i < denials; i++) {
    const again = i % 4 === 0;
    const ip = again ? '203.0.113.9' : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const resource = again ? 'arn:aws:s3:::bucket/secret' : `arn:aws:s3:::bucket/k${i}`;
    const odd = i % 2 === 0;
    entries.push({
      kind: 'denial',
      denial: denial({ eventId: `e-${i}`, sourceIp: ip, resource, userAgent: `bot/${i}`, recognized: !odd, message: odd ? `odd message ${i}` : 'ok' }),
    });
  }
  folder.add({ path: 'a', bytes: 100, records: denials, noError: 0, damagedRecords: 0, recordIssues: [], entries, error: null });
  return toSummary(folder.state, { title: 't', version: '0.0.0', filter: NO_FILTER });
}
