import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { createOrganisation, createUser } from '../auth/index.ts';
import { DEMO_ORGANISATIONS, DEMO_USERS } from '../demo/index.ts';
import { actorForUsername } from './act-as.ts';
import { loadAccountabilityDemo } from './accountability.demo.ts';
import { listCases } from './cases.service.ts';
import { listDetentions } from './detentions.service.ts';

describe('accountability demo', () => {
  dbTest('loads illustrative complaints and detentions, marked as such', async ({ db }) => {
    for (const organisation of DEMO_ORGANISATIONS) await createOrganisation({ db, actor: null, input: organisation });
    for (const user of DEMO_USERS.filter((u) => ['oversight', 'ken.commander', 'jam.commander'].includes(u.username))) {
      await createUser({ db, actor: null, input: { ...user, password: 'demo-password-1' } });
    }
    assert.match(await loadAccountabilityDemo({ db }), /3 illustrative complaints, 3 illustrative detentions/);
    const oversight = await actorForUsername(db, 'oversight');
    const cases = await listCases({ db, actor: oversight });
    assert.equal(cases.length, 3);
    assert.ok(cases.every((c) => c.illustrative));
    assert.deepEqual(cases.map((c) => c.status).sort(), ['received', 'received', 'under_investigation']);
    const register = await listDetentions({ db, viewer: oversight });
    assert.deepEqual(register.map((d) => [d.status, d.overdue, d.late]).sort(), [['handed_over', false, false], ['handed_over', false, true], ['held', true, false]].sort());
    assert.ok(register.every((d) => d.illustrative && d.unit.startsWith('Illustrative')));
    // The Jamaican commander sees the register (MISSION) but not who was detained.
    const jam = await listDetentions({ db, viewer: await actorForUsername(db, 'jam.commander') });
    assert.equal(jam.length, 3);
    assert.ok(jam.every((d) => d.person === null));
  });
});
