// Free text (error messages, user agents, error codes, file paths, rule reasons, titles) with
// identifiers replaced in one pass over the original: at each place the rows of text-patterns.ts are
// tried in order (a row may turn its match down, and the rows below it are tried there, then the
// next place), and the text between matches is searched for names already known (known-names.ts).
// What a replacement yields is never looked at again, so redacting twice changes nothing.
import { KnownNames } from './known-names.js';
import { TEXT_PATTERNS, type TextPattern } from './text-patterns.js';
import type { Pseudonyms } from './pseudonym.js';

export { isIPv4, isIPv6 } from './text-patterns.js';

export interface TextRedactor {
  (text: string): string;
}

export interface TextRedactorOptions {
  /** false: leave host names alone (user agents without --redact-user-agents). Default true. */
  hosts?: boolean;
}

interface Compiled {
  rows: TextPattern[];
  any: RegExp; // every row, to find the next place one may match
  each: RegExp[]; // each row alone, sticky: tried at that place
}

function compile(rows: TextPattern[]): Compiled {
  return {
    rows,
    any: new RegExp(rows.map((r) => `(${r.source})`).join('|'), 'g'),
    each: rows.map((r) => new RegExp(r.source, 'y')),
  };
}

/** The first row, from `from` on, that matches at `at` and takes its match. */
function replaceAt(c: Compiled, text: string, at: number, from: number, p: Pseudonyms): { end: number; text: string } | null {
  for (let row = from; row < c.rows.length; row++) {
    const re = c.each[row];
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    const replaced = c.rows[row].replace(m[0], p);
    if (replaced !== null) return { end: at + m[0].length, text: replaced };
  }
  return null;
}

/** The text cut where patterns match: gaps (even places, still to be searched for names) and replacements (odd). */
function patternPass(c: Compiled, text: string, p: Pseudonyms): string[] {
  const parts: string[] = [];
  let done = 0; // text before this is in `parts`
  const { any } = c;
  any.lastIndex = 0;
  for (let m = any.exec(text); m !== null; m = any.exec(text)) {
    const row = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const hit = replaceAt(c, text, m.index, row, p);
    if (hit === null) {
      any.lastIndex = m.index + 1;
      continue;
    }
    parts.push(text.slice(done, m.index), hit.text);
    done = hit.end;
    any.lastIndex = hit.end;
  }
  parts.push(text.slice(done));
  return parts;
}

// The same texts come back again and again (user agents, error codes, a role's messages): the pattern
// pass, which does not depend on the names known, is kept for the most recent ones.
const CACHED = 4096;

function redactor(c: Compiled, p: Pseudonyms, names: KnownNames): TextRedactor {
  let cache = new Map<string, string[]>();
  return (text) => {
    let parts = cache.get(text);
    if (parts === undefined) {
      if (cache.size >= CACHED) cache = new Map();
      parts = patternPass(c, text, p);
      cache.set(text, parts);
    }
    if (names.size === 0) return parts.join('');
    let out = '';
    for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? names.replaceIn(parts[i], p) : parts[i];
    return out;
  };
}

/**
 * `names`: names to find by being known, as a live set (it may grow between calls) or a list. Names
 * shorter than 4 characters are left alone: they would shred ordinary words.
 */
export function makeTextRedactor(p: Pseudonyms, names: KnownNames | Iterable<string> = [], options: TextRedactorOptions = {}): TextRedactor {
  const known = names instanceof KnownNames ? names : listed(names);
  return redactor(compile(TEXT_PATTERNS.filter((r) => options.hosts !== false || r.inUserAgents)), p, known);
}

function listed(names: Iterable<string>): KnownNames {
  const k = new KnownNames();
  for (const n of names) k.add(n);
  return k;
}
