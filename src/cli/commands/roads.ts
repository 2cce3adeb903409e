import { readFileSync, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { areasGeoJson, deleteNetwork, importAreas, importNetwork, listNetworks, planRoute, type ImportProgress } from '../../modules/roads/index.ts';
import { Classification } from '../../shared/access.ts';
import { RiskTolerance, RouteProfile, type Place, type RouteResponse } from '../../shared/roads.ts';
import { fail, viewerForOrganisation, withCommandDb } from '../context.ts';

/*
 * `konbit roads …`, `konbit route` and `konbit areas …`: road networks, routes and areas of
 * control from the command line, through the same services as the API. Writes are made by the
 * system (audited with no user); reads see what the organisation named by --as-org may see, or
 * only public records without it.
 */

/** LAT,LON in degrees, or else the id or name of a site. */
function place(value: string, option: string): Place {
  const parts = value.split(',').map((p) => p.trim());
  const [lat, lon] = parts.map(Number);
  if (parts.length === 2 && parts.every((p) => p !== '') && Number.isFinite(lat) && Number.isFinite(lon)) return { lat: lat!, lon: lon! };
  if (/^-?[\d.]+\s*,/.test(value)) fail(`--${option} must be LAT,LON in degrees (e.g. 18.5392,-72.3364) or a site's name or id, got ${JSON.stringify(value)}`);
  return { site: value };
}

/** A progress bar on standard error while reading the file, then while writing rows. */
function progressBar(): { update: (progress: ImportProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total} {unit}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  let phase: ImportProgress['phase'] | null = null;
  return {
    update: ({ phase: now, done, total }) => {
      const payload = { phase: now === 'read' ? 'reading' : 'writing', unit: now === 'read' ? 'bytes' : 'rows' };
      if (phase !== now) {
        if (phase !== null) bar.stop();
        bar.start(total ?? done, done, payload);
        phase = now;
      } else bar.update(done, payload);
    },
    stop: () => bar.stop(),
  };
}

const minutes = (seconds: number) => `${(seconds / 60).toFixed(1)} min`;
const km = (meters: number) => `${(meters / 1000).toFixed(2)} km`;

function printRoute(result: RouteResponse): void {
  console.log(`network ${result.network}, ${result.profile} (${result.riskTolerance}), as of ${result.asOf}; the picture you may see: ${result.picture.areas} areas, ${result.picture.roadblocks} roadblocks, ${result.picture.overrides} overrides`);
  for (const [role, point] of [['from', result.from], ['to', result.to]] as const) {
    console.log(`${role} ${point.site ? `${point.site.name} at ` : ''}${point.requested.lat},${point.requested.lon} snapped ${Math.round(point.snapMeters)} m to ${point.snapped.lat.toFixed(6)},${point.snapped.lon.toFixed(6)}`);
  }
  if (!result.found) {
    console.log(result.noRoute?.reason ?? 'no route');
    return;
  }
  result.routes.forEach((route, i) => {
    console.log(`\n${i === 0 ? 'route' : `alternative ${i}`}: ${km(route.distanceMeters)}, ${minutes(route.durationSeconds)}; inside risky areas ${km(route.riskTotals.meters)} (${minutes(route.riskTotals.seconds)})`);
    for (const risk of route.riskCrossed) console.log(`  crosses ${risk.level} ${risk.name}${risk.group ? ` (${risk.group})` : ''}: ${km(risk.meters)}`);
    for (const block of route.blocksAvoided) console.log(`  avoids ${block.kind}: ${block.label}`);
    const named = route.streets.filter((s) => s.name || s.ref).map((s) => `${s.name || s.ref} (${km(s.meters)})`);
    console.log(`  via ${named.join(', ') || 'unnamed roads'}`);
  });
}

export function registerRoads(program: Command): void {
  const roads = program.command('roads').description('road networks for routing');
  roads
    .command('import <file>')
    .description('import a road network from OSM XML (.osm), OSM PBF (.osm.pbf) or GeoJSON (.geojson); all or nothing')
    .requiredOption('--network <name>', 'name of the new network, e.g. pap-metro')
    .action(async (file: string, options: { network: string }) => {
      const bar = progressBar();
      const summary = await withCommandDb((db) => importNetwork({ db, actor: null, filePath: file, name: options.network, onProgress: bar.update })).finally(() => bar.stop());
      const { report } = summary;
      console.log(`network ${summary.name}: ${report.nodes} junctions, ${report.edges} road segments (${report.onewayEdges} one-way), ${report.totalKm.toFixed(1)} km, ${report.components} connected pieces (the largest has ${report.largestComponentNodes} junctions); ${report.waysUsed} of ${report.waysRead} ways used`);
      for (const skip of report.skipped) console.log(`  skipped ${skip.count} ${skip.unit}: ${skip.reason}${skip.sampleWayIds.length ? ` (e.g. way ${skip.sampleWayIds.join(', ')})` : ''}`);
    });
  roads
    .command('list')
    .description('the imported road networks')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const networks = await withCommandDb((db) => listNetworks({ db }));
      if (options.json) return console.log(JSON.stringify(networks, null, 2));
      if (networks.length === 0) console.log('no road network: import one with konbit roads import FILE --network NAME');
      for (const n of networks) console.log(`${n.name}\t${n.nodes} junctions\t${n.edges} segments\t${n.totalKm.toFixed(1)} km\t${n.sourceFile}\t${n.importedAt}`);
    });
  roads
    .command('delete <name>')
    .description('delete a road network and the overrides drawn on it')
    .action(async (name: string) => {
      const { overridesDeleted } = await withCommandDb((db) => deleteNetwork({ db, actor: null, name }));
      console.log(`network ${name} deleted${overridesDeleted ? `, with ${overridesDeleted} overrides` : ''}`);
    });

  program
    .command('route')
    .description('the best route between two points avoiding the blocks and risk an organisation may see, with alternatives')
    .requiredOption('--network <name>', 'road network')
    .requiredOption('--from <place>', 'origin: LAT,LON, or a site’s name or id')
    .requiredOption('--to <place>', 'destination: LAT,LON, or a site’s name or id')
    .option('--profile <profile>', 'convoy, patrol or ambulance', 'convoy')
    .option('--risk <tolerance>', 'avoid, accept-contested or accept-all (default: the profile’s)')
    .option('--as-of <time>', 'the picture as of this ISO time (default now)')
    .option('--as-org <code>', 'route with what this organisation may see (default: public records only)')
    .option('--snap <meters>', 'how far a point may be from a road', '500')
    .option('--alternatives <n>', 'alternatives besides the best route (0-2)', '2')
    .option('--json', 'print the whole answer as JSON')
    .action(async (options: { network: string; from: string; to: string; profile: string; risk?: string; asOf?: string; asOrg?: string; snap: string; alternatives: string; json?: boolean }) => {
      const result = await withCommandDb(async (db) => planRoute({
        db, viewer: await viewerForOrganisation(db, options.asOrg),
        input: {
          network: options.network, from: place(options.from, 'from'), to: place(options.to, 'to'), profile: RouteProfile.parse(options.profile),
          riskTolerance: options.risk === undefined ? undefined : RiskTolerance.parse(options.risk), asOf: options.asOf,
          snapMeters: Number(options.snap), alternatives: Number(options.alternatives),
        },
      }));
      if (options.json) return console.log(JSON.stringify(result, null, 2));
      if (!options.asOrg) console.log('(as the public sees it: give --as-org CODE to route with what an organisation may see)');
      printRoute(result);
    });

  const areas = program.command('areas').description('areas of gang control');
  areas
    .command('import <file>')
    .description('import a GeoJSON FeatureCollection of areas (properties: name, group, level, confidence, source, validFrom, validTo); all or nothing')
    .requiredOption('--org <code>', 'the organisation that owns the areas')
    .option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED, for features that give none', 'MISSION')
    .option('--release-to <codes>', 'comma-separated organisations a RESTRICTED area is released to')
    .action(async (file: string, options: { org: string; classification: string; releaseTo?: string }) => {
      let collection: unknown;
      try {
        collection = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        fail(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      const result = await withCommandDb((db) => importAreas({
        db, actor: null, ownerCode: options.org, collection, classification: Classification.parse(options.classification),
        releasableTo: options.releaseTo ? options.releaseTo.split(',').map((c) => c.trim()) : [],
      }));
      console.log(`${result.created} areas imported`);
      for (const r of result.repaired) console.log(`  feature ${r.feature} repaired: ${r.repairs.join('; ')}`);
    });
  areas
    .command('export')
    .description('the areas as GeoJSON (in force now, at --as-of, or --all)')
    .option('--as-of <time>', 'in force at this ISO time')
    .option('--all', 'every area, past ones included')
    .option('--as-org <code>', 'what this organisation may see (default: public records only)')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { asOf?: string; all?: boolean; asOrg?: string; out?: string }) => {
      const collection = await withCommandDb(async (db) => areasGeoJson({ db, viewer: await viewerForOrganisation(db, options.asOrg), asOf: options.asOf, all: options.all === true }));
      const text = JSON.stringify(collection, null, 2);
      if (options.out) {
        writeFileSync(options.out, text);
        console.log(`${collection.features.length} areas written to ${options.out}`);
      } else console.log(text);
    });
}
