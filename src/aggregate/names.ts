// Names as small numbers, in bounded memory: the activity record (activity.ts) keeps ids, not texts,
// in each of its cells. Actions, principals, addresses and user agents are text a caller chooses; past
// NAME_CAP distinct names a new one gets an id from its hash (ids stay distinct but for a rare
// collision, which can only make a distinct count one lower) and is shown as "(a name not kept)".
export const NAME_CAP = 100_000;
/** The id of a name that is not known: the overflow of a full cell (activity.ts). */
export const UNKNOWN = -1;
export const NOT_KEPT = '(a name not kept)';

const HASHED = 1 << 24;

/** FNV-1a, 32 bits: cheap, and deterministic across runs. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Names {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  constructor(readonly cap = NAME_CAP) {}

  id(name: string): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    if (this.list.length >= this.cap) return this.cap + (fnv1a(name) % HASHED);
    this.ids.set(name, this.list.length);
    this.list.push(name);
    return this.list.length - 1;
  }

  /** Whether the id is a name kept (not UNKNOWN, not past the cap). */
  kept(id: number): boolean {
    return id >= 0 && id < this.list.length;
  }

  name(id: number): string {
    if (id === UNKNOWN) return '(more)';
    return id < this.list.length ? this.list[id] : NOT_KEPT;
  }
}
