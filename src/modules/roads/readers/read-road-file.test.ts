import assert from 'node:assert/strict';
import { copyFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { dataset } from '../../../../test/datasets.ts';
import { formatFromFileName, importRoadNetwork, readRoadFile } from './read-road-file.ts';
import { fixture, rejection, scratchFolder } from './readers.testing.ts';
import type { ReadProgress } from './source.ts';

const inScratch = scratchFolder('roads');

describe('readRoadFile', () => {
  it('chooses the reader from the extension', () => {
    assert.equal(formatFromFileName('haiti-latest.osm.pbf'), 'osm-pbf');
    assert.equal(formatFromFileName('extract.PBF'), 'osm-pbf');
    assert.equal(formatFromFileName('tile.osm'), 'osm-xml');
    assert.equal(formatFromFileName('roads.geojson'), 'geojson');
    assert.equal(formatFromFileName('roads.json'), 'geojson');
    assert.equal(formatFromFileName('roads.shp'), undefined);
  });

  it('reports progress in bytes up to the file size, for each format', async () => {
    for (const name of ['haiti/osm/tabarre-2016.osm', 'haiti/roads/pap-central-2010.osm.pbf', 'haiti/roads/pap-central-2010.geojson']) {
      const events: ReadProgress[] = [];
      await readRoadFile(dataset(name), { onProgress: (progress) => events.push(progress) });
      const last = events.at(-1);
      assert.ok(events.length >= 3, `${name}: several progress events`);
      assert.equal(events[0]?.bytesRead, 0, `${name}: starts at 0 %`);
      assert.equal(last?.bytesRead, last?.totalBytes, `${name}: ends at 100 %`);
      assert.ok(events.every((event, i) => i === 0 || event.bytesRead >= (events[i - 1]?.bytesRead ?? 0)));
    }
  });

  it('refuses an empty file, whatever its format', async () => {
    for (const name of ['empty.osm', 'empty.osm.pbf', 'empty.geojson']) {
      const file = inScratch(name);
      await writeFile(file, '');
      const error = await rejection(readRoadFile(file));
      assert.equal(error.code, 'ROADS_EMPTY');
      assert.equal(error.message, `${name} is empty (0 bytes): there are no roads to import`);
    }
  });

  it('refuses a file without any way', async () => {
    const error = await rejection(readRoadFile(fixture('nodes-only.osm')));
    assert.equal(error.code, 'ROADS_EMPTY');
    assert.equal(error.message, 'nodes-only.osm has no roads to import: it holds no ways or lines at all');
    const buildings = inScratch('buildings.osm');
    await writeFile(buildings, "<osm><node id='1' lat='1' lon='1'/><node id='2' lat='1' lon='2'/>" +
      "<way id='1'><nd ref='1'/><nd ref='2'/><tag k='building' v='yes'/></way></osm>");
    const noHighway = await rejection(readRoadFile(buildings));
    assert.equal(noHighway.code, 'ROADS_EMPTY');
    assert.equal(noHighway.message, 'buildings.osm has no roads to import: none of its 1 ways or lines has a highway tag');
    const geojson = inScratch('points.geojson');
    await writeFile(geojson, JSON.stringify({ type: 'FeatureCollection', features: [] }));
    assert.equal((await rejection(readRoadFile(geojson))).code, 'ROADS_EMPTY');
  });

  it('refuses unknown, missing and mislabelled files with a message that says what to do', async () => {
    const unknown = await rejection(readRoadFile(inScratch('roads.shp')));
    assert.equal(unknown.code, 'ROADS_UNSUPPORTED_FORMAT');
    assert.match(unknown.message, /supported: .*\.osm\.pbf.*\.geojson/);

    const missing = await rejection(readRoadFile(inScratch('nowhere.osm')));
    assert.equal(missing.code, 'ROADS_UNREADABLE');
    assert.match(missing.message, /nowhere\.osm does not exist/);

    const mislabelled = inScratch('metro.osm');
    await copyFile(dataset('haiti/roads/pap-metro-2010.osm.pbf'), mislabelled);
    const error = await rejection(readRoadFile(mislabelled));
    assert.equal(error.code, 'ROADS_UNSUPPORTED_FORMAT');
    assert.match(error.message, /named like OSM XML but its content is OSM PBF/);
  });
});

describe('importRoadNetwork', () => {
  it('refuses a file with no drivable road, saying what it skipped', async () => {
    const error = await rejection(importRoadNetwork(fixture('no-roads.osm')));
    assert.equal(error.code, 'ROADS_EMPTY');
    assert.match(error.message, /^no-roads\.osm has no drivable road: all 3 ways were skipped \(no highway tag .* — 2 ways; highway=footway: .* — 1 ways\)$/);
  });

  it('builds the network of a hand-written file', async () => {
    const { network, report } = await importRoadNetwork(fixture('junctions.osm'));
    assert.equal(network.edgeCount, 13);
    assert.equal(report.waysRead, 12);
    assert.equal(report.waysUsed, 9);
  });
});
