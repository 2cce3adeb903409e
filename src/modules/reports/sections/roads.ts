import type { NotAvailable, RoadsSection } from '../../../shared/reports.ts';
import { keyRoads, listNetworks, listRoadblocks, roadStatusGeoJson } from '../../roads/index.ts';
import { within } from '../period.ts';
import type { SectionContext } from './context.ts';

/*
 * Road access at the end of the period, as the audience's own picture makes
 * it: the key roads and their status, the segments blocked or risky, the
 * roadblocks. The convoy escorts of the period are the sites module's tasks
 * (sections/sites.ts).
 */

/** The network the report reads: the demo's metro network when present, else the largest. */
const PREFERRED_NETWORK = 'pap-metro';

const toKm = (meters: number) => Math.round(meters / 100) / 10;

function lineMeters(coordinates: readonly (readonly number[])[]): number {
  let meters = 0;
  for (let i = 1; i < coordinates.length; i++) {
    const [lon1, lat1] = coordinates[i - 1] as [number, number];
    const [lon2, lat2] = coordinates[i] as [number, number];
    const rad = Math.PI / 180;
    const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
    meters += 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
  }
  return meters;
}

export async function roadsSection({ db, viewer, period }: SectionContext): Promise<RoadsSection | NotAvailable> {
  const networks = await listNetworks({ db });
  if (networks.length === 0) return { status: 'not_available', reason: 'no road network has been imported: konbit roads import FILE --network NAME' };
  const network = (networks.find((n) => n.name === PREFERRED_NETWORK) ?? [...networks].sort((a, b) => b.edges - a.edges)[0]!).name;
  const asOf = period.endAt;
  const [board, status, blocks] = await Promise.all([
    keyRoads({ db, viewer, network, asOf }),
    roadStatusGeoJson({ db, viewer, network, asOf, notOpen: true }),
    listRoadblocks({ db, viewer, asOf, limit: 10_000 }),
  ]);
  const segments = { blocked: 0, risky: 0, blockedKm: 0, riskyKm: 0 };
  const blockedLines: [number, number][][] = [];
  let blockedMeters = 0;
  let riskyMeters = 0;
  for (const feature of status.features) {
    const meters = lineMeters(feature.geometry.coordinates);
    if (feature.properties.status === 'blocked') {
      segments.blocked++;
      blockedMeters += meters;
      blockedLines.push(feature.geometry.coordinates.map(([lon, lat]) => [lon!, lat!]));
    } else if (feature.properties.status === 'risky') {
      segments.risky++;
      riskyMeters += meters;
    }
  }
  segments.blockedKm = toKm(blockedMeters);
  segments.riskyKm = toKm(riskyMeters);
  return {
    status: 'available',
    network,
    asOf,
    keyRoads: board.roads.map((r) => ({
      id: r.id, name: r.name, status: r.status, meters: Math.round(r.meters), openMeters: Math.round(r.openMeters), riskyMeters: Math.round(r.riskyMeters), blockedMeters: Math.round(r.blockedMeters),
      causes: r.causes.map((c) => c.label),
    })),
    segments,
    blockedLines,
    roadblocks: {
      inForce: blocks.filter((b) => b.state === 'active').length,
      reportedInPeriod: blocks.filter((b) => within(b.reportedAt, period)).length,
      clearedInPeriod: blocks.filter((b) => within(b.clearedAt, period)).length,
      items: blocks
        .filter((b) => b.state === 'active' || within(b.reportedAt, period))
        .map((b) => ({ id: b.id, kind: b.kind, state: b.state, description: b.description, group: b.group, reportedAt: b.reportedAt, lon: b.lon, lat: b.lat })),
    },
    // Convoy escorts are the sites module's tasks: the report adds them (sections/sites.ts).
    convoys: { status: 'not_available', reason: 'convoy escorts come from the sites module' },
    queries: [
      { service: 'roads.keyRoads', params: { network, asOf } },
      { service: 'roads.roadStatusGeoJson', params: { network, asOf, notOpen: true } },
      { service: 'roads.listRoadblocks', params: { asOf } },
    ],
  };
}
