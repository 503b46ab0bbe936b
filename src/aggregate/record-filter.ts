import type { Denial, OtherError } from '../types.js';

export interface RecordFilter {
  since: number | null; // epoch ms, inclusive
  until: number | null; // epoch ms, inclusive
  accounts: string[];
  regions: string[];
  principals: string[]; // globs: * any run, ? one character; case-insensitive (see principalForms)
  actions: string[];
}

export const NO_FILTER: RecordFilter = { since: null, until: null, accounts: [], regions: [], principals: [], actions: [] };

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${body}$`, 'i');
}

export interface CompiledFilter extends RecordFilter {
  principalRes: RegExp[];
  actionRes: RegExp[];
  /** Denials each glob matched (whatever the other filters said), and denials that reached the globs. */
  hits: { principals: number[]; actions: number[]; denials: number };
}

export function compileFilter(f: RecordFilter): CompiledFilter {
  return {
    ...f,
    principalRes: f.principals.map(globToRegExp),
    actionRes: f.actions.map(globToRegExp),
    hits: { principals: f.principals.map(() => 0), actions: f.actions.map(() => 0), denials: 0 },
  };
}

function inWindow(eventTime: string, f: RecordFilter): boolean {
  if (f.since === null && f.until === null) return true;
  const t = Date.parse(eventTime);
  if (Number.isNaN(t)) return false; // cannot be shown to fall inside the window
  return (f.since === null || t >= f.since) && (f.until === null || t <= f.until);
}

const anyOf = (list: string[], v: string) => list.length === 0 || list.includes(v);

const ARN = /^arn:([^:]*):[^:]*:[^:]*:([^:]*):(.+)$/s;

/**
 * What a --principal glob is tried on: the principal (an ARN, a service, `anonymous`), its name (the
 * last path segment of a user, role or federated-user ARN: `contractor-bob`; `root`), and for a role
 * session its session name and the session ARN AWS's messages print
 * (`arn:aws:sts::111122223333:assumed-role/contractor-bob/bob-laptop`; a role's path is not in it).
 */
export function principalForms(d: Pick<Denial, 'principal' | 'sessionName'>): string[] {
  const forms = [d.principal];
  const arn = ARN.exec(d.principal);
  if (arn === null) return forms;
  const [, partition, account, resource] = arn;
  const name = resource.slice(resource.lastIndexOf('/') + 1); // 'root' for an account's root user
  if (name !== '') forms.push(name);
  if (d.sessionName !== null && d.sessionName !== '') {
    forms.push(d.sessionName);
    if (resource.startsWith('role/')) forms.push(`arn:${partition}:sts::${account}:assumed-role/${name}/${d.sessionName}`);
  }
  return forms;
}

/** Whether any glob matches any of the values; every glob is tried, so that each one's hits are counted (n each). */
function matchCounting(res: RegExp[], hits: number[], values: string[], n: number): boolean {
  let any = false;
  for (let i = 0; i < res.length; i++) {
    if (values.some((v) => res[i].test(v))) {
      hits[i] += n;
      any = true;
    }
  }
  return any;
}

/** Principal and action globs narrow the denials; other errors are filtered by time and place only. */
export function errorPasses(e: OtherError, f: CompiledFilter): boolean {
  return inWindow(e.eventTime, f) && anyOf(f.accounts, e.account) && anyOf(f.regions, e.region);
}

/** The principal and action globs, their hits counted n times (n alike denials of an aggregated row). */
function globsPass(d: Denial, f: CompiledFilter, n: number): boolean {
  // Globs first and in full, so that a glob that matched nothing can be told apart from one whose
  // matches the window or an account filter left out. A run without globs pays nothing for it.
  if (f.principalRes.length === 0 && f.actionRes.length === 0) return true;
  f.hits.denials += n;
  const principal = f.principalRes.length === 0 || matchCounting(f.principalRes, f.hits.principals, principalForms(d), n);
  const action = f.actionRes.length === 0 || matchCounting(f.actionRes, f.hits.actions, [d.action], n);
  return principal && action;
}

export function denialPasses(d: Denial, f: CompiledFilter): boolean {
  return globsPass(d, f, 1) && inWindow(d.eventTime, f) && anyOf(f.accounts, d.account) && anyOf(f.regions, d.region);
}

/**
 * An aggregated query-results row of n denials alike but for their time, from d.eventTime to
 * `lastTime`: inside or outside the filters as a whole, or cut by the window's edge (the query was run
 * with another window than the report's), which no count can split exactly.
 */
export function runVerdict(d: Denial, lastTime: string, n: number, f: CompiledFilter): 'in' | 'out' | 'straddles' {
  if (!globsPass(d, f, n) || !anyOf(f.accounts, d.account) || !anyOf(f.regions, d.region)) return 'out';
  const first = inWindow(d.eventTime, f);
  const last = inWindow(lastTime, f);
  if (first && last) return 'in';
  if (first || last) return 'straddles';
  const a = Date.parse(d.eventTime);
  const b = Date.parse(lastTime);
  // both outside: on one side, or on both sides of a window the row spans
  return f.since !== null && f.until !== null && a < f.since && b > f.until ? 'straddles' : 'out';
}

export interface FilterMiss {
  option: '--principal' | '--action';
  glob: string;
}

/** The --principal and --action globs that matched no denial read. */
export function unmatchedFilters(f: CompiledFilter): FilterMiss[] {
  return [
    ...f.principals.filter((_, i) => f.hits.principals[i] === 0).map((glob) => ({ option: '--principal' as const, glob })),
    ...f.actions.filter((_, i) => f.hits.actions[i] === 0).map((glob) => ({ option: '--action' as const, glob })),
  ];
}
