// Record factories: successful background calls and scenario records, reusable outside the demo
// archive (a benchmark corpus generator can call generateRecords with its own Prng and sizes).
//
//   const rng = createPrng(7);
//   const records = generateRecords(rng, { account: PROD_ACCOUNT, region: 'us-east-1', startMs, endMs: startMs + HOUR_MS, count: 500, errorShare: 0.1 });
import { actor as actorByKey, actorsOf, type Actor } from './actors.js';
import type { Prng } from './prng.js';
import { buildRecord, type CloudTrailRecord } from './record-builder.js';
import type { Scenario } from './scenario-types.js';
import { SCENARIOS } from './scenarios.js';
import { SUCCESS_CALLS, type CallTemplate } from './success-calls.js';
import { HOME_REGION, type Region } from './world.js';

function templatesFor(actor: Actor, region: string): CallTemplate[] {
  return actor.calls.flatMap((family) => SUCCESS_CALLS[family] ?? []).filter((template) => !template.global || region === HOME_REGION);
}

/** A successful call in `account`/`region` at `eventMs`, by one of the account's usual actors. */
export function successRecord(rng: Prng, account: string, region: string, eventMs: number): CloudTrailRecord {
  const candidates = actorsOf(account).filter((actor) => actor.regions.some((r) => r === region) && templatesFor(actor, region).length > 0);
  const pool = candidates.length > 0 ? candidates : actorsOf(account).filter((actor) => templatesFor(actor, region).length > 0);
  if (pool.length === 0) throw new Error(`no sample actor can call anything in ${account}/${region}`);
  const actor = rng.pickWeighted(pool.map((value) => ({ value, weight: value.weight })));
  const template = rng.pick(templatesFor(actor, region));
  const context = { actor, recipient: account, region, eventMs };
  return buildRecord(template.build(rng, context), context, rng);
}

/**
 * One record of a scenario. `recipient` and `region` default to the scenario's own; overriding them
 * re-targets the call (messages are built from the context, so ARNs follow).
 */
export function scenarioRecord(rng: Prng, scenario: Scenario, eventMs: number, target: { recipient?: string; region?: string } = {}): CloudTrailRecord {
  const context = { actor: actorByKey(scenario.actor), recipient: target.recipient ?? scenario.recipient, region: target.region ?? scenario.region, eventMs };
  return buildRecord(scenario.build(rng, context), context, rng);
}

export interface GenerateRecordsOptions {
  account: string;
  region: Region;
  startMs: number;
  endMs: number;
  count: number;
  /** Share of records drawn from the scenario table (denials and other errors); default 0.15. */
  errorShare?: number;
  /** Restrict the scenarios used (default: those logged by `account`). */
  scenarios?: readonly Scenario[];
}

/** `count` records in [startMs, endMs), sorted by eventTime, mixing successes and scenarios. */
export function generateRecords(rng: Prng, options: GenerateRecordsOptions): CloudTrailRecord[] {
  const share = options.errorShare ?? 0.15;
  const pool = options.scenarios ?? SCENARIOS.filter((candidate) => candidate.recipient === options.account);
  const timed: { ms: number; record: CloudTrailRecord }[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const ms = options.startMs + Math.floor(rng.next() * (options.endMs - options.startMs) / 1000) * 1000;
    const record = pool.length > 0 && rng.chance(share)
      ? scenarioRecord(rng, rng.pickWeighted(pool.map((value) => ({ value, weight: value.count }))), ms, { recipient: options.account, region: options.region })
      : successRecord(rng, options.account, options.region, ms);
    timed.push({ ms, record });
  }
  return timed.sort((a, b) => a.ms - b.ms).map((entry) => entry.record);
}
