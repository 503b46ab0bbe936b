// With --redact and --policies, a cause names accounts, roles and buckets as policy text does: all of
// it is redacted as free text, the statement's marks with it (so they are still found in its text),
// and denials of one request keep sharing one cause.
import { describe, expect, it } from 'vitest';
import { makeRedactor } from '../../src/redact/index.js';
import type { Cause } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

const text = JSON.stringify(
  {
    Sid: 'OnlyPayments',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::payroll-exports/*',
    Condition: { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } },
  },
  null,
  2,
);
const cause: Cause = {
  kind: 'explicit-deny',
  summary: 'Statement `OnlyPayments` (index 1) of bucket policy of arn:aws:s3:::payroll-exports denies s3:GetObject on arn:aws:s3:::payroll-exports/2026.csv',
  statement: {
    layer: 'resource-based',
    policy: 'bucket policy of arn:aws:s3:::payroll-exports',
    attachedTo: 'role arn:aws:iam::111122223333:role/payroll-reader',
    sid: 'OnlyPayments',
    index: 1,
    text,
    marks: ['"arn:aws:s3:::payroll-exports/*"', '"111122223333"'],
    missed: [],
    why: ["condition StringNotEquals aws:PrincipalAccount 111122223333 holds: the request's 444455556666"],
  },
  lacking: [],
  unknown: ['arn:aws:lambda:us-east-1:111122223333:function:x is not in the inputs'],
  supplied: ['resource-based'],
  missing: [],
  disagreement: null,
  guidance: 'Remove or narrow statement `OnlyPayments` (index 1) of bucket policy of arn:aws:s3:::payroll-exports',
  exportedOn: '2026-11-23',
};

describe('a redacted cause', () => {
  const r = makeRedactor(new Uint8Array(32).fill(7));
  const a = r.denial(denial({ cause, resource: 'arn:aws:s3:::payroll-exports/2026.csv' })).cause!;
  const b = r.denial(denial({ cause, eventId: 'e-2' })).cause!;

  it('keeps no account ID, ARN name or role name of the policy text', () => {
    const all = JSON.stringify(a);
    for (const secret of ['111122223333', '444455556666', 'payroll-exports', 'payroll-reader']) expect(all, secret).not.toContain(secret);
    expect(a.statement?.text).toContain('"Action": "s3:GetObject"');
    expect(a.kind).toBe('explicit-deny');
  });

  it('keeps its marks findable in its text', () => {
    for (const m of a.statement!.marks) expect(a.statement!.text).toContain(m);
  });

  it('is one object for every denial of the request', () => {
    expect(b).toBe(a);
  });
});
