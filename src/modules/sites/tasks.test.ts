import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { changeTaskStatus, createSite, createTask, sitesSitrep } from './index.ts';
import { DELMAS, patrolInput, siteInput, squareAround } from './sites.testing.ts';

/** Patrol tasking: a task's life from planned to done or aborted, its map layer and the situation report's numbers. */

describe('patrol tasks', () => {
  dbTest('tasks move from planned to under way to done, end with an after-action note, and show on the map', async ({ db }) => {
    await buildOrganisation(db, 'KEN');
    await buildOrganisation(db, 'HNP', 'host_police');
    const ken = await buildUser(db, 'ken.commander', 'KEN', ['commander']);
    const hnp = await buildUser(db, 'hnp.commander', 'HNP', ['commander']);
    const app = await buildTestApp(db);
    const site = await createSite({ db, actor: ken.actor, input: siteInput({ name: 'Varreux fuel terminal', kind: 'fuel_terminal', criticality: 5, geometry: squareAround(DELMAS, 300) }), areas: null });

    const post = (url: string, payload: object, user = ken) => app.inject({ method: 'POST', url, headers: user.headers, payload });
    const created = await post('/api/v1/sites/tasks', patrolInput({ title: 'Delmas patrol' }));
    assert.equal(created.statusCode, 201, created.body);
    const patrol = created.json<{ id: string; status: string; version: number; geometry: { type: string } }>();
    assert.deepEqual([patrol.status, patrol.version, patrol.geometry.type], ['planned', 1, 'LineString']);

    const started = await post(`/api/v1/sites/tasks/${patrol.id}/status`, { version: 1, status: 'under_way' });
    assert.equal(started.statusCode, 200, started.body);
    assert.ok(started.json<{ startedAt: string }>().startedAt);
    const done = await post(`/api/v1/sites/tasks/${patrol.id}/status`, { version: 2, status: 'done', afterAction: 'Two barricades cleared at Delmas 33; no contact.' });
    assert.equal(done.json<{ status: string }>().status, 'done');
    assert.equal(done.json<{ afterAction: string }>().afterAction, 'Two barricades cleared at Delmas 33; no contact.');
    const again = await post(`/api/v1/sites/tasks/${patrol.id}/status`, { version: 3, status: 'under_way' });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /a task that is done cannot become under way: it is final/);

    const guard = await createTask({ db, actor: ken.actor, input: patrolInput({ kind: 'guard_site', title: 'Guard the terminal', geometry: null, siteId: site.id }) });
    assert.deepEqual(guard.site, { id: site.id, name: 'Varreux fuel terminal' });
    assert.equal(guard.geometry?.type, 'Polygon', 'a guard task is drawn as its site');
    const area = await createTask({ db, actor: hnp.actor, input: patrolInput({ kind: 'patrol_area', title: 'Martissant sweep', unit: { organisation: 'HNP', name: 'BOID' }, geometry: squareAround(DELMAS, 1000) }) });
    const aborted = await changeTaskStatus({ db, actor: hnp.actor, id: area.id, change: { version: 1, status: 'aborted', afterAction: 'Vehicles diverted to a medical evacuation.' } });
    assert.equal(aborted.status, 'aborted');
    assert.ok(aborted.finishedAt);

    const layer = await app.inject({ method: 'GET', url: '/api/v1/sites/tasks.geojson?status=planned', headers: ken.headers });
    assert.deepEqual(layer.json<{ features: { id: string; geometry: { type: string }; properties: { kind: string } }[] }>().features.map((f) => [f.id, f.geometry.type, f.properties.kind]), [[guard.id, 'Polygon', 'guard_site']]);

    const sitrep = await sitesSitrep({ db, viewer: ken.actor, from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z' });
    assert.deepEqual(sitrep.tasks.byStatus, { done: 1, planned: 1, aborted: 1 });
    assert.deepEqual(sitrep.tasks.byKind, { patrol_route: 1, guard_site: 1, patrol_area: 1 });
    assert.deepEqual(sitrep.tasks.aborted, [{ id: area.id, title: 'Martissant sweep', afterAction: 'Vehicles diverted to a medical evacuation.' }]);
    assert.deepEqual([sitrep.sites.total, sitrep.sites.critical], [1, 1]);
    assert.deepEqual(sitrep.gaps.map((g) => [g.siteName, g.gap]), [['Varreux fuel terminal', 'unassigned']], 'a guard task is not an assignment');
    const overHttp = await app.inject({ method: 'GET', url: '/api/v1/sites/sitrep?from=2024-03-01T00:00:00Z&to=2024-04-01T00:00:00Z', headers: hnp.headers });
    assert.equal(overHttp.statusCode, 200, overHttp.body);
    await app.close();
  });
});
