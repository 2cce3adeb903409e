import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { buildRoadNetwork, edgeGeometry, edgeNameOf } from '../../../core/roads/index.ts';
import { readOsmXml } from './osm-xml.ts';
import { fixture, rejection, streamOf } from './readers.testing.ts';

const OSM_HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n";

describe('readOsmXml', () => {
  it('reads the hand-written network and builds the expected graph', async () => {
    const raw = await readOsmXml(fixture('junctions.osm'));
    assert.equal(raw.ways.length, 11, 'way 25 is deleted in JOSM and way 26 is a river: both left out while reading');
    assert.deepEqual(raw.skipped.map((s) => [s.code, s.count]), [['deleted-object', 2], ['no-highway', 1]]);
    const { network, report } = buildRoadNetwork(raw);
    assert.equal(report.nodes, 14);
    assert.equal(report.edges, 13);
    assert.equal(report.onewayEdges, 4);
    assert.equal(report.components, 2);
    assert.equal(report.largestComponentNodes, 11);
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.code, s.count]));
    assert.deepEqual(skipped, {
      'deleted-object': 2, 'non-routable-class': 1, 'no-highway': 1,
      'degenerate-way': 1, 'dangling-node-ref': 1, 'zero-length-segment': 1,
    });
    // Way 12 (oneway=-1) runs from node 8 back to node 5.
    const reversed = network.edgeWayId.indexOf(12);
    assert.equal(network.nodeOsmId[network.edgeFrom[reversed] ?? 0], 8);
    assert.equal(network.nodeOsmId[network.edgeTo[reversed] ?? 0], 5);
    assert.equal(network.edgeOneway[reversed], 1);
    // Entities and character references in attribute values are decoded.
    assert.equal(edgeNameOf(network, network.edgeWayId.indexOf(18)), 'Ri Ayiti & Kay é');
    const bridge = network.edgeWayId.indexOf(11);
    assert.equal(network.edgeBridge[bridge], 1);
    assert.equal(network.strings[network.edgeRef[bridge] ?? 0], 'RN 1');
    // Way 10 is cut at node 3 only: its first edge keeps node 2 as a bend.
    assert.equal(edgeGeometry(network, network.edgeWayId.indexOf(10)).length, 6);
  });

  it('reads a stream cut at arbitrary bytes, even inside a multi-byte character', async () => {
    const text = `${OSM_HEAD}<node id='1' lat='18.5' lon='-72.3'/><node id='2' lat='18.6' lon='-72.3'/>
      <way id='5'><nd ref='1'/><nd ref='2'/><tag k='highway' v='primary'/><tag k='name' v='Rout Nasyonal Kreyòl'/></way></osm>`;
    const raw = await readOsmXml(streamOf(text, 3), { name: 'upload.osm' });
    assert.deepEqual(raw.ways, [{ id: 5, nodeIds: [1, 2], tags: { highway: 'primary', name: 'Rout Nasyonal Kreyòl' } }]);
    assert.equal(raw.nodes.size, 2);
  });

  it('refuses a DOCTYPE before expanding anything (XML bomb)', async () => {
    const started = performance.now();
    const error = await rejection(readOsmXml(fixture('entity-bomb.osm')));
    assert.equal(error.code, 'ROADS_UNSUPPORTED_FORMAT');
    assert.match(error.message, /entity-bomb\.osm line \d+.*DOCTYPE/);
    assert.ok(performance.now() - started < 1000);
  });

  it('refuses even an innocent DOCTYPE', async () => {
    const error = await rejection(readOsmXml(streamOf("<?xml version='1.0'?><!DOCTYPE osm><osm/>")));
    assert.equal(error.code, 'ROADS_UNSUPPORTED_FORMAT');
  });

  it('refuses an undeclared entity, naming the line', async () => {
    const error = await rejection(readOsmXml(streamOf(`${OSM_HEAD}<node id='1' lat='18.5' lon='-72.3'>\n<tag k='name' v='&lol;'/></node></osm>`), { name: 'x.osm' }));
    assert.equal(error.code, 'ROADS_MALFORMED');
    assert.equal(error.location?.line, 4);
    assert.match(error.message, /^x\.osm line 4, column \d+: malformed XML: undefined entity/);
  });

  it('reports malformed and truncated XML with file and position', async () => {
    const mismatched = await rejection(readOsmXml(streamOf(`${OSM_HEAD}<way id='1'>\n  <nd ref='1'>\n</way></osm>`), { name: 'bad.osm' }));
    assert.equal(mismatched.code, 'ROADS_MALFORMED');
    assert.match(mismatched.message, /^bad\.osm line 5, column \d+: malformed XML: unexpected close tag/);

    const truncated = await rejection(readOsmXml(streamOf(`${OSM_HEAD}<node id='1' lat='18.5' lon='-72.3'/>\n<way id='1'><nd ref`), { name: 'cut.osm' }));
    assert.equal(truncated.code, 'ROADS_MALFORMED');
    assert.match(truncated.message, /^cut\.osm line 4/);
  });

  it('refuses what is not an OSM extract', async () => {
    const change = await rejection(readOsmXml(streamOf("<?xml version='1.0'?><osmChange version='0.6'><create/></osmChange>")));
    assert.equal(change.code, 'ROADS_UNSUPPORTED_FORMAT');
    assert.match(change.message, /osmChange/);
    const latin1 = await rejection(readOsmXml(streamOf("<?xml version='1.0' encoding='ISO-8859-1'?><osm/>")));
    assert.equal(latin1.code, 'ROADS_UNSUPPORTED_FORMAT');
    const binary = await rejection(readOsmXml(Readable.from([Buffer.from([0x3c, 0x6f, 0x73, 0x6d, 0x20, 0xff, 0xfe])])));
    assert.equal(binary.code, 'ROADS_MALFORMED');
    assert.match(binary.message, /UTF-8/);
  });

  it('counts nodes without usable coordinates', async () => {
    const raw = await readOsmXml(streamOf(`${OSM_HEAD}<node id='1' lat='' lon='-72.3'/><node id='2' lat='95' lon='0'/><node id='3' lat='1' lon='2'/></osm>`));
    assert.equal(raw.nodes.size, 1);
    assert.deepEqual(raw.skipped.map((s) => [s.code, s.count]), [['invalid-node', 2]]);
  });
});
