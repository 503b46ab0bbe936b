// Display names and CSS classes for the fixed vocabulary. Class names are looked up in these tables,
// never built from data: a summary.json edited by hand cannot smuggle text into a class attribute.
import type { DenyKind, PolicyType } from '../types.js';

const POLICY_TYPE_LABELS: Record<PolicyType, string> = {
  'identity-based': 'Identity-based policy',
  'resource-based': 'Resource-based policy',
  'permissions-boundary': 'Permissions boundary',
  'service-control-policy': 'Service control policy (SCP)',
  'resource-control-policy': 'Resource control policy (RCP)',
  'session-policy': 'Session policy',
  'vpc-endpoint-policy': 'VPC endpoint policy',
  'role-trust-policy': 'Role trust policy',
  's3-block-public-access': 'S3 Block Public Access',
  unspecified: 'Not stated in the message',
};

const DENY_KIND_LABELS: Record<DenyKind, string> = {
  explicit: 'explicit deny',
  implicit: 'implicit deny (no Allow)',
  unspecified: 'not stated',
};

function isPolicyType(key: string): key is PolicyType {
  return Object.hasOwn(POLICY_TYPE_LABELS, key);
}

function isDenyKind(key: string): key is DenyKind {
  return Object.hasOwn(DENY_KIND_LABELS, key);
}

export function policyTypeLabel(key: string): string {
  return isPolicyType(key) ? POLICY_TYPE_LABELS[key] : key;
}

export function policyTypeClass(key: string): string {
  return isPolicyType(key) ? `pt-${key}` : 'pt-other';
}

export function denyKindLabel(key: string): string {
  return isDenyKind(key) ? DENY_KIND_LABELS[key] : key;
}

export function denyKindClass(key: string): string {
  return isDenyKind(key) ? `dk-${key}` : 'dk-other';
}

/** The policy type and deny kind of a row, with the label and style class templates show them with. */
export function kindFields<P extends string, D extends string>(row: { policyType: P; denyKind: D }) {
  return {
    policyType: row.policyType,
    policyTypeLabel: policyTypeLabel(row.policyType),
    policyTypeClass: policyTypeClass(row.policyType),
    denyKind: row.denyKind,
    denyKindClass: denyKindClass(row.denyKind),
  };
}

const CAUSE_KIND_LABELS: Record<string, string> = {
  'explicit-deny': 'Explicit deny',
  'implicit-deny': 'No Allow (implicit deny)',
  'allowed-now': 'Allowed now',
  undetermined: 'Undetermined',
};

/** What the exported policies say of a request (--policies: Cause.kind). */
export const causeKindLabel = (k: string): string => CAUSE_KIND_LABELS[k] ?? k;

export const causeKindClass = (k: string): string => (Object.hasOwn(CAUSE_KIND_LABELS, k) ? `ck-${k}` : 'ck-other');
