// For any mix of valid, duplicate and damaged records, in any container, the accounting identity
// holds and the counts equal an independent count made here.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../src/aggregate/index.js';
import { analyze } from '../../src/analyze.js';

// 'decoy': another error reusing a denial's eventID (other content): counted, not a duplicate
type Kind = 'ok' | 'denial' | 'other' | 'decoy' | 'damaged';
interface Item {
  kind: Kind;
  id: number; // eventID number: small range, so duplicates across files are common
}
interface File {
  items: Item[];
  // 'events': lookup-events output, each record a string with its keys in another order; 'pretty':
  // a trail file pretty-printed. The same event in two containers is still a duplicate.
  container: 'records' | 'array' | 'lines' | 'events' | 'pretty';
  gzip: boolean;
}

function record(item: Item): unknown {
  if (item.kind === 'damaged') return [null, 'text', 42, [1]][item.id % 4];
  const base = {
    eventVersion: '1.09',
    eventTime: '2026-11-20T10:00:00Z',
    eventSource: 'sqs.amazonaws.com',
    eventName: 'SendMessage',
    awsRegion: 'eu-west-1',
    recipientAccountId: '111122223333',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/u', accountId: '111122223333' },
    eventID: `${item.kind === 'decoy' ? 'denial' : item.kind}-${item.id}`,
  };
  if (item.kind === 'denial')
    return { ...base, errorCode: 'AccessDenied', errorMessage: 'Access to the resource https://sqs.eu-west-1.amazonaws.com/ is denied.' };
  if (item.kind === 'other' || item.kind === 'decoy') return { ...base, errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' };
  return base;
}

const reversed = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v)
          .reverse()
          .map(([k, x]) => [k, reversed(x)]),
      )
    : v;

function content(f: File): Buffer {
  const values = f.items.map(record);
  const events = () =>
    values.map((v, i) =>
      f.items[i].kind === 'damaged' ? { EventId: 'x', CloudTrailEvent: v } : { EventId: 'x', CloudTrailEvent: JSON.stringify(reversed(v)) },
    );
  const text =
    f.container === 'lines'
      ? values.map((v) => JSON.stringify(v)).join('\n')
      : f.container === 'array'
        ? JSON.stringify(values)
        : f.container === 'events'
          ? JSON.stringify({ Events: events() })
          : f.container === 'pretty'
            ? JSON.stringify({ Records: values }, null, 2)
            : JSON.stringify({ Records: values });
  return f.gzip ? gzipSync(text) : Buffer.from(text);
}

const item = fc.record({ kind: fc.constantFrom<Kind>('ok', 'ok', 'denial', 'other', 'decoy', 'damaged'), id: fc.integer({ min: 0, max: 12 }) });
const file = fc.record({
  items: fc.array(item, { maxLength: 25 }),
  container: fc.constantFrom<File['container']>('records', 'array', 'lines', 'events', 'pretty'),
  gzip: fc.boolean(),
});

describe('accounting property', () => {
  it('records = denials + otherErrors + noError + excludedByFilter + duplicates, with exact counts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 2), async (files, concurrency) => {
        const dir = mkdtempSync(join(tmpdir(), 'ctd-prop-'));
        mkdirSync(join(dir, 'in'));
        files.forEach((f, i) => writeFileSync(join(dir, 'in', `f${i}.${f.container === 'lines' ? 'jsonl' : 'json'}${f.gzip ? '.gz' : ''}`), content(f)));

        // The independent count: files in path order (f0 < f1 < …); an error record is a duplicate when
        // a record with its eventID and its content came before (here the content follows from the kind).
        const seen = new Set<string>();
        const want = { records: 0, denials: 0, otherErrors: 0, noError: 0, duplicates: 0, damaged: 0 };
        for (const f of files) {
          // JSON Lines (or a top-level array) of values none of which is a record: a JSON document that is not a log, skipped whole
          if ((f.container === 'lines' || f.container === 'array') && f.items.length > 0 && f.items.every((it) => it.kind === 'damaged')) continue;
          for (const it of f.items) {
            if (it.kind === 'damaged') {
              want.damaged++;
              continue;
            }
            want.records++;
            if (it.kind === 'ok') want.noError++;
            else if (seen.has(`${it.kind}-${it.id}`)) want.duplicates++;
            else {
              seen.add(`${it.kind}-${it.id}`);
              if (it.kind === 'denial') want.denials++;
              else want.otherErrors++; // 'other', and 'decoy' (a conflict: counted)
            }
          }
        }
        const s = await analyze({ paths: [join(dir, 'in')], filter: NO_FILTER, concurrency });
        const t = s.totals;
        expect(t.records).toBe(t.denials + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates + t.suppressed);
        expect({
          records: t.records,
          denials: t.denials,
          otherErrors: t.otherErrors,
          noError: t.noError,
          duplicates: t.duplicates,
          damaged: t.damagedRecords,
        }).toEqual(want);
        expect(s.files.read + s.files.skipped).toBe(files.length);
      }),
      { numRuns: 60, seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  });
});
