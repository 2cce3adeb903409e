import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import parsers from 'osm-pbf-parser/lib/parsers.js';
import type { FuzzWorld } from './world.ts';
import { csvFile, hostileFile, nastyString } from './inputs.ts';

/*
 * The fuzz targets: the five incident importers, the three road-network readers (through their
 * upload routes, so that the whole path from bytes to database is attacked), every JSON request
 * body of the API and every query string. Each case must be answered below 500; a refusal must be
 * a 4xx with a code and a message; a refusal must leave every table as it was, and an import that
 * says it created n incidents must have added exactly n.
 */

export interface Target {
  name: string;
  /** Each case: one request to send. */
  arbitrary: (world: FuzzWorld) => fc.Arbitrary<Case>;
}

export interface Case {
  request: InjectOptions;
  /** Tables a refusal of this request writes on purpose (a refused sign-in is audited). */
  refusalWrites?: string[];
  /** For an import: what the answer claims must match what the database gained. */
  importMode?: 'all-or-nothing' | 'commit-valid';
}

const FORMAT_FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'src', 'modules', 'incidents', 'formats', 'fixtures');
const ROAD_FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'src', 'modules', 'roads', 'readers', 'fixtures');
const fixtures = (dir: string, match: RegExp) => readdirSync(dir).filter((f) => match.test(f)).map((f) => readFileSync(path.join(dir, f)));

/** CSV rows like those of the good files: their columns, their values and hostile ones. */
function csvLike(files: readonly Buffer[], headerRows = 1): fc.Arbitrary<Buffer> {
  const table = parse(files[0]!, { relax_column_count: true, bom: true }) as string[][];
  const header = table[0]!;
  const values = new Map(header.map((column, i) => [column, [...new Set(table.slice(headerRows).map((row) => row[i] ?? ''))]]));
  const extra = table.slice(1, headerRows);
  return csvFile(header, (column) => fc.constantFrom('', ...(values.get(column) ?? []))).map((bytes) => {
    if (extra.length === 0) return bytes;
    // HXL: the hashtag row follows the header, for the columns chosen.
    const [first, ...rest] = bytes.toString().split('\n');
    const chosen = (parse(first!, { relax_column_count: true }) as string[][])[0] ?? [];
    const tags = chosen.map((column) => extra.at(-1)![header.indexOf(column)] ?? '');
    return Buffer.from([first, tags.join(','), ...rest].join('\n'));
  });
}

const cotEvent = fc.record({
  uid: fc.oneof(fc.uuid(), nastyString), type: fc.oneof(fc.constantFrom('a-h-G-I-B', 'a-h-G-U-C', 'b-r-f-h-c', 'a-f-G'), nastyString),
  time: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), lat: fc.oneof(fc.double({ min: 17, max: 21, noNaN: true }), nastyString),
  lon: fc.oneof(fc.double({ min: -75, max: -71, noNaN: true }), nastyString), ce: fc.oneof(fc.nat(20_000_000), nastyString), caveat: fc.oneof(fc.constantFrom('PUBLIC', 'MISSION', 'RESTRICTED'), nastyString),
  remarks: nastyString,
}).map((e) => {
  const attr = (v: unknown) => String(v).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return `<event version="2.0" uid="${attr(e.uid)}" type="${attr(e.type)}" time="${e.time}" start="${e.time}" stale="${e.time}" how="h-e" caveat="${attr(e.caveat)}"><point lat="${attr(e.lat)}" lon="${attr(e.lon)}" ce="${attr(e.ce)}" hae="0" le="0"/><detail><remarks>${attr(e.remarks)}</remarks></detail></event>`;
});

const geoFeature = fc.record({
  type: fc.oneof(fc.constant('Feature'), nastyString), id: fc.oneof(fc.uuid(), fc.integer(), fc.jsonValue({ maxDepth: 1 })),
  geometry: fc.oneof(
    fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(fc.double({ min: -75, max: -71, noNaN: true }), fc.double({ min: 17, max: 21, noNaN: true })) }),
    fc.record({ type: fc.constantFrom('LineString', 'Point', 'Polygon', 'Nope'), coordinates: fc.jsonValue({ maxDepth: 3 }) }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  properties: fc.oneof(fc.record({ title: nastyString, type: nastyString, occurredAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), nastyString), classification: nastyString }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 })),
}, { requiredKeys: [] });

const geoCollection = fc.array(geoFeature, { maxLength: 6 }).map((features) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })));

const CONTENT_TYPES: Record<string, string> = { acled: 'text/csv', ushahidi: 'text/csv', hxl: 'text/csv', cot: 'application/xml', geojson: 'application/geo+json' };

function incidentImport(format: string, good: Buffer[], generated: fc.Arbitrary<Buffer>[]): Target {
  return {
    name: `incident import: ${format}`,
    arbitrary: (world) =>
      fc.record({ body: hostileFile(good, generated), mode: fc.constantFrom('all-or-nothing' as const, 'commit-valid' as const) }).map(({ body, mode }) => ({
        importMode: mode,
        request: { method: 'POST', url: `/api/v1/incidents/import/${format}?mode=${mode}`, headers: { ...world.user.headers, 'content-type': CONTENT_TYPES[format]! }, payload: body },
      })),
  };
}

/* OSM PBF: blocks built with the format's own codecs, with random content. */

function pbfBlock(type: string, payload: Buffer, compression: 'zlib' | 'raw'): Buffer {
  const blob = parsers.file.Blob.encode(compression === 'raw' ? { raw: payload } : { raw_size: payload.length, zlib_data: deflateSync(payload) });
  const header = parsers.file.BlobHeader.encode({ type, datasize: blob.length });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, blob]);
}

const pbfFile = fc.record({
  features: fc.oneof(fc.constant<string[]>(['OsmSchema-V0.6']), fc.array(fc.oneof(fc.constantFrom('OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation'), nastyString), { maxLength: 3 })),
  nodes: fc.array(fc.record({ id: fc.integer({ min: -5, max: 40 }), lat: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), lon: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }) }), { maxLength: 12 }),
  ways: fc.array(fc.record({ id: fc.integer({ min: -5, max: 1000 }), refs: fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 8 }), keys: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }), vals: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }) }), { maxLength: 6 }),
  strings: fc.array(fc.oneof(fc.constantFrom('highway', 'residential', 'primary', 'oneway', 'yes', 'name'), nastyString), { minLength: 1, maxLength: 8 }),
  granularity: fc.oneof(fc.constant(100), fc.integer({ min: -10, max: 10_000 })),
  compression: fc.constantFrom('zlib' as const, 'raw' as const),
  headerFirst: fc.boolean(),
}).map((p) => {
  const data = parsers.osm.PrimitiveBlock.encode({
    stringtable: { s: ['', ...p.strings].map((s) => Buffer.from(s)) }, granularity: p.granularity, lat_offset: 0, lon_offset: 0, date_granularity: 1000,
    primitivegroup: [
      { dense: null, nodes: p.nodes.map((n) => ({ ...n, keys: [], vals: [] })), ways: [] },
      { dense: null, nodes: [], ways: p.ways },
    ],
  });
  const header = pbfBlock('OSMHeader', parsers.osm.HeaderBlock.encode({ required_features: p.features, optional_features: [] }), 'zlib');
  const body = pbfBlock('OSMData', data, p.compression);
  return p.headerFirst ? Buffer.concat([header, body]) : Buffer.concat([body, header]);
});

const osmXml = fc.record({
  nodes: fc.array(fc.record({ id: fc.oneof(fc.integer({ min: -3, max: 30 }), nastyString), lat: fc.oneof(fc.double({ min: -91, max: 91, noNaN: true }), nastyString), lon: fc.oneof(fc.double({ min: -181, max: 181, noNaN: true }), nastyString) }), { maxLength: 10 }),
  ways: fc.array(fc.record({ refs: fc.array(fc.oneof(fc.integer({ min: -3, max: 30 }), nastyString), { maxLength: 6 }), highway: fc.oneof(fc.constantFrom('residential', 'primary', 'footway'), nastyString), oneway: fc.constantFrom('yes', '-1', 'no', '') }), { maxLength: 5 }),
}).map(({ nodes, ways }) => {
  const attr = (v: unknown) => String(v).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return Buffer.from(`<?xml version="1.0"?><osm version="0.6">${nodes.map((n) => `<node id="${attr(n.id)}" lat="${attr(n.lat)}" lon="${attr(n.lon)}"/>`).join('')}${ways
    .map((w, i) => `<way id="${i + 1}">${w.refs.map((r) => `<nd ref="${attr(r)}"/>`).join('')}<tag k="highway" v="${attr(w.highway)}"/><tag k="oneway" v="${w.oneway}"/></way>`).join('')}</osm>`);
});

const roadLines = fc.array(fc.record({
  type: fc.constant('Feature'), properties: fc.oneof(fc.record({ highway: fc.oneof(fc.constantFrom('residential', 'primary', 'track'), nastyString), oneway: fc.constantFrom('yes', '-1', 'no') }), fc.jsonValue({ maxDepth: 2 })),
  geometry: fc.oneof(
    fc.record({ type: fc.constant('LineString'), coordinates: fc.array(fc.tuple(fc.double({ min: -72.5, max: -72.2, noNaN: true }), fc.double({ min: 18.4, max: 18.7, noNaN: true })), { maxLength: 6 }) }),
    fc.record({ type: fc.constantFrom('MultiLineString', 'Point', 'LineString'), coordinates: fc.jsonValue({ maxDepth: 3 }) }),
  ),
}), { maxLength: 6 }).map((features) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })));

let networkNumber = 0;
function roadImport(format: string, fileName: string, good: Buffer[], generated: fc.Arbitrary<Buffer>): Target {
  return {
    name: `road network import: ${format}`,
    arbitrary: (world) =>
      hostileFile(good, [generated]).map((body) => ({
        request: { method: 'POST', url: `/api/v1/roads/networks?name=fuzz-${format}-${++networkNumber}&fileName=${fileName}`, headers: { ...world.user.headers, 'content-type': 'application/octet-stream' }, payload: body },
      })),
  };
}

const goodPbf = fc.sample(pbfFile, { numRuns: 1, seed: 1 }).map((b) => Buffer.from(b));

export const IMPORT_TARGETS: Target[] = [
  incidentImport('acled', fixtures(FORMAT_FIXTURES, /^acled/), [csvLike(fixtures(FORMAT_FIXTURES, /^acled-haiti/))]),
  incidentImport('ushahidi', fixtures(FORMAT_FIXTURES, /^ushahidi/), [csvLike(fixtures(FORMAT_FIXTURES, /^ushahidi-haiti/))]),
  incidentImport('hxl', fixtures(FORMAT_FIXTURES, /^hxl/), [csvLike(fixtures(FORMAT_FIXTURES, /^hxl/), 3)]),
  incidentImport('cot', fixtures(FORMAT_FIXTURES, /\.xml$/), [fc.array(cotEvent, { maxLength: 5 }).map((events) => Buffer.from(`<events>${events.join('')}</events>`))]),
  incidentImport('geojson', fixtures(FORMAT_FIXTURES, /\.geojson$/), [geoCollection]),
  roadImport('osm-xml', 'roads.osm', fixtures(ROAD_FIXTURES, /\.osm$/), osmXml),
  roadImport('osm-pbf', 'roads.osm.pbf', goodPbf, pbfFile),
  roadImport('geojson', 'roads.geojson', fixtures(ROAD_FIXTURES, /\.geojson$/), roadLines),
];
