// `explain`: a Denial from a pasted message (or a whole record) so a person gets the same verdict
// and guidance the report gives.
//
//   explain('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied')
//   → { errorCode: 'AccessDenied', action: 's3:PutObject', policyType: 'unspecified', … }
import { asObject, field, text } from './coerce.js';
import { buildDenial } from './build-denial.js';
import { classifyRecord } from './classify-record.js';
import { errorCategory } from './error-codes.js';
import { parseMessage } from './parse-message.js';
import type { Denial, RawRecord } from '../types.js';

// botocore: "An error occurred (Code) when calling the Op operation[ (reached max retries: N)]: text"
const CLI_PREFIX = /^An error occurred \((?<code>[^)\s]*)\)(?: \(reached max retries: \d+\))? when calling the (?<operation>[A-Za-z0-9]+) operation(?: \(reached max retries: \d+\))?:\s*/;

export const DEFAULT_ERROR_CODE = 'AccessDenied';

export interface ExplainOptions {
  errorCode?: string;
}

export function explain(message: string, options: ExplainOptions = {}): Denial {
  const trimmed = typeof message === 'string' ? message.trim() : '';
  const cli = CLI_PREFIX.exec(trimmed);
  const body = cli === null ? trimmed : trimmed.slice(cli[0].length).trim();
  const parsed = parseMessage(body);
  const given = typeof options.errorCode === 'string' ? options.errorCode.trim() : '';
  const errorCode = given || cli?.groups?.code || parsed.impliedCode || DEFAULT_ERROR_CODE;
  const category = errorCategory(errorCode);
  return buildDenial({
    record: {},
    message: body,
    parsed,
    errorCode,
    category: category ?? parsed.category ?? 'authorization',
    codeIsDenial: category !== null,
    operation: cli?.groups?.operation,
  });
}

/** Like classify, but always a Denial: a record that is not a denial still gets what can be filled. */
export function explainRecord(record: RawRecord): Denial {
  const c = classifyRecord(record);
  if (c.kind === 'denial') return c.denial;
  const safe = asObject(record) ?? {};
  const message = text(field(safe, 'errorMessage'));
  const parsed = parseMessage(message);
  return buildDenial({
    record: safe,
    message,
    parsed,
    errorCode: text(field(safe, 'errorCode')),
    category: parsed.category ?? 'authorization',
    codeIsDenial: false,
  });
}
