import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Db } from '../../src/db/index.ts';
import { verifyAuditChain } from '../../src/modules/auth/index.ts';
import type { ReportRun } from './report-clients.ts';

/* What the database must hold after a fault: every write whole or absent, the audit chain intact. */

const COUNTED = [
  'incidents', 'incident_sources', 'incident_actors', 'actors', 'incident_tags', 'incident_history', 'incident_events',
  'incident_labels', 'incident_weekly', 'record_releases', 'audit_log',
] as const;

/** Rows in each table a report or an import writes, and a digest of the incidents' ids, versions and content. */
export async function tableCounts(db: Db): Promise<Record<string, number | string>> {
  const counts: Record<string, number | string> = {};
  for (const table of COUNTED) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  const incidents = await db.selectFrom('incidents').select(['id', 'version', 'title', 'description', 'occurred_at', 'lon', 'lat']).orderBy('id').execute();
  counts.incidentsDigest = createHash('sha256').update(JSON.stringify(incidents)).digest('hex').slice(0, 16);
  return counts;
}

/**
 * Every acknowledged report is present exactly once, under the id the client was given; every
 * incident has its source, its tag, its audit row and its stream event; nothing is written twice
 * or left without the rest of its write; the audit chain verifies.
 */
export async function checkReports(db: Db, run: ReportRun, keys: readonly string[]): Promise<void> {
  const incidents = await db.selectFrom('incidents').select(['id', 'idempotency_key']).execute();
  const byKey = new Map<string, string[]>();
  for (const row of incidents) byKey.set(row.idempotency_key ?? '', [...(byKey.get(row.idempotency_key ?? '') ?? []), row.id]);
  for (const key of keys) {
    const acked = run.acknowledged.get(key);
    assert.ok(acked, `report ${key} was never acknowledged`);
    assert.deepEqual(byKey.get(key), [acked.id], `report ${key}: present exactly once, under the id acknowledged`);
  }
  assert.equal(incidents.length, keys.length, 'no incident beyond the acknowledged ones');

  const perIncident = async (query: Promise<{ id: string; count: number | string | bigint }[]>) => new Map((await query).map((r) => [r.id, Number(r.count)]));
  const sources = await perIncident(db.selectFrom('incident_sources').select((eb) => ['incident_id as id', eb.fn.countAll().as('count')]).groupBy('incident_id').execute());
  const tags = await perIncident(db.selectFrom('incident_tags').select((eb) => ['incident_id as id', eb.fn.countAll().as('count')]).groupBy('incident_id').execute());
  const events = await perIncident(db.selectFrom('incident_events').where('type', '=', 'incident.created').select((eb) => ['incident_id as id', eb.fn.countAll().as('count')]).groupBy('incident_id').execute());
  const audits = await perIncident(
    db.selectFrom('audit_log').where('entity_type', '=', 'incident').where('action', '=', 'create').select((eb) => ['entity_id as id', eb.fn.countAll().as('count')]).groupBy('entity_id').execute() as Promise<{ id: string; count: number }[]>,
  );
  const ids = new Set(incidents.map((i) => i.id));
  for (const [name, counts] of [['source', sources], ['tag', tags], ['stream event', events], ['audit row', audits]] as const) {
    for (const id of ids) assert.equal(counts.get(id), 1, `incident ${id}: ${counts.get(id) ?? 0} ${name}s, expected 1`);
    for (const id of counts.keys()) assert.ok(ids.has(id), `a ${name} of incident ${id}, which does not exist`);
  }
  const verdict = await verifyAuditChain(db);
  assert.ok(verdict.ok, `audit chain: ${JSON.stringify(verdict)}`);
}
