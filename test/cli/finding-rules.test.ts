// The rules file's `findings` part is checked strictly: a misspelt rule, threshold or field is an
// error naming it, never a rule left silently at its default.
import { describe, expect, it } from 'vitest';
import { parseFindingsConfig } from '../../src/cli/finding-rules.js';
import { parseRules } from '../../src/cli/suppress-rules.js';

const parse = (raw: unknown) => parseFindingsConfig(raw, 'rules.jsonc', '2026-11-22');

describe('findings in the rules file', () => {
  it('reads thresholds, rules turned off, known accounts and suppress entries', () => {
    const c = parse({
      rules: { 'enumeration-burst': { denials: 25, minutes: 5 }, 'new-source-ip': { enabled: false } },
      knownAccounts: ['2109-8765-4321'],
      suppress: [
        { id: 'f-3b1c0e9a7d42', reason: ' red team ', expires: '2027-01-31' },
        { rule: 'outside-principal', subject: '210987654321', reason: 'auditors' },
      ],
    });
    expect(c.rules).toEqual({ 'enumeration-burst': { thresholds: { denials: 25, minutes: 5 } }, 'new-source-ip': { enabled: false } });
    expect(c.knownAccounts).toEqual(['210987654321']);
    expect(c.suppress).toEqual([
      { number: 1, id: 'f-3b1c0e9a7d42', rule: null, subject: null, reason: 'red team', expires: '2027-01-31' },
      { number: 2, id: null, rule: 'outside-principal', subject: '210987654321', reason: 'auditors', expires: null },
    ]);
    expect(c.asOf).toBe('2026-11-22');
    expect(parse(undefined)).toMatchObject({ rules: {}, knownAccounts: [], suppress: [] });
  });

  it.each([
    [[], /"findings" must be an object/],
    [{ rule: {} }, /findings has an unknown field "rule": use rules, knownAccounts, suppress/],
    [{ rules: { 'enumeration-brust': {} } }, /unknown rule "enumeration-brust": the rules are enumeration-burst, /],
    [
      { rules: { 'enumeration-burst': { denial: 3 } } },
      /findings.rules.enumeration-burst has an unknown field "denial": use enabled, denials, actions, minutes/,
    ],
    [{ rules: { 'enumeration-burst': { denials: 0 } } }, /"denials" must be a whole number of 1 or more, not 0/],
    [{ rules: { 'enumeration-burst': { denials: '15' } } }, /"denials" must be a whole number/],
    [{ rules: { 'root-activity': { enabled: 'no' } } }, /"enabled" must be true or false/],
    [{ knownAccounts: ['12345'] }, /knownAccounts must be a list of account IDs/],
    [{ suppress: {} }, /findings.suppress must be a list/],
    [{ suppress: [{ reason: 'x' }] }, /entry 1 matches every finding: give "id", or "rule" and\/or "subject"/],
    [{ suppress: [{ id: 'f-1', reason: 'x' }] }, /"id" must be a finding id as the report prints it/],
    [{ suppress: [{ rule: 'nope', reason: 'x' }] }, /"rule" "nope" is not a rule/],
    [{ suppress: [{ id: 'f-3b1c0e9a7d42' }] }, /entry 1 has no "reason"/],
    [{ suppress: [{ id: 'f-3b1c0e9a7d42', reason: 'x', expires: '2027-02-29' }] }, /"expires" must be a date/],
    [{ suppress: [{ id: 'f-3b1c0e9a7d42', reason: 'x', until: '2027-01-01' }] }, /entry 1 has an unknown field "until"/],
  ])('refuses %j', (raw, message) => expect(() => parse(raw)).toThrow(message));

  it('a file may hold findings without suppression rules, and no other top-level field', () => {
    expect(parseRules({ findings: {} }, 'f')).toBeNull();
    expect(parseRules({ rules: [], findings: {} }, 'f')).toEqual([]);
    expect(() => parseRules({ finding: {} }, 'f')).toThrow(/unknown top-level field "finding"/);
  });
});
