// The earlier summary.json a report is compared with: `--baseline <file|folder>`, or with --week /
// --day the previous period's report beside this one (reports/2026-W46/ for reports/2026-W47/).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FOLDED_PRINCIPAL, type Baseline } from '../aggregate/index.js';
import { UserError } from '../errors.js';
import type { BaselineNames } from '../findings/index.js';
import type { Redactor } from '../redact/index.js';
import { previousDay, previousIsoWeek, type CalendarWindow } from './calendar-window.js';
import { isObject } from '../classify/coerce.js';

export interface LoadedBaseline {
  path: string;
  baseline: Baseline;
  keyId: string | null; // the redaction key it was written with, if any
  /** Who it saw refused: its principals and source addresses (for the findings "new since the baseline"). */
  names: { principals: string[]; sourceIps: string[] };
}

/** Keys of a list of { key } in a summary.json, or null when it is not one (an older summary lacks bySourceIp). */
function keysOf(list: unknown): string[] | null {
  if (!Array.isArray(list)) return null;
  return list.flatMap((c) => (isObject(c) && typeof c.key === 'string' ? [c.key] : []));
}

/** The principals and addresses a summary.json saw refused: its breakdowns, else its groups' lists. */
function namesOf(doc: Record<string, unknown>, groups: Baseline['groups']): LoadedBaseline['names'] {
  const fromGroups = (field: string) => groups.flatMap((g) => keysOf((g as unknown as Record<string, unknown>)[field]) ?? []);
  return {
    principals: keysOf(doc.byPrincipal) ?? groups.map((g) => g.principal),
    sourceIps: keysOf(doc.bySourceIp) ?? fromGroups('sourceIps'),
  };
}

/** Where the baseline is, or null for none. `flag` false is --no-baseline. */
export function baselinePath(flag: string | boolean | undefined, window: CalendarWindow | null, out: string): string | null {
  if (flag === false) return null;
  if (typeof flag === 'string') {
    const isDir = existsSync(flag) && statSync(flag).isDirectory();
    return isDir ? join(flag, 'summary.json') : flag;
  }
  if (window === null || window.kind === 'last') return null;
  const previous = window.kind === 'week' ? previousIsoWeek(window.label) : previousDay(window.label);
  const implicit = join(dirname(resolve(out)), previous, 'summary.json');
  return existsSync(implicit) ? implicit : null;
}

function checkGroups(groups: unknown): groups is Baseline['groups'] {
  return (
    Array.isArray(groups) &&
    groups.every(
      (g) =>
        isObject(g) &&
        typeof g.key === 'string' &&
        typeof g.count === 'number' &&
        ['principal', 'action', 'policyType', 'denyKind'].every((f) => typeof g[f] === 'string'),
    )
  );
}

export function loadBaseline(path: string): LoadedBaseline {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UserError(`baseline ${path} cannot be read: ${e.code === undefined ? e.message : e.code} (give a summary.json or its folder)`);
  }
  if (!isObject(doc) || !isObject(doc.tool) || doc.tool.name !== 'cloudtrail-denials') {
    throw new UserError(`baseline ${path} is not a cloudtrail-denials summary.json`);
  }
  if (doc.schemaVersion !== 1) {
    throw new UserError(`baseline ${path} has schemaVersion ${JSON.stringify(doc.schemaVersion)}; this version compares with schemaVersion 1 only`);
  }
  const window = isObject(doc.window) ? doc.window : {};
  const totals = isObject(doc.totals) ? doc.totals : {};
  if (!checkGroups(doc.groups) || typeof totals.denials !== 'number') {
    throw new UserError(`baseline ${path} is damaged: its groups or totals are not what a summary.json holds`);
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const redaction = isObject(doc.redaction) ? text(doc.redaction.keyId) : null;
  return {
    path,
    keyId: redaction,
    names: namesOf(doc, doc.groups),
    baseline: {
      title: text(doc.title) ?? '',
      window: { since: text(window.since), until: text(window.until), label: text(window.label) },
      totals: { denials: totals.denials },
      groups: doc.groups,
    },
  };
}

/**
 * Pseudonyms only compare with pseudonyms made with the same key. A plain baseline is redacted
 * here with this run's key (so nothing from it leaks into a redacted report); the other mixes are errors.
 */
export function alignRedaction(loaded: LoadedBaseline, redactor: Redactor | null): Baseline {
  const { baseline, keyId, path } = loaded;
  if (redactor === null) {
    if (keyId !== null) throw new UserError(`baseline ${path} is redacted: compare with --redact --redact-key <the same key file>`);
    return baseline;
  }
  if (keyId !== null && keyId !== redactor.keyId) {
    throw new UserError(`baseline ${path} was redacted with another key: pass the same --redact-key <file> every run, or --no-baseline`);
  }
  return keyId !== null ? baseline : redactor.baseline(baseline);
}

/** What the findings compare with: the baseline's label and names, redacted as alignRedaction redacts its groups. */
export function baselineNames(loaded: LoadedBaseline, redactor: Redactor | null): BaselineNames {
  const b = loaded.baseline;
  // its window's label (2026-W46), else its window, else the file: the title is often the default one
  const w = b.window;
  const label = w.label ?? (w.since !== null || w.until !== null ? `${w.since ?? 'open'} → ${w.until ?? 'open'}` : `the baseline ${loaded.path}`);
  const plain = redactor !== null && loaded.keyId === null;
  const principal = (p: string) => (plain && p !== FOLDED_PRINCIPAL ? redactor.principal(p) : p);
  const address = (ip: string) => (plain ? redactor.address(ip) : ip);
  return {
    label: plain ? redactor.text(label) : label,
    principals: new Set(loaded.names.principals.map(principal)),
    sourceIps: new Set(loaded.names.sourceIps.map(address)),
  };
}
