import { INCIDENT_TYPES, type IncidentInput, type IncidentType } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { mulberry32 } from '../../core/random.ts';
import { actorForUsername } from './act-as.ts';
import { adminAreasIn, type AdminAreaLookup } from './admin-areas.ts';
import { importIncidents } from './import.service.ts';
import { listIncidents } from './query.service.ts';
import { decideVerification } from './verification.service.ts';

/*
 * Illustrative incidents for the demo mission, so that the map and the charts
 * are not empty: a few hundred reports around the Port-au-Prince metro area
 * over the last six months, from a fixed seed. Every one says it is
 * illustrative, in its title, its description and its flag; the actor names
 * are those public reporting (ACLED, the UN) uses, the events are invented.
 */

const SEED = 0x4b6f6e62; // "Konb"
const COUNT = 320;
const DAY_MS = 86_400_000;

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted.at(-1)![0];
}

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Neighbourhoods of the metro area (approximate centres), with the armed groups public reporting places there. */
const PLACES = [
  { name: 'Cité Soleil', lon: -72.332, lat: 18.5805, weight: 14, groups: ['G-Pep', 'G9 an Fanmi e Alye'] },
  { name: 'Bel Air', lon: -72.3365, lat: 18.5475, weight: 8, groups: ['G9 an Fanmi e Alye'] },
  { name: 'Martissant', lon: -72.355, lat: 18.53, weight: 10, groups: ['Grand Ravine', 'Village de Dieu'] },
  { name: 'Village de Dieu', lon: -72.3445, lat: 18.5395, weight: 7, groups: ['Village de Dieu'] },
  { name: 'Grand Ravine', lon: -72.344, lat: 18.5275, weight: 6, groups: ['Grand Ravine'] },
  { name: 'Carrefour', lon: -72.4, lat: 18.534, weight: 8, groups: ['Grand Ravine', 'Viv Ansanm'] },
  { name: 'Delmas', lon: -72.303, lat: 18.547, weight: 9, groups: ['G9 an Fanmi e Alye', 'Viv Ansanm'] },
  { name: 'Solino', lon: -72.323, lat: 18.556, weight: 5, groups: ['Viv Ansanm'] },
  { name: 'Tabarre', lon: -72.27, lat: 18.58, weight: 7, groups: ['400 Mawozo', 'Viv Ansanm'] },
  { name: 'Croix-des-Bouquets', lon: -72.227, lat: 18.577, weight: 10, groups: ['400 Mawozo'] },
  { name: 'Croix-des-Missions', lon: -72.28, lat: 18.598, weight: 4, groups: ['400 Mawozo', 'Kraze Baryè'] },
  { name: 'Centre-ville', lon: -72.34, lat: 18.544, weight: 7, groups: ['Village de Dieu', 'Viv Ansanm'] },
  { name: 'Carrefour-Feuilles', lon: -72.33, lat: 18.535, weight: 4, groups: ['Grand Ravine'] },
  { name: 'Pétion-Ville', lon: -72.2853, lat: 18.5125, weight: 3, groups: ['Kraze Baryè'] },
] as const;

const GROUP_KINDS: Record<string, 'gang' | 'coalition'> = {
  'G9 an Fanmi e Alye': 'coalition',
  'G-Pep': 'coalition',
  'Viv Ansanm': 'coalition',
  '400 Mawozo': 'gang',
  'Village de Dieu': 'gang',
  'Grand Ravine': 'gang',
  'Kraze Baryè': 'gang',
};

const TYPES: readonly (readonly [IncidentType, number])[] = [
  ['killing', 18], ['kidnapping', 14], ['armed_clash', 14], ['roadblock', 12], ['looting', 8], ['arson', 8],
  ['attack_on_police', 7], ['displacement', 6], ['sexual_violence', 5], ['attack_on_infrastructure', 4],
  ['protest', 3], ['other', 2], ['organ_trafficking', 1],
];

/** A short line in the language field officers often write in, to show search across languages. */
const NOTES: Record<IncidentType, string> = {
  killing: 'Moun ame tire sou sivil nan katye a. Des civils tués par balle.',
  kidnapping: 'Yo kidnape plizyè moun sou wout la. Enlèvement contre rançon signalé.',
  armed_clash: 'Goumen ak zam ant gang yo ak polis la. Échanges de tirs prolongés.',
  roadblock: 'Baraj sou wout nasyonal la, gang yo ap peye rakèt. Barrage et péage illégal.',
  looting: 'Piyaj nan magazen ak depo. Pillage d’entrepôts signalé.',
  arson: 'Yo mete dife nan kay ak machin. Maisons incendiées.',
  attack_on_police: 'Atak sou komisarya polis la. Attaque contre un commissariat.',
  displacement: 'Fanmi yo kouri kite kay yo. Déplacement de familles vers des sites d’accueil.',
  sexual_violence: 'Vyolans seksyèl rapòte pa yon òganizasyon fanm. Violences sexuelles signalées.',
  attack_on_infrastructure: 'Atak sou enfrastrikti: kouran ak dlo koupe. Attaque contre une infrastructure.',
  protest: 'Manifestasyon kont ensekirite. Manifestation contre l’insécurité.',
  other: 'Lòt ensidan rapòte. Autre incident signalé.',
  organ_trafficking: 'Rimè trafik ògàn, pa verifye. Rumeur de trafic d’organes, non vérifiée.',
};

function countsFor(type: IncidentType, random: () => number) {
  const counts = { killed: 0, injured: 0, abducted: 0, displaced: 0 };
  if (type === 'killing') counts.killed = between(random, 1, 6);
  if (type === 'armed_clash' || type === 'attack_on_police') Object.assign(counts, { killed: between(random, 0, 7), injured: between(random, 0, 9) });
  if (type === 'kidnapping') counts.abducted = between(random, 1, 12);
  if (type === 'displacement') counts.displaced = between(random, 40, 2500);
  if (type === 'arson' || type === 'looting') counts.displaced = between(random, 0, 300);
  return counts;
}

const REPORTERS = [['hnp.liaison', 40], ['ken.commander', 25], ['jam.commander', 15], ['hq.analyst', 10], ['bhs.commander', 5], ['atg.commander', 5]] as const;

function label(random: () => number, reporter: string): Pick<IncidentInput, 'classification' | 'releasableTo'> {
  const roll = random();
  if (roll < 0.55) return { classification: 'PUBLIC' };
  if (roll < 0.85) return { classification: 'MISSION' };
  // Restricted: Kenyan and Jamaican reports kept to their own contingent, HNP reports shared with one of them.
  if (reporter === 'hnp.liaison') return { classification: 'RESTRICTED', releasableTo: [random() < 0.5 ? 'KEN' : 'JAM'] };
  return { classification: 'RESTRICTED', releasableTo: [] };
}

/** A point within about 600 m of the place, on land when the boundaries are known (the bay is close to Cité Soleil). */
function near(random: () => number, place: { lon: number; lat: number }, areas: AdminAreaLookup | null): { lon: number; lat: number } {
  for (let tries = 0; ; tries += 1) {
    const point = { lon: place.lon + (random() - 0.5) * 0.012, lat: place.lat + (random() - 0.5) * 0.012 };
    if (!areas || areas.lookup(point.lon, point.lat) || tries >= 20) return point;
  }
}

function demoIncident(random: () => number, index: number, reporter: string, nowMs: number, areas: AdminAreaLookup | null): IncidentInput {
  const place = pick(random, PLACES.map((p) => [p, p.weight] as const));
  const type = pick(random, TYPES);
  const group = place.groups[Math.floor(random() * place.groups.length)]!;
  const occurredMs = nowMs - Math.floor(random() * 180 * DAY_MS) - DAY_MS;
  return {
    type,
    title: `[Illustrative] ${INCIDENT_TYPES[type].labels.en} in ${place.name}`,
    description: `Illustrative demo record ${index + 1}, not a real report. ${NOTES[type]}`,
    occurredAt: new Date(occurredMs - (occurredMs % 60_000)).toISOString(),
    occurredPrecision: random() < 0.8 ? 'exact' : 'day',
    location: { ...near(random, place, areas), precision: random() < 0.7 ? 'exact' : 'near', placeName: place.name },
    actors: [
      { name: group, role: type === 'attack_on_police' || type === 'armed_clash' || random() < 0.9 ? 'perpetrator' : 'associated', kind: GROUP_KINDS[group] },
      ...(type === 'armed_clash' || type === 'attack_on_police' ? [{ name: 'Police Nationale d’Haïti', role: 'target' as const, kind: 'state_force' as const }] : []),
      ...(type === 'killing' || type === 'kidnapping' || type === 'sexual_violence' ? [{ name: 'Civilians (Haiti)', role: 'target' as const, kind: 'civilians' as const }] : []),
    ],
    counts: countsFor(type, random),
    sources: [
      pick(random, [
        [{ name: 'HNP situation report (illustrative)', reliability: 'B', credibility: 2 }, 4],
        [{ name: 'MSS patrol report (illustrative)', reliability: 'A', credibility: 2 }, 2],
        [{ name: 'Local radio (illustrative)', reliability: 'C', credibility: 3 }, 3],
        [{ name: 'Community messaging group (illustrative)', reliability: 'E', credibility: 4 }, 2],
      ] as const),
    ],
    tags: ['illustrative', ...(random() < 0.2 ? ['route-nationale'] : [])],
    ...label(random, reporter),
    illustrative: true,
  };
}

/** Loads the illustrative incidents (the demo's step for this module). */
export async function loadDemoIncidents({ db, datasetsDir }: { db: Db; datasetsDir: string | null }): Promise<string> {
  const random = mulberry32(SEED);
  const nowMs = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const areas = await adminAreasIn(datasetsDir);
  const byReporter = new Map<string, IncidentInput[]>();
  for (let i = 0; i < COUNT; i += 1) {
    const reporter = pick(random, REPORTERS);
    byReporter.set(reporter, [...(byReporter.get(reporter) ?? []), demoIncident(random, i, reporter, nowMs, areas)]);
  }
  let created = 0;
  for (const [username, inputs] of byReporter) {
    const actor = await actorForUsername(db, username);
    const rows = inputs.map((input, i) => ({ line: i + 1, input }));
    const result = await importIncidents({ db, actor, rows, mode: 'all-or-nothing', areas });
    if (result.rejected.length > 0) throw new Error(`demo incidents rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    created += result.created;
  }
  const verified = await verifySome(db, random);
  return `${created} illustrative incidents${areas ? '' : ' (no admin boundaries found: admin areas left empty)'}, ${verified} of them verified, disputed or rejected`;
}

/** The HQ analyst decides on others' reports, the HNP liaison on the HQ analyst's. */
async function verifySome(db: Db, random: () => number): Promise<number> {
  let decided = 0;
  for (const username of ['hq.analyst', 'hnp.liaison']) {
    const analyst = await actorForUsername(db, username);
    let cursor: string | undefined;
    do {
      const page = await listIncidents({ db, viewer: analyst, filter: { verification: ['unverified'] }, cursor, limit: 200 });
      for (const incident of page.items) {
        if (incident.reportedBy.username === username || incident.reportedBy.organisation === analyst.organisationCode) continue;
        const roll = random();
        const status = roll < 0.5 ? 'verified' : roll < 0.56 ? 'disputed' : roll < 0.6 ? 'rejected' : null;
        if (!status) continue;
        await decideVerification({ db, actor: analyst, id: incident.id, decision: { status, note: 'illustrative decision' } });
        decided += 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return decided;
}
