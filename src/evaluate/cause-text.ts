// The sentences of a cause: its summary, the specific next step, and the note when AWS's message
// named a policy type the exports do not confirm. Untrusted text (policy names, ARNs) is put in as
// is: renderers escape it where it lands.
import type { Cause, CauseStatement, Denial, PolicyLayer } from '../types.js';
import { LAYER_LABELS } from './layers.js';
import type { EvalRequest } from './request-types.js';
import { LITERAL_STAR } from './resource-side.js';

type Draft = Omit<Cause, 'summary' | 'guidance' | 'disagreement'>;

export function statementName(s: Pick<CauseStatement, 'sid' | 'index'>): string {
  return s.sid === null ? `statement ${s.index} (no Sid)` : `statement \`${s.sid}\` (index ${s.index})`;
}

/** 'an' before a vowel sound: a vowel, or an initialism read letter by letter (an S3 setting, an SCP). */
const anBefore = (s: string) => /^([aeiou]|S3\b|SCP\b|RCP\b)/i.test(s);
const article = (s: string) => `${anBefore(s) ? 'an' : 'a'} ${s}`;
const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** The policy a statement is in, and where it is attached, as a phrase. */
export function policyPhrase(s: Pick<CauseStatement, 'layer' | 'policy' | 'attachedTo'>): string {
  const at = s.attachedTo === null ? '' : ` attached to ${s.attachedTo}`;
  switch (s.layer) {
    case 'service-control-policy':
    case 'resource-control-policy':
      return `${LAYER_LABELS[s.layer].short} ${s.policy.startsWith('arn:') ? idOf(s.policy) : s.policy}${at}`;
    case 'identity-based':
      return s.policy.startsWith('inline policy') ? `${s.policy} of ${s.attachedTo ?? 'the principal'}` : `policy ${s.policy}${at}`;
    case 'permissions-boundary':
      return `permissions boundary ${s.policy}${s.attachedTo === null ? '' : ` of ${s.attachedTo}`}`;
    case 'session-policy':
      return `session policy "${s.policy}"${s.attachedTo === null ? '' : ` (${s.attachedTo})`}`;
    default:
      return s.policy;
  }
}

const resourceOf = (r: EvalRequest) => (!r.resourceKnown ? 'its resource' : r.resourceShown === '*' ? '*' : r.resource.replaceAll(LITERAL_STAR, '*'));
const conditionsHeld = (s: CauseStatement) => s.why.filter((w) => w.startsWith('condition '));
const failing = (s: CauseStatement) => s.why.filter((w) => / is not among | is excluded | does not hold/.test(w));
const names = (layers: PolicyLayer[]) => layers.map((l) => LAYER_LABELS[l].name).join(' or ');
const plural = (layers: PolicyLayer[]) => layers.map((l) => LAYER_LABELS[l].plural).join(', ');

function summaryOf(c: Draft, r: EvalRequest): string {
  const target = `${r.action} on ${resourceOf(r)}`;
  switch (c.kind) {
    case 'explicit-deny': {
      const s = c.statement;
      if (s === null) return `An explicit Deny refuses ${target}`;
      const held = conditionsHeld(s);
      return `${statementName(s).replace(/^s/, 'S')} of ${policyPhrase(s)} denies ${target}${held.length > 0 ? `: its ${held.join('; ')}` : ''}`;
    }
    case 'implicit-deny': {
      const near =
        c.statement === null
          ? ''
          : `; the closest Allow is ${statementName(c.statement)} of ${policyPhrase(c.statement)}, which does not match: ${failing(c.statement).join('; ')}`;
      return `No ${names(c.lacking)} allows ${target} for ${r.principalLabel}${near}`;
    }
    case 'allowed-now':
      return `The exported policies allow ${target} for ${r.principalLabel}: they changed since the event, or what refused it is not in the inputs${c.missing.length > 0 ? ` (not supplied: ${plural(c.missing)})` : ''}`;
    case 'undetermined':
      return `The log and the exports cannot settle ${target}: ${c.unknown.join('; ')}`;
  }
}

function guidanceOf(c: Draft, r: EvalRequest): string {
  switch (c.kind) {
    case 'explicit-deny': {
      const s = c.statement;
      if (s === null) return `Find the Deny that matches ${r.action} in the layers listed`;
      return `Remove or narrow ${statementName(s)} of ${policyPhrase(s)}${conditionsHeld(s).length > 0 ? ', or make the request meet its condition' : ''}`;
    }
    case 'implicit-deny': {
      const where = c.lacking
        .map((l) => (l === 'identity-based' ? `the identity-based policies of ${r.principalLabel}` : `the ${LAYER_LABELS[l].name}`))
        .join(' and ');
      const widen = c.statement === null ? '' : `, e.g. widen ${statementName(c.statement)} of ${policyPhrase(c.statement)}`;
      return `Add an Allow for ${r.action} on ${resourceOf(r)} to ${where}${widen}`;
    }
    case 'allowed-now':
      return c.missing.length > 0
        ? `Supply the layers not in the inputs (${plural(c.missing)}), or compare the policies with their state at the time of the event`
        : "Compare the policies with their state at the time of the event: a change since then, or a refusal outside IAM policies (a service's own rule), explains it";
    case 'undetermined':
      return `Settle what the log cannot: ${c.unknown[0] ?? 'see the causes'}`;
  }
}

/** The note when AWS's message named a policy type (and deny kind) the evaluation does not confirm. */
export function disagreementOf(c: Draft, d: Denial): string | null {
  if (d.policyType === 'unspecified' || d.denyKind === 'unspecified' || c.kind === 'undetermined') return null;
  const said = LAYER_LABELS[d.policyType].name;
  const a = anBefore(said) ? 'an' : 'a';
  const saidPlural = LAYER_LABELS[d.policyType].plural;
  const kind = d.denyKind === 'explicit' ? 'an explicit deny' : 'no Allow';
  if (d.denyKind === 'explicit' && c.kind === 'explicit-deny' && c.statement?.layer === d.policyType) return null;
  if (d.denyKind === 'implicit' && c.kind === 'implicit-deny' && c.lacking.includes(d.policyType)) return null;
  const theirs = `AWS's message said ${kind} in ${a} ${said}`;
  if (c.missing.includes(d.policyType)) return `${theirs}; no ${saidPlural} for this request are in the inputs`;
  if (c.kind === 'allowed-now') return `${theirs}; the exported ${saidPlural} allow it: exported after a change?`;
  if (c.kind === 'explicit-deny')
    return `${theirs}; in the exports ${c.statement === null ? 'another policy' : article(LAYER_LABELS[c.statement.layer].name)} denies it instead: exported after a change?`;
  return `${theirs}; in the exports the ${saidPlural} allow it and the ${names(c.lacking)} lacks the Allow: exported after a change?`;
}

export function describeCause(c: Draft, d: Denial, r: EvalRequest): Pick<Cause, 'summary' | 'guidance' | 'disagreement'> {
  return { summary: summaryOf(c, r), guidance: guidanceOf(c, r), disagreement: disagreementOf(c, d) };
}
