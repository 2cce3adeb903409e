import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { datasetsDir } from '../../../test/datasets.ts';
import { dbTest } from '../../db/testing.ts';
import { createOrganisation, createUser, PUBLIC_VIEWER } from '../auth/index.ts';
import { DEMO_ORGANISATIONS, DEMO_USERS } from '../demo/index.ts';
import { actorForUsername } from './act-as.ts';
import { exportIncidents, listActors, loadDemoIncidents } from './index.ts';

describe('demo incidents', () => {
  dbTest('a few hundred illustrative incidents around Port-au-Prince, from a fixed seed', async ({ db }) => {
    for (const organisation of DEMO_ORGANISATIONS) await createOrganisation({ db, actor: null, input: organisation });
    for (const user of DEMO_USERS) await createUser({ db, actor: null, input: { ...user, password: 'demo-password-1' } });
    const line = await loadDemoIncidents({ db, datasetsDir });
    assert.match(line, /^320 illustrative incidents, \d+ of them verified, disputed or rejected$/);
    const ken = await actorForUsername(db, 'ken.commander');
    const all = [];
    for await (const incident of exportIncidents({ db, viewer: ken })) all.push(incident);
    assert.ok(all.every((i) => i.illustrative && i.title.startsWith('[Illustrative]') && /^Illustrative demo record \d+, not a real report\./.test(i.description)));
    assert.ok(all.every((i) => i.location.lon > -72.45 && i.location.lon < -72.2 && i.location.lat > 18.5 && i.location.lat < 18.62), 'in the metro area');
    assert.ok(all.every((i) => i.admin?.adm1Pcode === 'HT01'), 'admin areas derived');
    const communes = new Set(all.map((i) => i.admin!.adm2Name));
    for (const commune of ['Cité Soleil', 'Delmas', 'Carrefour', 'Croix-Des-Bouquets', 'Tabarre', 'Port-au-Prince']) assert.ok(communes.has(commune), commune);
    const restricted = all.filter((i) => i.classification === 'RESTRICTED');
    assert.ok(restricted.some((i) => i.owner === 'KEN' && i.releasableTo.length === 0), 'Kenyan eyes only');
    assert.ok(restricted.some((i) => i.owner === 'HNP' && i.releasableTo.includes('KEN')), 'HNP reports released to KEN');
    assert.ok(!all.some((i) => i.owner === 'JAM' && i.classification === 'RESTRICTED'), 'KEN does not see what JAM keeps');
    const statuses = new Set(all.map((i) => i.verification));
    for (const status of ['unverified', 'verified', 'disputed', 'rejected']) assert.ok(statuses.has(status as 'verified'), status);
    const types = new Map<string, number>();
    for (const i of all) types.set(i.type, (types.get(i.type) ?? 0) + 1);
    assert.ok((types.get('killing') ?? 0) > (types.get('protest') ?? 0), 'types weighted as reported');
    const actors = (await listActors({ db, viewer: PUBLIC_VIEWER })).map((a) => a.name);
    for (const name of ['G9 an Fanmi e Alye', 'G-Pep', '400 Mawozo', 'Village de Dieu', 'Grand Ravine']) assert.ok(actors.includes(name), name);
  });
});
