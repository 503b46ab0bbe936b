import { describe, expect, it } from 'vitest';
import { createPrng, generateRecords, scenario, scenarioRecord, SCENARIOS, successRecord, world } from '../../src/samples/index.js';
import { isObject, str } from './helpers.js';

const start = Date.UTC(2026, 10, 20, 10);
const base = { account: world.PROD_ACCOUNT, region: 'us-east-1' as const, startMs: start, endMs: start + world.HOUR_MS };

describe('generateRecords', () => {
  it('makes `count` records inside the window, sorted by eventTime, deterministic per seed', () => {
    const records = generateRecords(createPrng(3), { ...base, count: 300 });
    expect(records).toHaveLength(300);
    const times = records.map((r) => str(r, 'eventTime'));
    expect(times).toEqual([...times].sort());
    expect(times[0] >= '2026-11-20T10:00:00Z' && times[times.length - 1] < '2026-11-20T11:00:00Z').toBe(true);
    expect(generateRecords(createPrng(3), { ...base, count: 300 })).toEqual(records);
    expect(generateRecords(createPrng(4), { ...base, count: 300 })).not.toEqual(records);
  });

  it('mixes successes of many services with errors at roughly the asked share', () => {
    const records = generateRecords(createPrng(11), { ...base, count: 2000, errorShare: 0.2 });
    const errors = records.filter((r) => typeof r.errorCode === 'string' || r.eventName === 'ConsoleLogin').length;
    expect(errors / records.length).toBeGreaterThan(0.15);
    expect(errors / records.length).toBeLessThan(0.25);
    expect(new Set(records.map((r) => str(r, 'eventSource'))).size).toBeGreaterThanOrEqual(12);
  });

  it('makes only successes at errorShare 0 and only scenario records at 1', () => {
    expect(generateRecords(createPrng(5), { ...base, count: 200, errorShare: 0 }).some((r) => 'errorCode' in r || 'errorMessage' in r)).toBe(false);
    const all = generateRecords(createPrng(5), { ...base, count: 200, errorShare: 1 });
    expect(all.every((r) => 'errorMessage' in r)).toBe(true);
    for (const record of all) expect(record.recipientAccountId).toBe(world.PROD_ACCOUNT);
  });

  it('re-targets scenario records to another account and region (ARNs follow)', () => {
    const record = scenarioRecord(createPrng(1), scenario('lambda-missing-kms-decrypt'), start, { region: 'us-west-2' });
    expect(record.awsRegion).toBe('us-west-2');
    expect(record.errorCode).toBe('AccessDeniedException');
    const bedrock = scenarioRecord(createPrng(1), scenario('bedrock-not-allowed-scp'), start, { region: 'eu-west-1' });
    expect(str(bedrock, 'errorMessage')).toContain('arn:aws:bedrock:eu-west-1::foundation-model/');
  });

  it('builds one record of every scenario in every region without throwing', () => {
    for (const entry of SCENARIOS) {
      for (const region of world.REGIONS) {
        const record = scenarioRecord(createPrng(2), entry, start, { region });
        expect(isObject(record.userIdentity), entry.id).toBe(true);
        expect(str(record, 'errorMessage').length, entry.id).toBeGreaterThan(0);
      }
    }
  });

  it('builds successful calls for both accounts in every region, global services only in us-east-1', () => {
    const rng = createPrng(8);
    for (const account of world.ACCOUNTS) {
      for (const region of world.REGIONS) {
        for (let i = 0; i < 100; i += 1) {
          const record = successRecord(rng, account, region, start);
          expect(record.recipientAccountId).toBe(account);
          if (region !== 'us-east-1') expect(['iam.amazonaws.com', 'signin.amazonaws.com']).not.toContain(record.eventSource);
        }
      }
    }
  });
});
