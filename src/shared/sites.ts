import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';
import { codesOf, type Vocabulary } from './i18n.ts';

/*
 * Critical sites and their protection: the sites themselves, the threat
 * derived for each, the units that guard them, and the patrol tasks given to
 * units. Shared by the server (validation) and the web app (types, labels).
 */

export const SITE_KINDS = {
  port: { en: 'Port', fr: 'Port', ht: 'Pò' },
  airport: { en: 'Airport', fr: 'Aéroport', ht: 'Ayewopò' },
  fuel_terminal: { en: 'Fuel terminal', fr: 'Terminal pétrolier', ht: 'Tèminal gaz' },
  power_plant: { en: 'Power plant', fr: 'Centrale électrique', ht: 'Santral elektrik' },
  water_works: { en: 'Water works', fr: 'Installation d’eau potable', ht: 'Enstalasyon dlo' },
  hospital: { en: 'Hospital or health centre', fr: 'Hôpital ou centre de santé', ht: 'Lopital oswa sant sante' },
  prison: { en: 'Prison', fr: 'Prison', ht: 'Prizon' },
  police_station: { en: 'Police station', fr: 'Commissariat', ht: 'Komisarya' },
  government_building: { en: 'Government building', fr: 'Bâtiment public', ht: 'Batiman leta' },
  food_warehouse: { en: 'Food warehouse', fr: 'Entrepôt alimentaire', ht: 'Depo manje' },
  distribution_point: { en: 'Distribution point', fr: 'Point de distribution', ht: 'Pwen distribisyon' },
  school: { en: 'School', fr: 'École', ht: 'Lekòl' },
  other: { en: 'Other', fr: 'Autre', ht: 'Lòt' },
} as const satisfies Vocabulary<string>;
export const SiteKind = z.enum(codesOf(SITE_KINDS));
export type SiteKind = z.infer<typeof SiteKind>;

export const CRITICALITY_LABELS = {
  1: { en: 'Low', fr: 'Faible', ht: 'Ba' },
  2: { en: 'Moderate', fr: 'Modérée', ht: 'Mwayen' },
  3: { en: 'Significant', fr: 'Importante', ht: 'Enpòtan' },
  4: { en: 'High', fr: 'Élevée', ht: 'Wo' },
  5: { en: 'Vital', fr: 'Vitale', ht: 'Vital' },
} as const;
export const Criticality = z.int('criticality is a whole number from 1 to 5').min(1, 'criticality is 1 (low) to 5 (vital)').max(5, 'criticality is 1 (low) to 5 (vital)');

/** Sites at or above this criticality are listed as gaps when nobody guards them. */
export const CRITICAL_THRESHOLD = 4;

const IsoDateTime = z.iso.datetime({ offset: true });
const Label = { classification: Classification, releasableTo: z.array(OrganisationCode).max(64).default([]) };

/** A GeoJSON geometry as sent; the service checks it (points here, areas by polygon validation). */
export const SiteGeometryInput = z.object({ type: z.string().max(40), coordinates: z.unknown() });
export type SiteGeometryInput = z.infer<typeof SiteGeometryInput>;

export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });
export const SiteGeometry = z.object({ type: z.enum(['Point', 'Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) });
export type SiteGeometry = z.infer<typeof SiteGeometry>;

export const Contact = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).default(''),
  phone: z.string().trim().max(50).default(''),
  email: z.string().trim().max(200).default(''),
  radio: z.string().trim().max(100).default(''),
});
export type Contact = z.infer<typeof Contact>;

/** Where a site's record comes from, shown wherever it is displayed (dataset attribution). */
export const SiteSource = z.strictObject({
  name: z.string().trim().min(1).max(300),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000).nullable().default(null),
  /** The record's id in that source (MSPP facility code, ICAO code…). */
  externalId: z.string().trim().min(1).max(200).nullable().default(null),
});
export type SiteSource = z.infer<typeof SiteSource>;

const siteFields = {
  name: z.string().trim().min(1).max(200),
  kind: SiteKind,
  geometry: SiteGeometryInput,
  operator: z.string().trim().max(200).default(''),
  criticality: Criticality,
  /** Officers the site needs at all times; 0 when no requirement was set. */
  requiredStrength: z.int('requiredStrength is a whole number of officers').min(0).max(10_000).default(0),
  /** Incidents this close count towards the site's threat (default 1,000 m). */
  threatRadiusMeters: z.int().min(50).max(20_000).nullable().default(null),
  contacts: z.array(Contact).max(20).default([]),
  description: z.string().max(5000).default(''),
  source: SiteSource.nullable().default(null),
  /** Demo or training records: positions or facts not taken from a source. */
  illustrative: z.boolean().default(false),
  ...Label,
};

export const SiteInput = z.strictObject(siteFields);
export type SiteInput = z.input<typeof SiteInput>;
export type SiteInputParsed = z.infer<typeof SiteInput>;

export const SitePatch = z.strictObject({
  /** The version the editor read: someone else's change in between makes it a conflict. */
  version: z.int().min(1),
  changes: z.strictObject({
    name: siteFields.name.optional(),
    kind: SiteKind.optional(),
    geometry: SiteGeometryInput.optional(),
    operator: z.string().trim().max(200).optional(),
    criticality: Criticality.optional(),
    requiredStrength: z.int().min(0).max(10_000).optional(),
    threatRadiusMeters: z.int().min(50).max(20_000).nullable().optional(),
    contacts: z.array(Contact).max(20).optional(),
    description: z.string().max(5000).optional(),
    classification: Classification.optional(),
    releasableTo: z.array(OrganisationCode).max(64).optional(),
  }),
});
export type SitePatch = z.input<typeof SitePatch>;

export const Site = z.object({
  id: z.string(),
  name: z.string(),
  kind: SiteKind,
  geometry: SiteGeometry,
  /** A point for labels and distances: the point itself, or the middle of the area. */
  centroid: z.object({ lon: z.number(), lat: z.number() }),
  operator: z.string(),
  criticality: z.number(),
  /** Hidden (null) from readers outside the mission: the protection posture is not public. */
  requiredStrength: z.number().nullable(),
  threatRadiusMeters: z.number().nullable(),
  /** Only mission members and the owner see contacts; others get an empty list. */
  contacts: z.array(Contact),
  description: z.string(),
  source: z.object({ name: z.string(), url: z.string().nullable(), externalId: z.string().nullable() }).nullable(),
  commune: z.object({ pcode: z.string(), name: z.string() }).nullable(),
  illustrative: z.boolean(),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** On a write: what validation repaired in a drawn area. */
  repairs: z.array(z.string()).optional(),
});
export type Site = z.infer<typeof Site>;

export const SiteListQuery = z.strictObject({
  kind: SiteKind.optional(),
  minCriticality: z.coerce.number().int().min(1).max(5).optional(),
  /** west,south,east,north */
  bbox: z
    .string()
    .max(200)
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox is west,south,east,north in degrees')
    .optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type SiteListQuery = z.input<typeof SiteListQuery>;

/* ----- Import ----- */

export const SiteImportFormat = z.enum(['geojson', 'csv']);
export type SiteImportFormat = z.infer<typeof SiteImportFormat>;

export const SiteImportOptions = z.strictObject({
  mode: z.enum(['all-or-nothing', 'commit-valid']).default('all-or-nothing'),
  /** Kind of rows that name none (e.g. hospital for the health ministry's list). */
  kind: SiteKind.optional(),
  criticality: z.coerce.number().int().min(1).max(5).optional(),
  /** Label of rows that carry none. */
  classification: Classification.default('MISSION'),
  releasableTo: z.array(OrganisationCode).max(64).default([]),
  /** Attribution of the file's data, e.g. "MSPP via HDX". */
  sourceName: z.string().trim().min(1).max(300).optional(),
  sourceUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000).optional(),
  illustrative: z.boolean().default(false),
});
export type SiteImportOptions = z.input<typeof SiteImportOptions>;

export const SiteImportRowError = z.object({ row: z.number(), column: z.string().optional(), value: z.string().optional(), reason: z.string() });
export type SiteImportRowError = z.infer<typeof SiteImportRowError>;

export const SiteImportResult = z.object({
  /** Which reading of the file was used: konbit, mspp-health-facilities, ourairports or csv. */
  profile: z.string(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.array(SiteImportRowError),
});
export type SiteImportResult = z.infer<typeof SiteImportResult>;

/* ----- Threat ----- */

export const THREAT_LEVELS = {
  1: { code: 'low', en: 'Low', fr: 'Faible', ht: 'Ba' },
  2: { code: 'guarded', en: 'Guarded', fr: 'Surveillé', ht: 'Sou veye' },
  3: { code: 'elevated', en: 'Elevated', fr: 'Élevé', ht: 'Elve' },
  4: { code: 'high', en: 'High', fr: 'Haut', ht: 'Wo' },
  5: { code: 'severe', en: 'Severe', fr: 'Critique', ht: 'Grav' },
} as const;
export type ThreatLevel = 1 | 2 | 3 | 4 | 5;

export const ThreatParams = z.strictObject({
  /** Incidents this close count (default: the site's own radius, else 1,000 m). */
  radiusMeters: z.coerce.number().int().min(50).max(20_000).optional(),
  /** Incidents this recent count (default 30 days). */
  windowDays: z.coerce.number().int().min(1).max(365).optional(),
  /** An incident's weight halves every this many days (default 7). */
  halfLifeDays: z.coerce.number().min(0.5).max(365).optional(),
  /** The instant of the assessment (default now): the window ends there. */
  asOf: IsoDateTime.optional(),
});
export type ThreatParams = z.input<typeof ThreatParams>;

export const ThreatReason = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('incidents'),
    /** An incident type code. */
    type: z.string(),
    count: z.number(),
    /** All of them within this distance (rounded up to 100 m). */
    withinMeters: z.number(),
    /** All of them within this many days before the assessment. */
    withinDays: z.number(),
    score: z.number(),
    incidentIds: z.array(z.string()),
    text: z.string(),
  }),
  z.object({
    kind: z.literal('area'),
    areaId: z.string(),
    areaName: z.string(),
    level: z.string(),
    /** inside: the site lies in the area; near: the area comes within the radius. */
    relation: z.enum(['inside', 'near']),
    distanceMeters: z.number(),
    since: z.string(),
    score: z.number(),
    text: z.string(),
  }),
]);
export type ThreatReason = z.infer<typeof ThreatReason>;

export const SiteThreat = z.object({
  siteId: z.string(),
  siteName: z.string(),
  level: z.number().int().min(1).max(5),
  /** low, guarded, elevated, high or severe. */
  label: z.string(),
  score: z.number(),
  reasons: z.array(ThreatReason),
  params: z.object({ radiusMeters: z.number(), windowDays: z.number(), halfLifeDays: z.number() }),
  asOf: z.string(),
});
export type SiteThreat = z.infer<typeof SiteThreat>;

export const ThreatHistoryEntry = z.object({
  at: z.string(),
  level: z.number(),
  label: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  /** mission: from what every mission member sees; public: from public records only. */
  basis: z.enum(['mission', 'public']),
});
export type ThreatHistoryEntry = z.infer<typeof ThreatHistoryEntry>;

/* ----- Protection assignments ----- */

/** A unit: its organisation (a contingent, or the HNP) and its name there. */
export const UnitRef = z.strictObject({
  organisation: OrganisationCode,
  name: z.string().trim().min(1, 'name the unit').max(200),
});
export type UnitRef = z.infer<typeof UnitRef>;

export const AssignmentInput = z.strictObject({
  siteId: z.string().min(1).max(64),
  unit: UnitRef,
  strength: z.int('strength is a whole number of officers').min(1, 'strength is at least 1 officer').max(10_000),
  startsAt: IsoDateTime,
  /** Open-ended when absent. */
  endsAt: IsoDateTime.nullable().default(null),
  notes: z.string().max(2000).default(''),
  ...Label,
});
export type AssignmentInput = z.input<typeof AssignmentInput>;

export const AssignmentPatch = z.strictObject({
  version: z.int().min(1),
  changes: z.strictObject({
    strength: z.int().min(1).max(10_000).optional(),
    startsAt: IsoDateTime.optional(),
    endsAt: IsoDateTime.nullable().optional(),
    notes: z.string().max(2000).optional(),
  }),
});
export type AssignmentPatch = z.input<typeof AssignmentPatch>;

export const Assignment = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  unit: z.object({ organisation: z.string(), name: z.string() }),
  strength: z.number(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  notes: z.string(),
  cancelled: z.object({ at: z.string(), reason: z.string() }).nullable(),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;

export const ProtectionGap = z.object({
  siteId: z.string(),
  siteName: z.string(),
  kind: SiteKind,
  criticality: z.number(),
  /** unassigned: a critical site nobody guards; under_strength: fewer officers than required. */
  gap: z.enum(['unassigned', 'under_strength']),
  requiredStrength: z.number(),
  assignedStrength: z.number(),
  shortfall: z.number(),
  units: z.array(z.string()),
});
export type ProtectionGap = z.infer<typeof ProtectionGap>;

/* ----- Patrol tasking ----- */

export const TASK_KINDS = {
  patrol_route: { en: 'Patrol a route', fr: 'Patrouiller un itinéraire', ht: 'Patwouye yon wout' },
  patrol_area: { en: 'Patrol an area', fr: 'Patrouiller une zone', ht: 'Patwouye yon zòn' },
  escort_convoy: { en: 'Escort a convoy', fr: 'Escorter un convoi', ht: 'Eskòte yon konvwa' },
  guard_site: { en: 'Guard a site', fr: 'Garder un site', ht: 'Veye yon sit' },
} as const satisfies Vocabulary<string>;
export const TaskKind = z.enum(codesOf(TASK_KINDS));
export type TaskKind = z.infer<typeof TaskKind>;

export const TASK_STATUSES = {
  planned: { en: 'Planned', fr: 'Planifiée', ht: 'Planifye' },
  under_way: { en: 'Under way', fr: 'En cours', ht: 'Ap fèt' },
  done: { en: 'Done', fr: 'Terminée', ht: 'Fini' },
  aborted: { en: 'Aborted', fr: 'Annulée', ht: 'Anile' },
} as const satisfies Vocabulary<string>;
export const TaskStatus = z.enum(codesOf(TASK_STATUSES));
export type TaskStatus = z.infer<typeof TaskStatus>;

/** The moves a task's status may make; done and aborted are final. */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  planned: ['under_way', 'aborted'],
  under_way: ['done', 'aborted'],
  done: [],
  aborted: [],
};

export const TaskInput = z.strictObject({
  kind: TaskKind,
  title: z.string().trim().min(1).max(200),
  unit: UnitRef,
  /** guard_site: the site; other kinds may name one they start from or serve. */
  siteId: z.string().min(1).max(64).nullable().default(null),
  /** patrol_route and escort_convoy: a LineString; patrol_area: a Polygon; guard_site: none (the site's). */
  geometry: SiteGeometryInput.nullable().default(null),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  notes: z.string().max(2000).default(''),
  ...Label,
});
export type TaskInput = z.input<typeof TaskInput>;

export const TaskStatusChange = z.strictObject({
  version: z.int().min(1),
  status: TaskStatus,
  /** A short after-action note; required to abort. */
  afterAction: z.string().trim().max(2000).optional(),
});
export type TaskStatusChange = z.input<typeof TaskStatusChange>;

export const Task = z.object({
  id: z.string(),
  kind: TaskKind,
  title: z.string(),
  unit: z.object({ organisation: z.string(), name: z.string() }),
  site: z.object({ id: z.string(), name: z.string() }).nullable(),
  geometry: z.object({ type: z.string(), coordinates: z.array(z.any()) }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: TaskStatus,
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  afterAction: z.string(),
  notes: z.string(),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = z.strictObject({
  status: TaskStatus.optional(),
  kind: TaskKind.optional(),
  /** Organisation code of the unit. */
  unitOrganisation: OrganisationCode.optional(),
  siteId: z.string().max(64).optional(),
  /** Tasks whose window ends at or after this instant. */
  from: IsoDateTime.optional(),
  /** Tasks whose window starts before this instant. */
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type TaskListQuery = z.input<typeof TaskListQuery>;

/** GeoJSON layers the map draws: sites (with their threat for the reader) and tasks. */
export const GeoFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), geometry: z.any(), properties: z.record(z.string(), z.unknown()) })),
  attribution: z.array(z.string()),
});
export type GeoFeatureCollection = z.infer<typeof GeoFeatureCollection>;

/** What the situation report takes from this module over a period. */
export const SitesSitrep = z.object({
  from: z.string(),
  to: z.string(),
  sites: z.object({ total: z.number(), critical: z.number(), byThreat: z.record(z.string(), z.number()) }),
  gaps: z.array(ProtectionGap),
  tasks: z.object({ byStatus: z.record(z.string(), z.number()), byKind: z.record(z.string(), z.number()), aborted: z.array(z.object({ id: z.string(), title: z.string(), afterAction: z.string() })) }),
});
export type SitesSitrep = z.infer<typeof SitesSitrep>;
