import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import parsers from 'osm-pbf-parser/lib/parsers.js';
import { dataset } from '../../../../test/datasets.ts';
import { readOsmPbf } from './osm-pbf.ts';
import { rejection, scratchFolder } from './readers.testing.ts';

const inScratch = scratchFolder('pbf');

/** One file block: 4-byte length, BlobHeader, Blob. */
function block(type: string, payload: Buffer, compression: 'zlib' | 'raw' | 'lzma' = 'zlib'): Buffer {
  const blob = parsers.file.Blob.encode(
    compression === 'raw' ? { raw: payload }
      : compression === 'lzma' ? { raw_size: payload.length, lzma_data: payload }
        : { raw_size: payload.length, zlib_data: deflateSync(payload) },
  );
  const header = parsers.file.BlobHeader.encode({ type, datasize: blob.length });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, blob]);
}

function headerBlock(requiredFeatures = ['OsmSchema-V0.6']): Buffer {
  return block('OSMHeader', parsers.osm.HeaderBlock.encode({ required_features: requiredFeatures, optional_features: [] }));
}

/** A data block with two non-dense nodes and one way between them (and a missing third node). */
function dataBlock(compression: 'zlib' | 'raw' | 'lzma' = 'zlib'): Buffer {
  const strings = ['', 'highway', 'residential', 'name', 'Ri Kreyòl', 'source', 'survey'].map((s) => Buffer.from(s));
  const payload = parsers.osm.PrimitiveBlock.encode({
    stringtable: { s: strings },
    granularity: 100, lat_offset: 0, lon_offset: 0, date_granularity: 1000,
    primitivegroup: [
      { dense: null, nodes: [{ id: 7, keys: [], vals: [], lat: 185400000, lon: -723000000 }, { id: 9, keys: [], vals: [], lat: 185410000, lon: -723000000 }], ways: [] },
      { dense: null, nodes: [], ways: [{ id: 70, keys: [1, 3, 5], vals: [2, 4, 6], refs: [7, 2, 3] }] },
    ],
  });
  return block('OSMData', payload, compression);
}

async function write(name: string, ...blocks: Buffer[]): Promise<string> {
  const file = inScratch(name);
  await writeFile(file, Buffer.concat(blocks));
  return file;
}

describe('readOsmPbf', () => {
  it('reads the metro network with every way and node', async () => {
    const raw = await readOsmPbf(dataset('haiti/roads/pap-metro-2010.osm.pbf'));
    assert.equal(raw.ways.length, 1510);
    assert.equal(raw.nodes.size, 25203);
    const named = raw.ways.filter((way) => way.tags['name'] !== undefined);
    assert.equal(named.length, 233);
    for (let i = 0; i < raw.nodes.size; i += 97) {
      const lon = raw.nodes.lonAt(i);
      assert.equal(lon, Math.round(lon * 1e7) / 1e7, 'coordinates are the same doubles as the .osm text');
    }
  });

  it('reads non-dense nodes, uncompressed blocks and way tags', async () => {
    for (const compression of ['zlib', 'raw'] as const) {
      const raw = await readOsmPbf(await write(`plain-${compression}.osm.pbf`, headerBlock(), dataBlock(compression)));
      assert.equal(raw.nodes.size, 2);
      assert.deepEqual(raw.ways, [{ id: 70, nodeIds: [7, 9, 12], tags: { highway: 'residential', name: 'Ri Kreyòl' } }]);
      assert.equal(raw.nodes.latAt(raw.nodes.indexOf(9) ?? -1), 18.541);
    }
  });

  it('says a truncated file is truncated, with the offset of the broken block', async () => {
    const bytes = await readFile(dataset('haiti/roads/pap-metro-2010.osm.pbf'));
    const file = await write('half.osm.pbf', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await rejection(readOsmPbf(file));
    assert.equal(error.code, 'ROADS_MALFORMED');
    assert.match(error.message, /^half\.osm\.pbf is truncated: the block at byte \d+ needs \d+ bytes but the file ends at byte \d+/);
    assert.ok((error.location?.offset ?? 0) > 0);
  });

  it('refuses a file that is not PBF, and corrupt blocks', async () => {
    const xml = await rejection(readOsmPbf(await write('really.osm.pbf', Buffer.from("<?xml version='1.0'?><osm></osm>"))));
    assert.equal(xml.code, 'ROADS_MALFORMED');
    assert.match(xml.message, /really\.osm\.pbf at byte 0: .*is this really an \.osm\.pbf file/);

    const good = dataBlock();
    const corrupt = Buffer.from(good);
    corrupt.fill(0x55, corrupt.length - 20);
    const error = await rejection(readOsmPbf(await write('corrupt.osm.pbf', headerBlock(), corrupt)));
    assert.equal(error.code, 'ROADS_MALFORMED');
    assert.equal(error.location?.offset, headerBlock().length);

    const headless = await rejection(readOsmPbf(await write('headless.osm.pbf', dataBlock())));
    assert.match(headless.message, /before the OSMHeader/);
  });

  it('refuses what it cannot read rather than guessing', async () => {
    const lzma = await rejection(readOsmPbf(await write('lzma.osm.pbf', headerBlock(), dataBlock('lzma'))));
    assert.equal(lzma.code, 'ROADS_UNSUPPORTED_FORMAT');
    assert.match(lzma.message, /compressed with a method/);
    const history = await rejection(readOsmPbf(await write('history.osh.pbf', headerBlock(['OsmSchema-V0.6', 'HistoricalInformation']))));
    assert.equal(history.code, 'ROADS_UNSUPPORTED_FORMAT');
    assert.match(history.message, /HistoricalInformation/);
  });
});
