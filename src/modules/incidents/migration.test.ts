import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { Migrator } from 'kysely';
import { dbTest } from '../../db/testing.ts';
import { migrationProvider } from '../../db/migrations/index.ts';
import { reindexAllRows } from '../../db/dialect.ts';
import { reportIncident, listIncidents } from './index.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';

describe('incidents migration', () => {
  dbTest('goes down and up again, indexes included', async ({ db }) => {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const down = await migrator.migrateTo('0002_ledger');
    assert.equal(down.error, undefined);
    assert.ok(down.results?.some((r) => r.migrationName === '0003_incidents' && r.direction === 'Down' && r.status === 'Success'));
    const up = await migrator.migrateToLatest();
    assert.equal(up.error, undefined);
    const { reporter } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: reporter.actor, areas: null, input: buildIncidentInput({ description: 'apre migrasyon' }) });
    const found = await listIncidents({ db, viewer: reporter.actor, filter: { bbox: [-72.31, 18.55, -72.29, 18.56], q: 'migrasyon' } });
    assert.deepEqual(found.items.map((i) => i.id), [incident.id]);
    await reindexAllRows(db, { table: 'incidents', lon: 'lon', lat: 'lat', time: 'occurred_ms', category: 'type_code', text: 'search_text' });
    const again = await listIncidents({ db, viewer: reporter.actor, filter: { bbox: [-72.31, 18.55, -72.29, 18.56], types: ['kidnapping', 'killing'], q: 'migrasyon' } });
    assert.deepEqual(again.items.map((i) => i.id), [incident.id], 'after rebuilding the indexes');
  });
});
