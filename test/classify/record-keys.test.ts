import { describe, expect, it } from 'vitest';
import { hasRecordKey, hasRecordKeyBytes, looksLikeRecord } from '../../src/classify/record-keys.js';

describe('record keys', () => {
  it('a top-level object is a record when it has eventVersion, eventTime or eventName', () => {
    expect(looksLikeRecord({ eventName: 'GetObject' })).toBe(true);
    expect(looksLikeRecord({ Version: '2012-10-17', Statement: [] })).toBe(false);
    expect(looksLikeRecord([{ eventName: 'x' }])).toBe(false);
  });

  it('an array element holds a record key at any depth, or not', () => {
    expect(hasRecordKey({ wrapper: [{ errorCode: 'AccessDenied' }] })).toBe(true);
    expect(hasRecordKey({ PolicyName: 'inline', PolicyDocument: { Statement: [] } })).toBe(false);
    expect(hasRecordKey('arn:aws:iam::111122223333:role/eventName')).toBe(false);
  });

  it('in bytes, a record key counts only as a key, not as a value', () => {
    expect(hasRecordKeyBytes(Buffer.from('{"eventTime" :\n"2026-11-23T10:00:00Z"}'))).toBe(true);
    expect(hasRecordKeyBytes(Buffer.from('{"note":"eventTime","x":"\\"eventName\\""}'))).toBe(false);
    expect(hasRecordKeyBytes(Buffer.from('["a","b"]'))).toBe(false);
  });
});
