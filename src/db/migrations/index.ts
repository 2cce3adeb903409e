import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './0001_foundation.ts';
import * as ledger from './0002_ledger.ts';
import * as incidents from './0003_incidents.ts';
import * as roads from './0004_roads.ts';
import * as accountability from './0005_accountability.ts';
import * as osint from './0006_osint.ts';
import * as sites from './0007_sites.ts';
import * as sms from './0008_sms.ts';
import * as idempotency from './0009_idempotency.ts';
import * as incidentSearchWords from './0010_incident_search_words.ts';

/** Every migration, in order. Names sort; new ones go at the end. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_ledger': ledger,
  '0003_incidents': incidents,
  '0004_roads': roads,
  '0005_accountability': accountability,
  '0006_osint': osint,
  '0007_sites': sites,
  '0008_sms': sms,
  '0009_idempotency': idempotency,
  '0010_incident_search_words': incidentSearchWords,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!;
