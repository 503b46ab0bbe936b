// --policies: the exported policies read, the evaluation engine loaded (only now: a run without
// --policies never loads it), each denial given its cause before it is counted, and the causes added
// to the Summary. analyze.ts calls these at the edges of its reading loop.
//
//   const ev = await startEvaluation({ policies: ['samples/policies'] });   // UserError without the engine
//   for (const scan of scans) { await ev.attach(scan); folder.add(scan); }
//   summary = ev.finish(summary, redactor);
import { CauseTally } from './aggregate/cause-tally.js';
import { ENGINE_PACKAGE, Evaluator, loadEngine, OVER_CAP } from './evaluate/index.js';
import { packageVersion } from './policies/package-version.js';
import { loadPolicies } from './policies/index.js';
import type { Redactor } from './redact/index.js';
import type { Denial, FileScan, Summary } from './types.js';

export interface EvaluationOptions {
  policies: string[];
  maxSimulations?: number;
  /** The engine's package name: a seam for tests of a run without it (an install made with --omit=optional). */
  engine?: string;
}

export interface PolicyEvaluation {
  /** Gives every denial of the scan its cause (before the fold counts it). */
  attach(scan: FileScan): Promise<void>;
  /** Counts a denial the fold kept (after filters and suppression): its cause goes to its group. */
  kept(d: Denial, n: number): void;
  finish(summary: Summary, redactor: Redactor | null): Summary;
  /** The accounts of the exported organizations (findings: who is "from outside"); null when no organization was exported. */
  organizationAccounts(): string[] | null;
}

export async function startEvaluation(options: EvaluationOptions): Promise<PolicyEvaluation> {
  const name = options.engine ?? ENGINE_PACKAGE;
  const engine = await loadEngine(name, packageVersion(name));
  const store = loadPolicies(options.policies);
  const evaluator = new Evaluator(engine, store, { maxSimulations: options.maxSimulations });
  const tally = new CauseTally();
  return {
    async attach(scan) {
      for (const entry of scan.entries) {
        if (entry.kind !== 'denial') continue;
        const pending = evaluator.cause(entry.denial, entry.facts ?? null);
        if (pending !== null) entry.denial = { ...entry.denial, cause: await pending };
        delete entry.facts;
      }
    },
    kept: (d, n) => tally.add(d, n),
    organizationAccounts: () => (store.orgs.length === 0 ? null : [...new Set(store.orgs.flatMap((o) => Object.keys(o.accounts)))].sort()),
    finish(summary, redactor) {
      const text = redactor === null ? (s: string) => s : (s: string) => redactor.text(s);
      const withCauses = tally.attach(summary);
      return {
        ...withCauses,
        policies: {
          inputs: store.inputs.map((i) => ({ ...i, path: text(i.path), accounts: i.accounts.map(text) })),
          engine: engine.label,
          simulations: evaluator.simulations,
          maxSimulations: evaluator.maxSimulations,
          overCap: tally.count((c) => c.unknown.some((u) => u.startsWith(OVER_CAP))),
          issues: [...store.issues, ...evaluator.issues].map((i) => ({ path: text(i.path), reason: text(i.reason) })),
        },
      };
    },
  };
}
