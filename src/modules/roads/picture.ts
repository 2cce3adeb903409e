// The risk picture of one requester at one time: the areas of control, roadblocks (records and
// roadblock incidents) and planners' overrides that the requester may see and that are in force
// then. Routes, road status and key roads are all computed from it, never from records the
// requester cannot see, so that a route bending round a restricted block cannot reveal it.

import type { AreaGeometry } from '../../core/geo/index.ts';
import type { ControlLevel } from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import * as areasRepo from './areas.repo.ts';
import { incidentRoadblocks } from './incident-roadblocks.ts';
import * as overridesRepo from './overrides.repo.ts';
import type { Picture } from './risk-weights.ts';
import * as roadblocksRepo from './roadblocks.repo.ts';
import { roadblocksInForce } from './roadblocks.service.ts';

/** "Roadblock (Grand Ravine): barricade of burning tyres". */
export function labelOfRoadblock(row: { kind: string; group_name: string; description: string }): string {
  const kind = row.kind === 'checkpoint' ? 'Checkpoint' : 'Roadblock';
  return `${kind}${row.group_name ? ` (${row.group_name})` : ''}${row.description ? `: ${row.description}` : ''}`;
}

/** What the viewer may see in force at `asOf` (ISO), on the network `networkId`. */
export async function pictureFor(db: Db, viewer: Viewer, networkId: string, asOf: string): Promise<Picture> {
  const [areas, blocks, linked, incidents, overrides] = await Promise.all([
    areasRepo.listVisible(db, viewer, { asOf, limit: 10_000 }),
    roadblocksInForce(db, viewer, asOf),
    roadblocksRepo.linkedIncidentIds(db, viewer),
    incidentRoadblocks(db, viewer, asOf),
    overridesRepo.inForceAt(db, viewer, networkId, asOf),
  ]);
  return {
    areas: areas.map((row) => ({
      id: row.id, version: row.version, name: row.name, group: row.group_name, level: row.level as ControlLevel,
      geometry: JSON.parse(row.geometry) as AreaGeometry, bbox: [Number(row.min_lon), Number(row.min_lat), Number(row.max_lon), Number(row.max_lat)],
    })),
    points: [
      ...blocks.map((row) => ({ kind: 'roadblock' as const, id: row.id, version: row.version, label: labelOfRoadblock(row), lon: Number(row.lon), lat: Number(row.lat), radiusMeters: Number(row.radius_m) })),
      ...incidents.filter((incident) => !linked.has(incident.id)),
    ],
    overrides: overrides.map((row) => ({ id: row.id, version: row.version, action: row.action as 'closed' | 'reopened', reason: row.reason, edges: JSON.parse(row.edge_ids) as number[] })),
  };
}
