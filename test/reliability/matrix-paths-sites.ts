import type { MatrixSubject, ReadPath } from '../../src/modules/auth/releasability.testing.ts';
import type { ProtectionGap, SitesSitrep, SiteThreat } from '../../src/shared/sites.ts';
import { memberOrOwner, signedIn, type NarrowedPath } from './matrix-narrowed.ts';
import { ids, perSubject, sum, type Reader } from './matrix-reader.ts';
import type { Kind, MatrixWorld } from './matrix-world.ts';

/*
 * The sites module's read paths: sites (list, filter, map layer, single read), their threat (list,
 * single, history) and what the watch site's threat rests on, protection assignments and gaps,
 * tasks (list, map layer, single read) and the sitrep section. The watch site and the depot are
 * PUBLIC records of no bundle: each path leaves them out by id.
 */

const list = (http: Reader, world: MatrixWorld, kind: Kind, url: string) => async (s: MatrixSubject) =>
  world.bundles(kind, (await http.json<{ id: string }[]>(url, s)).map((r) => r.id).filter((id) => world.has(kind, id)));
const features = (http: Reader, world: MatrixWorld, kind: Kind, url: string) => async (s: MatrixSubject) =>
  world.bundles(kind, (await http.json<{ features: { id: string }[] }>(url, s)).features.map((f) => f.id).filter((id) => world.has(kind, id)));

export function sitePaths(http: Reader, world: MatrixWorld): ReadPath[] {
  const threats = perSubject((s) => http.json<SiteThreat[]>('/api/v1/sites/threats?limit=5000', s));
  const watch = async (s: MatrixSubject) => {
    const { watchId } = world.shared;
    const threat = (await threats(s)).find((t) => t.siteId === watchId);
    if (!threat) throw new Error(`the PUBLIC watch site is missing from the threats of ${s.key}`);
    return threat.reasons;
  };
  const watchedIncidents = async (s: MatrixSubject) => (await watch(s)).flatMap((r) => (r.kind === 'incidents' ? r.incidentIds : [])).filter((id) => world.has('incident', id));
  const watchedAreas = async (s: MatrixSubject) => (await watch(s)).flatMap((r) => (r.kind === 'incidents' ? [] : [r.areaId])).filter((id) => world.has('area', id));
  return [
    ids('GET /api/v1/sites', list(http, world, 'site', '/api/v1/sites?limit=5000')),
    ids('GET /api/v1/sites?kind=&minCriticality=', list(http, world, 'site', '/api/v1/sites?limit=5000&kind=water_works&minCriticality=5')),
    ids('GET /api/v1/sites.geojson', features(http, world, 'site', '/api/v1/sites.geojson?limit=5000')),
    ids('GET /api/v1/sites/:id', (s) => http.singles('site', world, s, (id) => `/api/v1/sites/${id}`)),
    ids('GET /api/v1/sites/threats', async (s) => world.bundles('site', (await threats(s)).map((t) => t.siteId).filter((id) => world.has('site', id)))),
    ids('GET /api/v1/sites/:id/threat', (s) => http.singles('site', world, s, (id) => `/api/v1/sites/${id}/threat`)),
    ids('GET /api/v1/sites/:id/threat/history', (s) => http.singles('site', world, s, (id) => `/api/v1/sites/${id}/threat/history`)),
    ids('GET /api/v1/sites/threats: incidents behind the watch site’s level', async (s) => world.bundles('incident', [...new Set(await watchedIncidents(s))])),
    ids('GET /api/v1/sites/threats: areas behind the watch site’s level', async (s) => world.bundles('area', [...new Set(await watchedAreas(s))])),
    ids('GET /api/v1/sites/assignments', list(http, world, 'assignment', '/api/v1/sites/assignments?limit=5000')),
    ids('GET /api/v1/sites/assignments/:id', (s) => http.singles('assignment', world, s, (id) => `/api/v1/sites/assignments/${id}`)),
    ids('GET /api/v1/sites/tasks', list(http, world, 'task', '/api/v1/sites/tasks?limit=5000')),
    ids('GET /api/v1/sites/tasks?kind=&status=', list(http, world, 'task', '/api/v1/sites/tasks?limit=5000&kind=escort_convoy&status=aborted')),
    ids('GET /api/v1/sites/tasks.geojson', features(http, world, 'task', '/api/v1/sites/tasks.geojson?limit=5000')),
    ids('GET /api/v1/sites/tasks/:id', (s) => http.singles('task', world, s, (id) => `/api/v1/sites/tasks/${id}`)),
  ];
}

/** Paths behind a policy of their own: protection detail, signed-in routes. */
export function siteNarrowedPaths(http: Reader, world: MatrixWorld): NarrowedPath[] {
  const gaps = perSubject((s) => http.member<ProtectionGap[]>('/api/v1/sites/gaps', s));
  const depotGap = async (s: MatrixSubject) => {
    const { depotId } = world.shared;
    return (await gaps(s))?.find((g) => g.siteId === depotId) ?? null;
  };
  const period = `from=${new Date(Date.now() - 6 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
  const sitrep = perSubject((s) => http.member<SitesSitrep>(`/api/v1/sites/sitrep?${period}`, s));
  // Unit names are the bundles' keys: "AAA:MISSION (AAA)".
  const unitBundles = (units: string[]) => units.map((u) => world.bundleOfKey(u.replace(/ \([A-Z]+\)$/, '')) ?? `unknown unit ${u}`);
  const shared = (s: MatrixSubject, record: Parameters<typeof memberOrOwner>[1]) => signedIn(s) && memberOrOwner(s, record);
  const depotSeen = (s: MatrixSubject) => signedIn(s) && s.viewer.isMissionMember;
  return [
    { name: 'GET /api/v1/sites/gaps: unguarded sites', kind: 'ids', narrow: shared, read: async (s) => world.bundles('site', ((await gaps(s)) ?? []).map((g) => g.siteId).filter((id) => world.has('site', id))) },
    { name: 'GET /api/v1/sites/gaps: units guarding the depot', kind: 'ids', narrow: depotSeen, read: async (s) => unitBundles((await depotGap(s))?.units ?? []) },
    { name: 'GET /api/v1/sites/gaps: strength at the depot', kind: 'count', narrow: depotSeen, read: async (s) => (await depotGap(s))?.assignedStrength ?? 0 },
    { name: 'GET /api/v1/sites/sitrep: sites', kind: 'count', narrow: signedIn, read: async (s) => { const r = await sitrep(s); return r ? r.sites.total - 2 : 0; } },
    { name: 'GET /api/v1/sites/sitrep: critical sites', kind: 'count', narrow: signedIn, read: async (s) => { const r = await sitrep(s); return r ? r.sites.critical - 1 : 0; } },
    { name: 'GET /api/v1/sites/sitrep: unguarded sites', kind: 'ids', narrow: shared, read: async (s) => world.bundles('site', ((await sitrep(s))?.gaps ?? []).map((g) => g.siteId).filter((id) => world.has('site', id))) },
    { name: 'GET /api/v1/sites/sitrep: tasks by status', kind: 'count', narrow: signedIn, read: async (s) => sum(Object.values((await sitrep(s))?.tasks.byStatus ?? {})) },
    { name: 'GET /api/v1/sites/sitrep: aborted tasks', kind: 'ids', narrow: signedIn, read: async (s) => world.bundles('task', ((await sitrep(s))?.tasks.aborted ?? []).map((t) => t.id)) },
  ];
}
