// Reads an errorMessage on its own: envelopes peeled off, then the sentence table, then the reason
// table. Never throws; a shape no row knows comes back `recognized: false` with everything unspecified.
//
//   parseMessage('User: arn:aws:iam::1:user/a is not authorized to perform: s3:GetObject … because no
//                 identity-based policy allows the s3:GetObject action')
//   → { recognized: true, denyKind: 'implicit', policyType: 'identity-based', action: 's3:GetObject', … }
import { ENVELOPES } from './envelopes.js';
import type { Contribution, Groups, ParsedMessage, PatternRow } from './message-types.js';
import { REASONS } from './reason-patterns.js';
import { SENTENCES } from './sentence-patterns.js';
import { unwrap } from './wrappers.js';

/** CloudTrail keeps about 1 KB of errorMessage; a message this long that does not end cleanly was cut. */
export const TRUNCATION_LENGTH = 1000;
/** The sentence never needs more; the cap keeps the lazy resource match cheap on huge pastes. */
const SENTENCE_CAP = 4096;
/** A whole EC2 message with its blob stays well under this; beyond it only blob (or junk) follows. */
const MESSAGE_CAP = 16384;

function emptyParse(): ParsedMessage {
  return {
    recognized: false,
    matched: [],
    category: null,
    denyKind: 'unspecified',
    policyType: 'unspecified',
    policyArn: null,
    action: null,
    actions: [],
    resource: null,
    principal: null,
    authorizationId: null,
    hints: [],
    service: null,
    impliedCode: null,
    wrapperCode: null,
    operation: null,
    sdkService: null,
  };
}

/** ' SNS:Publish ' → 'SNS:Publish' (kept as written: prefixes compare case-insensitively); no prefix, no action. */
export function normalizeAction(raw: string | undefined): string | null {
  const m = /^\s*([A-Za-z0-9-]+):([A-Za-z0-9*_-]+)\s*$/.exec(raw ?? '');
  return m === null ? null : `${m[1]}:${m[2]}`;
}

/** Quotes dropped; "policy arn:…" → the ARN; "role NAME" kept whole (the type word is information). */
export function normalizeResource(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let r = raw.trim();
  if (r.length >= 2 && r.startsWith('"') && r.endsWith('"')) r = r.slice(1, -1);
  const typed = /^[A-Za-z][\w-]*\s+(arn:\S+)$/.exec(r);
  if (typed !== null) r = typed[1];
  return r === '' ? null : r;
}

function apply(parsed: ParsedMessage, row: PatternRow, groups: Groups): void {
  parsed.matched.push(row.id);
  const c: Contribution = { ...row, ...(row.derive ? row.derive(groups) : {}) };
  if (c.category !== undefined) parsed.category = c.category;
  if (c.denyKind !== undefined) parsed.denyKind = c.denyKind;
  if (c.policyType !== undefined) parsed.policyType = c.policyType;
  if (c.policyArn !== undefined) parsed.policyArn = c.policyArn;
  if (c.authorizationId !== undefined) parsed.authorizationId = c.authorizationId;
  if (c.service !== undefined) parsed.service = c.service;
  if (c.impliedCode !== undefined) parsed.impliedCode = c.impliedCode;
  if (c.action !== undefined) parsed.action = normalizeAction(c.action);
  if (c.actions !== undefined) {
    parsed.actions = c.actions.map((a) => normalizeAction(a)).filter((a): a is string => a !== null);
    parsed.action = parsed.actions[0] ?? parsed.action;
  }
  for (const h of c.hints ?? []) parsed.hints.push(h);
}

function firstMatch(rows: readonly PatternRow[], input: string): { row: PatternRow; groups: Groups } | null {
  for (const row of rows) {
    const m = row.regex.exec(input);
    if (m !== null) return { row, groups: m.groups ?? {} };
  }
  return null;
}

/** Cut by CloudTrail: long, and not ending the way a complete message ends. */
function looksTruncated(message: string, parsed: ParsedMessage): boolean {
  if (message.length < TRUNCATION_LENGTH) return false;
  if (parsed.matched.includes('encoded-message-suffix')) return true; // the blob alone exceeds the limit
  if (parsed.authorizationId !== null) return false;
  return !/(?:[.)"]|\baction)\s*$/.test(message);
}

// Denials repeat: the same caller refused the same call, thousands of times. The parse of a message
// is a pure function of it, so each distinct message is parsed once (up to MEMO_SIZE of them at a time).
const MEMO_SIZE = 4096;
const memo = new Map<string, Readonly<ParsedMessage>>();

/** parseMessage, remembered: the result is shared and must not be changed. */
export function parseMessageOnce(message: string): Readonly<ParsedMessage> {
  let parsed = memo.get(message);
  if (parsed === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    parsed = parseMessage(message);
    memo.set(message, parsed);
  }
  return parsed;
}

/** The envelopes, sentence and reason tables on text with its wrappers already removed. */
function parseInner(text: string): ParsedMessage {
  const parsed = emptyParse();
  let inner = text;
  for (const envelope of ENVELOPES) {
    const m = envelope.regex.exec(inner);
    if (m === null) continue;
    const groups = m.groups ?? {};
    apply(parsed, envelope, groups);
    inner = (groups.inner ?? '').trim();
  }
  inner = inner.slice(0, SENTENCE_CAP);

  const sentence = firstMatch(SENTENCES, inner);
  if (sentence !== null) {
    const g = sentence.groups;
    if (g.principal !== undefined) parsed.principal = g.principal.trim() || null;
    if (g.action !== undefined) parsed.action = normalizeAction(g.action);
    if (g.resource !== undefined) parsed.resource = normalizeResource(g.resource);
    apply(parsed, sentence.row, g);
    const rest = sentence.row.hasReason ? g.rest : undefined;
    const reason = rest === undefined ? null : firstMatch(REASONS, rest);
    if (reason !== null) apply(parsed, reason.row, reason.groups);
    // A reason clause no row understands is a gap worth reporting, not a shape we know.
    parsed.recognized = rest === undefined || reason !== null;
  } else {
    // EC2's bare sentence (optionally with its blob) says nothing more, but it is a known shape.
    const peeledToNothing = inner === '' && parsed.matched.some((id) => id !== 'authorization-id-suffix');
    parsed.recognized = peeledToNothing;
  }
  if (parsed.action !== null && parsed.actions.length === 0) parsed.actions = [parsed.action];
  return parsed;
}

// Where a known sentence may begin inside a longer paste (after "Error: creating IAM Role (x): ", a
// log prefix, a JSON quote): each is tried in turn when the text as unwrapped is not understood.
const SENTENCE_START =
  /(?:User:?\s+\S+\s+is not authorized|You are not authorized|Access Denied|Principal \[|Not authorized|Cannot call |The (?:security|provided) token|The request signature|The AWS Access Key Id|AWS was not able|MultiFactorAuthentication failed|Signature (?:expired|not yet current)|Model access is denied|IAM user access|The ciphertext refers|\b[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)* is not authorized to perform)/g;
const MAX_STARTS = 16;

function parseAnywhere(text: string): ParsedMessage {
  const whole = parseInner(text);
  if (whole.recognized) return whole;
  const capped = text.slice(0, SENTENCE_CAP);
  let tries = 0;
  for (const m of capped.matchAll(SENTENCE_START)) {
    if (m.index === 0) continue;
    const p = parseInner(text.slice(m.index));
    if (p.recognized) return p;
    if (++tries >= MAX_STARTS) break;
  }
  return whole;
}

export function parseMessage(message: string): ParsedMessage {
  const wrapped = unwrap(message.slice(0, MESSAGE_CAP));
  const parsed = parseAnywhere(wrapped.inner);
  parsed.matched.unshift(...wrapped.matched);
  parsed.wrapperCode = wrapped.code;
  parsed.operation = wrapped.operation;
  parsed.sdkService = wrapped.sdkService;

  if (/^sts:AssumeRole/i.test(parsed.action ?? '') && parsed.policyType === 'unspecified' && parsed.denyKind === 'unspecified') {
    parsed.hints.push('sts-assume-role'); // trust policy or the caller's own policy: the message does not say
  }
  if (looksTruncated(message, parsed)) parsed.hints.push('truncated-message');
  return parsed;
}
