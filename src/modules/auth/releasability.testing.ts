import assert from 'node:assert/strict';
import type { Classification } from '../../shared/access.ts';
import type { Db } from '../../db/index.ts';
import { PUBLIC_VIEWER, type Actor, type Viewer } from './actor.ts';
import { buildOrganisation, buildUser, type TestUser } from './testing.ts';

/*
 * The releasability harness. Given how to create a record under a label and the
 * read paths of a module, it creates records under every label for owners of
 * every kind of organisation, and asserts for each user (and the public) that
 * each read path returns exactly the records that user may see — and that
 * counts and sums include exactly those.
 *
 * The expected set comes from this file's own reading of the rule, written
 * apart from the predicate under test.
 */

const ORGANISATIONS = [
  { code: 'AAA', kind: 'contingent' },
  { code: 'BBB', kind: 'contingent' },
  { code: 'HNP', kind: 'host_police' },
  { code: 'DON', kind: 'donor' },
  { code: 'OVS', kind: 'oversight' },
  { code: 'NGO', kind: 'humanitarian' },
] as const;
const MEMBERS = new Set<string>(['AAA', 'BBB', 'HNP', 'OVS']);

export interface MatrixRecord {
  key: string;
  classification: Classification;
  ownerCode: string;
  releasableTo: string[];
  /** A distinct positive number a sum path can add up (e.g. an amount). */
  weight: number;
}

export interface MatrixSubject {
  /** Organisation code, or 'public'. */
  key: string;
  viewer: Viewer;
  /** null for the public. */
  user: TestUser | null;
}

export type ReadPath =
  | { name: string; kind: 'ids'; read: (subject: MatrixSubject) => Promise<string[]> }
  | { name: string; kind: 'count'; read: (subject: MatrixSubject) => Promise<number> }
  | { name: string; kind: 'sum'; read: (subject: MatrixSubject) => Promise<number> };

export interface MatrixOptions {
  db: Db;
  /** Creates the record as its owner and returns its id. */
  create: (record: MatrixRecord, owner: Actor) => Promise<string>;
  /** The read paths to check, given the ids of the records created. */
  paths: (ids: ReadonlyMap<string, string>) => ReadPath[];
  /** Roles each test user holds: enough to call every read path. */
  roles?: Parameters<typeof buildUser>[3];
}

function labelsFor(owner: string): Omit<MatrixRecord, 'weight'>[] {
  const others = ORGANISATIONS.map((o) => o.code).filter((code) => code !== owner);
  return [
    { key: `${owner}:PUBLIC`, classification: 'PUBLIC', ownerCode: owner, releasableTo: [] },
    { key: `${owner}:MISSION`, classification: 'MISSION', ownerCode: owner, releasableTo: [] },
    { key: `${owner}:RESTRICTED`, classification: 'RESTRICTED', ownerCode: owner, releasableTo: [] },
    ...others.map((other) => ({ key: `${owner}:RESTRICTED>${other}`, classification: 'RESTRICTED' as const, ownerCode: owner, releasableTo: [other] })),
    { key: `${owner}:RESTRICTED>${others[0]}+${others[1]}`, classification: 'RESTRICTED', ownerCode: owner, releasableTo: [others[0]!, others[1]!] },
    { key: `${owner}:RESTRICTED>${others[2]}+${others[4]}`, classification: 'RESTRICTED', ownerCode: owner, releasableTo: [others[2]!, others[4]!] },
  ];
}

/** Whether the organisation (or the public, null) may see the record, by the rule as written. */
export function expectedVisible(orgCode: string | null, record: MatrixRecord): boolean {
  switch (record.classification) {
    case 'PUBLIC':
      return true;
    case 'MISSION':
      return orgCode !== null && (MEMBERS.has(orgCode) || orgCode === record.ownerCode);
    case 'RESTRICTED':
      return orgCode !== null && (orgCode === record.ownerCode || record.releasableTo.includes(orgCode));
  }
}

/** Runs the matrix; returns the number of (subject, record, path) cases checked. */
export async function runReleasabilityMatrix({ db, create, paths, roles = ['analyst', 'commander', 'reporter', 'viewer', 'donor', 'oversight'] }: MatrixOptions): Promise<number> {
  const users = new Map<string, TestUser>();
  for (const org of ORGANISATIONS) {
    await buildOrganisation(db, org.code, org.kind);
    users.set(org.code, await buildUser(db, `user.${org.code.toLowerCase()}`, org.code, roles));
  }
  const records: MatrixRecord[] = ORGANISATIONS.flatMap((org) => labelsFor(org.code)).map((r, i) => ({ ...r, weight: 2 ** (i % 20) + i }));
  const ids = new Map<string, string>();
  for (const record of records) ids.set(record.key, await create(record, users.get(record.ownerCode)!.actor));
  const keyOfId = new Map([...ids].map(([key, id]) => [id, key]));

  const subjects: MatrixSubject[] = [
    { key: 'public', viewer: PUBLIC_VIEWER, user: null },
    ...[...users].map(([code, user]) => ({ key: code, viewer: user.actor, user })),
  ];
  let cases = 0;
  for (const path of paths(ids)) {
    for (const subject of subjects) {
      const orgCode = subject.key === 'public' ? null : subject.key;
      const visible = records.filter((r) => expectedVisible(orgCode, r));
      const where = `${path.name} as ${subject.key}`;
      if (path.kind === 'ids') {
        const got = (await path.read(subject)).map((id) => keyOfId.get(id) ?? `unknown id ${id}`);
        assert.deepEqual([...new Set(got)].sort(), visible.map((r) => r.key).sort(), where);
        assert.equal(got.length, new Set(got).size, `${where}: a record appears twice`);
      } else if (path.kind === 'count') {
        assert.equal(await path.read(subject), visible.length, where);
      } else {
        assert.equal(await path.read(subject), visible.reduce((sum, r) => sum + r.weight, 0), where);
      }
      cases += records.length;
    }
  }
  return cases;
}
