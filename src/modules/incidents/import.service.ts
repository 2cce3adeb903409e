import { createHash } from 'node:crypto';
import type { ImportMode, ImportResult, ImportRow } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { adminAreasIn, type AdminAreaLookup } from './admin-areas.ts';
import * as bulk from './bulk.repo.ts';
import { lockEventWriters } from './events.repo.ts';
import { sameIncident, validRow } from './import.check.ts';
import { newIncidentRows, type ValidRow } from './import.rows.ts';
import * as repo from './incidents.repo.ts';
import { assertMayEdit, assertMayReport } from './incidents.policy.ts';
import { inputOf } from './incidents.service.ts';
import { presentIncident, type IncidentRecord } from './present.ts';
import { streamBus } from './stream/bus.ts';
import { affectedBy, applyToSummary, contributionsOf, recordsOf, type Contribution } from './summary.ts';
import { contentColumns, detailRows, historyRow, mergeDetails, recordsById, resolveActors, writeEvents, type ActorRef } from './write.ts';

/*
 * Bulk import for the format readers (ACLED, Ushahidi, CoT, GeoJSON, HXL).
 * Rows stream in; each is validated like a report; incidents are upserted by
 * their external (system, id), so importing a file twice creates nothing new.
 * Everything is one transaction, written in batches; all-or-nothing rolls it
 * back when any row is rejected, commit-valid commits the good rows and
 * returns the rejected ones.
 */

/** Rows per batch: large enough that the per-batch lookups and statements cost little per row, small enough to hold in memory. */
export const IMPORT_BATCH_ROWS = 2000;

export interface ImportIncidentsProps {
  db: Db;
  actor: Actor;
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>;
  mode: ImportMode;
  /** Admin-area index; by default the one of the process's datasets folder. */
  areas?: AdminAreaLookup | null;
}

class RolledBack extends Error {}

export async function importIncidents({ db, actor, rows, mode, areas: givenAreas }: ImportIncidentsProps): Promise<ImportResult> {
  assertMayReport(actor);
  const areas = givenAreas === undefined ? await adminAreasIn() : givenAreas;
  const result: ImportResult = { created: 0, updated: 0, rejected: [] };
  try {
    await db.transaction().execute(async (trx) => {
      const all = await repo.allOrganisations(trx);
      const organisations = new Map(all.map((o) => [o.code, o.id]));
      const importer = new Importer(trx, actor, areas, result, new Map(all.map((o) => [o.id, o.code])));
      let batch: ValidRow[] = [];
      const keys = new Set<string>();
      const nowMs = Date.now();
      // One batch is written while the next is read: on PostgreSQL the server works on the one
      // while this process parses the other. Batches are still written one after the other.
      let writing: Promise<void> = Promise.resolve();
      const startWriting = async (rowsToWrite: ValidRow[]) => {
        await writing;
        writing = importer.write(rowsToWrite);
        // Handled here, thrown where it is awaited: a failed write must not crash the process meanwhile.
        writing.catch(() => {});
      };
      try {
        for await (const row of rows) {
          const valid = validRow(row, organisations, nowMs, result.rejected);
          if (!valid || (mode === 'all-or-nothing' && result.rejected.length > 0)) continue;
          const key = valid.input.external ? `${valid.input.external.system}\u0000${valid.input.external.id}` : null;
          // The same external id twice in one batch: the second must update what the first created.
          if (batch.length >= IMPORT_BATCH_ROWS || (key && keys.has(key))) {
            await startWriting(batch);
            batch = [];
            keys.clear();
          }
          batch.push(valid);
          if (key) keys.add(key);
        }
      } catch (error) {
        await writing.catch(() => {});
        throw error;
      }
      await writing;
      if (mode === 'all-or-nothing' && result.rejected.length > 0) throw new RolledBack();
      await importer.write(batch);
      await importer.finish();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    return { created: 0, updated: 0, rejected: result.rejected.sort((a, b) => a.line - b.line) };
  }
  if (result.created + result.updated > 0) streamBus.wake();
  // Rows are refused while reading and while writing, which overlap: report them in file order.
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}

/** Writes batches inside the import's transaction, with their stream events; the audit row comes last. */
class Importer {
  readonly #created: string[] = [];
  readonly #updated: string[] = [];
  readonly #now = new Date().toISOString();
  readonly #trx: Db;
  readonly #actor: Actor;
  readonly #areas: AdminAreaLookup | null;
  readonly #result: ImportResult;
  readonly #codes: ReadonlyMap<string, string>;

  constructor(trx: Db, actor: Actor, areas: AdminAreaLookup | null, result: ImportResult, codesById: ReadonlyMap<string, string>) {
    this.#trx = trx;
    this.#actor = actor;
    this.#areas = areas;
    this.#result = result;
    this.#codes = codesById;
  }

  async write(batch: readonly ValidRow[]): Promise<void> {
    if (batch.length === 0) return;
    const trx = this.#trx;
    const existing = new Map<string, repo.ExternalMatch>();
    const bySystem = new Map<string, string[]>();
    for (const { input } of batch) {
      if (!input.external) continue;
      const list = bySystem.get(input.external.system) ?? [];
      list.push(input.external.id);
      bySystem.set(input.external.system, list);
    }
    for (const [system, externalIds] of bySystem) {
      for (const [externalId, found] of await repo.findByExternalIds(trx, system, externalIds)) existing.set(`${system}\u0000${externalId}`, found);
    }
    const actors = await resolveActors(trx, batch.flatMap((v) => v.input.actors), this.#now);
    const inserts: ValidRow[] = [];
    const updates: (ValidRow & { target: repo.ExternalMatch })[] = [];
    for (const valid of batch) {
      const target = valid.input.external ? existing.get(`${valid.input.external.system}\u0000${valid.input.external.id}`) : undefined;
      if (!target) {
        inserts.push(valid);
        continue;
      }
      try {
        assertMayEdit(this.#actor, target);
      } catch {
        this.#result.rejected.push({ line: valid.line, column: 'external', value: valid.input.external!.id, reason: 'an incident with this external id exists and you may not edit it' });
        continue;
      }
      updates.push({ ...valid, target });
    }
    const created = await this.#insert(inserts, actors);
    const updated = await this.#update(updates, actors);
    await applyToSummary(trx, updated.before, [...(await contributionsOf(trx, created)), ...updated.after]);
  }

  /** New incidents, a few multi-row statements per table; their stream events are written here too. */
  async #insert(rows: readonly ValidRow[], actors: ReadonlyMap<string, ActorRef>): Promise<IncidentRecord[]> {
    if (rows.length === 0) return [];
    const trx = this.#trx;
    const written = newIncidentRows(rows, { actor: this.#actor, areas: this.#areas, now: this.#now, actors, codes: this.#codes });
    await bulk.insertIncidentRows(trx, written.incidents);
    await bulk.insertRows(trx, bulk.SOURCES, written.sources);
    await bulk.insertRows(trx, bulk.ACTOR_LINKS, written.actorLinks);
    await bulk.insertRows(trx, bulk.TAGS, written.tags);
    await bulk.insertRows(trx, bulk.RELEASES, written.releases);
    // The event writers' lock first, as writeEvents takes it: sequence numbers follow commit order.
    await lockEventWriters(trx);
    await bulk.insertRows(trx, bulk.EVENTS, written.events);
    for (const record of written.records) this.#created.push(record.row.id);
    this.#result.created += rows.length;
    return written.records;
  }

  /** Incidents imported before: rewritten where the row changed them, with history and events. */
  async #update(rows: readonly (ValidRow & { target: { id: string; version: number } })[], actors: ReadonlyMap<string, ActorRef>): Promise<{ before: Contribution[]; after: Contribution[] }> {
    const nothing = { before: [], after: [] };
    if (rows.length === 0) return nothing;
    const trx = this.#trx;
    this.#result.updated += rows.length;
    const before = await recordsById(trx, rows.map((r) => r.target.id));
    // A file imported again (ACLED exports are cumulative) changes nothing: no new version, no history.
    const changed = rows.filter((valid) => !sameIncident(inputOf(before.get(valid.target.id)!), valid.input));
    if (changed.length === 0) return nothing;
    const ids = changed.map((r) => r.target.id);
    const affected = await affectedBy(trx, ids);
    const contributedBefore = await contributionsOf(trx, await recordsOf(trx, affected));
    for (const valid of changed) {
      await repo.updateIfVersion(trx, valid.target.id, valid.target.version, { ...contentColumns(valid.input, { areas: this.#areas, now: this.#now }), version: valid.target.version + 1 });
    }
    await repo.deleteDetails(trx, ids);
    await repo.deleteReleases(trx, ids);
    await repo.insertDetails(trx, mergeDetails(changed.map((valid) => detailRows(valid.target.id, valid.input, actors))));
    await repo.insertReleases(trx, changed.flatMap((valid) => valid.releaseIds.map((organisation_id) => ({ record_id: valid.target.id, organisation_id }))));
    const after = await recordsById(trx, ids);
    await writeEvents(trx, ids.map((id) => ({ type: 'incident.updated' as const, record: after.get(id)! })), this.#now);
    await repo.insertHistory(
      trx,
      ids.map((id) => historyRow(presentIncident(before.get(id)!), presentIncident(after.get(id)!), 'import', this.#actor, this.#now)),
    );
    this.#updated.push(...ids);
    return {
      before: contributedBefore,
      after: await contributionsOf(trx, await recordsOf(trx, affected)),
    };
  }

  /** One audit row for the whole import. */
  async finish(): Promise<void> {
    if (this.#created.length + this.#updated.length === 0) return;
    const digest = createHash('sha256').update([...this.#created, '|', ...this.#updated].join('\n')).digest('hex');
    await appendAudit(this.#trx, {
      actor: this.#actor,
      action: 'import',
      entityType: 'incident',
      entityId: null,
      details: { created: this.#created.length, updated: this.#result.updated, changed: this.#updated.length, rejected: this.#result.rejected.length, idsSha256: digest },
    });
  }
}
