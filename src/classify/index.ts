// The classifier: one CloudTrail record → denial or not, why, and what to check next.
//
//   import { classifyRecord, guidanceFor } from './classify/index.js';
//   const c = classifyRecord(record);
//   if (c.kind === 'denial') print(c.denial.policyType, guidanceFor(c.denial));
export { classifyRecord, classify } from './classify-record.js';
export { explain, explainRecord, denialOf } from './explain.js';
export type { ExplainOptions } from './explain.js';
export { guidanceFor, GUIDANCE } from './guidance.js';
export type { GuidanceInput } from './guidance.js';
export type { GuidanceEntry } from './guidance-types.js';
export { ERROR_CODES, errorCategory, CONSOLE_LOGIN_FAILURE } from './error-codes.js';
export type { ErrorCodeRow } from './error-codes.js';
export { parseMessage } from './parse-message.js';
export type { ParsedMessage } from './message-types.js';
