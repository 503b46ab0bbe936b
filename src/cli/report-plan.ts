// What a report run needs beyond paths and formats, resolved from the flags before any file is read,
// so every mistake in them is a one-line error up front: the window, the output folder, the
// baseline, the suppression rules, the redaction key and the gates.
import { DEFAULT_THRESHOLD, type SuppressionSet } from '../aggregate/index.js';
import { UserError } from '../errors.js';
import { makeRedactor, type Redactor } from '../redact/index.js';
import { baselinePath, loadBaseline, type LoadedBaseline } from './baseline-file.js';
import type { CalendarWindow } from './calendar-window.js';
import { parseGates, type Gate } from './fail-on.js';
import { redactionKey } from './redact-key.js';
import type { FindingsConfig } from '../findings/index.js';
import { loadRulesFile } from './suppress-file.js';

export const DEFAULT_OUT = 'cloudtrail-denials-report';

export interface PlanFlags {
  out?: string;
  since?: string;
  until?: string;
  week?: string;
  day?: string;
  last?: string;
  baseline?: string | boolean;
  changeThreshold?: string;
  suppress?: string | boolean;
  failOn?: string[];
  redact?: boolean;
  redactKey?: string;
  redactUserAgents?: boolean;
}

export interface ReportPlan {
  window: CalendarWindow | null;
  out: string;
  suppression: SuppressionSet | null;
  /** The rules file's `findings` part (thresholds, rules off, known accounts, suppressed findings); the defaults without. */
  findings: FindingsConfig;
  redactor: Redactor | null;
  oneOffKey: boolean;
  baseline: LoadedBaseline | null;
  threshold: { percent: number; minimum: number };
  gates: Gate[];
}

function parsePercent(value: string | undefined): number {
  if (value === undefined) return DEFAULT_THRESHOLD.percent;
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(value.trim());
  if (m === null) throw new UserError(`--change-threshold ${JSON.stringify(value)}: give a percentage such as 50 or 50%`);
  return Number(m[1]);
}

/** `until` is the end of the window in epoch ms, if any; `now` comes from the caller (the clock stays in main paths). */
export function planReport(flags: PlanFlags, window: CalendarWindow | null, until: number | null, now: number): ReportPlan {
  const out = flags.out ?? (window === null ? DEFAULT_OUT : `reports/${window.slug}`);
  const asOf = new Date(until ?? now).toISOString().slice(0, 10);
  const wantsRedaction = flags.redact === true || flags.redactKey !== undefined || flags.redactUserAgents === true;
  const key = wantsRedaction ? redactionKey(flags.redactKey) : null;
  const path = baselinePath(flags.baseline, window, out);
  const rulesFile = loadRulesFile(flags.suppress, asOf);
  return {
    window,
    out,
    suppression: rulesFile.suppression,
    findings: rulesFile.findings,
    redactor: key === null ? null : makeRedactor(key.key, { userAgents: flags.redactUserAgents === true }),
    oneOffKey: key?.oneOff ?? false,
    baseline: path === null ? null : loadBaseline(path),
    threshold: { percent: parsePercent(flags.changeThreshold), minimum: DEFAULT_THRESHOLD.minimum },
    gates: parseGates(flags.failOn ?? []),
  };
}
