// The seam with the incidents module: roadblock incidents feed the routing picture. An incident
// of type 'roadblock' located at the spot or nearby counts as a block for INCIDENT_BLOCK_HOURS
// after it occurred, unless it was rejected, merged into another, or entered as a roadblock record
// (which then speaks for it, with its own confirmations and clearing). Read through the incidents
// module's front door, with the requester as viewer: a restricted report stays restricted here.

import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import { listIncidents } from '../incidents/index.ts';
import { isoTime } from './labels.ts';
import type { PicturePoint } from './risk-weights.ts';

/** How long an unconfirmed roadblock incident counts. */
export const INCIDENT_BLOCK_HOURS = 24;
/** Roads within this distance of a roadblock incident count as blocked. */
export const INCIDENT_BLOCK_RADIUS_M = 50;

const PAGE = 200;
/** A bound on what one picture reads, so that a flood of reports cannot stall routing. */
const MAX_INCIDENTS = 2000;

/** Roadblock incidents the viewer may see that count at `asOf`. */
export async function incidentRoadblocks(db: Db, viewer: Viewer, asOf: string): Promise<PicturePoint[]> {
  const from = isoTime(Date.parse(asOf) - INCIDENT_BLOCK_HOURS * 3_600_000);
  const to = isoTime(Date.parse(asOf) + 1);
  const points: PicturePoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await listIncidents({ db, viewer, filter: { types: ['roadblock'], from, to }, cursor, limit: PAGE });
    for (const incident of page.items) {
      if (incident.verification.status === 'rejected' || incident.mergedInto !== null) continue;
      if (incident.location.precision !== 'exact' && incident.location.precision !== 'near') continue;
      points.push({
        kind: 'incident', id: incident.id, version: incident.version, label: incident.title,
        lon: incident.location.lon, lat: incident.location.lat, radiusMeters: INCIDENT_BLOCK_RADIUS_M,
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && points.length < MAX_INCIDENTS);
  return points;
}
