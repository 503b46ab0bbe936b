import { readFileSync } from 'node:fs';
import { explain, explainRecord, guidanceFor } from '../classify/index.js';
import { checkDenials } from '../read/action-check.js';
import { UserError } from '../errors.js';
import { jsonText } from '../render/json-text.js';
import { sanitizeTerminal } from '../render/sanitize-terminal.js';
import type { Denial, Explanation, NotADenial, RawRecord } from '../types.js';

export interface ExplainFlags {
  errorCode?: string;
  event?: string;
  json?: boolean;
}

function readEvent(path: string): RawRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(`--event ${path}: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(`--event ${path}: expected one CloudTrail record (a JSON object)`);
  }
  return parsed as RawRecord;
}

type Explained = Denial & { errorCodeAssumed?: true };

const FIELDS: [string, (d: Explained) => string | null][] = [
  ['category', (d) => d.category],
  ['deny kind', (d) => d.denyKind],
  ['policy type', (d) => d.policyType],
  ['error code', (d) => (d.errorCodeAssumed ? `${d.errorCode} (assumed: none was given and the text names none; --error-code <code> sets it)` : d.errorCode)],
  ['principal', (d) => d.principal],
  ['action', (d) => (d.actionVerified || d.action === '' ? d.action : `${d.action} (not in the IAM action catalogue)`)],
  ['also', (d) => d.actions.slice(1).join(', ') || null],
  ['event', (d) => (d.eventName === '' || d.action.endsWith(`:${d.eventName}`) ? null : d.eventName)],
  ['resource', (d) => (d.resource === null ? null : d.resourceSource === 'request' ? `${d.resource} (from the request parameters)` : d.resource)],
  ['policy', (d) => d.policyArn],
  ['authorization id', (d) => d.authorizationId],
  ['hints', (d) => d.hints.join(', ') || null],
  ['message shape', (d) => (d.recognized ? 'recognised' : 'not recognised (classified from the error code alone)')],
];

export function explanationText(d: Explained): string {
  const lines = FIELDS.flatMap(([label, get]) => {
    const v = get(d);
    return v === null || v === '' ? [] : [`${label.padEnd(17)}${sanitizeTerminal(v)}`];
  });
  // guidance may quote the error code, which is text from the record
  for (const g of guidanceFor(d)) {
    lines.push('', sanitizeTerminal(g.title), ...g.checks.map((c) => `  - ${sanitizeTerminal(c)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** "not a denial: …", plainly, and what the call needed when known. */
export function notADenialText(e: NotADenial): string {
  const lines = [`not a denial: ${sanitizeTerminal(e.explanation)}`];
  if (e.action !== '') lines.push(`${'action'.padEnd(17)}${sanitizeTerminal(e.action)}`);
  if (e.kind === 'other-error') lines.push('', 'The report counts it under otherErrors by code, not as a denial.');
  return `${lines.join('\n')}\n`;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runExplain(message: string | undefined, flags: ExplainFlags): Promise<number> {
  let answer: Explanation;
  if (flags.event !== undefined) answer = explainRecord(readEvent(flags.event));
  else {
    // `-` is stdin, as for most tools (it was read as the message "-" and answered as a denial)
    const fromStdin = message === undefined || message === '-';
    const text = (fromStdin ? (process.stdin.isTTY ? '' : await readStdin()) : message).trim();
    if (text === '') throw new UserError('explain needs an error message: as an argument, on stdin, or --event <record.json>');
    answer = explain(text, { errorCode: flags.errorCode });
  }
  if (answer.denial) await checkDenials([answer]); // actionVerified, as the report's reading threads set it
  if (flags.json) process.stdout.write(`${jsonText(answer, 2)}\n`);
  else process.stdout.write(answer.denial ? explanationText(answer) : notADenialText(answer));
  return 0;
}
