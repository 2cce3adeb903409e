/** The roads module's tables. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the module grows
export interface RoadTables {}

/** Which of these tables carry a releasability label. */
export type RoadShareableTable = never;
