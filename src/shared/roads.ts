import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';
import { codesOf } from './i18n.ts';

/*
 * Road access and convoy routing: the vocabularies, what a caller sends and
 * what Konbit answers, shared by the server, the command line and the web app.
 */

/** How firmly a group holds an area. */
export const CONTROL_LEVELS = {
  controlled: { en: 'Controlled', fr: 'Contrôlé', ht: 'Anba kontwòl' },
  contested: { en: 'Contested', fr: 'Disputé', ht: 'Y ap goumen pou li' },
  influence: { en: 'Under influence', fr: 'Sous influence', ht: 'Anba enfliyans' },
} as const;
export const ControlLevel = z.enum(codesOf(CONTROL_LEVELS));
export type ControlLevel = z.infer<typeof ControlLevel>;

export const Confidence = z.enum(['low', 'medium', 'high']);

export const ROADBLOCK_KINDS = {
  roadblock: { en: 'Roadblock', fr: 'Barrage', ht: 'Baraj' },
  checkpoint: { en: 'Checkpoint', fr: 'Point de contrôle', ht: 'Pòs kontwòl' },
} as const;
export const RoadblockKind = z.enum(codesOf(ROADBLOCK_KINDS));

/** What a roadblock is at a given time: standing, no longer counted for want of confirmation, or cleared. */
export const RoadblockState = z.enum(['active', 'stale', 'cleared']);

export const OverrideAction = z.enum(['closed', 'reopened']);

/**
 * How much risk a route may take. `avoid`: never through a controlled area, contested areas only
 * when the detour is over 4 times longer, areas of influence at 1.5 times the cost.
 * `accept-contested`: never through a controlled area, contested at 2×, influence at 1.25×.
 * `accept-all` (an armed patrol): controlled at 3×, contested at 1.5×, influence at 1.1×.
 * Roadblocks and closures are impassable at every tolerance.
 */
export const RISK_TOLERANCES = {
  avoid: { en: 'Avoid risk', fr: 'Éviter le risque', ht: 'Evite risk' },
  'accept-contested': { en: 'Accept contested areas', fr: 'Accepter les zones disputées', ht: 'Aksepte zòn kote y ap goumen' },
  'accept-all': { en: 'Accept all areas', fr: 'Accepter toutes les zones', ht: 'Aksepte tout zòn' },
} as const;
export const RiskTolerance = z.enum(codesOf(RISK_TOLERANCES));
export type RiskTolerance = z.infer<typeof RiskTolerance>;

/** Who travels: sets the default risk tolerance and the travel speed against the road's. */
export const ROUTE_PROFILES = {
  convoy: { en: 'Aid convoy', fr: 'Convoi humanitaire', ht: 'Konvwa èd' },
  patrol: { en: 'Police patrol', fr: 'Patrouille de police', ht: 'Patwouy polis' },
  ambulance: { en: 'Ambulance', fr: 'Ambulance', ht: 'Anbilans' },
} as const;
export const RouteProfile = z.enum(codesOf(ROUTE_PROFILES));
export type RouteProfile = z.infer<typeof RouteProfile>;

export const ROAD_STATUSES = {
  open: { en: 'Open', fr: 'Ouverte', ht: 'Louvri' },
  risky: { en: 'Risky', fr: 'Risquée', ht: 'Riske' },
  blocked: { en: 'Blocked', fr: 'Bloquée', ht: 'Bloke' },
} as const;
export const RoadStatus = z.enum(codesOf(ROAD_STATUSES));
export type RoadStatus = z.infer<typeof RoadStatus>;

const IsoDateTime = z.iso.datetime({ offset: true });
const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);
const Label = { classification: Classification, releasableTo: z.array(OrganisationCode).max(64).default([]) };

/** A GeoJSON geometry as sent; areas are then checked (and repaired or refused) by the service. */
export const GeometryInput = z.object({ type: z.string().max(40), coordinates: z.unknown() });
export const LineStringGeometry = z.object({ type: z.literal('LineString'), coordinates: z.array(z.array(z.number()).min(2).max(3)).min(2).max(10_000) });
export type LineStringGeometry = z.infer<typeof LineStringGeometry>;

/* ----- Road networks ----- */

export const NetworkName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a network name is 1–64 lower-case letters, digits, ".", "_" or "-", e.g. pap-metro');

export const SkipEntry = z.object({ code: z.string(), reason: z.string(), count: z.number(), unit: z.string(), sampleWayIds: z.array(z.number()) });
export const ImportReport = z.object({
  waysRead: z.number(), waysUsed: z.number(), nodes: z.number(), edges: z.number(), onewayEdges: z.number(),
  totalKm: z.number(), components: z.number(), largestComponentNodes: z.number(), skipped: z.array(SkipEntry),
});
export const RoadNetworkSummary = z.object({
  name: z.string(), sourceFile: z.string(), format: z.string(), importedAt: z.string(),
  nodes: z.number(), edges: z.number(), totalKm: z.number(), report: ImportReport,
});
export type RoadNetworkSummary = z.infer<typeof RoadNetworkSummary>;

/* ----- Areas of control ----- */

export const AreaInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The gang or group holding or contesting it. */
  group: z.string().trim().max(200).default(''),
  level: ControlLevel,
  confidence: Confidence.default('medium'),
  source: z.string().trim().max(2000).default(''),
  geometry: GeometryInput,
  /** When it came into force (default: now). */
  validFrom: IsoDateTime.optional(),
  validTo: IsoDateTime.nullable().optional(),
  /** The area this one replaces: that one ends where this one begins. */
  supersedes: z.string().max(64).optional(),
  illustrative: z.boolean().default(false),
  ...Label,
});
export type AreaInput = z.input<typeof AreaInput>;

export const AreaPatch = z.strictObject({
  /** The version the editor read: someone else's edit in between makes it a conflict. */
  version: z.int().min(1),
  reason: z.string().trim().min(1).max(2000),
  changes: z.strictObject({
    name: AreaInput.shape.name.optional(),
    group: z.string().trim().max(200).optional(),
    level: ControlLevel.optional(),
    confidence: Confidence.optional(),
    source: z.string().trim().max(2000).optional(),
    geometry: GeometryInput.optional(),
    validFrom: IsoDateTime.optional(),
    validTo: IsoDateTime.nullable().optional(),
  }),
});
export type AreaPatch = z.input<typeof AreaPatch>;

export const Area = z.object({
  id: z.string(), name: z.string(), group: z.string(), level: ControlLevel, confidence: Confidence, source: z.string(),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
  validFrom: z.string(), validTo: z.string().nullable(), supersedes: z.string().nullable(),
  withdrawnAt: z.string().nullable(), withdrawnReason: z.string().nullable(), illustrative: z.boolean(), version: z.number(),
  classification: Classification, owner: z.string(), releasableTo: z.array(z.string()), createdAt: z.string(), updatedAt: z.string(),
  /** On a write: what validation repaired in the drawn polygon. */
  repairs: z.array(z.string()).optional(),
});
export type Area = z.infer<typeof Area>;

export const AreaHistoryEntry = z.object({ version: z.number(), action: z.string(), at: z.string(), by: z.string().nullable(), before: z.unknown(), after: z.unknown() });
export type AreaHistoryEntry = z.infer<typeof AreaHistoryEntry>;

/** The result of importing a GeoJSON FeatureCollection of areas (all or nothing). */
export const AreaImportResult = z.object({
  created: z.number(),
  repaired: z.array(z.object({ feature: z.number(), repairs: z.array(z.string()) })),
});

/* ----- Roadblocks and checkpoints ----- */

export const RoadblockInput = z.strictObject({
  kind: RoadblockKind.default('roadblock'),
  lon: Longitude,
  lat: Latitude,
  /** Roads within this distance of the point count as blocked. */
  radiusMeters: z.number().min(5).max(500).default(50),
  description: z.string().trim().max(2000).default(''),
  group: z.string().trim().max(200).default(''),
  reportedAt: IsoDateTime.optional(),
  /** Hours after the last report or confirmation when an unconfirmed block stops counting. */
  staleAfterHours: z.number().min(0.25).max(24 * 90).default(24),
  /** The roadblock incident this block was entered from. */
  incidentId: z.string().max(64).optional(),
  illustrative: z.boolean().default(false),
  ...Label,
});
export type RoadblockInput = z.input<typeof RoadblockInput>;

export const RoadblockUpdate = z.strictObject({ at: IsoDateTime.optional(), note: z.string().trim().max(2000).optional() });

export const Roadblock = z.object({
  id: z.string(), kind: RoadblockKind, status: z.enum(['active', 'cleared']), state: RoadblockState,
  lon: z.number(), lat: z.number(), radiusMeters: z.number(), description: z.string(), group: z.string(),
  reportedAt: z.string(), confirmedAt: z.string().nullable(), staleAt: z.string(), clearedAt: z.string().nullable(),
  incidentId: z.string().nullable(), illustrative: z.boolean(), version: z.number(),
  classification: Classification, owner: z.string(), releasableTo: z.array(z.string()), createdAt: z.string(), updatedAt: z.string(),
});
export type Roadblock = z.infer<typeof Roadblock>;

/* ----- Planners' overrides ----- */

export const OverrideInput = z.strictObject({
  network: NetworkName,
  action: OverrideAction,
  reason: z.string().trim().min(1).max(2000),
  /** The network's edge numbers (from the road status layer)… */
  edges: z.array(z.int().min(0)).min(1).max(5000).optional(),
  /** …or a line drawn along the road: the edges it runs along are taken. */
  line: LineStringGeometry.optional(),
  startsAt: IsoDateTime.optional(),
  expiresAt: IsoDateTime.nullable().optional(),
  ...Label,
});
export type OverrideInput = z.input<typeof OverrideInput>;

export const Override = z.object({
  id: z.string(), network: z.string(), action: OverrideAction, reason: z.string(), edges: z.array(z.number()),
  line: LineStringGeometry.nullable(), startsAt: z.string(), expiresAt: z.string().nullable(), liftedAt: z.string().nullable(),
  inForce: z.boolean(), version: z.number(),
  classification: Classification, owner: z.string(), releasableTo: z.array(z.string()), createdAt: z.string(), updatedAt: z.string(),
});
export type Override = z.infer<typeof Override>;

/* ----- The picture as a reader sees it ----- */

/** Something in the risk picture that makes a road risky or blocked. */
export const PictureItem = z.object({
  kind: z.enum(['area', 'roadblock', 'incident', 'closure', 'reopening']),
  id: z.string(),
  label: z.string(),
  /** For areas: how firmly the group holds it. */
  level: ControlLevel.optional(),
  /** For points (roadblocks, incidents): where. */
  lon: z.number().optional(),
  lat: z.number().optional(),
});
export type PictureItem = z.infer<typeof PictureItem>;

export const RoadStatusQuery = z.strictObject({
  asOf: IsoDateTime.optional(),
  profile: RouteProfile.default('convoy'),
  riskTolerance: RiskTolerance.optional(),
  /** Only edges that are not open. */
  notOpen: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/* ----- Routes ----- */

export const LatLon = z.strictObject({ lat: Latitude, lon: Longitude });
export type LatLon = z.infer<typeof LatLon>;
/** A site of the sites module, by id or by its exact name. */
export const SitePlace = z.strictObject({ site: z.string().trim().min(1).max(200) });
/** Where a route starts or ends: coordinates, or a named site. */
export const Place = z.union([LatLon, SitePlace]);
export type Place = z.infer<typeof Place>;

const RouteOptions = {
  network: NetworkName,
  profile: RouteProfile.default('convoy'),
  /** Defaults to the profile's. */
  riskTolerance: RiskTolerance.optional(),
  /** The picture as of this time (default: now). */
  asOf: IsoDateTime.optional(),
  /** How far a point may be from the nearest road (default 500 m). */
  snapMeters: z.number().min(1).max(20_000).default(500),
};

export const RouteRequest = z.strictObject({
  ...RouteOptions,
  from: Place,
  to: Place,
  /** Alternatives besides the best route (0–2). */
  alternatives: z.int().min(0).max(2).default(2),
});
export type RouteRequest = z.input<typeof RouteRequest>;

export const SnappedPoint = z.object({ requested: LatLon, site: z.object({ id: z.string(), name: z.string() }).nullable(), snapped: LatLon, snapMeters: z.number() });

export const RouteOption = z.object({
  geometry: LineStringGeometry,
  distanceMeters: z.number(),
  /** Travel time at the profile's speed, risk aside. */
  durationSeconds: z.number(),
  /** What the search minimised: travel time with each risky stretch weighted by its factor. */
  costSeconds: z.number(),
  riskCrossed: z.array(z.object({ areaId: z.string(), name: z.string(), group: z.string(), level: ControlLevel, meters: z.number(), seconds: z.number() })),
  riskTotals: z.object({ meters: z.number(), seconds: z.number() }),
  /** Blocks on or next to the best route had the roads been clear, which this route goes around. */
  blocksAvoided: z.array(PictureItem),
  streets: z.array(z.object({ name: z.string(), ref: z.string(), meters: z.number(), seconds: z.number() })),
});
export type RouteOption = z.infer<typeof RouteOption>;

export const NoRoute = z.object({
  reason: z.string(),
  /** The blocks on the edge of what the origin can still reach, toward the destination. */
  cutBy: z.array(PictureItem),
});

export const RouteResponse = z.object({
  network: z.string(), profile: RouteProfile, riskTolerance: RiskTolerance, asOf: z.string(),
  from: SnappedPoint, to: SnappedPoint,
  found: z.boolean(),
  routes: z.array(RouteOption),
  noRoute: NoRoute.nullable(),
  /** How many areas, roadblocks and overrides the requester may see were in force. */
  picture: z.object({ areas: z.number(), roadblocks: z.number(), overrides: z.number() }),
});
export type RouteResponse = z.infer<typeof RouteResponse>;

export const ReachabilityRequest = z.strictObject({
  ...RouteOptions,
  from: Place,
  /** Points or sites to reach (a distribution point, a clinic…)… */
  to: z.array(z.union([LatLon.extend({ id: z.string().max(200).optional() }), SitePlace.extend({ id: z.string().max(200).optional() })])).max(500).optional(),
  /** …or every commune whose centre lies on the network. */
  communes: z.boolean().default(false),
});
export type ReachabilityRequest = z.input<typeof ReachabilityRequest>;

export const ReachabilityTarget = z.object({
  id: z.string(), name: z.string().nullable(), lat: z.number(), lon: z.number(),
  status: z.enum(['reachable', 'cut-off', 'off-network']),
  durationSeconds: z.number().nullable(), distanceMeters: z.number().nullable(), costSeconds: z.number().nullable(),
  snapMeters: z.number().nullable(),
});

export const ReachabilityResponse = z.object({
  network: z.string(), profile: RouteProfile, riskTolerance: RiskTolerance, asOf: z.string(), from: SnappedPoint,
  targets: z.array(ReachabilityTarget),
  /** Blocks on the edge of what the origin can reach, when some target is cut off. */
  cutBy: z.array(PictureItem),
});
export type ReachabilityResponse = z.infer<typeof ReachabilityResponse>;

/* ----- Key roads ----- */

export const KeyRoad = z.object({
  id: z.string(), name: z.string(), description: z.string(), status: RoadStatus,
  meters: z.number(), openMeters: z.number(), riskyMeters: z.number(), blockedMeters: z.number(), segments: z.number(),
  causes: z.array(PictureItem),
});
export type KeyRoad = z.infer<typeof KeyRoad>;

export const KeyRoadsResponse = z.object({ network: z.string(), asOf: z.string(), profile: RouteProfile, riskTolerance: RiskTolerance, roads: z.array(KeyRoad) });
export type KeyRoadsResponse = z.infer<typeof KeyRoadsResponse>;
