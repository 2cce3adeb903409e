// From the words of other systems to the mission vocabulary and back: ACLED
// event and sub-event types, Ushahidi category labels in English, French and
// Kreyòl, Cursor-on-Target types, and ACLED's actor categories.

import { INCIDENT_TYPES, type IncidentType } from '../../../shared/incidents.ts';
import { fold } from './row.ts';

type ActorKind = 'gang' | 'coalition' | 'state_force' | 'mission' | 'civilians' | 'other';

export interface TypeGuess {
  type: IncidentType;
  /** False when the source's type says more (or other) than the mission type: the detail is kept as a tag. */
  exact: boolean;
}

const ARSON = /\b(burn\w*|set (on )?fire|arson|torch\w*|incendi\w*|dife)\b/i;
const ROADBLOCK = /\b(road ?blocks?|barricad\w*|checkpoints?|extort\w*|toll|barrage|baraj|rak[eè]t)\b/i;
const DISPLACEMENT = /\b(displac\w*|fled|flee\w*|d[ée]plac\w*|deplase)\b/i;
const ORGANS = /\b(organ[es]? traffick\w*|trafic d.organes|organ harvest\w*)\b/i;
const INFRASTRUCTURE = /\b(power (station|plant|line)|substation|port|airport|hospital|water (plant|station)|fuel terminal|terminal|electric\w*|infrastructure)\b/i;
const POLICE = /\b(police|PNH|HNP|BOID|SWAT|UDMO|CIMO)\b/i;

/** The closest mission type for an ACLED event, using its notes and actors where ACLED's types are broader. */
export function typeFromAcled(eventType: string, subEventType: string, hints: { fatalities: number; notes: string; actor1: string; actor2: string }): TypeGuess {
  const event = fold(eventType);
  const sub = fold(subEventType);
  const guess = (type: IncidentType): TypeGuess => ({ type, exact: isExactAcled(type, eventType, subEventType) });
  if (event === 'violence against civilians') {
    if (sub.startsWith('abduction')) return guess('kidnapping');
    if (sub === 'sexual violence') return guess('sexual_violence');
    return guess('killing');
  }
  if (event === 'battles') {
    const policeAttacked = POLICE.test(hints.actor2) && !POLICE.test(hints.actor1);
    return guess(policeAttacked ? 'attack_on_police' : 'armed_clash');
  }
  if (event === 'explosions/remote violence') return guess('armed_clash');
  if (event === 'protests') return guess('protest');
  if (event === 'riots') return guess(sub === 'mob violence' && hints.fatalities > 0 ? 'killing' : 'protest');
  if (event === 'strategic developments') {
    if (sub.startsWith('looting')) {
      if (ARSON.test(hints.notes)) return guess('arson');
      if (INFRASTRUCTURE.test(hints.notes)) return guess('attack_on_infrastructure');
      return guess('looting');
    }
    if (ORGANS.test(hints.notes)) return guess('organ_trafficking');
    if (ROADBLOCK.test(hints.notes)) return guess('roadblock');
    if (DISPLACEMENT.test(hints.notes)) return guess('displacement');
    return guess('other');
  }
  return { type: 'other', exact: false };
}

function isExactAcled(type: IncidentType, eventType: string, subEventType: string): boolean {
  const acled = INCIDENT_TYPES[type].acled;
  return fold(acled.eventType) === fold(eventType) && fold(acled.subEventType) === fold(subEventType);
}

const SYNONYMS: Record<IncidentType, readonly string[]> = {
  kidnapping: ['kidnap', 'kidnapping', 'kidnappings', 'abduction', 'abductions', 'enlevement', 'enlevements', 'kidnaping', 'kidnapin', 'hostage', 'hostages', 'otaj', 'prise d\'otage', 'rapt'],
  killing: ['murder', 'murders', 'killing', 'killings', 'homicide', 'assassination', 'assassinat', 'meurtre', 'meurtres', 'asasina', 'touye moun', 'execution', 'lynching', 'lynchage'],
  armed_clash: ['armed clash', 'clash', 'clashes', 'gunfight', 'gunfire', 'shooting', 'shootings', 'fusillade', 'affrontement', 'affrontements', 'affrontement arme', 'echange de tirs', 'tire', 'goumen', 'goumen ak zam', 'battle'],
  attack_on_police: ['attack on police', 'attaque contre la police', 'atak sou polis', 'police attacked', 'attack on a police station', 'attaque de commissariat'],
  looting: ['looting', 'pillaging', 'looting / pillaging', 'pillage', 'piyaj', 'theft', 'robbery', 'vol', 'vol a main armee'],
  arson: ['arson', 'fire', 'house burning', 'burning', 'incendie', 'incendie criminel', 'dife', 'dife kriminel', 'boule kay'],
  sexual_violence: ['sexual violence', 'rape', 'gbv', 'sexual assault', 'gender based violence', 'viol', 'violence sexuelle', 'violences sexuelles', 'kadejak', 'vyolans seksyel'],
  organ_trafficking: ['organ trafficking', 'trafic d\'organes', 'trafik ogan'],
  roadblock: ['roadblock', 'roadblocks', 'road block', 'barricade', 'barricades', 'checkpoint', 'extortion', 'roadblock / extortion', 'barrage', 'barrages', 'barrage routier', 'extorsion', 'racket', 'baraj', 'baraj sou wout', 'raket', 'peage'],
  attack_on_infrastructure: ['attack on infrastructure', 'infrastructure', 'sabotage', 'attaque contre une infrastructure', 'atak sou enfrastrikti'],
  displacement: ['displacement', 'displaced', 'idp', 'idps', 'deplacement', 'deplacement de population', 'deplaces', 'deplasman', 'deplasman moun', 'moun deplase'],
  protest: ['protest', 'protests', 'demonstration', 'demonstrations', 'manifestation', 'manifestations', 'manifestasyon', 'riot', 'riots', 'emeute'],
  other: ['other', 'autre', 'lot'],
};

const ALIASES: [string, IncidentType][] = (Object.keys(INCIDENT_TYPES) as IncidentType[])
  .flatMap((type) => [type, type.replace(/_/g, ' '), ...Object.values(INCIDENT_TYPES[type].labels), ...SYNONYMS[type]].map((alias) => [fold(alias), type] as [string, IncidentType]))
  .sort((a, b) => b[0].length - a[0].length);

/**
 * The mission type a label names: a code ("kidnapping"), a label in English,
 * French or Kreyòl, or a common synonym. "1. Kidnapping | Enlèvement" style
 * category names are split on "|" and stripped of their number first.
 */
export function typeFromLabel(label: string): IncidentType | undefined {
  const parts = label.replace(/^\s*\d+\s*[.)-]\s*/, '').split('|').map(fold).filter((part) => part !== '');
  for (const part of parts) {
    const exact = ALIASES.find(([alias]) => alias === part);
    if (exact) return exact[1];
  }
  for (const part of parts) {
    const within = ALIASES.find(([alias]) => alias.length >= 4 && new RegExp(`(^|[^\\p{L}])${escapeRegExp(alias)}([^\\p{L}]|$)`, 'u').test(part));
    if (within) return within[1];
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** CoT types that name one mission type; the shared ones (a-h-G…) need Konbit's detail to tell. */
export function typeFromCot(cotType: string): IncidentType | undefined {
  const matches = (Object.keys(INCIDENT_TYPES) as IncidentType[]).filter((type) => INCIDENT_TYPES[type].cot === cotType);
  return matches.length === 1 ? matches[0] : undefined;
}

/** An actor's kind from its name and ACLED's actor category (inter1/inter2, text or the old digits). */
export function actorKind(name: string, inter: string): ActorKind | undefined {
  const category = fold(inter);
  if (category === '1' || category.startsWith('state forces')) return /multinational|\bMSS\b|mission/i.test(name) ? 'mission' : 'state_force';
  if (category === '7' || category.startsWith('civilians')) return 'civilians';
  if (/multinational|\bMSS\b|\bMSM\b/i.test(name)) return 'mission';
  if (/\bG9\b|G-?P[eè]p|Viv Ansanm|coalition|alliance/i.test(name)) return 'coalition';
  if (/^gang\b|\bgang\b|\bbaz\b/i.test(name)) return 'gang';
  if (POLICE.test(name) || /military|armed forces|FAd.H/i.test(name)) return 'state_force';
  if (category === '8' || category.startsWith('external')) return 'other';
  return undefined;
}

/** ACLED's actor category for a kind, as the current export writes it. */
export function acledInter(kind: ActorKind | undefined): string {
  switch (kind) {
    case 'gang':
    case 'coalition': return 'Political militia';
    case 'state_force': return 'State forces';
    case 'civilians': return 'Civilians';
    case 'mission': return 'External/Other forces';
    case 'other':
    case undefined: return '';
  }
}
