import { describe } from 'node:test';
import type { InjectOptions } from 'fastify';
import { dbTest } from '../../db/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { assertRefusedWithoutWrites, type BadCase } from '../refusals.testing.ts';
import { createAssignment, createSite, createTask } from './index.ts';
import { DELMAS, patrolInput, rowCounts, siteInput } from './sites.testing.ts';

/*
 * Each bad input gets a clear error naming the field or the rule, and
 * leaves the database exactly as it was: no site, assignment, task, release
 * or audit row.
 */

describe('sites bad input', () => {
  dbTest('each bad input is refused with a clear error and writes nothing', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    await buildOrganisation(db, 'JAM');
    const ken = await buildUser(db, 'ken.commander', 'KEN', ['commander']);
    const jam = await buildUser(db, 'jam.commander', 'JAM', ['commander']);
    const reporter = await buildUser(db, 'ken.reporter', 'KEN', ['reporter']);
    const port = await createSite({ db, actor: ken.actor, input: siteInput({ name: 'Port', kind: 'port', criticality: 5 }), areas: null });
    const secret = await createSite({ db, actor: ken.actor, input: siteInput({ name: 'Kenyan depot', classification: 'RESTRICTED' }), areas: null });
    await createAssignment({ db, actor: ken.actor, input: { siteId: port.id, unit: { organisation: 'KEN', name: 'KEN FPU 1' }, strength: 30, startsAt: '2024-07-01T00:00:00Z', classification: 'MISSION' } });
    const task = await createTask({ db, actor: ken.actor, input: patrolInput() });

    const post = (url: string, payload: object, user = ken): InjectOptions => ({ method: 'POST', url, headers: user.headers, payload });
    const site = (extra: object) => post('/api/v1/sites', { ...siteInput(), ...extra });
    const assignment = (extra: object) => post('/api/v1/sites/assignments', { siteId: port.id, unit: { organisation: 'KEN', name: 'KEN FPU 2' }, strength: 10, startsAt: '2024-07-01T00:00:00Z', classification: 'MISSION', ...extra });
    const bowtie = { type: 'Polygon', coordinates: [[[-72.30, 18.55], [-72.29, 18.56], [-72.29, 18.55], [-72.30, 18.56], [-72.30, 18.55]]] };
    const csv = 'name,kind,criticality,lon,lat\nGood clinic,hospital,3,-72.30,18.55\nBad clinic,castle,3,-72.30,18.55\n';
    const cases: BadCase[] = [
      { name: 'a site whose area crosses itself', request: site({ geometry: bowtie }), status: 422, code: 'INVALID_POLYGON', message: /the site's area is refused: ring 0: crosses itself: segment 0 .*; redraw it/ },
      { name: 'a site drawn as a line', request: site({ geometry: { type: 'LineString', coordinates: [[-72.3, 18.55], [-72.29, 18.56]] } }), status: 422, code: 'INVALID_GEOMETRY', message: /must be a GeoJSON Point, Polygon or MultiPolygon, not a LineString/ },
      { name: 'a point with latitude and longitude swapped', request: site({ geometry: { type: 'Point', coordinates: [DELMAS.lat, DELMAS.lon] } }), status: 422, code: 'INVALID_GEOMETRY', message: /latitude and longitude look swapped/ },
      { name: 'a point that is not a position', request: site({ geometry: { type: 'Point', coordinates: ['x', 18.5] } }), status: 422, code: 'INVALID_GEOMETRY', message: /not a \[longitude, latitude\] position/ },
      { name: 'criticality out of range', request: site({ criticality: 6 }), status: 400, code: 'VALIDATION_FAILED', message: /criticality is 1 \(low\) to 5 \(vital\)/ },
      { name: 'an unknown kind of site', request: site({ kind: 'castle' }), status: 400, code: 'VALIDATION_FAILED', message: /body\.kind/ },
      // The site row is written before the release list is checked: the transaction must take it back.
      { name: 'releasing to an unknown organisation', request: site({ classification: 'RESTRICTED', releasableTo: ['NOPE'] }), status: 400, code: 'VALIDATION_FAILED', message: /unknown organisation NOPE in releasableTo/ },
      { name: 'a site from a reporter', request: site({ name: 'x' }), status: 403, code: 'FORBIDDEN', message: /./ },
      { name: 'a stale correction', request: { method: 'PATCH', url: `/api/v1/sites/${port.id}`, headers: ken.headers, payload: { version: 7, changes: { criticality: 4 } } }, status: 409, code: 'CONFLICT', message: /changed by someone else \(it is now at version 1\)/ },
      { name: 'overlapping assignments of one unit', request: post('/api/v1/sites/assignments', { siteId: secret.id, unit: { organisation: 'KEN', name: 'KEN FPU 1' }, strength: 5, startsAt: '2024-08-01T00:00:00Z', classification: 'MISSION' }), status: 409, code: 'CONFLICT', message: /unit "KEN FPU 1" of KEN is already assigned to Port .*a unit guards one site at a time/ },
      { name: 'an assignment ending before it starts', request: assignment({ endsAt: '2024-06-01T00:00:00Z' }), status: 400, code: 'VALIDATION_FAILED', message: /the assignment ends \(2024-06-01T00:00:00.000Z\) before it starts/ },
      { name: 'an assignment of no officers', request: assignment({ strength: 0 }), status: 400, code: 'VALIDATION_FAILED', message: /strength is at least 1 officer/ },
      { name: 'an assignment to a site the user cannot see', request: post('/api/v1/sites/assignments', { siteId: secret.id, unit: { organisation: 'JAM', name: 'JAM FPU' }, strength: 5, startsAt: '2024-07-01T00:00:00Z', classification: 'MISSION' }, jam), status: 404, code: 'NOT_FOUND', message: /^site not found$/ },
      { name: 'tasking another nation’s unit', request: post('/api/v1/sites/assignments', { siteId: port.id, unit: { organisation: 'KEN', name: 'KEN FPU 3' }, strength: 5, startsAt: '2024-07-01T00:00:00Z', classification: 'MISSION' }, jam), status: 403, code: 'FORBIDDEN', message: /only KEN, mission headquarters or an administrator may task KEN's units/ },
      { name: 'a task ending before it starts', request: post('/api/v1/sites/tasks', patrolInput({ endsAt: '2024-03-10T05:00:00Z' })), status: 400, code: 'VALIDATION_FAILED', message: /the task ends \(2024-03-10T05:00:00Z\) before it starts/ },
      { name: 'a guard task without its site', request: post('/api/v1/sites/tasks', patrolInput({ kind: 'guard_site', geometry: null })), status: 400, code: 'VALIDATION_FAILED', message: /a guard task names the site to guard/ },
      { name: 'a route of one point', request: post('/api/v1/sites/tasks', patrolInput({ geometry: { type: 'LineString', coordinates: [[-72.3, 18.55]] } })), status: 422, code: 'INVALID_GEOMETRY', message: /the patrol route needs at least two positions/ },
      { name: 'an area patrol without an area', request: post('/api/v1/sites/tasks', patrolInput({ kind: 'patrol_area' })), status: 422, code: 'INVALID_GEOMETRY', message: /an area patrol needs the area/ },
      { name: 'aborting without an after-action note', request: post(`/api/v1/sites/tasks/${task.id}/status`, { version: 1, status: 'aborted' }), status: 400, code: 'VALIDATION_FAILED', message: /why the task was aborted/ },
      { name: 'finishing a task that never started', request: post(`/api/v1/sites/tasks/${task.id}/status`, { version: 1, status: 'done' }), status: 409, code: 'CONFLICT', message: /a task that is planned cannot become done; it can become under_way or aborted/ },
      {
        name: 'an import with a bad row, all or nothing',
        request: { method: 'POST', url: '/api/v1/sites/import/csv', headers: { ...ken.headers, 'content-type': 'text/csv' }, payload: csv },
        status: 400, code: 'VALIDATION_FAILED', message: /1 row was rejected, so nothing was imported: .*row 3 kind: Invalid option/,
      },
      { name: 'no session', request: { method: 'POST', url: '/api/v1/sites', payload: siteInput() }, status: 401, code: 'UNAUTHENTICATED', message: /sign in/ },
    ];
    cases.find((c) => c.name === 'a site from a reporter')!.request.headers = reporter.headers;

    await assertRefusedWithoutWrites(app, cases, () => rowCounts(db));
    await app.close();
  });
});
