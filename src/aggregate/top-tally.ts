// Occurrences per key in bounded memory: exact while a list has few distinct keys (every list of a
// normal trail), its most frequent keys once it has more. The values an attacker chooses (source IPs
// of a botnet, user agents, session names, object keys) can have a distinct value per denial; a
// million denials held a million keys per list (1.8 GB and a 166 MB summary.json, measured).
//
//   const t = new TopTally(1000);
//   for (const ip of ips) t.add(ip);
//   t.toCounted();   // most frequent first; t.maxError bounds how approximate it is (0: exact)
//
// Space-Saving in batches: when more than 2 × cap keys are held, the cap most frequent are kept and
// `maxError` rises to the largest count dropped. A key met later starts from maxError, so a count is
// never below the truth and at most maxError above it, and a key not listed occurred at most
// maxError times. The result depends on the order of the adds; the fold adds in path order, so it is
// the same for any concurrency.
import type { Counted, ListCut } from '../types.js';
import { toCounted, type Tally, type TallyKeys } from './tally.js';

export class TopTally {
  readonly counts: Tally = new Map();
  /** 0 while exact; else the most any listed count may exceed the true one. */
  maxError = 0;

  constructor(readonly cap: number) {}

  add(key: string, n = 1): void {
    const c = this.counts.get(key);
    this.counts.set(key, (c ?? this.maxError) + n);
    if (c === undefined && this.counts.size > 2 * this.cap) this.keepTop();
  }

  /** What one denial adds (n alike denials, n times): one key, several, or none. */
  addAll(keys: TallyKeys, n = 1): void {
    if (keys === null) return;
    if (typeof keys === 'string') this.add(keys, n);
    else for (const k of keys) this.add(k, n);
  }

  /** Adds another tally of the same stream's other part (a key absent from one counts its maxError there). */
  merge(other: TopTally): void {
    for (const [key, n] of other.counts) {
      const mine = this.counts.get(key);
      this.counts.set(key, (mine ?? this.maxError) + n);
    }
    if (other.maxError > 0) {
      for (const [key, n] of this.counts) if (!other.counts.has(key)) this.counts.set(key, n + other.maxError);
    }
    this.maxError += other.maxError;
    if (this.counts.size > 2 * this.cap) this.keepTop();
  }

  copy(): TopTally {
    const t = new TopTally(this.cap);
    for (const [key, n] of this.counts) t.counts.set(key, n);
    t.maxError = this.maxError;
    return t;
  }

  /** Most frequent first, ties by key; at most `cap` entries once the tally is approximate. */
  toCounted(): Counted[] {
    const list = toCounted(this.counts);
    return this.maxError > 0 ? list.slice(0, this.cap) : list;
  }

  /** What the Summary says of the list named `list` when it is not exact; null when it is. */
  cut(list: string): ListCut | null {
    return this.maxError > 0 ? { list, kept: Math.min(this.counts.size, this.cap), maxError: this.maxError } : null;
  }

  private keepTop(): void {
    const list = toCounted(this.counts);
    this.maxError = Math.max(this.maxError, list[this.cap].count);
    this.counts.clear();
    for (let i = 0; i < this.cap; i++) this.counts.set(list[i].key, list[i].count);
  }
}

/** `cuts` only when a list is cut: the summary of exact lists (every normal trail's) has no such key. */
export function cutsOf(cuts: (ListCut | null)[]): { cuts?: ListCut[] } {
  const listed = cuts.filter((c): c is ListCut => c !== null);
  return listed.length > 0 ? { cuts: listed } : {};
}
