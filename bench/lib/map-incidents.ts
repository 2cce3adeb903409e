// Synthetic incidents for the web map's benches: a fixed seed, points spread around eight
// centres of Port-au-Prince (all inside the map's first view), two years up to an hour ago, 70 %
// public, 20 % mission and 10 % restricted to their Kenyan owner.
import SQLite from 'better-sqlite3';
import { mulberry32 } from '../../src/core/graph/index.ts';
import { reindexAllRows } from '../../src/db/dialect.ts';
import { createDb } from '../../src/db/index.ts';
import { rebuildSummary } from '../../src/modules/incidents/index.ts';
import { searchTextOf } from '../../src/modules/incidents/text.ts';
import { isoWeekMonday } from '../../src/modules/incidents/time.ts';
import { INCIDENT_TYPE_CODES, INCIDENT_TYPES, type IncidentType } from '../../src/shared/incidents.ts';

const DAY_MS = 86_400_000;
/** Inside the map's first view (Port-au-Prince at zoom 10.5, 1280 × 800). */
const AREA = { west: -72.45, south: 18.45, east: -72.2, north: 18.64 };
const CENTRES = [[-72.332, 18.5805], [-72.3365, 18.5475], [-72.355, 18.53], [-72.4, 18.534], [-72.303, 18.547], [-72.27, 18.58], [-72.227, 18.577], [-72.2853, 18.5125]] as const;
const TYPES = Object.keys(INCIDENT_TYPES) as IncidentType[];

type Row = Record<string, string | number | null>;

/** The i-th synthetic incident, drawing from `random` (rows must be drawn in order). */
function syntheticRow(i: number, random: () => number, now: number, owner: { org: string; reporter: string }): Row {
  const [lon0, lat0] = CENTRES[Math.floor(random() * CENTRES.length)]!;
  const spread = () => (random() + random() + random() - 1.5) * 0.06;
  const lon = Math.min(AREA.east, Math.max(AREA.west, lon0 + spread()));
  const lat = Math.min(AREA.north, Math.max(AREA.south, lat0 + spread()));
  // Two years up to an hour ago, more of them recent.
  const ms = Math.round(now - 3_600_000 - random() ** 2 * 730 * DAY_MS);
  const type = TYPES[Math.floor(random() * TYPES.length)]!;
  const label = random();
  const classification = label < 0.7 ? 'PUBLIC' : label < 0.9 ? 'MISSION' : 'RESTRICTED';
  const title = `${INCIDENT_TYPES[type].labels.en} (synthetic ${i})`;
  const at = new Date(ms).toISOString();
  return {
    id: `bench-map-${String(i).padStart(6, '0')}`, type, type_code: INCIDENT_TYPE_CODES[type], title, description: 'Synthetic incident for the web map bench.',
    occurred_at: at, occurred_ms: ms, occurred_week: isoWeekMonday(ms), occurred_precision: 'exact', reported_at: at, lon, lat, location_precision: 'exact',
    place_name: null, adm1_pcode: null, adm1_name: null, adm2_pcode: null, adm2_name: null, adm3_pcode: null, adm3_name: null,
    killed: Math.floor(random() * 3), injured: Math.floor(random() * 3), abducted: 0, displaced: 0, verification: i % 3 === 0 ? 'verified' : 'unverified',
    reporter_id: owner.reporter, classification, owner_org_id: owner.org, illustrative: 0, version: 1, search_text: searchTextOf([title]), created_at: at, updated_at: at,
  };
}

/**
 * Writes `rows` synthetic incidents straight into a stopped server's SQLite file (the demo already
 * loaded: they belong to the Kenyan contingent) in one transaction, then the indexes and the
 * weekly summary as Konbit keeps them. Returns how many a mission member of another organisation
 * may see: the public and mission ones.
 */
export async function writeMapIncidents(file: string, { rows, seed }: { rows: number; seed: number }): Promise<number> {
  const raw = new SQLite(file);
  const org = (raw.prepare("select id from organisations where code = 'KEN'").get() as { id: string }).id;
  const reporter = (raw.prepare("select id from users where username = 'ken.commander'").get() as { id: string }).id;
  const random = mulberry32(seed);
  const now = Date.now();
  // A first row, drawn and dropped, names the columns: the rows are those the bench always measured.
  const columns = Object.keys(syntheticRow(-1, random, now, { org, reporter }));
  const insert = raw.prepare(`insert into incidents (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  let visible = 0;
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const row = syntheticRow(i, random, now, { org, reporter });
      insert.run(...Object.values(row));
      if (row.classification !== 'RESTRICTED') visible += 1;
    }
  })();
  raw.close();
  const db = createDb({ url: `sqlite:${file}` });
  await reindexAllRows(db, { table: 'incidents', lon: 'lon', lat: 'lat', time: 'occurred_ms', category: 'type_code', text: 'search_text' });
  await rebuildSummary(db);
  await db.destroy();
  return visible;
}
