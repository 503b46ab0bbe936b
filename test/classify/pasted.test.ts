// Error text as people paste it into `explain`: wrapped by the CLI, an SDK, Terraform, CloudFormation,
// docker. test/fixtures/classify/pasted.jsonl: one paste per row, where its shape was seen, and what
// explain must answer (the same verdict `report` gives the record: see agreement.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explain } from '../../src/classify/index.js';
import { unwrap, WRAPPERS } from '../../src/classify/wrappers.js';
import { FIXTURE_DIR } from './fixture-table.js';

interface PastedRow {
  paste: string;
  errorCode?: string;
  source: string;
  expected: Record<string, unknown>;
}

const rows: PastedRow[] = readFileSync(`${FIXTURE_DIR}pasted.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as PastedRow);

describe('pasted error text', () => {
  test('a broad table: every row says where its shape was seen', () => {
    expect(rows.length).toBeGreaterThanOrEqual(35);
    for (const row of rows) expect(row.source.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.expected.denial === false).length).toBeGreaterThanOrEqual(5);
  });

  test.each(rows.map((r, i) => [i + 1, r.paste.slice(0, 80).replace(/\s+/g, ' '), r] as const))('row %i: %s', (_n, _p, row) => {
    const e = explain(row.paste, row.errorCode === undefined ? {} : { errorCode: row.errorCode });
    const got: Record<string, unknown> = {};
    for (const key of Object.keys(row.expected)) got[key] = (e as unknown as Record<string, unknown>)[key];
    expect(got).toEqual(row.expected);
    expect(e.message).toBe(row.paste.trim()); // the original text is kept for display
  });
});

describe('wrapper table', () => {
  test.each(WRAPPERS.map((w) => [w.id, w] as const))('%s: its example is unwrapped by that row', (id, row) => {
    expect(unwrap(row.example).matched).toContain(id);
    expect(row.seen.length).toBeGreaterThan(10);
  });

  test('every wrapper row is exercised by some pasted row', () => {
    const used = new Set(rows.flatMap((r) => unwrap(r.paste).matched));
    expect(WRAPPERS.map((w) => w.id).filter((id) => !used.has(id))).toEqual([]);
  });

  test('code, operation and SDK service come from the wrapper', () => {
    expect(unwrap('operation error IAM: CreateRole, https response error StatusCode: 403, RequestID: r, api error AccessDenied: x')).toMatchObject({
      code: 'AccessDenied',
      operation: 'CreateRole',
      sdkService: 'IAM',
      inner: 'x',
    });
    expect(unwrap('Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: R)')).toMatchObject({
      code: 'AccessDenied',
      sdkService: 'Amazon S3',
      inner: 'Access Denied',
    });
    expect(unwrap('plain text')).toMatchObject({ code: null, operation: null, sdkService: null, inner: 'plain text', matched: [] });
  });

  test('an explicit --error-code wins over the wrapper', () => {
    expect(explain('An error occurred (AccessDenied) when calling the GetObject operation: Access Denied', { errorCode: 'ThrottlingException' })).toMatchObject(
      { denial: false, errorCode: 'ThrottlingException', kind: 'other-error', category: 'throttling' },
    );
  });

  test('text that only resembles a code prefix is not taken for one', () => {
    expect(explain('User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject')).toMatchObject({
      denial: true,
      errorCode: 'AccessDenied',
      action: 's3:GetObject',
    });
    expect(explain('Error: ValidationError: User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject')).toMatchObject({
      denial: true,
      errorCode: 'AccessDenied',
    });
  });
});
