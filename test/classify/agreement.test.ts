// `explain` and `report` agree: for every fixture row that has a record, classifyRecord on the record
// and explain on the message (with the code, and as a Terraform user pastes it) give the same verdict.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyRecord, explain, explainRecord } from '../../src/classify/index.js';
import type { Explanation, RawRecord } from '../../src/types.js';
import { FIXTURE_DIR, loadMessageFixtures } from './fixture-table.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The record's message as the Go SDK (Terraform AWS provider 4+) prints it: service and operation named. */
function goSdkPaste(record: Record<string, unknown>): string {
  const service = str(record.eventSource).split('.')[0] || 'Unknown';
  const code = str(record.errorCode).replace(/^Client\./, '');
  return `operation error ${service}: ${str(record.eventName)}, https response error StatusCode: 403, RequestID: 00000000-0000-4000-8000-000000000000, api error ${code}: ${str(record.errorMessage)}`;
}

function verdict(e: Explanation): Record<string, unknown> {
  return e.denial ? { denial: true, category: e.category, denyKind: e.denyKind, policyType: e.policyType } : { denial: false, kind: e.kind };
}

const fromTable = loadMessageFixtures()
  .filter((r) => r.record !== undefined)
  .map((r) => ({ name: r.message.slice(0, 60), record: { ...r.record, errorCode: r.errorCode, errorMessage: r.message } }));
const fromFiles = readdirSync(`${FIXTURE_DIR}records/`)
  .filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))
  .map((n) => ({ name: n, record: JSON.parse(readFileSync(`${FIXTURE_DIR}records/${n}`, 'utf8')) as Record<string, unknown> }))
  .filter(({ record }) => str(record.errorCode) !== '' && str(record.errorMessage) !== ''); // explain needs a code and a message

describe('explain agrees with report on the same rows', () => {
  test('there are enough rows to mean something', () => {
    expect(fromTable.length + fromFiles.length).toBeGreaterThanOrEqual(50);
  });

  test.each([...fromTable, ...fromFiles].map((r) => [r.name, r.record] as const))('%s', (_name, record) => {
    const report = explainRecord(record); // what report makes of the record
    expect(report.denial).toBe(classifyRecord(record as RawRecord).kind === 'denial');
    const message = str(record.errorMessage);
    const code = str(record.errorCode);
    const bare = explain(message, { errorCode: code });
    expect(verdict(bare)).toEqual(verdict(report));
    if (report.denial && bare.denial && bare.actions.length > 0) expect(bare.action.toLowerCase()).toBe(report.action.toLowerCase());
    // pasted with the SDK's wrapper, the service and operation are known too: the action agrees as well
    const wrapped = explain(goSdkPaste(record));
    expect(verdict(wrapped)).toEqual(verdict(report));
    expect(wrapped.action.toLowerCase()).toBe(report.action.toLowerCase());
  });
});
