import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { datasetsDir } from '../../../test/datasets.ts';
import type { Incident, IncidentInput } from '../../shared/incidents.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/index.ts';
import { adminAreasIn } from './admin-areas.ts';
import { aggregateIncidents, decideVerification, editIncident, exportIncidents, incidentsGeoJson, listIncidents, reportIncident } from './index.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';

const areas = await adminAreasIn(datasetsDir);

const PLACES = {
  citeSoleil: { lon: -72.332, lat: 18.5805, placeName: 'Cité Soleil' },
  delmas: { lon: -72.303, lat: 18.547, placeName: 'Delmas 33' },
  carrefour: { lon: -72.4, lat: 18.534, placeName: 'Carrefour' },
  croixDesBouquets: { lon: -72.227, lat: 18.577, placeName: 'Croix-des-Bouquets' },
};

async function report(db: Db, actor: Actor, overrides: Partial<IncidentInput>): Promise<Incident> {
  return (await reportIncident({ db, actor, areas, input: buildIncidentInput(overrides) })).incident;
}

/** A small picture of March 2024 around Port-au-Prince. */
async function seed(db: Db) {
  const mission = await buildMission(db);
  const { reporter } = mission;
  const incidents = {
    kidnapCite: await report(db, reporter.actor, { type: 'kidnapping', location: PLACES.citeSoleil, occurredAt: '2024-03-04T08:00:00Z', description: 'Kidnaping bò marche a, 3 moun pran.', counts: { abducted: 3 }, actors: [{ name: 'G-Pep', role: 'perpetrator' }] }),
    killingCite: await report(db, reporter.actor, { type: 'killing', location: PLACES.citeSoleil, occurredAt: '2024-03-06T20:00:00Z', description: 'Meurtre près du wharf, témoins en créole.', counts: { killed: 2 }, actors: [{ name: 'G9 an Fanmi e Alye', role: 'perpetrator' }] }),
    clashDelmas: await report(db, reporter.actor, { type: 'armed_clash', location: PLACES.delmas, occurredAt: '2024-03-12T11:00:00Z', description: 'Goumen ak zam ant de gang.', counts: { killed: 4, injured: 6 }, tags: ['route-delmas'] }),
    roadblockCdb: await report(db, reporter.actor, { type: 'roadblock', location: PLACES.croixDesBouquets, occurredAt: '2024-03-20T06:00:00Z', description: 'Baraj 400 Mawozo sou RN8, rakèt sou kamyon.', counts: {}, actors: [{ name: '400 Mawozo', role: 'perpetrator', kind: 'gang' }] }),
    killingCarrefour: await report(db, reporter.actor, { type: 'killing', location: PLACES.carrefour, occurredAt: '2024-04-02T21:00:00Z', counts: { killed: 1 } }),
  };
  return { mission, incidents };
}

const ids = (page: { items: Incident[] }) => page.items.map((i) => i.id);

describe('incident queries', () => {
  dbTest('a bounding box, a time window, types, areas, actors, verification and tags each narrow the list', async ({ db }) => {
    const { mission, incidents } = await seed(db);
    const viewer = mission.reporter.actor;
    const list = async (filter: Parameters<typeof listIncidents>[0]['filter']) => ids(await listIncidents({ db, viewer, filter }));
    assert.deepEqual(await list({}), [incidents.killingCarrefour.id, incidents.roadblockCdb.id, incidents.clashDelmas.id, incidents.killingCite.id, incidents.kidnapCite.id]);
    // About 5 km around Cité Soleil.
    assert.deepEqual(await list({ bbox: [-72.36, 18.56, -72.31, 18.6] }), [incidents.killingCite.id, incidents.kidnapCite.id]);
    assert.deepEqual(await list({ bbox: [-72.36, 18.56, -72.31, 18.6], from: '2024-03-05T00:00:00Z', to: '2024-04-01T00:00:00Z' }), [incidents.killingCite.id]);
    assert.deepEqual(await list({ from: '2024-03-20T06:00:00Z', to: '2024-04-02T21:00:00Z' }), [incidents.roadblockCdb.id], 'from is inclusive, to exclusive');
    assert.deepEqual(await list({ types: ['killing', 'roadblock'] }), [incidents.killingCarrefour.id, incidents.roadblockCdb.id, incidents.killingCite.id]);
    assert.deepEqual(await list({ bbox: [-72.45, 18.5, -72.2, 18.62], from: '2024-03-01T00:00:00Z', to: '2024-03-31T00:00:00Z', types: ['killing', 'kidnapping'] }), [incidents.killingCite.id, incidents.kidnapCite.id]);
    assert.deepEqual(await list({ area: incidents.kidnapCite.admin!.adm2Pcode }), [incidents.killingCite.id, incidents.kidnapCite.id], 'by commune');
    assert.deepEqual(await list({ area: incidents.roadblockCdb.admin!.adm3Pcode }), [incidents.roadblockCdb.id], 'by communal section');
    assert.equal((await list({ area: 'HT01' })).length, 5, 'by department');
    assert.deepEqual(await list({ actors: ['400 mawozo'] }), [incidents.roadblockCdb.id], 'by actor name, folded');
    assert.deepEqual(await list({ actors: [incidents.killingCite.actors[0]!.id] }), [incidents.killingCite.id], 'by actor id');
    assert.deepEqual(await list({ actors: ['Nobody Known'] }), []);
    assert.deepEqual(await list({ tags: ['route-delmas'] }), [incidents.clashDelmas.id]);
    await decideVerification({ db, actor: mission.jamAnalyst.actor, id: incidents.clashDelmas.id, decision: { status: 'verified' } });
    assert.deepEqual(await list({ verification: ['verified'] }), [incidents.clashDelmas.id]);
    assert.equal((await list({ verification: ['unverified', 'disputed'] })).length, 4);
  });

  dbTest('the space-time and text indexes follow edits', async ({ db }) => {
    const { mission, incidents } = await seed(db);
    const viewer = mission.reporter.actor;
    const citeBox = { bbox: [-72.36, 18.56, -72.31, 18.6] as [number, number, number, number], from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z' };
    await editIncident({ db, actor: viewer, id: incidents.kidnapCite.id, areas, patch: { version: 1, changes: { location: PLACES.carrefour, occurredAt: '2024-05-01T00:00:00Z', description: 'Deplase nan Kafou' } } });
    assert.deepEqual(ids(await listIncidents({ db, viewer, filter: citeBox })), [incidents.killingCite.id]);
    assert.deepEqual(ids(await listIncidents({ db, viewer, filter: { bbox: [-72.42, 18.52, -72.38, 18.55], from: '2024-04-15T00:00:00Z' } })), [incidents.kidnapCite.id]);
    assert.deepEqual(ids(await listIncidents({ db, viewer, filter: { q: 'kafou' } })), [incidents.kidnapCite.id]);
    assert.deepEqual(ids(await listIncidents({ db, viewer, filter: { q: 'kidnaping marche' } })), []);
  });

  dbTest('free text finds words in Kreyòl, French and English, without accents or case, the last word as a prefix', async ({ db }) => {
    const { mission, incidents } = await seed(db);
    const search = async (q: string) => ids(await listIncidents({ db, viewer: mission.reporter.actor, filter: { q } })).sort();
    assert.deepEqual(await search('kreyol'), []);
    assert.deepEqual(await search('CRÉOLE'), [incidents.killingCite.id]);
    assert.deepEqual(await search('creole wharf'), [incidents.killingCite.id]);
    assert.deepEqual(await search('rakèt'), [incidents.roadblockCdb.id]);
    assert.deepEqual(await search('mawo'), [incidents.roadblockCdb.id], 'prefix of an actor name');
    assert.deepEqual(await search('cite soleil'), [incidents.kidnapCite.id, incidents.killingCite.id].sort(), 'the place name');
    assert.deepEqual(await search('Carrefour'), [incidents.killingCarrefour.id], 'the commune found on write');
    assert.deepEqual(await search('g-pep kidnaping'), [incidents.kidnapCite.id]);
    assert.deepEqual(await search('wharf mawozo'), [], 'every word must match');
    assert.deepEqual(await search('"); drop table incidents; --'), [], 'punctuation is not syntax');
    assert.equal((await listIncidents({ db, viewer: mission.reporter.actor })).items.length, 5);
  });

  dbTest('cursor pages are stable, newest first, without repeats or gaps', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const made: Incident[] = [];
    for (let i = 0; i < 23; i += 1) {
      // Pairs share an instant, so the id breaks ties.
      made.push(await report(db, reporter.actor, { occurredAt: new Date(Date.UTC(2024, 2, 1, Math.floor(i / 2))).toISOString() }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listIncidents({ db, viewer: reporter.actor, cursor, limit: 5 });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
      // A report arriving meanwhile, newer than everything, does not shift the pages.
      if (pages === 2) await report(db, reporter.actor, { occurredAt: '2024-05-01T00:00:00Z' });
    } while (cursor);
    assert.equal(pages, 5);
    const expected = [...made].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id)).map((i) => i.id);
    assert.deepEqual(seen, expected);
    await assert.rejects(listIncidents({ db, viewer: reporter.actor, cursor: 'not-a-cursor' }), (error: unknown) => (error as { code?: string }).code === 'BAD_REQUEST');
  });

  dbTest('aggregates count incidents and casualties by type, ISO week and commune', async ({ db }) => {
    const { mission, incidents } = await seed(db);
    await report(db, mission.reporter.actor, { type: 'killing', location: PLACES.citeSoleil, occurredAt: '2024-03-07T10:00:00Z', counts: { killed: 5 } });
    const result = await aggregateIncidents({ db, viewer: mission.reporter.actor, filter: { from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z' } });
    const cite = incidents.kidnapCite.admin!;
    assert.deepEqual(
      result.buckets.map((b) => [b.isoWeek, b.week, b.type, b.adm2Name, b.incidents, b.killed, b.injured, b.abducted]),
      [
        ['2024-W10', '2024-03-04', 'kidnapping', cite.adm2Name, 1, 0, 0, 3],
        ['2024-W10', '2024-03-04', 'killing', cite.adm2Name, 2, 7, 0, 0],
        ['2024-W11', '2024-03-11', 'armed_clash', incidents.clashDelmas.admin!.adm2Name, 1, 4, 6, 0],
        ['2024-W12', '2024-03-18', 'roadblock', incidents.roadblockCdb.admin!.adm2Name, 1, 0, 0, 0],
      ],
    );
    assert.deepEqual(result.totals, { incidents: 5, killed: 11, injured: 6, abducted: 3, displaced: 0 });
    const kenOnly = await aggregateIncidents({ db, viewer: mission.reporter.actor, filter: { from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z', types: ['killing'], bbox: [-72.36, 18.56, -72.31, 18.6] } });
    assert.equal(kenOnly.totals.killed, 7);
    await assert.rejects(aggregateIncidents({ db, viewer: mission.reporter.actor, filter: { from: '2024-04-01T00:00:00Z', to: '2024-03-01T00:00:00Z' } }), /from must be before to/);
  });

  dbTest('the map layer is GeoJSON points with what the map draws', async ({ db }) => {
    const { mission, incidents } = await seed(db);
    const layer = await incidentsGeoJson({ db, viewer: mission.donor.actor, filter: { types: ['armed_clash'] } });
    assert.equal(layer.type, 'FeatureCollection');
    assert.equal(layer.truncated, false);
    assert.deepEqual(layer.features, [
      {
        type: 'Feature',
        id: incidents.clashDelmas.id,
        geometry: { type: 'Point', coordinates: [PLACES.delmas.lon, PLACES.delmas.lat] },
        properties: {
          id: incidents.clashDelmas.id,
          type: 'armed_clash',
          title: incidents.clashDelmas.title,
          occurredAt: '2024-03-12T11:00:00.000Z',
          verification: 'unverified',
          killed: 4,
          injured: 6,
          abducted: 0,
          displaced: 0,
          classification: 'PUBLIC',
          illustrative: false,
          placeName: 'Delmas 33',
          commune: incidents.clashDelmas.admin!.adm2Name,
        },
      },
    ]);
    const capped = await incidentsGeoJson({ db, viewer: mission.donor.actor, limit: 2 });
    assert.equal(capped.features.length, 2);
    assert.equal(capped.truncated, true);
  });

  dbTest('exports stream every matching incident, oldest first, in the shape formats read', async ({ db }) => {
    const { mission, incidents } = await seed(db);
    const exported = [];
    for await (const incident of exportIncidents({ db, viewer: mission.reporter.actor, filter: { to: '2024-04-01T00:00:00Z' }, pageSize: 2 })) exported.push(incident);
    assert.deepEqual(exported.map((e) => e.id), [incidents.kidnapCite.id, incidents.killingCite.id, incidents.clashDelmas.id, incidents.roadblockCdb.id]);
    const roadblock = exported[3]!;
    assert.equal(roadblock.owner, 'KEN');
    assert.equal(roadblock.verification, 'unverified');
    assert.equal(roadblock.admin?.adm2Pcode, incidents.roadblockCdb.admin!.adm2Pcode);
    assert.deepEqual(roadblock.actors, [{ name: '400 Mawozo', role: 'perpetrator', kind: 'gang' }]);
    assert.deepEqual(roadblock.location, { lon: PLACES.croixDesBouquets.lon, lat: PLACES.croixDesBouquets.lat, precision: 'exact', placeName: 'Croix-des-Bouquets' });
    assert.equal(roadblock.external, undefined);
  });
});
