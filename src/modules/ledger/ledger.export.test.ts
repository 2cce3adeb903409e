import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { parse } from 'csv-parse/sync';
import { dbTest } from '../../db/testing.ts';
import { createOrganisation } from '../auth/index.ts';
import { buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { createPledge, exportFts, exportHxl, FTS_HEADER, recordEvent } from './index.ts';
import { fundsPledge, inKindPledge, personnelPledge } from './ledger.testing.ts';

async function seed(db: Parameters<typeof buildUser>[0]) {
  for (const [code, name, kind, iso3] of [['KEN', 'Kenya', 'contingent', 'KEN'], ['USA', 'United States', 'donor', 'USA'], ['HQ', 'Mission headquarters', 'mission_hq', null], ['HNP', 'Haitian National Police', 'host_police', 'HTI']] as const) {
    await createOrganisation({ db, actor: null, input: { code, name, kind, iso3 } });
  }
  const ken = await buildUser(db, 'ken', 'KEN', ['commander']);
  const usa = await buildUser(db, 'usa', 'USA', ['donor']);
  const officers = await createPledge({ db, actor: ken.actor, input: personnelPledge(1000, { pledgedOn: '2023-07-01', title: '=HYPERLINK("x") officers, "all" of them', unitKind: 'individual_police_officers' }) });
  await recordEvent({ db, actor: ken.actor, pledgeId: officers.id, input: { kind: 'confirmed', occurredOn: '2023-10-16', officers: 1000 } });
  await recordEvent({ db, actor: ken.actor, pledgeId: officers.id, input: { kind: 'deployed', occurredOn: '2024-06-25', officers: 400 } });
  const unspecified = await createPledge({ db, actor: ken.actor, input: personnelPledge(null, { title: 'More later' }) });
  const dollars = await createPledge({ db, actor: usa.actor, input: fundsPledge('100000000', 'USD', { classification: 'PUBLIC', pledgedOn: '2023-09-22', channel: 'bilateral' }) });
  await recordEvent({ db, actor: usa.actor, pledgeId: dollars.id, input: { kind: 'committed', occurredOn: '2023-11-15', amount: '30000000' } });
  await recordEvent({ db, actor: usa.actor, pledgeId: dollars.id, input: { kind: 'committed', occurredOn: '2023-12-15', amount: '20000000' } });
  await recordEvent({ db, actor: usa.actor, pledgeId: dollars.id, input: { kind: 'disbursed', occurredOn: '2024-02-01', amount: '20000000' } });
  const shillings = await createPledge({ db, actor: ken.actor, input: fundsPledge('1000000', 'KES', { classification: 'PUBLIC', usdRate: '0.0068' }) });
  const airlift = await createPledge({ db, actor: usa.actor, input: inKindPledge('airlift', { quantity: 2, unit: 'aircraft' }) });
  await recordEvent({ db, actor: usa.actor, pledgeId: airlift.id, input: { kind: 'delivered', occurredOn: '2024-06-25', quantity: 2 } });
  const medical = await createPledge({ db, actor: usa.actor, input: inKindPledge('medical') });
  return { ken, usa, officers, unspecified, dollars, shillings, airlift, medical };
}

describe('ledger exports', () => {
  dbTest('the HXL export parses back: header row, hashtag row, one row per pledge', async ({ db }) => {
    const { ken, officers, unspecified, dollars, shillings, airlift } = await seed(db);
    const [header, hashtags, ...rows] = parse(await exportHxl({ db, viewer: ken.actor })) as string[][];
    assert.equal(header![0], 'Pledge ID');
    for (const tag of ['#org+name', '#org+code', '#date+pledged', '#value+pledged', '#value+committed', '#value+paid', '#currency', '#value+pledged+usd', '#capacity+officers+deployed', '#item+type', '#status', '#meta+source+url']) {
      assert.ok(hashtags!.includes(tag), `hashtag ${tag}`);
    }
    assert.ok(hashtags!.every((tag) => /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/.test(tag)), 'every hashtag is valid HXL');
    const byId = new Map(rows.map((row) => [row[0], Object.fromEntries(hashtags!.map((tag, i) => [tag, row[i]!]))]));
    assert.equal(byId.size, 6);
    const kenya = byId.get(officers.id)!;
    assert.equal(kenya['#org+name'], 'Kenya');
    assert.equal(kenya['#description+title'], `'=HYPERLINK("x") officers, "all" of them`, 'a formula is neutralised, quotes and commas survive');
    assert.deepEqual([kenya['#capacity+officers+pledged'], kenya['#capacity+officers+confirmed'], kenya['#capacity+officers+deployed']], ['1000', '1000', '400']);
    assert.equal(kenya['#date+pledged'], '2023-07-01');
    assert.equal(byId.get(unspecified.id)!['#capacity+officers+pledged'], '', 'unspecified stays empty, never 0');
    const us = byId.get(dollars.id)!;
    assert.deepEqual([us['#value+pledged'], us['#value+committed'], us['#value+paid'], us['#currency'], us['#value+paid+usd']], ['100000000.00', '50000000.00', '20000000.00', 'USD', '20000000']);
    const kes = byId.get(shillings.id)!;
    assert.deepEqual([kes['#value+pledged'], kes['#currency'], kes['#meta+usd_rate'], kes['#value+pledged+usd']], ['1000000.00', 'KES', '0.0068', '6800']);
    assert.deepEqual([byId.get(airlift.id)!['#item+type'], byId.get(airlift.id)!['#status'], byId.get(airlift.id)!['#item+num']], ['airlift', 'delivered', '2']);
    assert.equal(kenya['#meta+source+url'], 'https://example.org/pledge');
  });

  dbTest('the FTS export parses back into non-overlapping flows that add up to the pledges', async ({ db }) => {
    const { usa, dollars, shillings, airlift, medical } = await seed(db);
    const app = await buildTestApp(db);
    const response = await app.inject({ method: 'GET', url: '/api/v1/ledger/export/fts.csv', headers: usa.headers });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-disposition']), /attachment; filename="konbit-funding-flows.csv"/);
    const rows = parse(response.body, { columns: true }) as Record<(typeof FTS_HEADER)[number], string>[];
    assert.deepEqual(Object.keys(rows[0]!), [...FTS_HEADER]);
    const us = rows.filter((r) => r['Pledge ID'] === dollars.id);
    assert.deepEqual(us.map((r) => [r['Flow status'], r['Flow date'], r['Amount (US$)'], r['Original amount']]), [
      ['pledge', '2023-09-22', '50000000', '50000000.00'],
      ['commitment', '2023-12-15', '30000000', '30000000.00'],
      ['paid', '2024-02-01', '20000000', '20000000.00'],
    ]);
    assert.equal(us.reduce((sum, r) => sum + Number(r['Amount (US$)']), 0), 100_000_000);
    assert.deepEqual([us[0]!['Source organization'], us[0]!['Source location'], us[0]!['Destination organization'], us[0]!['Destination location'], us[0]!['Contribution type']], ['United States', 'USA', 'Mission headquarters', 'HTI', 'financial']);
    const kes = rows.find((r) => r['Pledge ID'] === shillings.id)!;
    assert.deepEqual([kes['Flow status'], kes['Amount (US$)'], kes['Original amount'], kes['Original currency'], kes['Exchange rate (US$ per unit)']], ['pledge', '6800', '1000000.00', 'KES', '0.0068']);
    assert.deepEqual(rows.filter((r) => r['Contribution type'] === 'in-kind').map((r) => [r['Pledge ID'], r['Flow status'], r['Amount (US$)']]).sort(), [[airlift.id, 'paid', ''], [medical.id, 'pledge', '']].sort());
    assert.equal(rows.filter((r) => r['Contribution type'] === 'financial').length, 4, 'personnel pledges are not funding flows');
    assert.equal((await exportFts({ db, viewer: usa.actor })).split('\r\n').length, rows.length + 2);
    await app.close();
  });
});
