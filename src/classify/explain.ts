// `explain`: what `report` would make of a pasted error message (or a whole record), with the same
// error-code catalog: a Denial, or "not a denial" and what the error is instead.
//
//   explain('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied')
//   → { denial: true, errorCode: 'AccessDenied', action: 's3:PutObject', policyType: 'unspecified', … }
//   explain('Rate exceeded', { errorCode: 'ThrottlingException' })
//   → { denial: false, kind: 'other-error', category: 'throttling', explanation: '…', … }
import { asObject, field, text } from './coerce.js';
import { actionsOf, buildDenial } from './build-denial.js';
import { recordActions } from './action.js';
import { classifyRecord } from './classify-record.js';
import { errorCategory } from './error-codes.js';
import { codeOfHttpStatus, OTHER_ERROR_MESSAGES, otherErrorOf } from './other-errors.js';
import { parseMessage } from './parse-message.js';
import { unwrap } from './wrappers.js';
import type { Denial, Explanation, NotADenial, RawRecord } from '../types.js';

export const DEFAULT_ERROR_CODE = 'AccessDenied';

export interface ExplainOptions {
  errorCode?: string;
}

function otherError(errorCode: string, action: string, message: string): NotADenial {
  const { kind, explanation } = otherErrorOf(errorCode);
  return { denial: false, errorCode, kind: 'other-error', category: kind, explanation: `${errorCode} is ${explanation}`, action, message };
}

/** The code of a paste: as given, else the wrapper's (an HTTP status read as S3 logs it), else the wording's. */
function codeOf(given: string, parsed: ReturnType<typeof parseMessage>, body: string): string {
  if (given !== '') return given;
  if (parsed.wrapperCode !== null) return codeOfHttpStatus(parsed.wrapperCode);
  if (parsed.impliedCode !== null) return parsed.impliedCode;
  if (!parsed.recognized) {
    const inner = unwrap(body).inner;
    const other = OTHER_ERROR_MESSAGES.find((row) => row.regex.test(inner));
    if (other !== undefined) return other.code;
  }
  return DEFAULT_ERROR_CODE; // an unknown wording pasted into explain is most likely a refusal
}

export function explain(message: string, options: ExplainOptions = {}): Explanation {
  const original = typeof message === 'string' ? message.trim() : '';
  const parsed = parseMessage(original);
  const given = typeof options.errorCode === 'string' ? options.errorCode.trim() : '';
  const errorCode = codeOf(given, parsed, original);
  const category = errorCategory(errorCode);
  if (category === null) return otherError(errorCode, actionsOf({}, parsed)[0] ?? '', original);
  const denial = buildDenial({ record: {}, message: original, parsed, errorCode, category, codeIsDenial: true });
  // nothing said which error it was: the answer rests on the default, and says so
  const assumed = given === '' && parsed.wrapperCode === null && parsed.impliedCode === null && errorCode === DEFAULT_ERROR_CODE && !parsed.recognized;
  return assumed ? { denial: true, ...denial, errorCodeAssumed: true } : { denial: true, ...denial };
}

/** `report`'s verdict on one record: its Denial, or what else it is. */
export function explainRecord(record: RawRecord): Explanation {
  const c = classifyRecord(record);
  if (c.kind === 'denial') return { denial: true, ...c.denial };
  const safe = asObject(record) ?? {};
  const action = recordActions(safe)[0] ?? '';
  const message = text(field(safe, 'errorMessage'));
  if (c.kind === 'other-error') return otherError(c.errorCode, action, message);
  const explanation = 'The record carries no errorCode (nor a failed console sign-in): AWS did not refuse this request.';
  return { denial: false, errorCode: '', kind: 'not-an-error', explanation, action, message };
}

/** The Denial inside an Explanation, for callers that only handle denials. */
export function denialOf(e: Explanation): Denial | null {
  if (!e.denial) return null;
  const { denial: _flag, ...rest } = e;
  return rest;
}
