import type { Db } from '../../../db/index.ts';
import type { Viewer } from '../../auth/index.ts';
import type { ReportPeriod } from '../period.ts';

/** What every section reads with: the database, the audience as viewer, the period. */
export interface SectionContext {
  db: Db;
  viewer: Viewer;
  period: ReportPeriod;
  /** Folder of public datasets, or null when none is available. */
  datasetsDir: string | null;
}
