import { randomUUID } from 'node:crypto';
import type { Classification } from '../../shared/access.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { Contact, SiteInput, SiteListQuery, SitePatch, type Site, type SiteInputParsed } from '../../shared/sites.ts';
import type { Db, ShareableTable } from '../../db/index.ts';
import type { SitesTable } from '../../db/tables/sites.ts';
import { appendAudit, organisationIdsForCodes, releasableToCodes, setReleasableTo, type Actor, type Viewer } from '../auth/index.ts';
import { adminAreasIn, type AdminAreaLookup } from '../incidents/index.ts';
import { checkSiteGeometry, type CheckedSiteGeometry } from './geometry.ts';
import * as repo from './sites.repo.ts';
import { assertMayChange, seesProtectionDetail, viewerOf } from './sites.policy.ts';
import { invalidateThreats } from './threat-cache.ts';

/*
 * Critical sites: record, correct, read. Writers are an Actor, or null for
 * the system (command line, demo), whose records belong to the organisation
 * named. Every change is one transaction with its audit row.
 */

export interface AdminSource {
  /** The admin-area index for the commune of a site; by default the process's datasets. */
  areas?: AdminAreaLookup | null;
}

export async function adminLookup(source: AdminSource): Promise<AdminAreaLookup | null> {
  return source.areas === undefined ? adminAreasIn() : source.areas;
}

/** The owner of a new record: the actor's organisation, or for the system the organisation named. */
export async function ownerOf(db: Db, actor: Actor | null, ownerCode: string | undefined): Promise<string> {
  if (actor) return actor.organisationId;
  if (!ownerCode) throw new AppError('BAD_REQUEST', 'say which organisation owns the records (e.g. --org MSS-HQ)');
  return (await organisationIdsForCodes(db, [ownerCode], 'owner'))[0]!;
}

/** Writes a record's releasable-to list (RESTRICTED only; others have none). */
export async function writeReleases(trx: Db, table: ShareableTable, id: string, classification: Classification | string, codes: readonly string[]): Promise<void> {
  await setReleasableTo(trx, table, id, await organisationIdsForCodes(trx, classification === 'RESTRICTED' ? codes : []));
}

export function presentSites(viewer: Viewer, rows: readonly repo.SiteRow[], lists: ReadonlyMap<string, string[]>): Site[] {
  return rows.map((row) => {
    const detail = seesProtectionDetail(viewer, row.owner_org_id);
    return {
      id: row.id, name: row.name, kind: row.kind as Site['kind'], geometry: JSON.parse(row.geometry) as Site['geometry'],
      centroid: { lon: Number(row.lon), lat: Number(row.lat) }, operator: row.operator, criticality: row.criticality,
      requiredStrength: detail ? row.required_strength : null, threatRadiusMeters: row.threat_radius_m,
      contacts: detail ? Contact.array().parse(JSON.parse(row.contacts)) : [], description: row.description,
      source: row.source_name === null ? null : { name: row.source_name, url: row.source_url, externalId: row.external_ref },
      commune: row.adm2_pcode && row.adm2_name ? { pcode: row.adm2_pcode, name: row.adm2_name } : null,
      illustrative: row.illustrative === 1, classification: row.classification as Site['classification'], owner: row.owner_code,
      releasableTo: lists.get(row.id) ?? [], version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
    };
  });
}

async function present(db: Db, viewer: Viewer, rows: readonly repo.SiteRow[]): Promise<Site[]> {
  const lists = rows.length === 0 ? new Map<string, string[]>() : await releasableToCodes(db, 'sites', rows.map((r) => r.id));
  return presentSites(viewer, rows, lists);
}

/** The columns of a site from its checked input (ids and bookkeeping aside). */
export function siteColumns(parsed: SiteInputParsed, shape: CheckedSiteGeometry, admin: AdminAreaLookup | null) {
  const commune = admin?.lookup(shape.centroid.lon, shape.centroid.lat) ?? null;
  const [minLon, minLat, maxLon, maxLat] = shape.bbox;
  return {
    name: parsed.name, kind: parsed.kind, geometry: JSON.stringify(shape.geometry), lon: shape.centroid.lon, lat: shape.centroid.lat,
    min_lon: minLon, min_lat: minLat, max_lon: maxLon, max_lat: maxLat, operator: parsed.operator, criticality: parsed.criticality,
    required_strength: parsed.requiredStrength, threat_radius_m: parsed.threatRadiusMeters, contacts: JSON.stringify(parsed.contacts),
    description: parsed.description, source_name: parsed.source?.name ?? null, source_url: parsed.source?.url ?? null,
    external_ref: parsed.source?.externalId ?? null, adm2_pcode: commune?.adm2Pcode ?? null, adm2_name: commune?.adm2Name ?? null,
    illustrative: parsed.illustrative ? 1 : 0, classification: parsed.classification,
  } satisfies Partial<SitesTable>;
}

export interface CreateSiteProps extends AdminSource {
  db: Db;
  /** null for the system (command line, demo). */
  actor: Actor | null;
  input: SiteInput;
  /** The owner when the system writes. */
  ownerCode?: string | undefined;
}

export async function createSite(props: CreateSiteProps): Promise<Site> {
  const { db, actor, input, ownerCode } = props;
  const parsed = SiteInput.parse(input);
  const shape = checkSiteGeometry(parsed.geometry);
  const admin = await adminLookup(props);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const id = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const row: SitesTable = { id: randomUUID(), ...siteColumns(parsed, shape, admin), version: 1, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now };
    if (row.external_ref !== null && (await repo.byExternalRefs(trx, ownerId, [row.external_ref])).length > 0) {
      throw new AppError('CONFLICT', `a site with source id ${row.external_ref} is recorded already by this organisation; correct that one instead`);
    }
    await repo.insert(trx, [row]);
    await writeReleases(trx, 'sites', row.id, parsed.classification, parsed.releasableTo);
    await appendAudit(trx, { actor, action: 'create', entityType: 'site', entityId: row.id, details: { name: row.name, kind: row.kind, criticality: row.criticality, classification: row.classification, repairs: shape.repairs } });
    return row.id;
  });
  invalidateThreats();
  return { ...(await getSite({ db, viewer: viewerOf(actor, ownerId), id })), repairs: shape.repairs };
}

/** The site as an input again, so a correction is checked by the same schema as a new site. */
function inputOf(row: repo.SiteRow, releasableTo: string[]): SiteInputParsed {
  return {
    name: row.name, kind: row.kind as SiteInputParsed['kind'], geometry: JSON.parse(row.geometry) as SiteInputParsed['geometry'], operator: row.operator,
    criticality: row.criticality, requiredStrength: row.required_strength, threatRadiusMeters: row.threat_radius_m,
    contacts: Contact.array().parse(JSON.parse(row.contacts)), description: row.description,
    source: row.source_name === null ? null : { name: row.source_name, url: row.source_url, externalId: row.external_ref },
    illustrative: row.illustrative === 1, classification: row.classification as Classification, releasableTo,
  };
}

export async function findSiteForWriter(db: Db, actor: Actor | null, id: string): Promise<repo.SiteRow> {
  const row = actor ? await repo.findVisible(db, actor, id) : await repo.findAny(db, id);
  if (!row) throw notFound('site');
  return row;
}

export interface UpdateSiteProps extends AdminSource {
  db: Db;
  actor: Actor | null;
  id: string;
  patch: SitePatch;
}

/** Replaces the fields given, if nobody changed the site since `version` (else 409). */
export async function updateSite(props: UpdateSiteProps): Promise<Site> {
  const { db, actor, id } = props;
  const { version, changes } = SitePatch.parse(props.patch);
  const admin = await adminLookup(props);
  let repairs: string[] = [];
  const ownerId = await db.transaction().execute(async (trx) => {
    const before = await findSiteForWriter(trx, actor, id);
    assertMayChange(actor, before, 'site');
    if (before.version !== version) throw new AppError('CONFLICT', `the site was changed by someone else (it is now at version ${before.version}): reload it and make your change again`);
    const current = inputOf(before, (await releasableToCodes(trx, 'sites', [id])).get(id) ?? []);
    const parsed = SiteInput.parse({ ...current, ...changes });
    const shape = checkSiteGeometry(parsed.geometry);
    repairs = shape.repairs;
    const now = new Date().toISOString();
    await repo.update(trx, id, { ...siteColumns(parsed, shape, admin), version: version + 1, updated_at: now });
    await writeReleases(trx, 'sites', id, parsed.classification, parsed.releasableTo);
    await appendAudit(trx, { actor, action: 'update', entityType: 'site', entityId: id, details: { version: version + 1, changed: Object.keys(changes) } });
    return before.owner_org_id;
  });
  invalidateThreats();
  return { ...(await getSite({ db, viewer: viewerOf(actor, ownerId), id })), repairs };
}

/** One site as the viewer may see it; absent and refused look the same. */
export async function getSite({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Site> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('site');
  return (await present(db, viewer, [row]))[0]!;
}

export function filterOf(query: SiteListQuery): repo.SiteFilter {
  const parsed = SiteListQuery.parse(query);
  const bbox = parsed.bbox?.split(',').map(Number) as [number, number, number, number] | undefined;
  if (bbox && (bbox[0] > bbox[2] || bbox[1] > bbox[3])) {
    throw new AppError('VALIDATION_FAILED', 'bbox is west,south,east,north with west ≤ east and south ≤ north', [{ path: 'bbox', message: 'west > east or south > north' }]);
  }
  return { kind: parsed.kind, minCriticality: parsed.minCriticality, bbox, nameLike: parsed.q?.toLowerCase(), limit: parsed.limit };
}

export async function listSites({ db, viewer, query = {} }: { db: Db; viewer: Viewer; query?: SiteListQuery }): Promise<Site[]> {
  return present(db, viewer, await repo.listVisible(db, viewer, filterOf(query)));
}

export async function countSites({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countVisible(db, viewer);
}
