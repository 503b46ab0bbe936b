// The resource's side of a request: which resource (from the denial, else a name the exports
// resolve), its account, and the policies that apply to it: its resource-based policy (a role's trust
// policy for sts:AssumeRole*), the RCPs of its account, and the VPC endpoint's policy.
import type { Denial, RequestFacts } from '../types.js';
import { LAYER_LABELS, RCP_SERVICES, RESOURCE_POLICY_SERVICES, TRUST_ACTIONS } from './layers.js';
import { ALLOW_ALL_PRINCIPALS, allowAccount, placeholder, type EvalRequest, type LayerState, type OrgLevel, type PolicyRef } from './request-types.js';
import { accountOf, type StoreIndex } from './store-index.js';

export interface ResourceSide {
  resource: string; // as simulated: '*' when unknown
  shown: string | null;
  known: boolean;
  account: string;
  resourcePolicy: PolicyRef | null;
  rcps: OrgLevel[];
  vpce: PolicyRef[] | null;
  layers: LayerState[];
  notes: string[];
}

/**
 * A wildcard in a resource AWS names (`…:stack/app/*`, `…:instance/*`, `…:log-group:x:*`) is part of
 * the name asked for, not a pattern: AWS matches policies against it as written. The engine would
 * read it as a pattern, so it gets a stand-in character a policy's `*` matches and a literal does not.
 */
export const LITERAL_STAR = '\u2217';

/** What a message names when it names no ARN: `role audit-readonly`, `user ci-legacy`. */
const NAMED = /^(role|user) ([\w+=,.@-]+)$/;

function resolve(d: Denial, facts: RequestFacts | null, index: StoreIndex): string | null {
  if (d.resource !== null && d.resource.startsWith('arn:')) return d.resource;
  const named = d.resource === null ? null : NAMED.exec(d.resource);
  const kind = named?.[1] as 'role' | 'user' | undefined;
  const name = named?.[2] ?? (facts?.names.roleName !== undefined ? facts.names.roleName : facts?.names.userName);
  const nameKind = kind ?? (facts?.names.roleName !== undefined ? 'role' : facts?.names.userName !== undefined ? 'user' : undefined);
  if (name !== undefined && nameKind !== undefined) {
    const p = index.principalByName(nameKind, d.account, name);
    if (p !== null) return p.arn;
  }
  if (facts?.names.roleArn?.startsWith('arn:') && /^sts:AssumeRole/i.test(d.action)) return facts.names.roleArn;
  // a queue being created is named by its name: its ARN follows (Amazon SQS resource types)
  const queue = facts?.names.queueName;
  if (queue !== undefined && /^sqs:CreateQueue$/i.test(d.action) && /^[\w-]{1,80}(\.fifo)?$/.test(queue) && /^\d{12}$/.test(d.account) && d.region !== '')
    return `arn:aws:sqs:${d.region}:${d.account}:${queue}`;
  return null;
}

/**
 * Actions that create the resource they name: it has no resource-based policy yet, so that layer does
 * not apply (the Service Authorization Reference lists each under the resource type it creates).
 */
const CREATES = new Set([
  's3:createbucket',
  'sqs:createqueue',
  'sns:createtopic',
  'lambda:createfunction',
  'secretsmanager:createsecret',
  'dynamodb:createtable',
  'ecr:createrepository',
  'kms:createkey',
]);
const creates = (action: string): boolean => CREATES.has(action.toLowerCase());

function state(layer: LayerState['layer'], missing: string | null, essential: boolean): LayerState {
  return missing === null ? { layer, supplied: true, essential } : { layer, supplied: false, essential, why: missing };
}

export function resourceSide(d: Denial, facts: RequestFacts | null, callerAccount: string, index: StoreIndex): ResourceSide {
  const arn = resolve(d, facts, index);
  const service = d.action.slice(0, d.action.indexOf(':')).toLowerCase();
  const layers: LayerState[] = [];
  const notes: string[] = [];
  const found = arn === null ? null : index.resource(arn);
  // S3 ARNs carry no account: the bucket's owner is the account the store has it in, else the trail's recipient
  const account = (arn === null ? '' : accountOf(arn)) || found?.account || d.account;
  const out: ResourceSide = {
    resource: arn === null ? '*' : arn.replaceAll('*', LITERAL_STAR),
    shown: arn ?? d.resource,
    known: arn !== null,
    account,
    resourcePolicy: null,
    rcps: [],
    vpce: null,
    layers,
    notes,
  };
  if (arn === null && d.resource !== null && d.resource !== '*') notes.push(`the resource "${d.resource}" is not an ARN the exports resolve`);
  const crossAccount = callerAccount !== '' && account !== '' && callerAccount !== account;

  if (TRUST_ACTIONS.includes(d.action.toLowerCase()) && arn !== null) {
    const role = index.principal(arn);
    if (role?.trust != null)
      out.resourcePolicy = { layer: 'role-trust-policy', policy: `trust policy of ${role.arn}`, attachedTo: `role ${role.arn}`, document: role.trust.document };
    else {
      layers.push(state('role-trust-policy', `the trust policy of ${arn} is not in the inputs`, true));
      out.resourcePolicy = placeholder('role-trust-policy', `trust policy of ${arn}`, allowAccount(callerAccount));
    }
    if (out.resourcePolicy.placeholder !== true) layers.push(state('role-trust-policy', null, true));
  } else if (arn !== null && Object.hasOwn(RESOURCE_POLICY_SERVICES, service) && !creates(d.action)) {
    const essential = crossAccount || RESOURCE_POLICY_SERVICES[service].required;
    if (found === null) {
      layers.push(state('resource-based', `${arn} is not in the inputs (${LAYER_LABELS['resource-based'].plural} come from an iam-collect store)`, essential));
      out.resourcePolicy = placeholder('resource-based', `resource-based policy of ${arn}`, allowAccount(callerAccount));
    } else {
      layers.push(state('resource-based', null, essential));
      if (found.policy !== null)
        out.resourcePolicy = {
          layer: 'resource-based',
          policy: `${service === 's3' ? 'bucket policy' : service === 'kms' ? 'key policy' : 'resource policy'} of ${found.arn}`,
          attachedTo: null,
          document: found.policy.document,
        };
    }
  }

  if (RCP_SERVICES.includes(service) && account !== '') {
    const place = index.orgPlace(account);
    if (place === null)
      layers.push(
        state(
          'resource-control-policy',
          index.store.orgs.length === 0 ? 'no organization export is in the inputs' : `account ${account} is in no exported organization`,
          false,
        ),
      );
    else if (place.org.managementAccount !== account) {
      const { org, path } = place;
      const absent: string[] = [];
      out.rcps = [...path, account].map((id) => ({
        id,
        policies: (org.rcps[id] ?? []).flatMap((pid) => {
          const p = org.policies[pid];
          if (p === undefined) absent.push(`RCP ${pid} is not in the inputs`);
          const where = id === org.root ? `root ${id}` : id === account ? `account ${id}` : `OU ${path.slice(0, path.indexOf(id) + 1).join('/')}`;
          return p === undefined ? [] : [{ layer: 'resource-control-policy' as const, policy: p.name, attachedTo: where, document: p.document }];
        }),
      }));
      layers.push(state('resource-control-policy', absent.length > 0 ? absent.join('; ') : null, false));
      if (absent.length > 0) out.rcps = [];
    }
  }

  const endpoint = facts?.vpcEndpointId ?? '';
  if (endpoint !== '') {
    const v = index.vpcEndpoint(endpoint);
    if (v === null) {
      layers.push(state('vpc-endpoint-policy', `VPC endpoint ${endpoint} is not in the inputs`, false));
      out.vpce = [placeholder('vpc-endpoint-policy', `policy of VPC endpoint ${endpoint}`, ALLOW_ALL_PRINCIPALS)];
    } else {
      layers.push(state('vpc-endpoint-policy', null, false));
      out.vpce =
        v.policy === null
          ? null
          : [
              {
                layer: 'vpc-endpoint-policy',
                policy: `policy of VPC endpoint ${v.id}`,
                attachedTo: `VPC endpoint ${v.id} in account ${v.account}`,
                document: v.policy.document,
              },
            ];
    }
  }
  return out;
}

/**
 * An action of no resource type (sns:ListTopics, kms:ListKeys: "*" in the Service Authorization
 * Reference) is authorized on "*": there is no resource, so no resource-based policy can grant or
 * refuse it, whatever name the message gave (`arn:aws:sns:us-east-1:111122223333:*`).
 */
export function onNoResource(r: EvalRequest): EvalRequest {
  return {
    ...r,
    resource: '*',
    resourceKnown: true,
    resourceShown: r.resourceShown ?? '*',
    resourcePolicy: r.resourcePolicy?.layer === 'resource-based' ? null : r.resourcePolicy,
    layers: r.layers.filter((l) => l.layer !== 'resource-based'),
  };
}
