import { describe, expect, it } from 'vitest';
import { ArchiveLister } from '../../src/discover/archive-listing.js';

const ANY = { accounts: [], regions: [], since: null, until: null };
const LOG = 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/111122223333_CloudTrail_us-east-1_20240301T1000Z_ab12.json.gz';

describe('archive listing', () => {
  it('applies discover rules to entries; folders are not counted', () => {
    const l = new ArchiveLister('b.zip', 'zip', { ...ANY, regions: ['eu-west-1'] });
    l.add({ name: 'AWSLogs/', kind: 'directory', size: 0, index: 0 });
    l.add({ name: LOG, kind: 'file', size: 10, index: 1 });
    l.add({ name: 'x/y.json', kind: 'file', size: 10, index: 2 });
    l.add({ name: 'x/empty.json', kind: 'file', size: 0, index: 3 });
    l.add({ name: 'x/inner.zip', kind: 'file', size: 10, index: 4 });
    l.add({ name: 'x/l.json', kind: 'link', size: 0, index: 5 });
    l.add({ name: 'x/e.json', kind: 'unsupported', size: 10, index: 6 });
    expect(l.listing.found).toBe(6);
    expect(l.listing.pruned).toEqual([`b.zip!/${LOG}`]);
    expect(l.listing.sources).toEqual([
      { path: 'b.zip!/x/y.json', size: 10, key: null, archive: { path: 'b.zip', format: 'zip', entry: 'x/y.json', index: 2 } },
    ]);
    expect(l.listing.skipped.map((s) => s.reason)).toEqual(['empty-file', 'nested-archive', 'link-entry', 'unsupported-entry']);
  });
});
