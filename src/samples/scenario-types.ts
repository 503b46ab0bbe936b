// A scenario is one kind of refused or failed call, with how often it happens in the demo week.
import type { Category, DenyKind, Hint, PolicyType } from '../types.js';
import type { Prng } from './prng.js';
import type { CallContext, CallSpec } from './record-builder.js';
import type { Region } from './world.js';

/** What the generator meant by a denial; the classifier's result is tested elsewhere. */
export interface Expectation {
  category: Category;
  denyKind: DenyKind;
  policyType: PolicyType;
  /** Context hints the record was built to carry (not exhaustive: `temporary-credentials` etc. may add). */
  hints?: Hint[];
  /** false for message shapes meant to exercise the "unrecognised" path. */
  recognized?: boolean;
}

export interface Scenario {
  id: string;
  kind: 'denial' | 'other-error';
  expected?: Expectation;
  /** Records of this scenario in the demo archive. */
  count: number;
  /** Account whose trail logs the call (recipientAccountId). */
  recipient: string;
  region: Region;
  actor: string;
  /** Inclusive day indexes (0 = 2026-11-16) the records fall on; the whole week when absent. */
  days?: readonly [number, number];
  /** Exact event times (ISO, UTC), one per record (`count` of them), in log files of their own: the intrusion story's timeline. */
  at?: readonly string[];
  build(rng: Prng, context: CallContext): CallSpec;
}
