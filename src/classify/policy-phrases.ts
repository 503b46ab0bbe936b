// How AWS names each policy type inside "with an explicit deny in a …" and "because no … allows".
import type { PolicyType } from '../types.js';

export interface PolicyPhrase {
  phrase: string; // as AWS writes it (matched case-insensitively)
  policyType: PolicyType;
}

// Longest first, so "permissions boundary policy" wins over "permissions boundary".
// prettier-ignore
export const POLICY_PHRASES: readonly PolicyPhrase[] = [
  { phrase: 'permissions boundary policy', policyType: 'permissions-boundary' },
  { phrase: 'resource control policy', policyType: 'resource-control-policy' },
  { phrase: 'service control policy', policyType: 'service-control-policy' },
  { phrase: 'identity-based policy', policyType: 'identity-based' },
  { phrase: 'resource-based policy', policyType: 'resource-based' },
  { phrase: 'permissions boundary', policyType: 'permissions-boundary' }, // the usual form: no word "policy"
  { phrase: 'VPC endpoint policy', policyType: 'vpc-endpoint-policy' },
  { phrase: 'role trust policy', policyType: 'role-trust-policy' },
  { phrase: 'sessions policy', policyType: 'session-policy' }, // AWS has shipped this misspelling
  { phrase: 'session policy', policyType: 'session-policy' },
  { phrase: 'trust policy', policyType: 'role-trust-policy' },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source of an alternation over every phrase, for use inside the reason patterns. */
export const POLICY_PHRASE_SOURCE = POLICY_PHRASES.map((p) => escape(p.phrase)).join('|');

export function policyTypeOfPhrase(phrase: string): PolicyType {
  const lower = phrase.toLowerCase();
  return POLICY_PHRASES.find((p) => p.phrase.toLowerCase() === lower)?.policyType ?? 'unspecified';
}

/** Partitions where ARNs appear: commercial, China, GovCloud (and the isolated ones, leniently). */
export const PARTITION_SOURCE = 'aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?';

// A placeholder people leave in (or redact to) when they paste: <ACCOUNT_ID>, ${AWS::Region}, {{region}}.
const PLACEHOLDER = String.raw`(?:<[^<>\s]{1,40}>|\$\{[^{}\s]{1,40}\}|\{\{[^{}\s]{1,40}\}\})`;
const SEGMENT = `(?:${PLACEHOLDER}|[a-z0-9-])*`;

/** An ARN as it appears in a message, ending before a closing period, quote or space; placeholders allowed. */
export const ARN_SOURCE = `arn:(?:${PARTITION_SOURCE}|${PLACEHOLDER}):${SEGMENT}:${SEGMENT}:[^\\s"]*?(?=\\.?(?:[\\s"]|$))`;
