// What people paste around AWS's sentence: the SDKs' and tools' error wrappers. Each row finds its
// wrapper anywhere in the text and may give the error code, the operation and the SDK's service name;
// `cut` says what stays for the sentence parser: what follows a prefix, what precedes a suffix, or
// the quoted message. Outer wrappers come first; a field found once is kept.
//
//   unwrap('fatal error: An error occurred (403) when calling the HeadObject operation: Forbidden')
//   → { inner: 'Forbidden', code: '403', operation: 'HeadObject', … }
import type { SourceId } from './table-sources.js';

export interface WrapperRow {
  id: string;
  regex: RegExp; // named groups: code, operation, service, inner
  /** 'after': keep what follows the match; 'remove': drop the match, keep the rest; 'inner': keep the group. */
  cut: 'after' | 'remove' | 'inner';
  example: string; // a real-shaped paste (source in `seen`)
  seen: string; // where this shape was seen
  ref: SourceId;
}

// prettier-ignore
export const WRAPPERS: readonly WrapperRow[] = [
  {
    // CloudFormation's resource handlers quote the service's message and add their own code
    id: 'cloudformation-handler',
    regex: /Resource handler returned message:\s*"(?<inner>[\s\S]*)"\s*\(RequestToken:[^,)]*,\s*HandlerErrorCode:\s*(?<code>\w+)\)/,
    cut: 'inner',
    example: 'Resource handler returned message: "User: arn:aws:sts::111122223333:assumed-role/cfn-exec/AWSCloudFormation is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/app-role because no identity-based policy allows the iam:CreateRole action (Service: Iam, Status Code: 403, Request ID: 6a1b2c3d-0000-4000-8000-000000000001)" (RequestToken: 0f1e2d3c-0000-4000-8000-000000000002, HandlerErrorCode: AccessDenied)',
    seen: 'CloudFormation stack events (CREATE_FAILED status reason), as quoted in aws-cloudformation and aws-cdk issue threads',
    ref: 'sdkErrors',
  },
  {
    id: 'botocore-client-error',
    regex: /An error occurred \((?<code>[^)\s]+)\)(?: \(reached max retries: \d+\))? when calling the (?<operation>\w+) operation(?: \(reached max retries: \d+\))?:\s*/,
    cut: 'after',
    example: 'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
    seen: 'AWS CLI v1/v2 and boto3 (botocore ClientError); `aws s3 cp` prefixes it with "upload failed: … " or "fatal error: "',
    ref: 'sdkErrors',
  },
  {
    id: 'boto2-client-error',
    regex: /A client error \((?<code>[^)\s]+)\) occurred when calling the (?<operation>\w+) operation:\s*/,
    cut: 'after',
    example: 'A client error (AccessDenied) occurred when calling the GetUser operation: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: iam:GetUser on resource: arn:aws:iam::111122223333:user/ci',
    seen: 'AWS CLI before 1.10 (botocore of 2015), in Stack Overflow and GitHub issue threads',
    ref: 'sdkErrors',
  },
  {
    // Go SDK v2 (Terraform AWS provider 4+): operation error <Service ID>: <Op>, https response error …
    id: 'go-sdk-v2-operation-error',
    regex: /operation error (?<service>[A-Za-z0-9][A-Za-z0-9 .-]*?):\s*(?<operation>\w+),\s*(?:exceeded maximum number of attempts, \d+,\s*)?https response error StatusCode:\s*\d+,\s*RequestID:\s*[^,]*,(?:\s*HostID:\s*[^,]*,)?\s*(?:api error\s+(?<code>[A-Za-z0-9.]+):\s*)?/,
    cut: 'after',
    example: 'operation error S3: PutObject, https response error StatusCode: 403, RequestID: 4Q3JX0EXAMPLE, HostID: a1b2c3EXAMPLE=, api error AccessDenied: Access Denied',
    seen: 'aws-sdk-go-v2 smithy OperationError, as Terraform AWS provider v4/v5 prints it (hashicorp/terraform-provider-aws issues)',
    ref: 'sdkErrors',
  },
  {
    // Java SDK v1 suffix: (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: …)
    id: 'java-sdk-v1-suffix',
    regex: /\s*\(Service:\s*(?<service>[^;)]+);\s*Status Code:\s*\d+;\s*Error Code:\s*(?<code>[^;)\s]+);\s*Request ID:[^)]*\)/,
    cut: 'remove',
    example: 'Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 8E1CEXAMPLE; S3 Extended Request ID: uvw=; Proxy: null)',
    seen: 'AWS SDK for Java 1.x AmazonServiceException.getMessage(), in Spark, EMR and CloudFormation output',
    ref: 'sdkErrors',
  },
  {
    // Java SDK v2 suffix: (Service: S3, Status Code: 403, Request ID: …, Extended Request ID: …)
    id: 'java-sdk-v2-suffix',
    regex: /\s*\(Service:\s*(?<service>[^,;)]+),\s*Status Code:\s*\d+,\s*Request ID:[^)]*\)(?:\s*\(SDK Attempt Count:\s*\d+\))?/,
    cut: 'remove',
    example: 'User: arn:aws:sts::111122223333:assumed-role/emr/i-1 is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-0000-4000-8000-000000000003 because no identity-based policy allows the kms:Decrypt action (Service: Kms, Status Code: 400, Request ID: 1b2c3d4e-0000-4000-8000-000000000004) (SDK Attempt Count: 1)',
    seen: 'AWS SDK for Java 2.x AwsServiceException.getMessage(), also inside CloudFormation handler messages',
    ref: 'sdkErrors',
  },
  {
    // Go SDK v1 (Terraform before provider 4): "<Code>: <message>\n\tstatus code: 403, request id: …"
    id: 'go-sdk-v1-status-suffix',
    regex: /\s*status code:\s*\d+,\s*request id:\s*[\w-]*(?:,\s*host id:\s*\S*)?/i,
    cut: 'remove',
    example: 'UnauthorizedOperation: You are not authorized to perform this operation.\n\tstatus code: 403, request id: d7393c54-8a58-48cf-b3dd-dc05113c62fd',
    seen: 'aws-sdk-go v1 awserr.RequestFailure, as old Terraform printed it (hashicorp/terraform issue 23918, terraform-provider-aws issue 29710)',
    ref: 'sdkErrors',
  },
  {
    // Cloud Control API puts the handler's code after the message, in either order
    id: 'cloud-control-handler-suffix',
    regex: /\s*\((?:HandlerErrorCode:\s*(?<code>\w+),\s*RequestToken:[^)]*|RequestToken:[^,)]*,\s*HandlerErrorCode:\s*(?<code2>\w+))\)/,
    cut: 'remove',
    example: 'AWS::CloudFormation::HookVersion Handler returned status FAILED: The security token included in the request is invalid (Service: CloudFormation, Status Code: 403, Request ID: 0fce0fb9-3d12-4448-b759-28b31b5416c9) (HandlerErrorCode: AccessDenied, RequestToken: 1ad82714-85a2-4c5c-9191-3b5f34ff713e)',
    seen: 'aws cloudcontrol list-resources (aws-cloudformation-resource-providers-cloudformation issue 113)',
    ref: 'sdkErrors',
  },
  {
    // ECR's registry answers docker with "denied: <IAM sentence>"
    id: 'docker-registry-denied',
    regex: /(?:^|[\s:])denied:\s+(?=\S)/,
    cut: 'after',
    example: 'denied: User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:111122223333:repository/app because no identity-based policy allows the ecr:InitiateLayerUpload action',
    seen: 'docker push to Amazon ECR (aws/containers-roadmap and docker/build-push-action issue threads)',
    ref: 'sdkErrors',
  },
  {
    // A bare code before the message: "AccessDeniedException: …", "UnauthorizedOperation: …" (JS SDK v3,
    // Go SDK v1, Terraform). Only words shaped like AWS codes, so "User: arn:…" is never taken for one.
    id: 'bare-code-prefix',
    regex: /(?:^|[\s:])(?<code>(?:Client\.)?(?:AccessDenied|AccessDeniedException|UnauthorizedOperation|AuthFailure|AuthorizationError|ExpiredToken|ExpiredTokenException|InvalidClientTokenId|UnrecognizedClientException|SignatureDoesNotMatch|InvalidSignatureException|InvalidAccessKeyId|MissingAuthenticationToken|OptInRequired|[A-Z][A-Za-z]+(?:Exception|Fault)|[A-Z][A-Za-z]+(?:\.[A-Za-z]+)+)):\s+(?=\S)/,
    cut: 'after',
    example: 'AccessDeniedException: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: lambda:GetFunction on resource: arn:aws:lambda:us-east-1:111122223333:function:api because no identity-based policy allows the lambda:GetFunction action',
    seen: 'AWS SDK for JavaScript v3 (error.name: message), aws-sdk-go v1, Terraform before provider 4',
    ref: 'sdkErrors',
  },
  {
    id: 'cli-fatal-error',
    regex: /(?:^|\s)fatal error:\s+/,
    cut: 'after',
    example: 'fatal error: Unable to locate credentials',
    seen: 'aws s3 cp / sync (awscli/customizations/s3)',
    ref: 'sdkErrors',
  },
];

export interface Unwrapped {
  inner: string;
  code: string | null;
  operation: string | null;
  sdkService: string | null;
  matched: string[];
}

/** Terraform draws its errors in a box ("│ Error: …") and wraps long lines at spaces: undo both. */
export function flatten(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s│╷╵]+/, '').trim())
    .filter((line) => line !== '')
    .join(' ');
}

const MAX_PASSES = 12; // each pass removes one wrapper; nothing real nests deeper

export function unwrap(text: string): Unwrapped {
  const out: Unwrapped = { inner: flatten(text), code: null, operation: null, sdkService: null, matched: [] };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const hit = WRAPPERS.find((row) => !out.matched.includes(row.id) && row.regex.test(out.inner));
    if (hit === undefined) break;
    const m = hit.regex.exec(out.inner) as RegExpExecArray;
    const g = m.groups ?? {};
    out.matched.push(hit.id);
    out.code ??= g.code ?? g.code2 ?? null;
    out.operation ??= g.operation ?? null;
    out.sdkService ??= g.service?.trim() ?? null;
    if (hit.cut === 'inner') out.inner = (g.inner ?? '').trim();
    else if (hit.cut === 'after') out.inner = out.inner.slice(m.index + m[0].length).trim();
    else out.inner = (out.inner.slice(0, m.index) + ' ' + out.inner.slice(m.index + m[0].length)).trim();
  }
  return out;
}
