import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import { dataset } from '../../../test/datasets.ts';
import { dbTest } from '../../db/testing.ts';
import { PUBLIC_VIEWER } from '../auth/index.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { importSites, listSites, sitesGeoJson } from './index.ts';
import { rowCounts } from './sites.testing.ts';

/*
 * Importing sites: the health ministry's facilities and the airports from
 * the public datasets, read as they are published; CSV with per-row errors;
 * a second import of the same file updates rather than duplicates.
 */

describe('site import', () => {
  dbTest('the health ministry’s facilities and the airports import as published, once, with their attribution', async ({ db }) => {
    await buildOrganisation(db, 'MSS-HQ', 'mission_hq');
    const health = await readFile(dataset('haiti/sites/health-facilities-mspp.geojson'), 'utf8');
    const airports = await readFile(dataset('haiti/sites/airports.geojson'), 'utf8');
    const first = await importSites({ db, actor: null, ownerCode: 'MSS-HQ', format: 'geojson', content: health, options: { classification: 'PUBLIC' }, areas: null });
    assert.deepEqual(first, { profile: 'mspp-health-facilities', created: 480, updated: 0, unchanged: 0, rejected: [] });
    const again = await importSites({ db, actor: null, ownerCode: 'MSS-HQ', format: 'geojson', content: health, options: { classification: 'PUBLIC' }, areas: null });
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 480], 'a second import changes nothing');
    const flights = await importSites({ db, actor: null, ownerCode: 'MSS-HQ', format: 'geojson', content: airports, options: { classification: 'PUBLIC' }, areas: null });
    assert.deepEqual([flights.profile, flights.created], ['ourairports', 6]);

    const sites = await listSites({ db, viewer: PUBLIC_VIEWER, query: { limit: 5000 } });
    assert.equal(sites.length, 486);
    const mtpp = sites.find((s) => s.source?.externalId === 'MTPP')!;
    assert.deepEqual([mtpp.name, mtpp.kind, mtpp.criticality], ['Toussaint Louverture International Airport', 'airport', 5]);
    assert.equal(mtpp.source?.name, 'OurAirports (public domain)');
    const hueh = sites.find((s) => s.name === 'HUEH')!;
    assert.deepEqual([hueh.kind, hueh.criticality, hueh.operator, hueh.source?.externalId], ['hospital', 4, 'Public', '111600']);
    assert.match(hueh.description, /MSPP category: HU \(university hospital\); MSPP code 111600/);
    const fosref = sites.filter((s) => s.name === 'FOSREF' && s.source?.externalId?.startsWith('111645|'));
    assert.equal(fosref.length, 3, 'branches sharing one MSPP code stay apart');

    const layer = await sitesGeoJson({ db, viewer: PUBLIC_VIEWER });
    assert.equal(layer.features.length, 486);
    assert.deepEqual(layer.attribution, ['Ministère de la Santé Publique et de la Population (MSPP), health institutions, via HDX (haiti-healthsites)', 'OurAirports (public domain)']);
  });

  dbTest('CSV rows are checked one by one: commit-valid keeps the good rows and names the bad ones', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    const ken = await buildUser(db, 'ken.analyst', 'KEN', ['analyst']);
    const csv = [
      'name,kind,criticality,lon,lat,operator,required_strength,classification,releasable_to,external_id,contact_name,contact_phone',
      'Clinic A,hospital,3,-72.30,18.55,MSPP,4,MISSION,,A1,Dr A,+509 0000',
      'Depot B,food_warehouse,4,-72.27,18.57,WFP,0,RESTRICTED,KEN,B2,,',
      'Castle,castle,3,-72.30,18.55,,,MISSION,,C3,,',
      'No place,school,2,,18.55,,,MISSION,,D4,,',
      'Swapped,school,2,18.55,-72.30,,,MISSION,,E5,,',
      'Secret,school,2,-72.30,18.55,,,RESTRICTED,NOPE,F6,,',
      'Clinic A again,hospital,3,-72.30,18.55,,,MISSION,,A1,,',
    ].join('\n');
    const response = await app.inject({ method: 'POST', url: '/api/v1/sites/import/csv?mode=commit-valid&sourceName=Test%20register', headers: { ...ken.headers, 'content-type': 'text/csv' }, payload: csv });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{ created: number; rejected: { row: number; column?: string; reason: string }[] }>();
    assert.equal(result.created, 2);
    assert.deepEqual(result.rejected.map((r) => [r.row, r.column]), [[4, 'kind'], [5, 'lon'], [6, 'geometry'], [7, 'releasableTo'], [8, 'externalId']]);
    assert.match(result.rejected[2]!.reason, /latitude and longitude look swapped/);
    assert.match(result.rejected[4]!.reason, /repeats row 2/);
    const sites = await listSites({ db, viewer: ken.actor });
    const clinic = sites.find((s) => s.name === 'Clinic A')!;
    assert.deepEqual([clinic.requiredStrength, clinic.contacts[0]?.phone, clinic.source?.name], [4, '+509 0000', 'Test register']);
    assert.equal(sites.find((s) => s.name === 'Depot B')!.classification, 'RESTRICTED');

    const before = await rowCounts(db);
    const broken = await app.inject({ method: 'POST', url: '/api/v1/sites/import/geojson', headers: { ...ken.headers, 'content-type': 'application/geo+json' }, payload: '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"port","criticality":2},"geometry":null}]}' });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.json().error.message, /row 1 geometry: the feature has no geometry/);
    assert.deepEqual(await rowCounts(db), before);
    await app.close();
  });
});
