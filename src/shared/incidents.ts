import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';
import { codesOf, type Labels } from './i18n.ts';

/*
 * The incident vocabulary of the mission, with the ACLED event type and
 * sub-event type and the Cursor-on-Target type each maps to.
 */

interface IncidentTypeInfo {
  labels: Labels;
  acled: { disorderType: string; eventType: string; subEventType: string };
  /** CoT type used on export; Konbit's own type travels in the event's detail. */
  cot: string;
}

const VAC = 'Political violence';
const SD = 'Strategic developments';

export const INCIDENT_TYPES = {
  kidnapping: {
    labels: { en: 'Kidnapping', fr: 'Enlèvement', ht: 'Kidnaping' },
    acled: { disorderType: VAC, eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' },
    cot: 'a-h-G',
  },
  killing: {
    labels: { en: 'Killing', fr: 'Meurtre', ht: 'Asasina' },
    acled: { disorderType: VAC, eventType: 'Violence against civilians', subEventType: 'Attack' },
    cot: 'a-h-G',
  },
  armed_clash: {
    labels: { en: 'Armed clash', fr: 'Affrontement armé', ht: 'Goumen ak zam' },
    acled: { disorderType: VAC, eventType: 'Battles', subEventType: 'Armed clash' },
    cot: 'a-h-G-U-C',
  },
  attack_on_police: {
    labels: { en: 'Attack on police', fr: 'Attaque contre la police', ht: 'Atak sou polis' },
    acled: { disorderType: VAC, eventType: 'Battles', subEventType: 'Armed clash' },
    cot: 'a-h-G-U-C',
  },
  looting: {
    labels: { en: 'Looting / pillaging', fr: 'Pillage', ht: 'Piyaj' },
    acled: { disorderType: SD, eventType: SD, subEventType: 'Looting/property destruction' },
    cot: 'a-h-G',
  },
  arson: {
    labels: { en: 'Arson', fr: 'Incendie criminel', ht: 'Dife kriminèl' },
    acled: { disorderType: SD, eventType: SD, subEventType: 'Looting/property destruction' },
    cot: 'a-h-G',
  },
  sexual_violence: {
    labels: { en: 'Sexual violence', fr: 'Violence sexuelle', ht: 'Vyolans seksyèl' },
    acled: { disorderType: VAC, eventType: 'Violence against civilians', subEventType: 'Sexual violence' },
    cot: 'a-h-G',
  },
  organ_trafficking: {
    labels: { en: 'Organ trafficking', fr: 'Trafic d’organes', ht: 'Trafik ògàn' },
    acled: { disorderType: SD, eventType: SD, subEventType: 'Other' },
    cot: 'a-h-G',
  },
  roadblock: {
    labels: { en: 'Roadblock / extortion', fr: 'Barrage routier / extorsion', ht: 'Baraj sou wout / rakèt' },
    acled: { disorderType: SD, eventType: SD, subEventType: 'Other' },
    cot: 'a-h-G-I-B',
  },
  attack_on_infrastructure: {
    labels: { en: 'Attack on infrastructure', fr: 'Attaque contre une infrastructure', ht: 'Atak sou enfrastrikti' },
    acled: { disorderType: SD, eventType: SD, subEventType: 'Looting/property destruction' },
    cot: 'a-h-G',
  },
  displacement: {
    labels: { en: 'Displacement', fr: 'Déplacement de population', ht: 'Deplasman moun' },
    acled: { disorderType: SD, eventType: SD, subEventType: 'Other' },
    cot: 'b-m-p-s-p-i',
  },
  protest: {
    labels: { en: 'Protest', fr: 'Manifestation', ht: 'Manifestasyon' },
    acled: { disorderType: 'Demonstrations', eventType: 'Protests', subEventType: 'Peaceful protest' },
    cot: 'b-m-p-s-p-i',
  },
  other: {
    labels: { en: 'Other', fr: 'Autre', ht: 'Lòt' },
    acled: { disorderType: SD, eventType: SD, subEventType: 'Other' },
    cot: 'b-m-p-s-p-i',
  },
} as const satisfies Record<string, IncidentTypeInfo>;

export const IncidentType = z.enum(codesOf(Object.fromEntries(Object.entries(INCIDENT_TYPES).map(([k, v]) => [k, v.labels])) as Record<keyof typeof INCIDENT_TYPES, Labels>));
export type IncidentType = z.infer<typeof IncidentType>;

export const TIME_PRECISIONS = {
  exact: { en: 'Exact', fr: 'Exacte', ht: 'Egzak' },
  day: { en: 'Day', fr: 'Jour', ht: 'Jou' },
  week: { en: 'Week', fr: 'Semaine', ht: 'Semèn' },
  month: { en: 'Month', fr: 'Mois', ht: 'Mwa' },
} as const;
export const TimePrecision = z.enum(codesOf(TIME_PRECISIONS));

/** Where a point is known: at the spot, in the neighbourhood, only the commune, only the department. */
export const LOCATION_PRECISIONS = {
  exact: { en: 'Exact', fr: 'Exacte', ht: 'Egzak' },
  near: { en: 'Nearby', fr: 'À proximité', ht: 'Toupre' },
  commune: { en: 'Commune', fr: 'Commune', ht: 'Komin' },
  department: { en: 'Department', fr: 'Département', ht: 'Depatman' },
} as const;
export const LocationPrecision = z.enum(codesOf(LOCATION_PRECISIONS));

export const VERIFICATION_STATUSES = {
  unverified: { en: 'Unverified', fr: 'Non vérifié', ht: 'Pa verifye' },
  verified: { en: 'Verified', fr: 'Vérifié', ht: 'Verifye' },
  disputed: { en: 'Disputed', fr: 'Contesté', ht: 'Kontwovèsyal' },
  rejected: { en: 'Rejected', fr: 'Rejeté', ht: 'Rejte' },
} as const;
export const VerificationStatus = z.enum(codesOf(VERIFICATION_STATUSES));
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** NATO/Admiralty grading: reliability of the source (A–F), credibility of the information (1–6). */
export const SourceReliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export const InformationCredibility = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);

export const ACTOR_ROLES = ['perpetrator', 'target', 'associated'] as const;
export const ActorKind = z.enum(['gang', 'coalition', 'state_force', 'mission', 'civilians', 'other']);

/** Haiti with a margin for its islands: a point outside it is flagged as impossible. */
export const HAITI_BOUNDS = { west: -74.55, south: 17.95, east: -71.6, north: 20.15 } as const;

const IsoDateTime = z.iso.datetime({ offset: true });

export const IncidentSource = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z.url().max(2000).optional(),
  reliability: SourceReliability,
  credibility: InformationCredibility,
  reportedAt: IsoDateTime.optional(),
});
export type IncidentSource = z.infer<typeof IncidentSource>;

export const IncidentActor = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(ACTOR_ROLES),
  kind: ActorKind.optional(),
});

export const IncidentCounts = z.strictObject({
  killed: z.int().min(0).max(100_000).default(0),
  injured: z.int().min(0).max(100_000).default(0),
  abducted: z.int().min(0).max(100_000).default(0),
  displaced: z.int().min(0).max(10_000_000).default(0),
});

export const IncidentLocation = z.strictObject({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  precision: LocationPrecision.default('exact'),
  placeName: z.string().trim().max(200).optional(),
});

/** What a reporter or an importer gives to create or replace an incident. */
export const IncidentInput = z.strictObject({
  type: IncidentType,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000).default(''),
  occurredAt: IsoDateTime,
  occurredPrecision: TimePrecision.default('exact'),
  location: IncidentLocation,
  actors: z.array(IncidentActor).max(20).default([]),
  counts: IncidentCounts.default({ killed: 0, injured: 0, abducted: 0, displaced: 0 }),
  sources: z.array(IncidentSource).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(64)).max(30).default([]),
  /** The id the incident has in the system it came from (ACLED event_id_cnty, CoT uid…). */
  external: z.strictObject({ system: z.enum(['acled', 'ushahidi', 'cot', 'geojson', 'hxl']), id: z.string().min(1).max(200) }).optional(),
  classification: Classification,
  releasableTo: z.array(OrganisationCode).max(64).default([]),
  /** Marks demo and training records so that nobody mistakes them for reports. */
  illustrative: z.boolean().default(false),
});
export type IncidentInput = z.input<typeof IncidentInput>;
export type IncidentInputParsed = z.infer<typeof IncidentInput>;

/** The department, commune and communal section a point falls in (COD-AB P-codes and names). */
export const AdminAreas = z.object({
  adm1Pcode: z.string(),
  adm1Name: z.string(),
  adm2Pcode: z.string(),
  adm2Name: z.string(),
  adm3Pcode: z.string(),
  adm3Name: z.string(),
});
export type AdminAreas = z.infer<typeof AdminAreas>;

/**
 * What an export reads and a format writes: the input fields as parsed, plus
 * what Konbit added (id, verification status, when it was reported, the admin
 * areas derived on write). releasableTo holds organisation codes; owner is the
 * owning organisation's code.
 */
export type ExportableIncident = IncidentInputParsed & {
  id: string;
  owner: string;
  verification: VerificationStatus;
  reportedAt: string;
  admin: AdminAreas | null;
};

/** One row an importer hands to importIncidents: parsed input, or why the row could not be read. */
export interface ImportRowError {
  line: number;
  column?: string;
  value?: string;
  reason: string;
}
export type ImportRow = { line: number; input: IncidentInput } | { line: number; errors: ImportRowError[] };
export type ImportMode = 'all-or-nothing' | 'commit-valid';
export interface ImportResult {
  created: number;
  updated: number;
  rejected: ImportRowError[];
}
