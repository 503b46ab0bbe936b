// The rules that need no time windows, read from the groups (every denial is in one): sensitive actions
// refused, the root user, principals of accounts outside the archive (and the organization, when known).
import type { Group } from '../types.js';
import { EvidenceTally, accountOfPrincipal, add, plural, shortName, type Draft } from './finding-parts.js';
import { ruleOf } from './rules.js';
import { FAMILIES, sensitiveRow, type SensitiveAction } from './sensitive-actions.js';
import { TECHNIQUES } from './techniques.js';

/** Adds `n` of the group's denials (all of them, or those with a hint) to the evidence. */
function addGroup(e: EvidenceTally, g: Group, n = g.count): void {
  add(e.principals, g.principal, n);
  add(e.actions, g.action, n);
  const share = (list: Group['sourceIps'], into: Map<string, number>) => {
    for (const c of list) if (c.key !== '') add(into, c.key, c.count);
  };
  share(g.sourceIps, e.sourceIps);
  share(g.userAgents, e.userAgents);
  share(g.resources, e.resources);
  share(g.accounts, e.accounts);
  share(g.regions, e.regions);
  for (const id of g.sampleEventIds) e.sample(g.firstSeen, id);
}

/** Groups gathered under one key: their denials, span and evidence. */
class Gathered {
  readonly evidence = new EvidenceTally();
  readonly groups: Group[] = [];
  count = 0;
  first = '';
  last = '';

  add(g: Group, n = g.count): void {
    this.groups.push(g);
    this.count += n;
    if (this.first === '' || (g.firstSeen !== '' && g.firstSeen < this.first)) this.first = g.firstSeen;
    if (g.lastSeen > this.last) this.last = g.lastSeen;
    addGroup(this.evidence, g, n);
  }
}

function gather<K extends string>(groups: readonly Group[], keyOf: (g: Group) => { key: K; n?: number } | null): Map<K, Gathered> {
  const out = new Map<K, Gathered>();
  for (const g of groups) {
    const k = keyOf(g);
    if (k === null) continue;
    let into = out.get(k.key);
    if (into === undefined) out.set(k.key, (into = new Gathered()));
    into.add(g, k.n);
  }
  return out;
}

const hintCount = (g: Group, hint: string): number => g.hints.find((h) => h.key === hint)?.count ?? 0;

export function sensitiveDrafts(groups: readonly Group[]): Draft[] {
  const rule = ruleOf('sensitive-action');
  const rows = new Map<string, SensitiveAction[]>();
  const byKey = gather(groups, (g) => {
    const row = sensitiveRow(g.action, (h) => hintCount(g, h) > 0);
    if (row === null) return null;
    const key = `${g.principal}\n${row.technique}`;
    const list = rows.get(key) ?? [];
    if (!list.includes(row)) list.push(row);
    rows.set(key, list);
    return { key, n: row.hint === undefined ? g.count : hintCount(g, row.hint) };
  });
  return [...byKey].map(([key, got]): Draft => {
    const [principal] = key.split('\n');
    const found = rows.get(key)!;
    const family = FAMILIES[found[0].family];
    const technique = found[0].technique;
    const actions = [...got.evidence.actions.keys()];
    return {
      rule,
      severity: family.severity,
      technique,
      idSubject: `${principal} ${TECHNIQUES[technique].id}`,
      subject: principal,
      subjectKind: 'principal',
      title: `${shortName(principal)} tried to ${family.words}: ${actions.join(', ')} refused ${plural(got.count, 'time')}`,
      firstSeen: got.first,
      lastSeen: got.last,
      count: got.count,
      why: found.map((r) => `${r.action}: ${r.reason}${r.hint === undefined ? '' : ` (the request carried hint ${r.hint})`}`).join('; '),
      evidence: got.evidence.evidence(),
      next: [family.next],
    };
  });
}

const isRoot = (g: Group): boolean => g.principalType === 'Root' || /^arn:[^:]*:iam::\d+:root$/.test(g.principal);

export function rootDrafts(groups: readonly Group[]): Draft[] {
  const rule = ruleOf('root-activity');
  return [...gather(groups, (g) => (isRoot(g) ? { key: g.principal } : null))].map(([principal, got]): Draft => {
    const signIns = got.groups.filter((g) => g.action.toLowerCase() === 'signin:consolelogin').reduce((n, g) => n + g.count, 0);
    const account = accountOfPrincipal(principal) ?? principal;
    const what =
      signIns === got.count
        ? plural(signIns, 'failed console sign-in')
        : signIns > 0
          ? `refused ${plural(got.count, 'time')}, ${plural(signIns, 'failed console sign-in')} among them`
          : `refused ${plural(got.count, 'time')}`;
    return {
      rule,
      subject: principal,
      subjectKind: 'principal',
      title: `The root user of ${account}: ${what}`,
      firstSeen: got.first,
      lastSeen: got.last,
      count: got.count,
      why: 'every refusal or failed sign-in of the root user is reported: it holds every permission the SCPs leave it, and it should not be in daily use',
      evidence: got.evidence.evidence(),
    };
  });
}

/** The accounts whose principals count as outsiders: not the archive's, not known, not the organization's (when given). */
export function outsideAccount(
  account: string | null,
  known: { archive: ReadonlySet<string>; trusted: ReadonlySet<string>; organization: ReadonlySet<string> | null },
): boolean {
  if (account === null || !/^\d{12}$|^acct-/.test(account)) return false;
  return !known.archive.has(account) && !known.trusted.has(account) && (known.organization === null || !known.organization.has(account));
}

export function outsideDrafts(groups: readonly Group[], known: Parameters<typeof outsideAccount>[1]): Draft[] {
  const rule = ruleOf('outside-principal');
  const where = known.organization === null ? 'not among the accounts of this archive' : 'outside the organization';
  return [
    ...gather(groups, (g) => {
      const account = accountOfPrincipal(g.principal);
      return outsideAccount(account, known) ? { key: account! } : null;
    }),
  ].map(([account, got]): Draft => ({
    rule,
    subject: account,
    subjectKind: 'account',
    title: `Account ${account}, ${where}, was refused ${plural(got.count, 'time')} (${plural(got.evidence.principals.size, 'principal')})`,
    firstSeen: got.first,
    lastSeen: got.last,
    count: got.count,
    why: `its principals' account is ${where}: the archive holds ${[...known.archive].sort().join(', ') || 'no account'}${known.organization === null ? '' : `, the organization ${plural(known.organization.size, 'account')}`}${known.trusted.size > 0 ? `, and the rules file names ${plural(known.trusted.size, 'known account')}` : ''}`,
    evidence: got.evidence.evidence(),
  }));
}
