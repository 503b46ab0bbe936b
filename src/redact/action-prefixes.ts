// An action made from the event source (classify/action.ts: its first label, lower-cased, before
// the event name) carries part of that source: when the source held an identifier (a host name
// where `s3.amazonaws.com` belongs), the prefix must go with it, in this run's denials and in a
// baseline's groups alike. Remembers each redacted source's prefix and its replacement.
import type { TextRedactor } from './redact-text.js';

const prefixOf = (eventSource: string) => eventSource.trim().split('.')[0].toLowerCase();

export class ActionPrefixes {
  private readonly replaced = new Map<string, string>();

  constructor(private readonly code: TextRedactor) {}

  /** Notes a denial's event source and what redaction made of it. */
  note(eventSource: string, redacted: string): void {
    const from = prefixOf(eventSource);
    if (redacted !== eventSource && from !== '') this.replaced.set(from, prefixOf(redacted));
  }

  action(action: string): string {
    // Usually empty: real event sources are AWS's (`s3.amazonaws.com`) and are never replaced.
    for (const [from, to] of this.replaced) {
      if (action.startsWith(`${from}:`)) return `${to}:${this.code(action.slice(from.length + 1))}`;
    }
    return this.code(action);
  }
}
