import assert from 'node:assert/strict';
import { expectedVisible, type MatrixRecord, type MatrixSubject } from '../../src/modules/auth/releasability.testing.ts';
import type { MatrixWorld } from './matrix-world.ts';

/*
 * Read paths whose answer is narrower than the releasability rule by a policy of their own: the
 * protection detail of a site (its gaps, the units guarding it) shown only to mission members and
 * the site's owner, the mission's edition of the situation report (PUBLIC and MISSION records, for
 * members only), a route for signed-in users only. Each subject must get exactly the records the
 * rule lets it see AND the policy lets through — checked against the same reading of the rule as
 * the harness, over the subjects the harness used.
 */

export interface NarrowedPath {
  name: string;
  kind: 'ids' | 'count';
  /** Whether the policy lets this subject see this record, beside the rule. */
  narrow: (subject: MatrixSubject, record: MatrixRecord) => boolean;
  /** Bundle ids (ids) or a number (count). */
  read: (subject: MatrixSubject) => Promise<string[] | number>;
}

/** Runs the paths for each subject; returns the number of (subject, record, path) cases checked. */
export async function runNarrowedPaths(world: MatrixWorld, subjects: readonly MatrixSubject[], paths: readonly NarrowedPath[]): Promise<number> {
  let cases = 0;
  for (const path of paths) {
    for (const subject of subjects) {
      const orgCode = subject.user === null ? null : subject.key;
      const expected = [...world.recordOf].filter(([, record]) => expectedVisible(orgCode, record) && path.narrow(subject, record));
      const where = `${path.name} as ${subject.key}`;
      const got = await path.read(subject);
      if (typeof got === 'number') {
        assert.equal(path.kind, 'count', where);
        assert.equal(got, expected.length, where);
      } else {
        const keys = got.map((bundle) => world.recordOf.get(bundle)?.key ?? `unknown ${bundle}`);
        assert.deepEqual([...keys].sort(), expected.map(([, record]) => record.key).sort(), where);
      }
      cases += world.recordOf.size;
    }
  }
  return cases;
}

/** Mission members, and the owner of the record. */
export const memberOrOwner = (subject: MatrixSubject, record: MatrixRecord) => subject.viewer.isMissionMember || subject.key === record.ownerCode;
/** Mission members only (the record's own label aside). */
export const membersOnly = (subject: MatrixSubject) => subject.viewer.isMissionMember;
/** Anyone signed in. */
export const signedIn = (subject: MatrixSubject) => subject.user !== null;
