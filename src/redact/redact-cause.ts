// A cause with every identifier in its text replaced as free text is (ARNs, account IDs, names met in
// denials). Policy text is the user's too: the statement's JSON, its marks (redacted alike, so they
// are still found in it) and every sentence. Memoized by object, so that every denial of one request
// keeps sharing one cause (aggregate/cause-tally.ts counts requests by it).
import type { Cause } from '../types.js';
import type { TextRedactor } from './redact-text.js';

export function causeRedactor(text: TextRedactor): (c: Cause) => Cause {
  const done = new WeakMap<Cause, Cause>();
  const opt = (s: string | null) => (s === null ? null : text(s));
  return (c) => {
    const hit = done.get(c);
    if (hit !== undefined) return hit;
    const s = c.statement;
    const out: Cause = {
      ...c,
      summary: text(c.summary),
      statement:
        s === null
          ? null
          : {
              ...s,
              policy: text(s.policy),
              attachedTo: opt(s.attachedTo),
              sid: opt(s.sid),
              text: text(s.text),
              marks: s.marks.map(text),
              missed: s.missed.map(text),
              why: s.why.map(text),
            },
      unknown: c.unknown.map(text),
      disagreement: opt(c.disagreement),
      guidance: opt(c.guidance),
    };
    done.set(c, out);
    return out;
  };
}
