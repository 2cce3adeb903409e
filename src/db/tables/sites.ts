/*
 * The tables of critical sites, their protection and patrol tasking, and of
 * the training of the national police. Times are ISO-8601 UTC text, dates
 * YYYY-MM-DD, flags 0/1, geometries and lists JSON text.
 */

/** A critical site: a point or an area. Shareable. */
export interface SitesTable {
  id: string;
  name: string;
  kind: string;
  /** GeoJSON Point, Polygon or MultiPolygon, normalised. */
  geometry: string;
  /** A representative point (the point itself, or the area's middle): distances and labels. */
  lon: number;
  lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  operator: string;
  criticality: number;
  required_strength: number;
  threat_radius_m: number | null;
  /** JSON array of contacts. */
  contacts: string;
  description: string;
  source_name: string | null;
  source_url: string | null;
  /** The record's id in its source; with the owner, what a re-import matches on. */
  external_ref: string | null;
  adm2_pcode: string | null;
  adm2_name: string | null;
  illustrative: number;
  version: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A change in a site's derived threat, for the mission picture or the public one. */
export interface SiteThreatHistoryTable {
  id: string;
  site_id: string;
  /** 'mission' | 'public'. */
  basis: string;
  at: string;
  level: number;
  score: number;
  /** JSON array of reason sentences. */
  reasons: string;
  /** What the level and its reasons were computed from, to tell a change from noise. */
  signature: string;
}

/** A unit guarding a site over a period. Shareable. */
export interface SiteAssignmentsTable {
  id: string;
  site_id: string;
  unit_org_id: string;
  unit_name: string;
  /** The unit's name folded (lower case, single spaces): what overlap checks compare. */
  unit_key: string;
  strength: number;
  starts_at: string;
  /** null: open-ended. */
  ends_at: string | null;
  notes: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  version: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A patrol, escort or guard task for a unit. Shareable. */
export interface PatrolTasksTable {
  id: string;
  kind: string;
  title: string;
  unit_org_id: string;
  unit_name: string;
  site_id: string | null;
  /** GeoJSON LineString or Polygon; null for a guard task (the site's). */
  geometry: string | null;
  starts_at: string;
  ends_at: string;
  status: string;
  started_at: string | null;
  finished_at: string | null;
  after_action: string;
  notes: string;
  version: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A training course. Shareable. */
export interface TrainingCoursesTable {
  id: string;
  title: string;
  topic: string;
  sensitive: number;
  trainer_org_id: string;
  place: string;
  starts_on: string;
  ends_on: string;
  capacity: number | null;
  min_attendance_pct: number;
  description: string;
  illustrative: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One session of a course; seen with its course. */
export interface TrainingSessionsTable {
  id: string;
  course_id: string;
  held_on: string;
  title: string;
  hours: number;
  created_at: string;
}

/** An HNP officer who trains. Personal data: never PUBLIC. Shareable. */
export interface TraineesTable {
  id: string;
  service_number: string;
  full_name: string;
  unit: string;
  rank: string;
  illustrative: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A trainee on a course, and the certification earned there; seen when both are. */
export interface TrainingEnrolmentsTable {
  id: string;
  course_id: string;
  trainee_id: string;
  status: string;
  enrolled_at: string;
  certified_on: string | null;
  certified_by: string | null;
  certificate_note: string;
}

export interface TrainingAttendanceTable {
  session_id: string;
  trainee_id: string;
  status: string;
  recorded_at: string;
  recorded_by: string | null;
}

/** A vetting flag raised by the oversight body; its reason is for oversight only. */
export interface VettingFlagsTable {
  id: string;
  trainee_id: string;
  reason: string;
  raised_by_org_id: string;
  raised_by: string | null;
  raised_at: string;
  cleared_at: string | null;
  cleared_by: string | null;
  clearance_note: string | null;
}

export interface SitesTables {
  sites: SitesTable;
  site_threat_history: SiteThreatHistoryTable;
  site_assignments: SiteAssignmentsTable;
  patrol_tasks: PatrolTasksTable;
  training_courses: TrainingCoursesTable;
  training_sessions: TrainingSessionsTable;
  trainees: TraineesTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_attendance: TrainingAttendanceTable;
  vetting_flags: VettingFlagsTable;
}

/** Which of these tables carry a releasability label. */
export type SitesShareableTable = 'sites' | 'site_assignments' | 'patrol_tasks' | 'training_courses' | 'trainees';
