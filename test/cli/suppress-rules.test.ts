import { describe, expect, it } from 'vitest';
import { parseJsonc, stripJsonc } from '../../src/cli/jsonc.js';
import { parseRules } from '../../src/cli/suppress-rules.js';

describe('JSON with comments', () => {
  it('drops // and /* */ comments and trailing commas, but not inside strings', () => {
    const text = `{
      // a line comment
      "rules": [ /* block
        comment */ { "principal": "arn:aws:s3:::b//k /* not a comment */", "reason": "a, ]", }, ],
    }`;
    expect(parseJsonc(text)).toEqual({ rules: [{ principal: 'arn:aws:s3:::b//k /* not a comment */', reason: 'a, ]' }] });
  });

  it('keeps positions, so JSON.parse errors point at the right place', () => {
    expect(stripJsonc('{"a": 1 // c\n}').length).toBe('{"a": 1 // c\n}'.length);
    expect(stripJsonc('"\\"//"')).toBe('"\\"//"');
  });
});

describe('suppression rules', () => {
  it('reads rules with any of the match fields, a reason and an optional expiry', () => {
    expect(parseRules({ rules: [{ principal: ' *:role/scanner ', action: 's3:Get*', reason: ' expected ', expires: '2027-03-31' }] }, 'f')).toEqual([
      { match: { principal: '*:role/scanner', action: 's3:Get*' }, reason: 'expected', expires: '2027-03-31' },
    ]);
    expect(parseRules([{ region: 'ap-*', reason: 'r' }], 'f')).toEqual([{ match: { region: 'ap-*' }, reason: 'r', expires: null }]);
  });

  it.each([
    [{ rules: [{ principal: 'x', reason: 'r' }, { principal: 'y' }] }, /f: rule 2 has no "reason"/],
    [{ rules: [{ princpal: 'x', reason: 'r' }] }, /f: rule 1 has an unknown field "princpal"/],
    [{ rules: [{ principal: 'x', reason: 'r', expires: '2027-02-30' }] }, /f: rule 1: "expires" must be a date/],
    [{ rules: [{ principal: 'x', reason: 'r', expires: '31/03/2027' }] }, /"expires" must be a date/],
    [{ rules: [{ reason: 'r' }] }, /f: rule 1 matches every denial/],
    [{ rules: [{ action: 7, reason: 'r' }] }, /rule 1: "action" must be a non-empty text/],
    [{ rules: ['x'] }, /rule 1 is not an object/],
    [{ rule: [] }, /unknown top-level field "rule"/],
    [{}, /expected \{ "rules"/],
  ])('refuses %j', (doc, message) => expect(() => parseRules(doc, 'f')).toThrow(message));
});
