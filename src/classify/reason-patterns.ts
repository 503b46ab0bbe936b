// The reason table: the clause after the resource that says which policy type refused and how.
// Each row sees the clause from "with an explicit deny" / "because" to the end of the sentence.
import { ARN_SOURCE, POLICY_PHRASE_SOURCE, policyTypeOfPhrase } from './policy-phrases.js';
import type { Contribution, Groups, PatternRow } from './message-types.js';

// "…policy: arn:aws:organizations::…", "…boundary: arn:aws:iam::…" and EC2's "…policy arn:… (Name)."
const POLICY_ARN = new RegExp(`^\\s*:?\\s*(?<arn>${ARN_SOURCE})`);

function policyArnOf(suffix: string | undefined): Contribution {
  const arn = POLICY_ARN.exec(suffix ?? '')?.groups?.arn;
  return arn === undefined ? {} : { policyArn: arn };
}

const byPhrase = (g: Groups): Contribution => ({
  policyType: policyTypeOfPhrase(g.phrase ?? ''),
  ...policyArnOf(g.suffix),
});

// prettier-ignore
export const REASONS: readonly PatternRow[] = [
  {
    // The Deny sits in a VPC endpoint policy that reached the request by way of an SCP-governed
    // path. We file it under the endpoint policy (where the Deny statement lives) and add the
    // `transitive-scp` hint so the advice also sends the reader to the SCPs.
    id: 'explicit-vpce-through-scp',
    regex: /^with an explicit deny in (?:a|an|the) VPC endpoint policy transitively through (?:a|an|the) service control policy(?<suffix>[\s\S]*)$/i,
    example:
      'User: arn:aws:sts::111122223333:assumed-role/Deployer/ci is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::artifacts-prod/build.zip" with an explicit deny in a VPC endpoint policy transitively through a service control policy',
    denyKind: 'explicit',
    policyType: 'vpc-endpoint-policy',
    hints: ['transitive-scp'],
    derive: (g) => policyArnOf(g.suffix),
  },
  {
    id: 'explicit-deny-in-policy',
    regex: new RegExp(`^with an explicit deny in (?:a|an|the) (?<phrase>${POLICY_PHRASE_SOURCE})\\b(?<suffix>[\\s\\S]*)$`, 'i'),
    example:
      'User: arn:aws:iam::111122223333:user/ops is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/i-0abc with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-a1b2c3/service_control_policy/p-denyterm',
    denyKind: 'explicit',
    derive: byPhrase,
  },
  {
    // Older services stop after "explicit deny" without naming the policy type.
    id: 'explicit-deny-bare',
    regex: /^with an explicit deny(?!\s+in\b)/i,
    example:
      'User: arn:aws:iam::111122223333:user/tester is not authorized to perform: ec2:RunInstances on resource: role TestReadOnly with an explicit deny',
    denyKind: 'explicit',
    policyType: 'unspecified',
  },
  {
    // The action named in this clause has differed from the main one in shipped messages; the main
    // action is the one kept.
    id: 'implicit-no-policy-allows',
    regex: new RegExp(`^because no (?<phrase>${POLICY_PHRASE_SOURCE})\\b(?<suffix>[\\s\\S]*)$`, 'i'),
    example:
      'User: arn:aws:sts::111122223333:assumed-role/Analyst/ana is not authorized to perform: athena:StartQueryExecution on resource: arn:aws:athena:us-east-1:111122223333:workgroup/primary because no session policy allows the athena:StartQueryExecution action',
    denyKind: 'implicit',
    derive: (g) => {
      const afterAction = /allows?\s+the\s+\S+\s+action(?<rest>[\s\S]*)$/.exec(g.suffix ?? '')?.groups?.rest;
      return { policyType: policyTypeOfPhrase(g.phrase ?? ''), ...policyArnOf(afterAction ?? g.suffix) };
    },
  },
  {
    // KMS cannot tell a missing key from a key policy that refuses, and says so.
    id: 'kms-key-policy-or-missing',
    regex: /^because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access/i,
    example:
      'User: arn:aws:sts::111122223333:assumed-role/lambda-exec/fn is not authorized to perform: kms:Decrypt on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access',
    denyKind: 'unspecified',
    policyType: 'resource-based',
    hints: ['kms-cross-account'],
  },
  {
    // Block Public Access acts like an explicit deny that overrides every Allow.
    id: 's3-block-public-access',
    regex: /^because\b[\s\S]*?(?:Block Public Access|BlockPublicAcls|BlockPublicPolicy|IgnorePublicAcls|RestrictPublicBuckets)/i,
    example:
      'User: arn:aws:iam::111122223333:user/web-admin is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::public-site" because public policies are blocked by the BlockPublicPolicy block public access setting.',
    denyKind: 'explicit',
    policyType: 's3-block-public-access',
  },
];
