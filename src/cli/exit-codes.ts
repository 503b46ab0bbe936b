/** Precedence when several apply: fatal (1) > integrity (4) > a --fail-on gate (3) > damaged input (2) > ok. */
export const EXIT = { ok: 0, fatal: 1, damaged: 2, gate: 3, integrity: 4 } as const;
