import type { ControlLevel, RiskTolerance, RouteProfile } from '../../shared/roads.ts';

/*
 * What a risk tolerance makes of each level of control: the factor by which a road's travel
 * time is weighted inside such an area (Infinity: never through it). A factor of 4 means a route
 * crosses a contested area only when going round would take more than four times as long.
 * Multipliers never go below 1, which keeps the routing engine's landmark bounds valid.
 */
export const LEVEL_FACTORS: Readonly<Record<RiskTolerance, Readonly<Record<ControlLevel, number>>>> = {
  avoid: { controlled: Infinity, contested: 4, influence: 1.5 },
  'accept-contested': { controlled: Infinity, contested: 2, influence: 1.25 },
  'accept-all': { controlled: 3, contested: 1.5, influence: 1.1 },
};

export interface ProfileSettings {
  /** The tolerance used when a request names none. */
  riskTolerance: RiskTolerance;
  /** Travel time against the road class's speed: loaded trucks are slower, an ambulance faster. */
  timeFactor: number;
}

/**
 * An aid convoy avoids risk and drives 25% below the road's speed; an ambulance accepts contested
 * areas to save time and drives 10% faster; an armed police patrol may cross any area.
 */
export const PROFILES: Readonly<Record<RouteProfile, ProfileSettings>> = {
  convoy: { riskTolerance: 'avoid', timeFactor: 1.25 },
  ambulance: { riskTolerance: 'accept-contested', timeFactor: 0.9 },
  patrol: { riskTolerance: 'accept-all', timeFactor: 1 },
};

/** The tolerance in force for a request: the one asked for, else the profile's. */
export function toleranceOf(profile: RouteProfile, asked: RiskTolerance | undefined): RiskTolerance {
  return asked ?? PROFILES[profile].riskTolerance;
}
