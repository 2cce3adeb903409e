import type { Db } from '../../src/db/index.ts';
import type { Actor } from '../../src/modules/auth/index.ts';
import type { MatrixRecord } from '../../src/modules/auth/releasability.testing.ts';
import { changeTaskStatus, createAssignment, createSite, createTask } from '../../src/modules/sites/index.ts';
import { DELMAS } from '../../src/modules/sites/sites.testing.ts';
import { LAT0, LON0, STEP } from '../../src/modules/roads/roads.testing.ts';

/*
 * The sites module's part of a matrix bundle, and the two PUBLIC sites every bundle is measured
 * against. A bundle's own site is a critical point nobody guards, far enough south of the chains
 * that no incident weighs on it (so its protection gap is "unassigned"); its protection assignment
 * guards the shared depot; its task is a convoy escort under way now, then aborted.
 *
 * The watch site is an area laid over both chains: its threat rests on every incident and area of
 * control the reader may see, so its reasons list exactly those. The depot needs more officers than
 * all bundles bring: its gap shows the units (and the strength) of the assignments the reader sees.
 */

const HOUR = 3_600_000;
export const DEPOT_STRENGTH = 10_000;

export interface SharedSites {
  watchId: string;
  depotId: string;
}

export interface SiteRecords {
  site: string;
  assignment: string;
  task: string;
}

/** The watch area over both chains (cells 0 to 2 × bundles), and the depot; PUBLIC, owned by `owner`. */
export async function createSharedSites(db: Db, owner: Actor, bundles: number): Promise<SharedSites> {
  const [west, east, south, north] = [LON0 - STEP, LON0 + (5 * 2 * bundles + 1) * STEP, LAT0 - 0.5 * STEP, LAT0 + 1.5 * STEP];
  const area = { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
  const watch = await createSite({ db, actor: owner, areas: null, input: { name: 'Matrix watch corridor', kind: 'other', geometry: area, criticality: 1, threatRadiusMeters: 50, classification: 'PUBLIC' } });
  const depot = await createSite({
    db, actor: owner, areas: null,
    input: { name: 'Matrix depot', kind: 'food_warehouse', geometry: { type: 'Point', coordinates: [DELMAS.lon, DELMAS.lat] }, criticality: 5, requiredStrength: DEPOT_STRENGTH, classification: 'PUBLIC' },
  });
  return { watchId: watch.id, depotId: depot.id };
}

/** The bundle's site, assignment and task, under its label. */
export async function createSiteRecords(db: Db, record: MatrixRecord, owner: Actor, cell: number, shared: SharedSites): Promise<SiteRecords> {
  const label = { classification: record.classification, releasableTo: record.releasableTo };
  const point = [LON0 + (5 * cell + 1) * STEP, LAT0 - 10 * STEP];
  const site = await createSite({ db, actor: owner, areas: null, input: { name: record.key, kind: 'water_works', geometry: { type: 'Point', coordinates: point }, criticality: 5, ...label } });
  const unit = { organisation: owner.organisationCode, name: record.key };
  const assignment = await createAssignment({ db, actor: owner, input: { siteId: shared.depotId, unit, strength: 1, startsAt: new Date(Date.now() - 24 * HOUR).toISOString(), ...label } });
  const task = await createTask({
    db, actor: owner,
    input: {
      kind: 'escort_convoy', title: record.key, unit, geometry: { type: 'LineString', coordinates: [point, [point[0]! + STEP, point[1]!]] },
      startsAt: new Date(Date.now() - 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString(), ...label,
    },
  });
  await changeTaskStatus({ db, actor: owner, id: task.id, change: { version: task.version, status: 'aborted', afterAction: `Aborted ${record.key}` } });
  return { site: site.id, assignment: assignment.id, task: task.id };
}
