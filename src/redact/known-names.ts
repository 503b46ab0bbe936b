// Names that have no shape of their own (a user, role or session name, a bucket) are found in free
// text by being known: every name a denial carries is remembered as it is redacted, and free text
// folded after it has that name replaced wherever it stands on its own. Looked up word by word in a
// set, so the cost does not grow with the number of names known.
import type { Pseudonyms } from './pseudonym.js';

// Characters IAM allows in names: a known name only counts when it is a whole run of them.
const NAME_RUN = /[\w+=,.@-]+/g;
const NOT_NAME_CHAR = /[^\w+=,.@-]+/;
// Shorter names are left: they would shred ordinary words ("ci", "ops").
export const MIN_NAME = 4;
// Punctuation a name may hold or stand beside: `by frank.ops.`, `name=bob,`, `bob-laptop.txt`.
const PUNCTUATION = /([.,=@+-])/;
// A longer run is only looked up whole (its pieces would cost time quadratic in their number).
const MAX_PIECES = 33;

export class KnownNames {
  private readonly names = new Set<string>();
  // The first word of each name (up to its first punctuation): a run is only cut into pieces when one starts it.
  private readonly heads = new Set<string>();

  /** A name with characters IAM names do not have is remembered part by part. */
  add(name: string): void {
    if (this.names.has(name)) return;
    for (const part of name.split(NOT_NAME_CHAR)) {
      if (part.length < MIN_NAME) continue;
      this.names.add(part);
      this.heads.add(part.split(PUNCTUATION, 1)[0]);
    }
  }

  get size(): number {
    return this.names.size;
  }

  /** The text with every known name that stands on its own replaced by its pseudonym (case as written). */
  replaceIn(text: string, p: Pseudonyms): string {
    if (this.names.size === 0 || text === '') return text;
    return text.replace(NAME_RUN, (run) => this.replaceRun(run, p));
  }

  private replaceRun(run: string, p: Pseudonyms): string {
    if (this.names.has(run)) return p.of('name', run);
    // A name inside the run, between punctuation: `frank.ops.`, `name=bob,`, `contractor-bob.txt`.
    // pieces: words at even places, the punctuation between them at odd ones.
    const pieces = run.split(PUNCTUATION);
    if (pieces.length === 1 || pieces.length > MAX_PIECES) return run;
    let out = '';
    for (let i = 0; i < pieces.length; i += 2) {
      let end = -1;
      if (this.heads.has(pieces[i])) for (let j = pieces.length - 1; j >= i && end < 0; j -= 2) if (this.names.has(pieces.slice(i, j + 1).join(''))) end = j;
      if (end < 0) out += pieces[i] + (pieces[i + 1] ?? '');
      else {
        out += p.of('name', pieces.slice(i, end + 1).join('')) + (pieces[end + 1] ?? '');
        i = end;
      }
    }
    return out;
  }
}
