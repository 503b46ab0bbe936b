/** The seed of the bundled samples/ archive. */
export const DEFAULT_SEED = 20261116;
