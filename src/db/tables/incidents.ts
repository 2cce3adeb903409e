import type { Generated } from 'kysely';

/*
 * The incidents module's tables. Timestamps are ISO-8601 UTC text as
 * everywhere; occurred_ms repeats occurred_at as epoch milliseconds so that
 * time windows compare integers. The spatial and full-text indexes
 * (incidents_rtree and incidents_fts on SQLite, space_time and search_vector
 * on PostgreSQL) are kept by the database itself and never written directly.
 */

export interface IncidentsTable {
  /** Integer key of the spatial and full-text indexes; the API speaks `id`. */
  seq: Generated<number>;
  id: string;
  type: string;
  /** The type's position in the vocabulary (INCIDENT_TYPE_CODES): the space-time index's fourth dimension. */
  type_code: number;
  title: string;
  description: string;
  occurred_at: string;
  occurred_ms: number;
  /** Monday of the ISO week of occurred_at (YYYY-MM-DD), for the weekly aggregates. */
  occurred_week: string;
  occurred_precision: string;
  reported_at: string;
  lon: number;
  lat: number;
  location_precision: string;
  place_name: string | null;
  adm1_pcode: string | null;
  adm1_name: string | null;
  adm2_pcode: string | null;
  adm2_name: string | null;
  adm3_pcode: string | null;
  adm3_name: string | null;
  killed: number;
  injured: number;
  abducted: number;
  displaced: number;
  verification: string;
  verified_by: string | null;
  verified_at: string | null;
  verification_note: string | null;
  reporter_id: string;
  classification: string;
  owner_org_id: string;
  external_system: string | null;
  external_id: string | null;
  illustrative: number;
  merged_into: string | null;
  version: number;
  idempotency_key: string | null;
  /** sha256 of the request an idempotency key first answered, to refuse its reuse for another. */
  idempotency_hash: string | null;
  /** Folded words of title, description, place, areas, actors and tags: what full-text search reads. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface IncidentSourcesTable {
  incident_id: string;
  position: number;
  name: string;
  url: string | null;
  /** NATO/Admiralty source reliability A–F. */
  reliability: string;
  /** NATO/Admiralty information credibility 1–6. */
  credibility: number;
  reported_at: string | null;
}

/** The actor registry: gangs, coalitions, state forces, civilians. */
export interface ActorsTable {
  id: string;
  name: string;
  /** Folded name, unique: "G-Pep" and "g pep" are one actor. */
  name_key: string;
  kind: string;
  /** Who entered it through the registry; null when a report named it first. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentActorsTable {
  incident_id: string;
  actor_id: string;
  role: string;
}

export interface IncidentTagsTable {
  incident_id: string;
  tag: string;
}

/** Every change after creation: the incident before and after, as JSON. */
export interface IncidentHistoryTable {
  incident_id: string;
  version: number;
  action: string;
  at: string;
  actor_user_id: string | null;
  before: string;
  after: string;
}

/**
 * The live stream's durable log: one row per change, with the incident as it
 * was then and its releasability label at that moment, so a reader resuming
 * with Last-Event-ID gets exactly what it could see then.
 */
export interface IncidentEventsTable {
  seq: Generated<number>;
  at: string;
  type: string;
  incident_id: string;
  /** JSON { classification, ownerOrgId, releasableTo: organisation ids }. */
  labels: string;
  /** For a merge: the survivor's label, which decides who may learn where the incident went. */
  related_labels: string | null;
  payload: string;
}

/**
 * A releasability label that incidents carry (classification, owner, the
 * organisations it is released to), registered like any shareable record so
 * that visibleTo decides who sees the counts filed under it.
 */
export interface IncidentLabelsTable {
  id: string;
  classification: string;
  owner_org_id: string;
  /** The releasable-to organisation ids, sorted, comma-separated ('' for none). */
  releases: string;
  created_at: string;
}

/**
 * Counts and casualties per ISO week, type, commune and label, kept on every
 * write: what the weekly aggregates read instead of every incident. A merged
 * duplicate is filed with its survivor's label, so that it counts only for
 * readers who may not see the survivor.
 */
export interface IncidentWeeklyTable {
  week: string;
  type: string;
  adm1_pcode: string;
  /** '' when the point is in no commune (or the boundaries were missing). */
  adm2_pcode: string;
  adm2_name: string;
  label_id: string;
  /** '' unless the incidents were merged into one under this label. */
  survivor_label_id: string;
  incidents: number;
  killed: number;
  injured: number;
  abducted: number;
  displaced: number;
}

export interface IncidentTables {
  incidents: IncidentsTable;
  incident_sources: IncidentSourcesTable;
  actors: ActorsTable;
  incident_actors: IncidentActorsTable;
  incident_tags: IncidentTagsTable;
  incident_history: IncidentHistoryTable;
  incident_events: IncidentEventsTable;
  incident_labels: IncidentLabelsTable;
  incident_weekly: IncidentWeeklyTable;
}

/** Which of these tables carry a releasability label. */
export type IncidentShareableTable = 'incidents' | 'incident_labels';
