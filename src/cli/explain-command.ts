import { readFileSync } from 'node:fs';
import { explain, explainRecord, guidanceFor } from '../classify/index.js';
import { UserError } from '../errors.js';
import { jsonText } from '../render/json-text.js';
import { sanitizeTerminal } from '../render/sanitize-terminal.js';
import type { Denial, RawRecord } from '../types.js';

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

const FIELDS: [string, (d: Denial) => string | null][] = [
  ['category', (d) => d.category],
  ['deny kind', (d) => d.denyKind],
  ['policy type', (d) => d.policyType],
  ['error code', (d) => d.errorCode],
  ['principal', (d) => d.principal],
  ['action', (d) => d.action],
  ['resource', (d) => d.resource],
  ['policy', (d) => d.policyArn],
  ['authorization id', (d) => d.authorizationId],
  ['hints', (d) => d.hints.join(', ') || null],
  ['message shape', (d) => (d.recognized ? 'recognised' : 'not recognised (classified from the error code alone)')],
];

export function explanationText(d: Denial): string {
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

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runExplain(message: string | undefined, flags: ExplainFlags): Promise<number> {
  let denial: Denial;
  if (flags.event !== undefined) denial = explainRecord(readEvent(flags.event));
  else {
    const text = (message ?? (process.stdin.isTTY ? '' : await readStdin())).trim();
    if (text === '') throw new UserError('explain needs an error message: as an argument, on stdin, or --event <record.json>');
    denial = explain(text, { errorCode: flags.errorCode });
  }
  process.stdout.write(flags.json ? `${jsonText(denial, 2)}\n` : explanationText(denial));
  return 0;
}
