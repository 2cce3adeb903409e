import assert from 'node:assert/strict';
import type { MatrixSubject, ReadPath } from '../../src/modules/auth/releasability.testing.ts';
import type { ForceSection, NotAvailable, RoadsSection, SecuritySection, Sitrep } from '../../src/shared/reports.ts';
import { membersOnly, memberOrOwner, type NarrowedPath } from './matrix-narrowed.ts';
import { count, ids, perSubject, sum, total, type Reader } from './matrix-reader.ts';
import type { Kind, MatrixWorld } from './matrix-world.ts';

/*
 * The situation report's read paths. Each subject asks for its own edition (its organisation's;
 * the public, the PUBLIC one) of the last seven days, as JSON and as HTML: the records it lists,
 * its counts and its sums must be exactly the subject's. The mission's edition is checked apart
 * (members only, PUBLIC and MISSION records), and so is every edition a subject may not produce.
 */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PERIOD = `from=${day(-6)}&to=${day(0)}`;
const editionOf = (s: MatrixSubject) => (s.user === null ? 'PUBLIC' : s.key);
/** Every key of a bundle named in a page: OWNER:LABEL, with > escaped. */
const KEY = /\b[A-Z]{3}:(?:PUBLIC|MISSION|RESTRICTED(?:&gt;[A-Z]{3}(?:\+[A-Z]{3})?)?)/g;

function available<T extends { status: 'available' }>(section: T | NotAvailable, name: string): T {
  assert.equal(section.status, 'available', `the ${name} section: ${JSON.stringify(section)}`);
  return section as T;
}

function sections(report: Sitrep) {
  return {
    security: available<SecuritySection>(report.security, 'security'), force: available<ForceSection>(report.force, 'force'),
    roads: available<RoadsSection>(report.roads, 'roads'), sites: available(report.sites, 'sites'), operations: available(report.operations, 'operations'),
    training: available(report.training, 'training'), accountability: available(report.accountability, 'accountability'),
  };
}

export function reportPaths(http: Reader, world: MatrixWorld): ReadPath[] {
  const json = perSubject(async (s) => sections(await http.json<Sitrep>(`/api/v1/reports/sitrep?${PERIOD}&audience=${editionOf(s)}&format=json`, s)));
  const html = perSubject((s) => http.text(`/api/v1/reports/sitrep?${PERIOD}&audience=${editionOf(s)}&format=html`, s));
  const of = (kind: Kind, got: string[]) => world.bundles(kind, got.filter((id) => world.has(kind, id)));
  const refused = () => world.without('trainee').length;
  const name = (what: string) => `GET /api/v1/reports/sitrep (JSON, own edition): ${what}`;
  return [
    ids(name('incidents'), async (s) => of('incident', (await json(s)).security.incidents.map((i) => i.id))),
    count(name('incident count'), async (s) => (await json(s)).security.totals.incidents),
    total(name('displaced'), async (s) => (await json(s)).security.totals.displaced),
    ids(name('areas of control'), async (s) => of('area', (await json(s)).security.areas.map((a) => a.id))),
    ids(name('personnel pledges'), async (s) => of('personnel', (await json(s)).force.pledges.map((p) => p.id))),
    ids(name('funds pledges'), async (s) => of('funds', (await json(s)).force.pledges.map((p) => p.id))),
    total(name('officers deployed'), async (s) => (await json(s)).force.officers.deployed),
    total(name('USD paid'), async (s) => (await json(s)).force.usd.paid),
    total(name('USD paid by nation'), async (s) => sum((await json(s)).force.byOrganisation.map((o) => o.usd.paid))),
    ids(name('late milestones'), async (s) => of('milestone', (await json(s)).force.lateMilestones.map((m) => m.id))),
    ids(name('roadblocks'), async (s) => of('roadblock', (await json(s)).roads.roadblocks.items.map((b) => b.id))),
    count(name('roadblocks in force'), async (s) => (await json(s)).roads.roadblocks.inForce),
    count(name('convoy escorts'), async (s) => { const { convoys } = (await json(s)).roads; return convoys.status === 'available' ? convoys.total : -1; }),
    count(name('sites'), async (s) => (await json(s)).sites.total - 2),
    count(name('critical sites'), async (s) => (await json(s)).sites.critical - 1),
    count(name('tasks'), async (s) => (await json(s)).operations.total),
    ids(name('aborted tasks'), async (s) => of('task', (await json(s)).operations.aborted.map((t) => t.id))),
    count(name('trainees enrolled'), async (s) => (await json(s)).training.totals.enrolled + refused()),
    count(name('sessions attended'), async (s) => (await json(s)).training.totals.attendances + refused()),
    count(name('certified'), async (s) => (await json(s)).training.totals.certified + refused()),
    count(name('detentions'), async (s) => (await json(s)).accountability.detentions.recorded),
    ids('GET /api/v1/reports/sitrep (HTML, own edition): records named', async (s) => {
      const keys = new Set([...(await html(s)).matchAll(KEY)].map((m) => m[0].replace('&gt;', '>')));
      return [...keys].map((key) => world.bundleOfKey(key) ?? `unknown key ${key}`);
    }),
  ];
}

/** The gaps of the subject's own edition (protection detail), and the mission's edition. */
export function reportNarrowedPaths(http: Reader, world: MatrixWorld): NarrowedPath[] {
  const own = perSubject((s) => http.json<Sitrep>(`/api/v1/reports/sitrep?${PERIOD}&audience=${editionOf(s)}&format=json`, s));
  const mission = perSubject(async (s) => {
    if (!membersOnly(s)) {
      await http.text(`/api/v1/reports/sitrep?${PERIOD}&audience=MISSION&format=json`, s, s.user === null ? 401 : 403);
      return null;
    }
    return sections(await http.json<Sitrep>(`/api/v1/reports/sitrep?${PERIOD}&audience=MISSION&format=json`, s));
  });
  const missionLabel = (s: MatrixSubject, record: { classification: string }) => membersOnly(s) && record.classification !== 'RESTRICTED';
  const of = (kind: Kind, got: string[]) => world.bundles(kind, got.filter((id) => world.has(kind, id)));
  const gaps = async (s: MatrixSubject) => {
    const sites = (await own(s)).sites;
    return sites.status === 'available' ? sites.gaps.map((g) => g.siteId) : [];
  };
  return [
    { name: 'GET /api/v1/reports/sitrep (JSON, own edition): unguarded sites', kind: 'ids', narrow: memberOrOwner, read: async (s) => of('site', await gaps(s)) },
    { name: 'GET /api/v1/reports/sitrep (JSON, MISSION edition): incidents', kind: 'ids', narrow: missionLabel, read: async (s) => of('incident', (await mission(s))?.security.incidents.map((i) => i.id) ?? []) },
    { name: 'GET /api/v1/reports/sitrep (JSON, MISSION edition): pledges', kind: 'ids', narrow: missionLabel, read: async (s) => of('personnel', (await mission(s))?.force.pledges.map((p) => p.id) ?? []) },
    { name: 'GET /api/v1/reports/sitrep (JSON, MISSION edition): roadblocks', kind: 'ids', narrow: missionLabel, read: async (s) => of('roadblock', (await mission(s))?.roads.roadblocks.items.map((b) => b.id) ?? []) },
    { name: 'GET /api/v1/reports/sitrep (JSON, MISSION edition): aborted tasks', kind: 'ids', narrow: missionLabel, read: async (s) => of('task', (await mission(s))?.operations.aborted.map((t) => t.id) ?? []) },
    { name: 'GET /api/v1/reports/sitrep (JSON, MISSION edition): tasks', kind: 'count', narrow: missionLabel, read: async (s) => (await mission(s))?.operations.total ?? 0 },
    { name: 'GET /api/v1/reports/sitrep (JSON, MISSION edition): detentions', kind: 'count', narrow: missionLabel, read: async (s) => (await mission(s))?.accountability.detentions.recorded ?? 0 },
  ];
}

/** Every edition of another organisation is refused: 403 signed in, 401 for the public. */
export async function checkOtherEditionsRefused(http: Reader, subjects: readonly MatrixSubject[]): Promise<number> {
  let refusals = 0;
  for (const subject of subjects) {
    for (const other of subjects) {
      if (other.user === null || other.key === subject.key) continue;
      await http.text(`/api/v1/reports/sitrep?${PERIOD}&audience=${other.key}&format=json`, subject, subject.user === null ? 401 : 403);
      refusals++;
    }
  }
  return refusals;
}
