// Hints read from a refused request's parameters, for the few calls whose parameters decide whether
// the attempt matters (findings/sensitive-actions.ts): a RunInstances of an accelerated-computing type,
// a DescribeInstanceAttribute of the user data. Only error records get here, and only these event
// names are looked at further: nothing is added to the records without an error.
import { at, field, text } from './coerce.js';
import type { Hint } from '../types.js';

/**
 * Accelerated-computing families (GPU, Inferentia, Trainium, FPGA, Gaudi, video transcoding), from AWS
 * "Amazon EC2 instance types: Accelerated computing"; the type is `requestParameters.instanceType`, a
 * string or `{"value": …}` (Panther aws_ec2_launch_unusual_ec2_instances.py reads it the same way).
 */
const ACCELERATED =
  /^(?:p2|p3|p3dn|p4d|p4de|p5|p5e|p5en|p6-b200|p6e-gb200|g3|g3s|g4ad|g4dn|g5|g5g|g6|g6e|g6f|gr6|gr6f|dl1|dl2q|trn1|trn1n|trn2|trn2u|inf1|inf2|f1|f2|vt1)\./i;

function instanceType(record: unknown): string {
  const v = at(record, 'requestParameters', 'instanceType');
  return typeof v === 'string' ? v : text(at(v, 'value'));
}

// Each row: the hint, the event it applies to, the test on the record. Examples run in test/classify/request-hints.test.ts.
// `params`: the requestParameters paths the test reads (the SQL path carries just these: src/sql/record-columns.ts).
export const REQUEST_HINTS: readonly {
  hint: Hint;
  eventName: string;
  test: (record: unknown) => boolean;
  params: readonly string[][];
  example: Record<string, unknown>;
}[] = [
  {
    hint: 'gpu-instance',
    eventName: 'RunInstances',
    test: (r) => ACCELERATED.test(instanceType(r)),
    params: [['instanceType']],
    example: { instanceType: 'p4d.24xlarge' },
  },
  {
    hint: 'user-data',
    eventName: 'DescribeInstanceAttribute',
    test: (r) => text(at(r, 'requestParameters', 'attribute')) === 'userData',
    params: [['attribute']],
    example: { attribute: 'userData', instanceId: 'i-0abc123def4567890' },
  },
];

export const REQUEST_HINT_PATHS: readonly (readonly string[])[] = REQUEST_HINTS.flatMap((r) => r.params);

export function requestHints(record: unknown): Hint[] {
  const name = text(field(record, 'eventName'));
  const out: Hint[] = [];
  for (const row of REQUEST_HINTS) if (row.eventName === name && row.test(record)) out.push(row.hint);
  return out;
}
