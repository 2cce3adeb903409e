// Synthetic ACLED rows for the import benchmark: a fixed seed, points over the
// Port-au-Prince area, the event types ACLED uses in Haiti, gang names as it
// writes them. Streamed as CSV text so that a million rows never sit in memory.

import { mulberry32 } from '../../../core/random.ts';
import { ACLED_COLUMNS } from './acled.ts';
import { csvLine } from './csv.ts';

const EVENTS: readonly [string, string, string][] = [
  ['Political violence', 'Battles', 'Armed clash'],
  ['Political violence', 'Violence against civilians', 'Attack'],
  ['Political violence', 'Violence against civilians', 'Abduction/forced disappearance'],
  ['Political violence', 'Violence against civilians', 'Sexual violence'],
  ['Strategic developments', 'Strategic developments', 'Looting/property destruction'],
  ['Strategic developments', 'Strategic developments', 'Other'],
  ['Demonstrations', 'Protests', 'Peaceful protest'],
  ['Political violence', 'Explosions/Remote violence', 'Air/drone strike'],
];
const GANGS = ['Gang: G9 an Fanmi e Alye', 'Gang: G-Pèp', 'Gang: 400 Mawozo', 'Gang: 5 Segond', 'Gang: Grand Ravine', 'Gang: Ti Makak', 'Gang: Kraze Baryè', 'Gang: Village de Dieu', 'Gang: Viv Ansanm', 'Gang: Baz Pilat'];
const TARGETS = ['Civilians (Haiti)', 'Police Forces of Haiti (2021-)', 'Protesters (Haiti)', ''];
const PLACES = ['Port-au-Prince - Martissant', 'Port-au-Prince - Bel Air', 'Cite Soleil', 'Delmas', 'Petion-Ville', 'Tabarre', 'Croix-des-Bouquets', 'Carrefour', 'Port-au-Prince - Solino', 'Port-au-Prince - Carrefour Feuilles'];
const SOURCES = ['Le Nouvelliste', 'Radio Kiskeya', 'Alterpresse', 'Gazette Haiti', 'Ayibopost', 'RNDDH'];
/** The Port-au-Prince area. */
const BOX = { west: -72.45, south: 18.45, east: -72.2, north: 18.62 };
const START = Date.UTC(2020, 0, 1);
const SPAN_DAYS = 5 * 365;

function twoSources(draw: number): string {
  const first = Math.floor(draw * SOURCES.length);
  return `${SOURCES[first]!}; ${SOURCES[(first + 1) % SOURCES.length]!}`;
}

export interface SyntheticAcledOptions {
  seed?: number;
  /** Rows per yielded chunk of text. */
  rowsPerChunk?: number;
}

/** N synthetic ACLED rows as CSV text (header first), in chunks. */
export async function* syntheticAcledCsv(count: number, { seed = 4, rowsPerChunk = 1000 }: SyntheticAcledOptions = {}): AsyncGenerator<string> {
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  yield csvLine(ACLED_COLUMNS);
  let chunk: string[] = [];
  for (let i = 0; i < count; i++) {
    const [disorder, event, sub] = pick(EVENTS);
    const day = new Date(START + Math.floor(next() * SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10);
    const actor1 = pick(GANGS);
    const actor2 = event === 'Violence against civilians' ? 'Civilians (Haiti)' : pick(TARGETS);
    const place = pick(PLACES);
    const fatalities = next() < 0.6 ? 0 : Math.floor(next() * 6);
    const values = {
      event_id_cnty: `HTI${String(100_000 + i)}`, event_date: day, year: Number(day.slice(0, 4)), time_precision: 1, disorder_type: disorder, event_type: event,
      sub_event_type: sub, actor1, assoc_actor_1: '', inter1: 'Political militia', actor2, assoc_actor_2: '', inter2: actor2 === '' ? '' : actor2.startsWith('Police') ? 'State forces' : 'Civilians',
      interaction: '', civilian_targeting: event === 'Violence against civilians' ? 'Civilian targeting' : '', iso: 332, region: 'Caribbean', country: 'Haiti',
      admin1: 'Ouest', admin2: 'Port-au-Prince', admin3: '', location: place,
      latitude: Number((BOX.south + next() * (BOX.north - BOX.south)).toFixed(4)), longitude: Number((BOX.west + next() * (BOX.east - BOX.west)).toFixed(4)),
      geo_precision: 1 + Math.floor(next() * 2), source: twoSources(next()), source_scale: 'National',
      notes: `On ${day}, members of ${actor1.replace('Gang: ', '')} were involved in an incident in ${place}. [synthetic]`, fatalities, tags: '', timestamp: 1_700_000_000 + i,
    };
    chunk.push(csvLine(ACLED_COLUMNS.map((column) => values[column])));
    if (chunk.length >= rowsPerChunk) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}
