// The caller's side of a request: who it was as the engine names principals, and the policies that
// apply to it: identity-based (with its groups'), permissions boundary, session policy, SCPs.
import type { Denial, ExportedPolicy, ExportedPrincipal, RequestFacts } from '../types.js';
import { ALLOW_ALL, placeholder, type LayerState, type OrgLevel, type PolicyRef } from './request-types.js';
import { accountOf, type StoreIndex } from './store-index.js';

export interface PrincipalSide {
  principal: string | { type: 'Anonymous' };
  label: string;
  principalArn: string | null; // aws:PrincipalArn
  account: string;
  tags: Record<string, string> | null;
  org: { id: string; path: string } | null;
  identity: PolicyRef[] | null;
  boundary: PolicyRef[] | null;
  session: PolicyRef | null;
  scps: OrgLevel[];
  layers: LayerState[];
  notes: string[];
}

const ROLE = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function policiesOf(p: ExportedPrincipal, index: StoreIndex): { refs: PolicyRef[]; missing: string[] } {
  const owner = `${p.kind} ${p.arn}`;
  const refs: PolicyRef[] = [];
  const missing: string[] = [];
  const inline = (i: ExportedPolicy, of: string) =>
    refs.push({ layer: 'identity-based', policy: `inline policy ${i.name}`, attachedTo: of, document: i.document });
  const managed = (arn: string, of: string) => {
    const m = index.managed(arn);
    if (m === null) missing.push(`managed policy ${arn} attached to ${of} is not in the inputs`);
    else refs.push({ layer: 'identity-based', policy: arn, attachedTo: of, document: m.document });
  };
  for (const i of p.inline) inline(i, owner);
  for (const arn of p.managed) managed(arn, owner);
  for (const g of p.groups) {
    const group = index.group(g);
    if (group === null) {
      missing.push(`group ${g} of ${owner} is not in the inputs`);
      continue;
    }
    for (const i of group.inline) inline(i, `group ${group.arn}`);
    for (const arn of group.managed) managed(arn, `group ${group.arn}`);
  }
  return { refs, missing };
}

function boundaryOf(p: ExportedPrincipal, index: StoreIndex): { refs: PolicyRef[] | null; missing: string | null } {
  if (p.boundary === null) return { refs: null, missing: null };
  const m = index.managed(p.boundary);
  if (m === null)
    return {
      refs: [placeholder('permissions-boundary', `permissions boundary ${p.boundary}`)],
      missing: `permissions boundary ${p.boundary} of ${p.kind} ${p.arn} is not in the inputs`,
    };
  return { refs: [{ layer: 'permissions-boundary', policy: p.boundary, attachedTo: `${p.kind} ${p.arn}`, document: m.document }], missing: null };
}

/** SCP levels from the root to the account; null when the account is in no exported organization. */
function scpLevels(account: string, index: StoreIndex): { levels: OrgLevel[]; missing: string | null; org: PrincipalSide['org'] } {
  const place = index.orgPlace(account);
  if (place === null) {
    const why = index.store.orgs.length === 0 ? 'no organization export is in the inputs' : `account ${account} is in no exported organization`;
    return { levels: [{ id: 'organization', policies: [placeholder('service-control-policy', 'SCPs (not in the inputs)')] }], missing: why, org: null };
  }
  const { org, path } = place;
  const orgPath = `${org.id}/${path.join('/')}/`;
  if (org.managementAccount === account) return { levels: [], missing: null, org: { id: org.id, path: orgPath } }; // SCPs do not bind the management account
  const levels: OrgLevel[] = [];
  const absent: string[] = [];
  const where = (id: string) =>
    id === org.root ? `root ${id}` : id === account ? `account ${id}` : `OU ${[...path.slice(0, path.indexOf(id) + 1)].join('/')}`;
  for (const id of [...path, account]) {
    const policies: PolicyRef[] = [];
    for (const pid of org.scps[id] ?? []) {
      const p = org.policies[pid];
      if (p === undefined) absent.push(`SCP ${pid} attached to ${where(id)} is not in the inputs`);
      else policies.push({ layer: 'service-control-policy', policy: p.name, attachedTo: where(id), document: p.document });
    }
    levels.push({ id, policies });
  }
  if (absent.length > 0)
    return {
      levels: [{ id: 'organization', policies: [placeholder('service-control-policy', 'SCPs (incomplete)')] }],
      missing: absent.join('; '),
      org: { id: org.id, path: orgPath },
    };
  return { levels, missing: null, org: { id: org.id, path: orgPath } };
}

function state(layer: LayerState['layer'], missing: string | null, essential = false): LayerState {
  return missing === null ? { layer, supplied: true, essential } : { layer, supplied: false, essential, why: missing };
}

export function principalSide(d: Denial, facts: RequestFacts | null, index: StoreIndex): PrincipalSide | string {
  const type = d.principalType;
  const notes: string[] = [];
  const layers: LayerState[] = [];
  const base = { tags: null, org: null, identity: null, boundary: null, session: null, scps: [], layers, notes };
  if (d.principal === 'anonymous') return { ...base, principal: { type: 'Anonymous' }, label: 'an anonymous caller', principalArn: null, account: '' };
  if (type === 'AWSService') return { ...base, principal: d.principal, label: `service ${d.principal}`, principalArn: null, account: '' };
  if (type === 'WebIdentityUser' && facts !== null && facts.identityProvider !== '') {
    const provider = facts.identityProvider.startsWith('arn:') ? facts.identityProvider : `arn:aws:iam::${d.account}:oidc-provider/${facts.identityProvider}`;
    // the engine's catalogue has no keys of identity providers (token.actions.githubusercontent.com:sub …)
    notes.push(
      `the evaluation engine does not check the identity provider's condition keys; the event's subject is ${JSON.stringify(facts.userName || d.principal)}`,
    );
    return { ...base, principal: provider, label: `web identity ${d.principal} of ${provider}`, principalArn: null, account: d.account };
  }
  const account = d.callerAccount ?? accountOf(d.principal);
  let principal: string;
  let identityArn: string;
  let label: string;
  if (type === 'AssumedRole') {
    const m = ROLE.exec(d.principal);
    if (m === null || d.sessionName === null) return `the role session of ${d.principal} is not named in the event`;
    principal = facts?.arn || `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${d.sessionName}`;
    identityArn = d.principal;
    label = `role ${d.principal}`;
  } else if (type === 'FederatedUser') {
    if (facts === null || facts.issuerArn === '') return `the IAM user that issued federated user ${d.principal} is not in the event`;
    principal = d.principal;
    identityArn = facts.issuerArn;
    label = `federated user ${d.principal} (issued by ${facts.issuerArn})`;
  } else if (type === 'IAMUser' || type === 'Root') {
    principal = d.principal;
    identityArn = d.principal;
    label = type === 'Root' ? `the root user of account ${account}` : `user ${d.principal}`;
  } else if (type === 'AWSAccount' && /^aws-account:\d{12}$/.test(d.principal)) {
    // the resource owner's trail names only the calling account: evaluated as the account
    const acct = d.principal.slice('aws-account:'.length);
    notes.push(`the caller in account ${acct} is not named in the event: evaluated as the account`);
    layers.push(state('identity-based', `the identity-based policies of the caller in account ${acct} (not named in the event)`, true));
    return {
      ...base,
      principal: `arn:aws:iam::${acct}:root`,
      label: `a principal of account ${acct}`,
      principalArn: null,
      account: acct,
      identity: [placeholder('identity-based', `identity-based policies of account ${acct}`)],
    };
  } else return `a ${type || 'principal'} caller (${d.principal}) is not one the exports describe`;

  const scp = scpLevels(account, index);
  const serviceLinked = /:role\/aws-service-role\//.test(identityArn);
  if (!serviceLinked && scp.levels.length > 0) layers.push(state('service-control-policy', scp.missing));
  const out: PrincipalSide = {
    ...base,
    principal,
    label,
    principalArn: type === 'AssumedRole' ? identityArn : principal,
    account,
    org: scp.org,
    scps: serviceLinked ? [] : scp.levels,
  };
  if (type === 'Root') {
    layers.push(state('identity-based', null, true));
    out.identity = [{ layer: 'identity-based', policy: 'the root user: every action in its own account', attachedTo: null, document: ALLOW_ALL }];
    return out;
  }
  const p = index.principal(identityArn);
  if (p === null) {
    const why = index.store.identityAccounts.includes(account)
      ? `${identityArn} is not in the export of account ${account}`
      : `no export of account ${account}'s IAM is in the inputs`;
    layers.push(state('identity-based', why, true));
    out.identity = [placeholder('identity-based', `identity-based policies of ${identityArn}`)];
    if (type !== 'FederatedUser') layers.push(state('permissions-boundary', why));
    out.boundary = type === 'FederatedUser' ? null : [placeholder('permissions-boundary', `permissions boundary of ${identityArn}`)];
  } else {
    out.tags = p.tags;
    const { refs, missing } = policiesOf(p, index);
    layers.push(state('identity-based', missing.length > 0 ? missing.join('; ') : null, true));
    out.identity = missing.length > 0 ? [placeholder('identity-based', `identity-based policies of ${p.arn} (incomplete)`)] : refs;
    const boundary = boundaryOf(p, index);
    if (p.boundary !== null) layers.push(state('permissions-boundary', boundary.missing));
    out.boundary = boundary.refs;
  }
  if (type === 'AssumedRole' || type === 'FederatedUser') {
    const sp = index.sessionPolicy(principal);
    if (sp !== null) {
      layers.push(state('session-policy', null));
      out.session = { layer: 'session-policy', policy: sp.policy.name, attachedTo: `sessions ${sp.sessions}`, document: sp.policy.document };
    } else if (!index.hasSessionPolicies || type === 'FederatedUser') {
      // a federated user always has one (GetFederationToken grants nothing without it)
      layers.push(state('session-policy', 'session policies are in neither export (see the README: session policies)', type === 'FederatedUser'));
      out.session = placeholder('session-policy', 'session policy (not in the inputs)');
    }
  }
  return out;
}
