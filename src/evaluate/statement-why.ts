// A statement the engine analysed → evidence: its text, the parts of it that met (or missed) the
// request, and one line per part saying how, with the request's own values.
import type { CauseStatement } from '../types.js';
import type { ConditionExplain, StatementAnalysis } from './engine.js';
import type { EvalRequest, PolicyRef } from './request-types.js';
import { LITERAL_STAR } from './resource-side.js';

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const shown = (s: string) => s.replaceAll(LITERAL_STAR, '*');
const quote = (s: string) => JSON.stringify(s);
const values = (v: string | string[]) => (Array.isArray(v) ? `[${v.join(', ')}]` : v);

/** The request's value for a condition key, as a sentence part. */
export function requestValue(r: EvalRequest, key: string): string {
  const k = key.toLowerCase();
  const hit = Object.entries(r.context.values).find(([name]) => name.toLowerCase() === k);
  if (hit !== undefined) return `the request's ${values(hit[1])}`;
  const known = r.context.known.some((n) => n.toLowerCase() === k || (n.startsWith('/') && new RegExp(n.slice(1, -1), 'i').test(key)));
  return known ? 'absent from the request' : 'unknown from the log';
}

export function conditionLine(c: ConditionExplain, r: EvalRequest): string {
  const policyValues = list(c.values).map((v) => v.value);
  const held = c.matches ? 'holds' : 'does not hold';
  return `condition ${c.operator} ${c.conditionKeyValue} ${values(policyValues.length === 1 ? policyValues[0] : policyValues)} ${held}: ${requestValue(r, c.conditionKeyValue)}`;
}

export function statementEvidence(a: StatementAnalysis, ref: PolicyRef, r: EvalRequest): CauseStatement {
  const e = a.explain;
  const why: string[] = [];
  const marks: string[] = [];
  const missed: string[] = [];
  const action = r.action;
  const matchedActions = list(e.actions).filter((x) => x.matches);
  if (e.actions !== undefined) {
    if (matchedActions.length > 0) {
      why.push(`action ${action} matches ${matchedActions.map((x) => quote(x.action)).join(', ')}`);
      marks.push(...matchedActions.map((x) => quote(x.action)));
    } else {
      why.push(
        `action ${action} is not among ${list(e.actions)
          .map((x) => quote(x.action))
          .join(', ')}`,
      );
      missed.push(...list(e.actions).map((x) => quote(x.action)));
    }
  }
  if (e.notActions !== undefined)
    why.push(
      e.actionMatch
        ? `action ${action} is not excluded by NotAction`
        : `action ${action} is excluded by NotAction ${list(e.notActions)
            .filter((x) => x.matches)
            .map((x) => quote(x.action))
            .join(', ')}`,
    );
  const resource = !r.resourceKnown ? 'the resource (not in the event)' : r.resourceShown === '*' ? '*' : shown(r.resource);
  if (e.resources !== undefined) {
    const hit = list(e.resources).filter((x) => x.matches);
    if (hit.length > 0) {
      why.push(`resource ${resource} matches ${hit.map((x) => quote(x.resource)).join(', ')}`);
      marks.push(...hit.map((x) => quote(x.resource)));
    } else {
      why.push(
        `resource ${resource} is not among ${list(e.resources)
          .map((x) => quote(x.resource))
          .join(', ')}`,
      );
      missed.push(...list(e.resources).map((x) => quote(x.resource)));
    }
  }
  if (e.notResources !== undefined)
    why.push(e.resourceMatch ? `resource ${resource} is not excluded by NotResource` : `resource ${resource} is excluded by NotResource`);
  if (e.principals !== undefined) {
    const hit = list(e.principals).filter((x) => x.matches !== 'NoMatch');
    if (hit.length > 0) {
      why.push(`principal matches ${hit.map((x) => quote(x.principal)).join(', ')}`);
      marks.push(...hit.map((x) => quote(x.principal)));
    } else {
      why.push(
        `principal ${r.principalLabel} is not among ${list(e.principals)
          .map((x) => quote(x.principal))
          .join(', ')}`,
      );
      missed.push(...list(e.principals).map((x) => quote(x.principal)));
    }
  }
  for (const c of e.conditions ?? []) {
    why.push(conditionLine(c, r));
    (c.matches ? marks : missed).push(quote(c.conditionKeyValue));
  }
  const sid = a.statement.sid();
  return {
    layer: ref.layer,
    policy: ref.policy,
    attachedTo: ref.attachedTo,
    sid: sid === undefined || sid === '' ? null : sid,
    index: a.statement.index(),
    text: JSON.stringify(a.statement.toJSON(), null, 2),
    marks: [...new Set(marks)],
    missed: [...new Set(missed)].filter((m) => !marks.includes(m)),
    why,
  };
}

/** How close an Allow came: every part but the conditions matching beats fewer parts. */
export function closeness(a: StatementAnalysis): number {
  const e = a.explain;
  return (e.actionMatch ? 4 : 0) + (e.resourceMatch ? 2 : 0) + (e.principalMatch !== 'NoMatch' ? 1 : 0);
}
