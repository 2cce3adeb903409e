import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AssignmentInput, SiteInput, TaskInput } from '../../shared/sites.ts';
import type { Db } from '../../db/index.ts';
import { adminAreasIn } from '../incidents/index.ts';
import { createAssignment } from './assignments.service.ts';
import { importSites } from './import.service.ts';
import { createSite, listSites } from './sites.service.ts';
import { changeTaskStatus, createTask } from './tasks.service.ts';
import { refreshThreatHistory } from './threat.service.ts';

/*
 * The demo's critical sites: the health ministry's health institutions and
 * the airports from the public datasets (real data, with their attribution),
 * and a few named sites of Port-au-Prince whose positions are approximate
 * and whose protection details are invented — each marked illustrative.
 * Assignments and tasks are illustrative too; they leave two vital sites
 * unguarded and one under strength, so the gaps list has something to show.
 */

const ILLUSTRATIVE = { name: 'Konbit demo data: position approximate, details illustrative', url: null, externalId: null };
const HOUR_MS = 3_600_000;

const box = (west: number, south: number, east: number, north: number): SiteInput['geometry'] =>
  ({ type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] });
const point = (lon: number, lat: number): SiteInput['geometry'] => ({ type: 'Point', coordinates: [lon, lat] });

const NAMED: (SiteInput & { owner: string; key: string })[] = [
  { owner: 'MSS-HQ', key: 'port', name: 'Port of Port-au-Prince (APN terminal)', kind: 'port', geometry: box(-72.3520, 18.5475, -72.3450, 18.5530), operator: 'Autorité Portuaire Nationale', criticality: 5, requiredStrength: 40, classification: 'PUBLIC' },
  { owner: 'MSS-HQ', key: 'varreux', name: 'Varreux fuel terminal', kind: 'fuel_terminal', geometry: box(-72.3425, 18.5655, -72.3355, 18.5715), operator: 'Terminal Varreux', criticality: 5, requiredStrength: 60, classification: 'PUBLIC' },
  { owner: 'MSS-HQ', key: 'power', name: 'Varreux power plant', kind: 'power_plant', geometry: point(-72.3345, 18.5735), operator: 'Électricité d’Haïti (EDH)', criticality: 4, requiredStrength: 20, classification: 'PUBLIC' },
  { owner: 'HNP', key: 'penitentiary', name: 'National Penitentiary', kind: 'prison', geometry: point(-72.3396, 18.5426), operator: 'Direction de l’Administration Pénitentiaire (DAP)', criticality: 4, requiredStrength: 30, classification: 'MISSION' },
  { owner: 'HNP', key: 'palace', name: 'National Palace area (Champ de Mars)', kind: 'government_building', geometry: box(-72.3405, 18.5410, -72.3345, 18.5450), operator: 'Government of Haiti', criticality: 5, requiredStrength: 50, classification: 'MISSION' },
  { owner: 'HNP', key: 'hnp-hq', name: 'HNP general directorate', kind: 'police_station', geometry: point(-72.3323, 18.5462), operator: 'Police Nationale d’Haïti', criticality: 3, classification: 'MISSION' },
  { owner: 'MSS-HQ', key: 'warehouse', name: 'Humanitarian food warehouse, Tabarre', kind: 'food_warehouse', geometry: point(-72.2745, 18.5725), operator: 'Humanitarian logistics cluster', criticality: 4, requiredStrength: 10, classification: 'MISSION' },
  { owner: 'MSS-HQ', key: 'distribution', name: 'Food distribution point, Cité Soleil', kind: 'distribution_point', geometry: point(-72.3305, 18.5795), operator: 'Humanitarian logistics cluster', criticality: 3, classification: 'MISSION' },
];

async function importDataset(db: Db, datasetsDir: string, file: string): Promise<string> {
  const content = await readFile(path.join(datasetsDir, 'haiti', 'sites', file), 'utf8').catch(() => null);
  if (content === null) return `${file} missing`;
  const result = await importSites({ db, actor: null, ownerCode: 'MSS-HQ', format: 'geojson', content, options: { mode: 'commit-valid', classification: 'PUBLIC' }, areas: await adminAreasIn(datasetsDir) });
  return `${result.created} from ${file}${result.rejected.length ? ` (${result.rejected.length} rows rejected)` : ''}`;
}

export async function loadSitesDemo({ db, datasetsDir }: { db: Db; datasetsDir: string | null }): Promise<string> {
  const imported = datasetsDir
    ? [await importDataset(db, datasetsDir, 'health-facilities-mspp.geojson'), await importDataset(db, datasetsDir, 'airports.geojson')]
    : ['no public datasets: health facilities and airports not loaded'];
  const areas = datasetsDir ? await adminAreasIn(datasetsDir) : null;
  const ids = new Map<string, string>();
  for (const { owner, key, ...input } of NAMED) {
    const contacts = [{ name: 'Site security duty officer (illustrative)', role: 'Security', radio: 'MSS net, channel 4' }];
    const site = await createSite({ db, actor: null, ownerCode: owner, areas, input: { ...input, contacts, source: ILLUSTRATIVE, illustrative: true, description: 'Illustrative demo site: position approximate.' } });
    ids.set(key, site.id);
  }
  const airport = (await listSites({ db, viewer: { organisationId: null, isMissionMember: false }, query: { kind: 'airport', q: 'toussaint' } }))[0];
  if (airport) ids.set('airport', airport.id);

  const now = Date.now();
  const at = (hours: number) => new Date(now + hours * HOUR_MS).toISOString();
  const assignments: (AssignmentInput & { owner: string })[] = [
    { owner: 'JAM', siteId: ids.get('port')!, unit: { organisation: 'JAM', name: 'JAM formed police unit, 1st platoon' }, strength: 40, startsAt: at(-24 * 20), classification: 'MISSION', notes: 'Illustrative.' },
    { owner: 'HNP', siteId: ids.get('palace')!, unit: { organisation: 'HNP', name: 'UDMO Port-au-Prince' }, strength: 60, startsAt: at(-24 * 30), classification: 'MISSION', notes: 'Illustrative.' },
    { owner: 'KEN', siteId: ids.get('power')!, unit: { organisation: 'KEN', name: 'KEN formed police unit, 2nd company' }, strength: 12, startsAt: at(-24 * 10), endsAt: at(24 * 20), classification: 'MISSION', notes: 'Illustrative: below the 20 required.' },
    ...(ids.has('airport') ? [{ owner: 'KEN', siteId: ids.get('airport')!, unit: { organisation: 'KEN', name: 'KEN formed police unit, 1st company' }, strength: 120, startsAt: at(-24 * 45), classification: 'MISSION' as const, notes: 'Illustrative.' }] : []),
  ];
  for (const { owner, ...input } of assignments) await createAssignment({ db, actor: null, ownerCode: owner, input });

  const delmas = { type: 'LineString', coordinates: [[-72.3345, 18.5455], [-72.3205, 18.5475], [-72.3035, 18.5465], [-72.2905, 18.5445]] };
  const convoy = { type: 'LineString', coordinates: [[-72.3515, 18.5545], [-72.3325, 18.5635], [-72.2925, 18.5785], [-72.2505, 18.5795], [-72.2295, 18.5785]] };
  const martissant = box(-72.3795, 18.5195, -72.3655, 18.5315);
  const tasks: { owner: string; input: TaskInput; moves: { status: 'under_way' | 'done' | 'aborted'; afterAction?: string }[] }[] = [
    { owner: 'KEN', input: { kind: 'patrol_route', title: 'Route de Delmas day patrol', unit: { organisation: 'KEN', name: 'KEN formed police unit, 2nd company' }, geometry: delmas, startsAt: at(-3), endsAt: at(5), classification: 'MISSION' }, moves: [{ status: 'under_way' }] },
    { owner: 'JAM', input: { kind: 'escort_convoy', title: 'Food convoy, port to Croix-des-Bouquets', unit: { organisation: 'JAM', name: 'JAM formed police unit, 2nd platoon' }, geometry: convoy, startsAt: at(20), endsAt: at(28), classification: 'MISSION' }, moves: [] },
    { owner: 'HNP', input: { kind: 'patrol_area', title: 'Martissant area patrol', unit: { organisation: 'HNP', name: 'BOID' }, geometry: martissant, startsAt: at(-30), endsAt: at(-22), classification: 'MISSION' }, moves: [{ status: 'under_way' }, { status: 'done', afterAction: 'Illustrative: patrol completed; two barricades reported on RN2, no contact.' }] },
    { owner: 'BHS', input: { kind: 'guard_site', title: 'Reinforce the National Penitentiary perimeter', unit: { organisation: 'BHS', name: 'BHS police contingent' }, siteId: ids.get('penitentiary')!, startsAt: at(-50), endsAt: at(-38), classification: 'MISSION' }, moves: [{ status: 'aborted', afterAction: 'Illustrative: aborted, vehicles diverted to a medical evacuation.' }] },
  ];
  for (const { owner, input, moves } of tasks) {
    let task = await createTask({ db, actor: null, ownerCode: owner, input: { ...input, notes: 'Illustrative demo task.' } });
    for (const move of moves) task = await changeTaskStatus({ db, actor: null, id: task.id, change: { version: task.version, ...move } });
  }
  const history = await refreshThreatHistory({ db });
  return `sites: ${imported.join(', ')}; ${NAMED.length} named sites (illustrative), ${assignments.length} assignments, ${tasks.length} tasks, ${history.recorded} threat history entries`;
}
