import { describe, expect, it } from 'vitest';
import { canonical, recordFingerprint } from '../../src/read/record-fingerprint.js';

const record = { eventVersion: '1.09', eventID: 'e-1', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/a' }, requestParameters: { list: [1, 'two', null, true] } };

describe('recordFingerprint', () => {
  it('is the same for the same record whatever its key order, spacing or escapes', () => {
    const texts = [
      JSON.stringify(record),
      JSON.stringify(record, null, 2),
      '{"requestParameters":{"list":[1,"two",null,true]},"userIdentity":{"arn":"arn:aws:iam::1:user\\/a","type":"IAMUser"},"eventID":"e-\\u0031","eventVersion":"1.09"}',
    ];
    const prints = texts.map((t) => recordFingerprint(JSON.parse(t) as object));
    expect(new Set(prints).size).toBe(1);
    expect(prints[0]).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs for any difference of content, however deep or small', () => {
    const variants: object[] = [
      { ...record, eventID: 'e-2' },
      { ...record, extra: null },
      { ...record, requestParameters: { list: [1, 'two', null, false] } },
      { ...record, requestParameters: { list: [1, 'two', 'null', true] } },
      { ...record, requestParameters: { list: ['1', 'two', null, true] } },
      { ...record, requestParameters: { list: [1, 'two', null, true, []] } },
      { ...record, requestParameters: { list: [[1, 'two'], null, true] } },
      { ...record, userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/a', '': '' } },
      { ...record, userIdentity: { typ: 'eIAMUser', arn: 'arn:aws:iam::1:user/a' } },
      { ...record, eventVersion: '1.09\ud800' },
      { ...record, eventVersion: '1.09\udc00' },
      { ...record, eventVersion: '1.09\ufffd' },
    ];
    const prints = [record, ...variants].map(recordFingerprint);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('encodes every value so that no two values meet: strings carry their length', () => {
    expect(canonical({ a: 'x:1', b: '' })).not.toBe(canonical({ a: 'x', b: ':1' }));
    expect(canonical(['a', 'b'])).not.toBe(canonical(['ab']));
    expect(canonical({ ab: 1 })).not.toBe(canonical({ a: 'b1' }));
  });

  it('takes a record nested as deep as JSON.parse allows', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) as object;
    expect(recordFingerprint(deep)).toMatch(/^[0-9a-f]{16}$/);
  });
});
