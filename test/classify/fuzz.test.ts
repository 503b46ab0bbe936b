import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyRecord, explain, explainRecord, guidanceFor } from '../../src/classify/index.js';
import { parseMessage } from '../../src/classify/parse-message.js';
import { ENVELOPES } from '../../src/classify/envelopes.js';
import { SENTENCES } from '../../src/classify/sentence-patterns.js';
import { REASONS } from '../../src/classify/reason-patterns.js';
import type { Denial, Explanation, RawRecord } from '../../src/types.js';

const EXAMPLES = [...ENVELOPES, ...SENTENCES, ...REASONS].map((r) => r.example);

function checkDenial(d: Denial): void {
  expect(typeof d.message).toBe('string');
  expect(typeof d.principal).toBe('string');
  expect(typeof d.action).toBe('string');
  expect(d.hints).toEqual([...new Set(d.hints)].sort());
  expect(guidanceFor(d).length).toBeGreaterThanOrEqual(1);
}

function checkExplanation(e: Explanation): void {
  if (e.denial) return checkDenial(e);
  expect(typeof e.explanation).toBe('string');
  expect(typeof e.action).toBe('string');
  expect(['other-error', 'not-an-error']).toContain(e.kind);
}

// Values a hostile or broken log line can hold where we expect strings or objects.
const oddValue = fc.oneof(
  fc.string(),
  fc.constantFrom('AccessDenied', 'Client.UnauthorizedOperation', 'ConsoleLogin', 'Failure', 'AssumedRole', 'ANONYMOUS_PRINCIPAL', '__proto__', 'ASIA'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('type', 'arn', 'accountId', 'sessionContext', 'ConsoleLogin', 'toString', '__proto__'), fc.anything(), { maxKeys: 4 }),
);

const recordish = fc.record(
  {
    errorCode: oddValue,
    errorMessage: fc.oneof(oddValue, fc.constantFrom(...EXAMPLES)),
    eventName: oddValue,
    eventSource: oddValue,
    eventTime: oddValue,
    userIdentity: oddValue,
    responseElements: oddValue,
    recipientAccountId: oddValue,
    vpcEndpointId: oddValue,
    sessionCredentialFromConsole: oddValue,
  },
  { requiredKeys: [] },
);

describe('never throws', () => {
  test('random strings through parseMessage and explain', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.option(fc.string(), { nil: undefined }), (s, code) => {
        parseMessage(s);
        checkExplanation(explain(s, code === undefined ? {} : { errorCode: code }));
      }),
      { numRuns: 500 },
    );
  });

  test('mutilated real messages: cut, spliced and re-cased', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), fc.string(), fc.boolean(), (example, cut, insert, upper) => {
        const at = cut % (example.length + 1);
        const s = example.slice(0, at) + insert + example.slice(at);
        checkExplanation(explain(upper ? s.toUpperCase() : s));
        checkExplanation(explain(example.slice(0, at)));
      }),
      { numRuns: 500 },
    );
  });

  test('odd records through classifyRecord and explainRecord', () => {
    fc.assert(
      fc.property(recordish, (r) => {
        const c = classifyRecord(r);
        expect(['denial', 'other-error', 'no-error']).toContain(c.kind);
        if (c.kind === 'denial') checkDenial(c.denial);
        checkExplanation(explainRecord(r));
      }),
      { numRuns: 1000 },
    );
  });

  test('anything at all as a record', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        classifyRecord(x as RawRecord);
        explainRecord(x as RawRecord);
      }),
      { numRuns: 500 },
    );
  });
});
