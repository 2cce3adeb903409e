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

/** A stable small number per type, for indexes: new types go at the end of INCIDENT_TYPES. */
export const INCIDENT_TYPE_CODES = Object.fromEntries(Object.keys(INCIDENT_TYPES).map((type, code) => [type, code])) as Record<keyof typeof INCIDENT_TYPES, number>;

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
  /** Rows that became new incidents. */
  created: number;
  /** Rows that matched an existing incident by external id (rewritten only where something changed). */
  updated: number;
  rejected: ImportRowError[];
}

/* ----- What the API gives back ----- */

/** Who did something: always the organisation; the username only for readers of the owner organisation. */
export const PersonRef = z.object({ organisation: z.string(), username: z.string().nullable() });

/** An incident as a reader may see it. */
export const Incident = z.object({
  id: z.string(),
  type: IncidentType,
  title: z.string(),
  description: z.string(),
  occurredAt: z.string(),
  occurredPrecision: TimePrecision,
  reportedAt: z.string(),
  location: z.object({ lon: z.number(), lat: z.number(), precision: LocationPrecision, placeName: z.string().nullable() }),
  admin: AdminAreas.nullable(),
  actors: z.array(z.object({ id: z.string(), name: z.string(), kind: ActorKind, role: z.enum(ACTOR_ROLES) })),
  counts: z.object({ killed: z.number(), injured: z.number(), abducted: z.number(), displaced: z.number() }),
  sources: z.array(
    z.object({ name: z.string(), url: z.string().nullable(), reliability: SourceReliability, credibility: InformationCredibility, reportedAt: z.string().nullable() }),
  ),
  tags: z.array(z.string()),
  external: z.object({ system: z.string(), id: z.string() }).nullable(),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  illustrative: z.boolean(),
  verification: z.object({ status: VerificationStatus, by: PersonRef.nullable(), at: z.string().nullable(), note: z.string().nullable() }),
  reportedBy: PersonRef,
  /** The incident this one was merged into, when the reader may see that one. */
  mergedInto: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof Incident>;

/*
 * The fields of an edit: IncidentInput's, each optional and without its
 * default (a partial schema would fill the fields left out with their
 * defaults, and an edit of the title would empty the sources).
 */
const changeShape = Object.fromEntries(
  Object.entries(IncidentInput.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()]),
) as unknown as { [K in keyof typeof IncidentInput.shape]: z.ZodOptional<z.ZodType<z.infer<(typeof IncidentInput.shape)[K]>, z.input<(typeof IncidentInput.shape)[K]>>> };
export const IncidentChanges = z.strictObject(changeShape);

/** An edit: the fields to replace (whole top-level fields), and the version the editor read. */
export const IncidentPatch = z.strictObject({
  version: z.int().min(1),
  changes: IncidentChanges,
});
export type IncidentPatch = z.input<typeof IncidentPatch>;

export const VerificationDecision = z.strictObject({
  status: z.enum(['verified', 'disputed', 'rejected', 'unverified']),
  note: z.string().trim().max(2000).optional(),
  /** When given, the decision applies only to this version (someone else's edit makes it 409). */
  version: z.int().min(1).optional(),
});
export type VerificationDecision = z.input<typeof VerificationDecision>;

export const MergeRequest = z.strictObject({
  /** The duplicate, which will point to the incident in the path. */
  duplicateId: z.string().min(1).max(64),
  note: z.string().trim().max(2000).optional(),
});

export const HistoryEntry = z.object({
  version: z.number().int(),
  action: z.string(),
  at: z.string(),
  by: PersonRef.nullable(),
  before: Incident.nullable(),
  after: Incident,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/* ----- Queries ----- */

const BBox = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([west, south, east, north]) => west <= east && south <= north, 'bbox is west,south,east,north with west ≤ east and south ≤ north');

/** Which incidents: every condition given must hold. */
export const IncidentFilter = z.strictObject({
  /** west, south, east, north in degrees. */
  bbox: BBox.optional(),
  /** Occurred at or after. */
  from: IsoDateTime.optional(),
  /** Occurred before. */
  to: IsoDateTime.optional(),
  types: z.array(IncidentType).max(20).optional(),
  /** Actor registry ids or names. */
  actors: z.array(z.string().min(1).max(200)).max(20).optional(),
  /** A department, commune or communal section P-code (HT01, HT0111, HT0111-01). */
  area: z.string().regex(/^[A-Z]{2}[0-9]{2,4}(-[0-9]{2})?$/, 'an admin P-code such as HT01, HT0111 or HT0111-01').optional(),
  verification: z.array(VerificationStatus).max(4).optional(),
  /** Free text: every word must appear (the last one as a prefix). */
  q: z.string().trim().max(200).optional(),
  tags: z.array(z.string().min(1).max(64)).max(10).optional(),
  illustrative: z.boolean().optional(),
  /** Also list duplicates that were merged into an incident the reader may see. */
  includeMerged: z.boolean().optional(),
});
export type IncidentFilter = z.infer<typeof IncidentFilter>;

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(4000)
    .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .pipe(z.array(item));
const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The filter as a query string: lists comma-separated, bbox as west,south,east,north. */
export const IncidentFilterQuery = z.strictObject({
  bbox: z
    .string()
    .max(200)
    .transform((value) => value.split(',').map(Number))
    .pipe(BBox)
    .optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  types: commaList(IncidentType).optional(),
  actors: commaList(z.string().max(200)).optional(),
  area: IncidentFilter.shape.area,
  verification: commaList(VerificationStatus).optional(),
  q: IncidentFilter.shape.q,
  tags: commaList(z.string().max(64)).optional(),
  illustrative: booleanFlag.optional(),
  includeMerged: booleanFlag.optional(),
});

export const IncidentPage = z.object({
  items: z.array(Incident),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type IncidentPage = z.infer<typeof IncidentPage>;

/** Counts and casualties of one incident type, in one ISO week, in one commune. */
export const AggregateBucket = z.object({
  type: IncidentType,
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: z.string(),
  /** ISO week label, e.g. 2024-W07. */
  isoWeek: z.string(),
  adm2Pcode: z.string().nullable(),
  adm2Name: z.string().nullable(),
  incidents: z.number(),
  killed: z.number(),
  injured: z.number(),
  abducted: z.number(),
  displaced: z.number(),
});
export type AggregateBucket = z.infer<typeof AggregateBucket>;

export const IncidentAggregates = z.object({
  from: z.string(),
  to: z.string(),
  buckets: z.array(AggregateBucket),
  totals: z.object({ incidents: z.number(), killed: z.number(), injured: z.number(), abducted: z.number(), displaced: z.number() }),
});
export type IncidentAggregates = z.infer<typeof IncidentAggregates>;

/** The map layer: points with what the map draws and filters on. */
export const IncidentFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({
        id: z.string(),
        type: IncidentType,
        title: z.string(),
        occurredAt: z.string(),
        verification: VerificationStatus,
        killed: z.number(),
        injured: z.number(),
        abducted: z.number(),
        displaced: z.number(),
        classification: Classification,
        illustrative: z.boolean(),
        placeName: z.string().nullable(),
        commune: z.string().nullable(),
      }),
    }),
  ),
  /** True when more incidents matched than the limit; narrow the box or the window. */
  truncated: z.boolean(),
});
export type IncidentFeatureCollection = z.infer<typeof IncidentFeatureCollection>;

export const RegisteredActor = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
  /** Incidents naming this actor that the reader may see. */
  incidents: z.number(),
});
export type RegisteredActor = z.infer<typeof RegisteredActor>;

export const ActorInput = z.strictObject({ name: z.string().trim().min(1).max(200), kind: ActorKind });
export const ActorPatch = z.strictObject({ name: z.string().trim().min(1).max(200).optional(), kind: ActorKind.optional() });
export type ActorInput = z.input<typeof ActorInput>;
export type ActorPatch = z.input<typeof ActorPatch>;
