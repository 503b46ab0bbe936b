/**
 * Precedence when several apply: fatal (1) > integrity failed (4) > integrity partial (5) > a --fail-on
 * gate (3) > damaged input (2) > ok. A partial verification every reason of which --allow-partial
 * accepts does not count.
 */
export const EXIT = { ok: 0, fatal: 1, damaged: 2, gate: 3, integrity: 4, partial: 5 } as const;
