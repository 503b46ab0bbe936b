import { describe, expect, it } from 'vitest';
import { bytesFingerprint, canonical, contentFingerprint } from '../../src/read/record-fingerprint.js';

const record = {
  eventVersion: '1.09',
  eventID: 'e-1',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/a' },
  requestParameters: { list: [1, 'two', null, true] },
};

describe('contentFingerprint', () => {
  it('is the same for the same record whatever its key order, spacing or escapes', () => {
    const texts = [
      JSON.stringify(record),
      JSON.stringify(record, null, 2),
      '{"requestParameters":{"list":[1,"two",null,true]},"userIdentity":{"arn":"arn:aws:iam::1:user\\/a","type":"IAMUser"},"eventID":"e-\\u0031","eventVersion":"1.09"}',
    ];
    const prints = texts.map((t) => contentFingerprint(JSON.parse(t) as object));
    expect(new Set(prints).size).toBe(1);
    expect(prints[0]).toMatch(/^c[0-9a-f]{16}$/);
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
    const prints = [record, ...variants].map(contentFingerprint);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('encodes every value so that no two values meet: strings carry their length', () => {
    expect(canonical({ a: 'x:1', b: '' })).not.toBe(canonical({ a: 'x', b: ':1' }));
    expect(canonical(['a', 'b'])).not.toBe(canonical(['ab']));
    expect(canonical({ ab: 1 })).not.toBe(canonical({ a: 'b1' }));
  });

  it('takes a record nested as deep as JSON.parse allows, the same way as a shallow one', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(100_000)}{"y":1,"x":"s"}${']'.repeat(100_000)}}`) as object;
    expect(contentFingerprint(deep)).toMatch(/^c[0-9a-f]{16}$/);
    const nested = (n: number): string => `{"a":${'['.repeat(n)}{"y":1,"x":"s"}${']'.repeat(n)}}`;
    expect(canonical(JSON.parse(nested(300)))).toBe(`{1:a${'['.repeat(300)}{1:xs1:s1:yn1;}${']'.repeat(300)}}`);
  });
});

describe('bytesFingerprint', () => {
  it('is of the bytes: the same record spelt otherwise differs (then both are read again by content)', () => {
    const a = bytesFingerprint(Buffer.from(JSON.stringify(record)));
    expect(a).toMatch(/^b[0-9a-f]{16}$/);
    expect(bytesFingerprint(JSON.stringify(record))).toBe(a); // a string is taken as its UTF-8 bytes
    expect(bytesFingerprint(Buffer.from(JSON.stringify(record, null, 1)))).not.toBe(a);
  });

  it('declines a string that UTF-8 would not keep apart (a lone surrogate)', () => {
    expect(bytesFingerprint('{"a":"\ud800"}')).toBeNull();
  });
});
