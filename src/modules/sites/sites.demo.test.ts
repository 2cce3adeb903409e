import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { datasetsDir } from '../../../test/datasets.ts';
import { dbTest } from '../../db/testing.ts';
import { createOrganisation, createUser, PUBLIC_VIEWER } from '../auth/index.ts';
import { DEMO_ORGANISATIONS, DEMO_USERS } from '../demo/index.ts';
import { actorForUsername } from '../incidents/index.ts';
import { listCourses, listTrainees, trainingTotals } from '../training/index.ts';
import { loadTrainingDemo } from '../training/index.ts';
import { listSites, listTasks, loadSitesDemo, protectionGaps, sitesGeoJson } from './index.ts';

describe('demo sites and training', () => {
  dbTest('real health facilities and airports with their attribution, illustrative named sites, gaps, tasks and training', async ({ db }) => {
    for (const organisation of DEMO_ORGANISATIONS) await createOrganisation({ db, actor: null, input: organisation });
    for (const user of DEMO_USERS) await createUser({ db, actor: null, input: { ...user, password: 'demo-password-1' } });
    const line = await loadSitesDemo({ db, datasetsDir });
    assert.match(line, /^sites: 480 from health-facilities-mspp.geojson, 6 from airports.geojson; 8 named sites \(illustrative\), 4 assignments, 4 tasks, \d+ threat history entries$/);

    const publicSites = await listSites({ db, viewer: PUBLIC_VIEWER, query: { limit: 5000 } });
    assert.equal(publicSites.length, 486 + 3, 'the datasets and the public named sites');
    const port = publicSites.find((s) => s.name.startsWith('Port of Port-au-Prince'))!;
    assert.deepEqual([port.illustrative, port.source?.name, port.commune?.name], [true, 'Konbit demo data: position approximate, details illustrative', 'Port-au-Prince']);
    const layer = await sitesGeoJson({ db, viewer: PUBLIC_VIEWER });
    assert.ok(layer.attribution.some((a) => a.includes('MSPP')) && layer.attribution.includes('OurAirports (public domain)'));

    const ken = await actorForUsername(db, 'ken.commander');
    const gaps = await protectionGaps({ db, viewer: ken });
    const named = (name: string) => gaps.find((g) => g.siteName.startsWith(name));
    assert.equal(named('Varreux fuel terminal')?.gap, 'unassigned');
    assert.equal(named('National Penitentiary')?.gap, 'unassigned');
    assert.deepEqual([named('Varreux power plant')?.gap, named('Varreux power plant')?.shortfall], ['under_strength', 8]);
    assert.equal(named('Port of Port-au-Prince'), undefined, 'the port is guarded to strength');
    assert.equal(named('Toussaint Louverture'), undefined, 'the airport is guarded (no requirement set)');
    assert.deepEqual((await listTasks({ db, viewer: ken })).map((t) => t.status).sort(), ['aborted', 'done', 'planned', 'under_way']);

    const training = await loadTrainingDemo({ db });
    assert.match(training, /^training: 4 courses, 12 trainees \(illustrative\), \d+ certifications, 2 blocked by a vetting flag \(crowd control, anti-kidnapping\)$/);
    assert.equal((await listCourses({ db, viewer: PUBLIC_VIEWER })).length, 2, 'two courses are public');
    assert.deepEqual(await listTrainees({ db, viewer: PUBLIC_VIEWER }), [], 'no trainee is public');
    const hnp = await actorForUsername(db, 'hnp.liaison');
    assert.equal((await listTrainees({ db, viewer: hnp })).length, 12);
    assert.equal((await listTrainees({ db, viewer: await actorForUsername(db, 'usa.donor') })).length, 0);
    const totals = await trainingTotals({ db, viewer: hnp, query: { interval: 'month' } });
    assert.ok(totals.totals.certified > 0 && totals.rows.length >= 4);
  });
});
