// Findings for one run: what the findings stage needs from the aggregate state (groups, the activity
// record), the discovery (the archive's accounts, by S3 key, read or pruned) and the options (rules
// file, baseline, organization), put into the Summary. Under --redact every name the stage compares
// (accounts, the rules file's subjects) is redacted first, as the denials were in the fold.
//
//   summary = withFindings(summary, state.activity, discovery, { config, baseline: () => names }, redactor);
import type { Activity } from './aggregate/activity.js';
import { parseTrailKey, type Discovery } from './discover/index.js';
import { DEFAULT_FINDINGS, findFindings, type BaselineNames, type FindingsConfig } from './findings/index.js';
import type { Redactor } from './redact/index.js';
import type { Summary } from './types.js';

export interface FindingsOptions {
  /** The rules file's `findings` part; the defaults without one. */
  config?: FindingsConfig;
  /** What the baseline had, read once the reading is done (its names are redacted like this run's). */
  baseline?: (() => BaselineNames | null) | null;
  /** The organization's accounts (--policies); null when not known. */
  organizationAccounts?: readonly string[] | null;
}

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]+)$/i;

/** The archive's accounts: every S3-layout account among the files found (read or pruned), the --account filters, and the accounts that received the denials. */
export function archiveAccounts(summary: Summary, discovery: Discovery | null, redact: (a: string) => string): string[] {
  const raw = new Set<string>(summary.filters.accounts);
  for (const path of [...(discovery?.sources.map((s) => s.path) ?? []), ...(discovery?.pruned ?? [])]) {
    const key = parseTrailKey(path);
    if (key !== null) raw.add(key.account);
  }
  const out = new Set([...raw].map(redact));
  for (const c of summary.byAccount) if (c.key !== '') out.add(c.key);
  return [...out].sort();
}

function redactConfig(config: FindingsConfig, r: Redactor): FindingsConfig {
  const subject = (s: string | null): string | null => {
    if (s === null || /[*?]/.test(s)) return s;
    if (/^\d{12}$/.test(s)) return r.account(s);
    return IP.test(s) ? r.address(s) : r.principal(s);
  };
  return {
    ...config,
    knownAccounts: config.knownAccounts.map((a) => r.account(a)),
    suppress: config.suppress.map((s) => ({ ...s, subject: subject(s.subject) })),
  };
}

export function withFindings(
  summary: Summary,
  activity: Activity,
  discovery: Discovery | null,
  options: FindingsOptions = {},
  redactor: Redactor | null = null,
): Summary {
  const config = options.config ?? DEFAULT_FINDINGS;
  const redact = (a: string) => (redactor === null ? a : redactor.account(a));
  const org = options.organizationAccounts ?? null;
  const { findings, report } = findFindings({
    groups: summary.groups,
    activity,
    archiveAccounts: archiveAccounts(summary, discovery, redact),
    organizationAccounts: org === null ? null : org.map(redact),
    baseline: options.baseline?.() ?? null,
    config: redactor === null ? config : redactConfig(config, redactor),
  });
  return { ...summary, findings, findingsReport: report };
}
