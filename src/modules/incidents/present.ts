import type { Classification } from '../../shared/access.ts';
import type { Incident, IncidentFeatureCollection } from '../../shared/incidents.ts';
import {
  ActorKind,
  IncidentType,
  InformationCredibility,
  LocationPrecision,
  SourceReliability,
  TimePrecision,
  VerificationStatus,
  type ExportableIncident,
} from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import type { LabelledRecord, Viewer } from '../auth/index.ts';
import * as repo from './incidents.repo.ts';

/*
 * From rows to what readers get. An incident is built whole once (what its
 * owner sees); redactFor then takes out what a given reader may not learn:
 * usernames outside the owning organisation, and the id of a survivor the
 * reader may not see. The live stream applies the same redaction per reader.
 */

export interface IncidentRecord {
  row: repo.IncidentRow;
  sources: { name: string; url: string | null; reliability: string; credibility: number; reported_at: string | null }[];
  actors: { id: string; name: string; kind: string; role: string }[];
  tags: string[];
  releases: { organisationId: string; code: string }[];
}

/** Rows with their sources, actors, tags and releasable-to lists. */
export async function loadRecords(db: Db, rows: readonly repo.IncidentRow[]): Promise<IncidentRecord[]> {
  const details = await repo.loadDetails(db, rows.map((r) => r.id));
  return rows.map((row) => ({
    row,
    sources: details.sources.get(row.id) ?? [],
    actors: details.actors.get(row.id) ?? [],
    tags: details.tags.get(row.id) ?? [],
    releases: details.releases.get(row.id) ?? [],
  }));
}

/** The record's releasability label, as canSee reads it. */
export function labelsOf(record: IncidentRecord): LabelledRecord {
  return { classification: record.row.classification, ownerOrgId: record.row.owner_org_id, releasableTo: record.releases.map((r) => r.organisationId) };
}

function adminOf(row: repo.IncidentRow): Incident['admin'] {
  if (!row.adm1_pcode || !row.adm2_pcode || !row.adm3_pcode) return null;
  return {
    adm1Pcode: row.adm1_pcode,
    adm1Name: row.adm1_name ?? row.adm1_pcode,
    adm2Pcode: row.adm2_pcode,
    adm2Name: row.adm2_name ?? row.adm2_pcode,
    adm3Pcode: row.adm3_pcode,
    adm3Name: row.adm3_name ?? row.adm3_pcode,
  };
}

/** The incident as its owner sees it. */
export function presentIncident(record: IncidentRecord): Incident {
  const { row } = record;
  return {
    id: row.id,
    type: IncidentType.parse(row.type),
    title: row.title,
    description: row.description,
    occurredAt: row.occurred_at,
    occurredPrecision: TimePrecision.parse(row.occurred_precision),
    reportedAt: row.reported_at,
    location: { lon: Number(row.lon), lat: Number(row.lat), precision: LocationPrecision.parse(row.location_precision), placeName: row.place_name },
    admin: adminOf(row),
    actors: record.actors.map((a) => ({ id: a.id, name: a.name, kind: ActorKind.parse(a.kind), role: a.role as Incident['actors'][number]['role'] })),
    counts: { killed: row.killed, injured: row.injured, abducted: row.abducted, displaced: row.displaced },
    sources: record.sources.map((s) => ({
      name: s.name,
      url: s.url,
      reliability: SourceReliability.parse(s.reliability),
      credibility: InformationCredibility.parse(Number(s.credibility)),
      reportedAt: s.reported_at,
    })),
    tags: record.tags,
    external: row.external_system && row.external_id ? { system: row.external_system, id: row.external_id } : null,
    classification: row.classification as Classification,
    owner: row.owner_code,
    releasableTo: record.releases.map((r) => r.code),
    illustrative: row.illustrative === 1,
    verification: {
      status: VerificationStatus.parse(row.verification),
      by: row.verifier_org_code ? { organisation: row.verifier_org_code, username: row.verifier_username } : null,
      at: row.verified_at,
      note: row.verification_note,
    },
    reportedBy: { organisation: row.reporter_org_code, username: row.reporter_username },
    mergedInto: row.merged_into,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** What a reader may see of an incident it may see: usernames only within the owning organisation. */
export function redactFor(viewer: Viewer, incident: Incident, ownerOrgId: string, survivorVisible: boolean): Incident {
  const insider = viewer.organisationId === ownerOrgId;
  if (insider && (survivorVisible || incident.mergedInto === null)) return incident;
  return {
    ...incident,
    reportedBy: insider ? incident.reportedBy : { ...incident.reportedBy, username: null },
    verification: insider || !incident.verification.by ? incident.verification : { ...incident.verification, by: { ...incident.verification.by, username: null } },
    mergedInto: survivorVisible ? incident.mergedInto : null,
  };
}

/** Records as the reader may see them (the rows were read through visibleTo). */
export async function presentFor(db: Db, viewer: Viewer, records: readonly IncidentRecord[]): Promise<Incident[]> {
  const survivors = records.map((r) => r.row.merged_into).filter((id): id is string => id !== null);
  const visibleSurvivors = survivors.length > 0 ? await repo.visibleIds(db, viewer, survivors) : new Set<string>();
  return records.map((record) =>
    redactFor(viewer, presentIncident(record), record.row.owner_org_id, record.row.merged_into !== null && visibleSurvivors.has(record.row.merged_into)),
  );
}

/** What export formats read. */
export function toExportable(record: IncidentRecord): ExportableIncident {
  const incident = presentIncident(record);
  return {
    id: incident.id,
    owner: incident.owner,
    type: incident.type,
    title: incident.title,
    description: incident.description,
    occurredAt: incident.occurredAt,
    occurredPrecision: incident.occurredPrecision,
    reportedAt: incident.reportedAt,
    location: {
      lon: incident.location.lon,
      lat: incident.location.lat,
      precision: incident.location.precision,
      ...(incident.location.placeName !== null ? { placeName: incident.location.placeName } : {}),
    },
    admin: incident.admin,
    actors: incident.actors.map((a) => ({ name: a.name, role: a.role, kind: a.kind })),
    counts: incident.counts,
    sources: incident.sources.map((s) => ({
      name: s.name,
      reliability: s.reliability,
      credibility: s.credibility,
      ...(s.url !== null ? { url: s.url } : {}),
      ...(s.reportedAt !== null ? { reportedAt: s.reportedAt } : {}),
    })),
    tags: incident.tags,
    ...(incident.external ? { external: incident.external as ExportableIncident['external'] & object } : {}),
    classification: incident.classification,
    releasableTo: incident.releasableTo,
    illustrative: incident.illustrative,
    verification: incident.verification.status,
  };
}

/** A row of the map layer (query.repo.ts mapPoints): its columns in order. */
export type MapPointRow = readonly [
  id: string, type: string, title: string, occurredAt: string, verification: string, killed: number, injured: number, abducted: number, displaced: number,
  classification: string, illustrative: number, placeName: string | null, adm2Name: string | null, lon: number, lat: number,
];

type MapFeature = IncidentFeatureCollection['features'][number];

/** One point of the map layer. */
export function mapFeature(row: MapPointRow): MapFeature {
  const [id, type, title, occurredAt, verification, killed, injured, abducted, displaced, classification, illustrative, placeName, commune, lon, lat] = row;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] },
    properties: {
      id,
      type: type as MapFeature['properties']['type'],
      title,
      occurredAt,
      verification: verification as MapFeature['properties']['verification'],
      killed,
      injured,
      abducted,
      displaced,
      classification: classification as MapFeature['properties']['classification'],
      illustrative: illustrative === 1,
      placeName,
      commune,
    },
  };
}

const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));

/**
 * The map layer's JSON text, the same bytes as JSON.stringify of the
 * FeatureCollection that mapFeature builds, written straight from the rows:
 * a map layer holds thousands of points, and the objects in between cost more
 * than the query. Strings go through JSON.stringify, so any text is escaped.
 */
export function mapFeatureCollectionText(rows: readonly MapPointRow[], limit: number): string {
  const count = Math.min(rows.length, limit);
  const parts: string[] = new Array<string>(count);
  for (let i = 0; i < count; i += 1) {
    const [id, type, title, occurredAt, verification, killed, injured, abducted, displaced, classification, illustrative, placeName, commune, lon, lat] = rows[i]!;
    const idText = JSON.stringify(id);
    parts[i] =
      `{"type":"Feature","id":${idText},"geometry":{"type":"Point","coordinates":[${JSON.stringify(Number(lon))},${JSON.stringify(Number(lat))}]},` +
      `"properties":{"id":${idText},"type":${JSON.stringify(type)},"title":${JSON.stringify(title)},"occurredAt":${JSON.stringify(occurredAt)},` +
      `"verification":${JSON.stringify(verification)},"killed":${JSON.stringify(killed)},"injured":${JSON.stringify(injured)},"abducted":${JSON.stringify(abducted)},` +
      `"displaced":${JSON.stringify(displaced)},"classification":${JSON.stringify(classification)},"illustrative":${illustrative === 1},` +
      `"placeName":${text(placeName)},"commune":${text(commune)}}}`;
  }
  return `{"type":"FeatureCollection","features":[${parts.join(',')}],"truncated":${rows.length > limit}}`;
}
