import type { Denial, OtherError } from '../types.js';

export interface RecordFilter {
  since: number | null; // epoch ms, inclusive
  until: number | null; // epoch ms, inclusive
  accounts: string[];
  regions: string[];
  principals: string[]; // globs: * any run, ? one character; case-insensitive
  actions: string[];
}

export const NO_FILTER: RecordFilter = { since: null, until: null, accounts: [], regions: [], principals: [], actions: [] };

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${body}$`, 'i');
}

export interface CompiledFilter extends RecordFilter {
  principalRes: RegExp[];
  actionRes: RegExp[];
}

export function compileFilter(f: RecordFilter): CompiledFilter {
  return { ...f, principalRes: f.principals.map(globToRegExp), actionRes: f.actions.map(globToRegExp) };
}

function inWindow(eventTime: string, f: RecordFilter): boolean {
  if (f.since === null && f.until === null) return true;
  const t = Date.parse(eventTime);
  if (Number.isNaN(t)) return false; // cannot be shown to fall inside the window
  return (f.since === null || t >= f.since) && (f.until === null || t <= f.until);
}

const anyOf = (list: string[], v: string) => list.length === 0 || list.includes(v);
const matchesAny = (res: RegExp[], v: string) => res.length === 0 || res.some((re) => re.test(v));

/** Principal and action globs narrow the denials; other errors are filtered by time and place only. */
export function errorPasses(e: OtherError, f: CompiledFilter): boolean {
  return inWindow(e.eventTime, f) && anyOf(f.accounts, e.account) && anyOf(f.regions, e.region);
}

export function denialPasses(d: Denial, f: CompiledFilter): boolean {
  return (
    inWindow(d.eventTime, f) &&
    anyOf(f.accounts, d.account) &&
    anyOf(f.regions, d.region) &&
    matchesAny(f.principalRes, d.principal) &&
    matchesAny(f.actionRes, d.action)
  );
}
