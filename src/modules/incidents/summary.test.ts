import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { datasetsDir } from '../../../test/datasets.ts';
import type { IncidentInput } from '../../shared/incidents.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { PUBLIC_VIEWER, type Viewer } from '../auth/index.ts';
import { adminAreasIn } from './admin-areas.ts';
import { aggregateIncidents, decideVerification, editIncident, importIncidents, mergeIncidents, reportIncident } from './index.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';
import { rebuildSummary } from './summary.ts';

const areas = await adminAreasIn(datasetsDir);
const PLACES = [
  { lon: -72.332, lat: 18.5805 },
  { lon: -72.303, lat: 18.547 },
  { lon: -72.4, lat: 18.534 },
  { lon: -72.227, lat: 18.577 },
];

async function weeklyRows(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('incident_weekly').selectAll().execute();
  return rows
    .filter((r) => r.incidents !== 0 || r.killed !== 0 || r.injured !== 0 || r.abducted !== 0 || r.displaced !== 0)
    .map((r) => JSON.stringify([r.week, r.type, r.adm2_pcode, r.label_id, r.survivor_label_id, r.incidents, r.killed, r.injured, r.abducted, r.displaced]))
    .sort();
}

/** The same aggregate through the weekly summary and straight from the incidents (illustrative: false forces that path). */
async function bothWays(db: Db, viewer: Viewer, range: { from: string; to: string }) {
  const summarised = await aggregateIncidents({ db, viewer, filter: range });
  const scanned = await aggregateIncidents({ db, viewer, filter: { ...range, illustrative: false } });
  return { summarised, scanned };
}

describe('the weekly summary', () => {
  dbTest('stays equal to the incidents through reports, edits, merges, relabelling and imports', async ({ db }) => {
    const { reporter, analyst, jamAnalyst, hnp, donor } = await buildMission(db);
    const report = async (i: number, overrides: Partial<IncidentInput>, actor = reporter.actor) =>
      (await reportIncident({
        db,
        actor,
        areas,
        input: buildIncidentInput({ occurredAt: new Date(Date.UTC(2024, 1, 1 + i * 3, 10)).toISOString(), location: PLACES[i % PLACES.length]!, type: i % 2 ? 'killing' : 'kidnapping', counts: { killed: i % 4, abducted: i % 3 }, ...overrides }),
      })).incident;
    const made = [];
    const labels: Partial<IncidentInput>[] = [{ classification: 'PUBLIC' }, { classification: 'MISSION' }, { classification: 'RESTRICTED' }, { classification: 'RESTRICTED', releasableTo: ['JAM'] }];
    for (let i = 0; i < 16; i += 1) made.push(await report(i, labels[i % labels.length]!, i % 5 === 0 ? hnp.actor : reporter.actor));
    await editIncident({ db, actor: reporter.actor, id: made[1]!.id, areas, patch: { version: 1, changes: { location: PLACES[3]!, occurredAt: '2024-03-20T08:00:00Z', counts: { killed: 9 } } } });
    await editIncident({ db, actor: reporter.actor, id: made[2]!.id, areas, patch: { version: 1, changes: { classification: 'PUBLIC' } } });
    await decideVerification({ db, actor: jamAnalyst.actor, id: made[3]!.id, decision: { status: 'verified' } });
    // A public duplicate merged into a restricted survivor, whose label then widens to JAM.
    await mergeIncidents({ db, actor: analyst.actor, survivorId: made[6]!.id, request: { duplicateId: made[4]!.id } });
    await editIncident({ db, actor: reporter.actor, id: made[6]!.id, areas, patch: { version: 2, changes: { releasableTo: ['JAM', 'HNP'] } } });
    await importIncidents({
      db,
      actor: reporter.actor,
      areas,
      mode: 'commit-valid',
      rows: [0, 1, 2].map((i) => ({ line: i + 2, input: buildIncidentInput({ external: { system: 'acled', id: `S${i}` }, occurredAt: `2024-02-2${i}T00:00:00Z`, classification: i === 2 ? 'MISSION' : 'PUBLIC' }) })),
    });
    await importIncidents({
      db,
      actor: reporter.actor,
      areas,
      mode: 'commit-valid',
      rows: [{ line: 2, input: buildIncidentInput({ external: { system: 'acled', id: 'S1' }, occurredAt: '2024-04-02T00:00:00Z', classification: 'RESTRICTED', counts: { killed: 3 } }) }],
    });

    // Whole weeks only, and ranges with partial weeks at both ends.
    for (const range of [{ from: '2024-01-29T00:00:00Z', to: '2024-04-29T00:00:00Z' }, { from: '2024-02-07T13:00:00Z', to: '2024-04-03T00:00:00Z' }, { from: '2024-02-01T00:00:00Z', to: '2024-02-03T00:00:00Z' }]) {
      for (const viewer of [reporter.actor, jamAnalyst.actor, hnp.actor, donor.actor, PUBLIC_VIEWER]) {
        const { summarised, scanned } = await bothWays(db, viewer, range);
        assert.deepEqual(summarised, scanned, `${range.from}..${range.to} as ${'organisationId' in viewer ? viewer.organisationId : 'public'}`);
        if (viewer === reporter.actor && range.to === '2024-04-29T00:00:00Z') assert.ok(summarised.totals.incidents > 10, 'the summary path is exercised');
      }
    }
    const kept = await weeklyRows(db);
    assert.ok(kept.length > 10);
    await rebuildSummary(db);
    assert.deepEqual(await weeklyRows(db), kept, 'the summary kept on write equals one built from scratch');
  });
});
