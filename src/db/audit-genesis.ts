/** The hash that the first audit row chains to. */
export const GENESIS_HASH = '0'.repeat(64);
