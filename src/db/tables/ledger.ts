/** The ledger module's tables. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the module grows
export interface LedgerTables {}

/** Which of these tables carry a releasability label. */
export type LedgerShareableTable = never;
