// Which OSM ways a vehicle may drive, how fast, and in which direction.

/** Travel speeds by OSM highway class, and the classes a vehicle cannot use. */
export interface SpeedProfile {
  /** km/h for each routable `highway=*` value. */
  kmhByClass: Readonly<Record<string, number>>;
  /** km/h for a `highway=*` value that is neither listed nor excluded (e.g. `road`). */
  defaultKmh: number;
  /** `highway=*` values that are never routed, each with the reason shown in the import report. */
  excluded: Readonly<Record<string, string>>;
}

const FOOT_OR_CYCLE = 'for people on foot or bicycle, not vehicles';
const NOT_BUILT = 'not a usable road (planned, being built or gone)';

/** Car speeds for a degraded urban network such as Port-au-Prince's. */
export const defaultSpeedProfile: SpeedProfile = Object.freeze({
  kmhByClass: Object.freeze({
    motorway: 80, motorway_link: 45,
    trunk: 70, trunk_link: 40,
    primary: 60, primary_link: 40,
    secondary: 50, secondary_link: 35,
    tertiary: 40, tertiary_link: 30,
    unclassified: 30, residential: 30,
    living_street: 10, service: 15, track: 15,
  }),
  defaultKmh: 25,
  excluded: Object.freeze({
    footway: FOOT_OR_CYCLE, path: FOOT_OR_CYCLE, steps: FOOT_OR_CYCLE, cycleway: FOOT_OR_CYCLE,
    pedestrian: FOOT_OR_CYCLE, bridleway: FOOT_OR_CYCLE, corridor: FOOT_OR_CYCLE,
    elevator: FOOT_OR_CYCLE, via_ferrata: FOOT_OR_CYCLE, sidewalk: FOOT_OR_CYCLE, crossing: FOOT_OR_CYCLE,
    proposed: NOT_BUILT, construction: NOT_BUILT, abandoned: NOT_BUILT, disused: NOT_BUILT, razed: NOT_BUILT,
    platform: 'a public-transport platform, not a road',
    bus_stop: 'a public-transport stop, not a road',
    raceway: 'a race circuit, not a public road',
    busway: 'reserved for buses',
    escape: 'an emergency run-off lane',
    services: 'a service area outline, not a road',
    rest_area: 'a rest area outline, not a road',
  }),
});

/** Why a way without a highway tag is left out (the readers drop such ways while reading). */
export const NO_HIGHWAY_REASON = 'no highway tag (not a road: river, coastline, runway, building…)';

/** The verdict on one way's tags: drive at `kmh`, or skip for a reason. */
export type WayClass =
  | { routable: true; highway: string; kmh: number }
  | { routable: false; code: 'no-highway' | 'non-routable-class' | 'area'; reason: string };

/** Classifies a way by its tags under a speed profile. */
export function classifyWay(tags: Readonly<Record<string, string>>, profile: SpeedProfile): WayClass {
  const highway = tags['highway']?.trim();
  if (!highway) return { routable: false, code: 'no-highway', reason: NO_HIGHWAY_REASON };
  const excludedBecause = profile.excluded[highway];
  if (excludedBecause !== undefined) {
    return { routable: false, code: 'non-routable-class', reason: `highway=${highway}: ${excludedBecause}` };
  }
  if (tags['area'] === 'yes') return { routable: false, code: 'area', reason: `highway=${highway} drawn as an area (area=yes), not a road line` };
  return { routable: true, highway, kmh: profile.kmhByClass[highway] ?? profile.defaultKmh };
}

const FORWARD_VALUES = new Set(['yes', '1', 'true']);
const TWO_WAY_VALUES = new Set(['no', '0', 'false']);
const IMPLIED_ONEWAY_CLASSES = new Set(['motorway']);
const ROUNDABOUT_JUNCTIONS = new Set(['roundabout', 'circular']);

/**
 * Direction of travel allowed on a way: 1 = only in drawing order, -1 = only
 * against it, 0 = both. An explicit `oneway=no` overrides what a motorway or a
 * roundabout implies.
 */
export function onewayDirection(tags: Readonly<Record<string, string>>): -1 | 0 | 1 {
  const oneway = tags['oneway']?.trim().toLowerCase();
  if (oneway === '-1' || oneway === 'reverse') return -1;
  if (oneway !== undefined && FORWARD_VALUES.has(oneway)) return 1;
  if (oneway !== undefined && TWO_WAY_VALUES.has(oneway)) return 0;
  const highway = tags['highway'];
  if (highway !== undefined && IMPLIED_ONEWAY_CLASSES.has(highway)) return 1;
  const junction = tags['junction'];
  if (junction !== undefined && ROUNDABOUT_JUNCTIONS.has(junction)) return 1;
  return 0;
}
