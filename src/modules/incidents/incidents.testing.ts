import type { IncidentInput } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser, type TestUser } from '../auth/testing.ts';

/*
 * Factories for incident tests: a valid report in Port-au-Prince by default,
 * and a small mission of organisations and users.
 */

let counter = 0;

/** A valid incident input; override what the test is about. */
export function buildIncidentInput(overrides: Partial<IncidentInput> = {}): IncidentInput {
  counter += 1;
  return {
    type: 'kidnapping',
    title: `Kidnapping on Route de Delmas ${counter}`,
    description: 'Two people taken from a tap-tap at Delmas 33.',
    occurredAt: '2024-03-05T14:30:00Z',
    location: { lon: -72.3, lat: 18.555, placeName: 'Delmas 33' },
    classification: 'PUBLIC',
    counts: { killed: 0, injured: 0, abducted: 2, displaced: 0 },
    ...overrides,
  };
}

export interface TestMission {
  /** Reports for KEN. */
  reporter: TestUser;
  /** Another KEN user, an analyst. */
  analyst: TestUser;
  /** An analyst of JAM (a contingent: a mission member). */
  jamAnalyst: TestUser;
  /** HNP liaison: reporter and analyst. */
  hnp: TestUser;
  /** A donor's viewer: not a mission member. */
  donor: TestUser;
}

export async function buildMission(db: Db): Promise<TestMission> {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  await buildOrganisation(db, 'HNP', 'host_police');
  await buildOrganisation(db, 'USA', 'donor');
  return {
    reporter: await buildUser(db, 'ken.reporter', 'KEN', ['reporter']),
    analyst: await buildUser(db, 'ken.analyst', 'KEN', ['analyst']),
    jamAnalyst: await buildUser(db, 'jam.analyst', 'JAM', ['analyst', 'reporter']),
    hnp: await buildUser(db, 'hnp.liaison', 'HNP', ['reporter', 'analyst']),
    donor: await buildUser(db, 'usa.donor', 'USA', ['donor']),
  };
}
