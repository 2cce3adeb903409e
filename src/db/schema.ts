import type { AccountabilityShareableTable, AccountabilityTables } from './tables/accountability.ts';
import type { IdempotencyTables } from './tables/idempotency.ts';
import type { IncidentShareableTable, IncidentTables } from './tables/incidents.ts';
import type { LedgerShareableTable, LedgerTables } from './tables/ledger.ts';
import type { OsintTables } from './tables/osint.ts';
import type { RoadShareableTable, RoadTables } from './tables/roads.ts';
import type { SitesShareableTable, SitesTables } from './tables/sites.ts';
import type { SmsShareableTable, SmsTables } from './tables/sms.ts';

/*
 * The database as Kysely sees it. Portable column types on both dialects:
 * ids are text (UUIDs), timestamps are ISO-8601 UTC text (they sort), flags are
 * integers 0/1, JSON is text.
 */

export interface OrganisationsTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  iso3: string | null;
  is_lead_nation: number;
  is_mission_member: number;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  organisation_id: string;
  password_hash: string;
  locale: string;
  disabled: number;
  created_at: string;
  password_changed_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_org_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row: the newest link of the audit chain, so that cutting the tail shows. */
export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

/** The releasable-to lists of every shareable record, whatever its table. */
export interface RecordReleasesTable {
  entity_type: string;
  record_id: string;
  organisation_id: string;
}

export interface NoticesTable {
  id: string;
  title: string;
  body: string;
  classification: string;
  owner_org_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DB extends LedgerTables, IncidentTables, RoadTables, AccountabilityTables, OsintTables, SitesTables, IdempotencyTables, SmsTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  record_releases: RecordReleasesTable;
  notices: NoticesTable;
}

/** The tables whose rows carry a classification, an owner and a releasable-to list. */
export type ShareableTable = 'notices' | LedgerShareableTable | IncidentShareableTable | RoadShareableTable | AccountabilityShareableTable | SitesShareableTable | SmsShareableTable;
