import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { TaskInput, TaskListQuery, TaskStatusChange, TASK_TRANSITIONS, type GeoFeatureCollection, type Task, type TaskStatus } from '../../shared/sites.ts';
import type { Db } from '../../db/index.ts';
import type { PatrolTasksTable } from '../../db/tables/sites.ts';
import { appendAudit, organisationIdsForCodes, releasableToCodes, type Actor, type Viewer } from '../auth/index.ts';
import { runOnce } from '../idempotency/index.ts';
import { checkLine, checkSiteGeometry } from './geometry.ts';
import { assertMayChange, assertMayTask, viewerOf } from './sites.policy.ts';
import { findSiteForWriter, ownerOf, writeReleases } from './sites.service.ts';
import * as repo from './tasks.repo.ts';

/*
 * Patrol tasking: a commander gives a unit a task — patrol a route or an
 * area, escort a convoy, guard a site — for a time window; the task moves
 * from planned to under way to done (or is aborted) and ends with a short
 * after-action note. Tasks are drawn on the map and counted in the
 * situation report.
 */

const iso = (value: string) => new Date(value).toISOString();

/** The task's own geometry as its kind requires: a line, an area, or none (a guard task uses its site's). */
function geometryFor(input: ReturnType<typeof TaskInput.parse>): string | null {
  switch (input.kind) {
    case 'guard_site':
      if (!input.siteId) throw new AppError('VALIDATION_FAILED', 'invalid input: siteId: a guard task names the site to guard', [{ path: 'siteId', message: 'required for guard_site' }]);
      if (input.geometry) throw new AppError('INVALID_GEOMETRY', 'a guard task takes the site’s geometry: leave geometry out', [{ path: 'geometry', message: 'not allowed for guard_site' }]);
      return null;
    case 'patrol_route':
    case 'escort_convoy':
      return JSON.stringify(checkLine(input.geometry, input.kind === 'patrol_route' ? 'the patrol route' : 'the convoy route'));
    case 'patrol_area': {
      const type = input.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        throw new AppError('INVALID_GEOMETRY', `an area patrol needs the area: a GeoJSON Polygon or MultiPolygon${type ? `, not a ${type}` : ''}`, [{ path: 'geometry', message: 'a Polygon or MultiPolygon' }]);
      }
      return JSON.stringify(checkSiteGeometry(input.geometry, 'the patrol area').geometry);
    }
  }
}

function present(rows: readonly repo.TaskRow[], lists: ReadonlyMap<string, string[]>): Task[] {
  return rows.map((row) => {
    const geometry = row.geometry ?? row.site_geometry;
    return {
      id: row.id, kind: row.kind as Task['kind'], title: row.title, unit: { organisation: row.unit_org_code, name: row.unit_name },
      site: row.site_id && row.site_name !== null ? { id: row.site_id, name: row.site_name } : null,
      geometry: geometry ? (JSON.parse(geometry) as Task['geometry']) : null, startsAt: row.starts_at, endsAt: row.ends_at, status: row.status as TaskStatus,
      startedAt: row.started_at, finishedAt: row.finished_at, afterAction: row.after_action, notes: row.notes,
      classification: row.classification as Task['classification'], owner: row.owner_code, releasableTo: lists.get(row.id) ?? [],
      version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
    };
  });
}

async function presentRows(db: Db, rows: readonly repo.TaskRow[]): Promise<Task[]> {
  return present(rows, rows.length === 0 ? new Map() : await releasableToCodes(db, 'patrol_tasks', rows.map((r) => r.id)));
}

export interface CreateTaskProps {
  db: Db;
  actor: Actor | null;
  input: TaskInput;
  ownerCode?: string | undefined;
}

export async function createTask({ db, actor, input, ownerCode }: CreateTaskProps): Promise<Task> {
  const parsed = TaskInput.parse(input);
  const startsAt = iso(parsed.startsAt);
  const endsAt = iso(parsed.endsAt);
  if (endsAt <= startsAt) throw new AppError('VALIDATION_FAILED', `invalid input: endsAt: the task ends (${parsed.endsAt}) before it starts (${parsed.startsAt})`, [{ path: 'endsAt', message: 'not after startsAt' }]);
  const geometry = geometryFor(parsed);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const id = await db.transaction().execute(async (trx) => {
    const site = parsed.siteId ? await findSiteForWriter(trx, actor, parsed.siteId) : null;
    const [unitOrgId] = await organisationIdsForCodes(trx, [parsed.unit.organisation], 'unit.organisation');
    await assertMayTask(trx, actor, unitOrgId!, parsed.unit.organisation);
    const now = new Date().toISOString();
    const row: PatrolTasksTable = {
      id: randomUUID(), kind: parsed.kind, title: parsed.title, unit_org_id: unitOrgId!, unit_name: parsed.unit.name.replace(/\s+/g, ' '), site_id: site?.id ?? null,
      geometry, starts_at: startsAt, ends_at: endsAt, status: 'planned', started_at: null, finished_at: null, after_action: '', notes: parsed.notes, version: 1,
      classification: parsed.classification, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now,
    };
    await repo.insert(trx, row);
    await writeReleases(trx, 'patrol_tasks', row.id, parsed.classification, parsed.releasableTo);
    await appendAudit(trx, { actor, action: 'create', entityType: 'patrol_task', entityId: row.id, details: { kind: row.kind, title: row.title, unit: parsed.unit, siteId: row.site_id, startsAt, endsAt } });
    return row.id;
  });
  return getTask({ db, viewer: viewerOf(actor, ownerId), id });
}

export interface ChangeTaskStatusProps {
  db: Db;
  actor: Actor | null;
  id: string;
  change: TaskStatusChange;
  /** When the change happened (default now): a task reported done after the fact. */
  at?: string;
  /** The client's Idempotency-Key: a retry with the same key changes nothing and gets the first answer. */
  idempotencyKey?: string | undefined;
}

/** Moves a task on (planned → under way → done, or aborted), with its after-action note. */
export async function changeTaskStatus(props: ChangeTaskStatusProps): Promise<Task> {
  return (await changeTaskStatusOnce(props)).task;
}

/** Moves a task on once per idempotency key; `replayed` when the key had been seen. */
export async function changeTaskStatusOnce({ db, actor, id, change, at, idempotencyKey }: ChangeTaskStatusProps): Promise<{ task: Task; replayed: boolean }> {
  const parsed = TaskStatusChange.parse(change);
  const once = { db, userId: actor?.userId, key: idempotencyKey, operation: 'task.status', request: { id, change: parsed, at: at ?? null }, statusCode: 200 };
  const { value, replayed } = await runOnce(once, async (trx) => {
    const before = actor ? await repo.findVisible(trx, actor, id) : await repo.findAny(trx, id);
    if (!before) throw notFound('task');
    assertMayChange(actor, before, 'task');
    if (before.version !== parsed.version) throw new AppError('CONFLICT', `the task was changed by someone else (it is now at version ${before.version}): reload it and make your change again`);
    const from = before.status as TaskStatus;
    if (!TASK_TRANSITIONS[from].includes(parsed.status)) {
      const allowed = TASK_TRANSITIONS[from];
      throw new AppError('CONFLICT', `a task that is ${from.replace('_', ' ')} cannot become ${parsed.status.replace('_', ' ')}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ': it is final'}`);
    }
    if (parsed.status === 'aborted' && !parsed.afterAction) {
      throw new AppError('VALIDATION_FAILED', 'invalid input: afterAction: say in a short after-action note why the task was aborted', [{ path: 'afterAction', message: 'required to abort' }]);
    }
    const now = iso(at ?? new Date().toISOString());
    const changes: Partial<PatrolTasksTable> = { status: parsed.status, version: before.version + 1, updated_at: new Date().toISOString() };
    if (parsed.status === 'under_way') changes.started_at = now;
    if (parsed.status === 'done' || parsed.status === 'aborted') changes.finished_at = now;
    if (parsed.afterAction !== undefined) changes.after_action = parsed.afterAction;
    await repo.update(trx, id, changes);
    await appendAudit(trx, { actor, action: `status:${parsed.status}`, entityType: 'patrol_task', entityId: id, details: { from, to: parsed.status, afterAction: parsed.afterAction ?? null } });
    return getTask({ db: trx, viewer: viewerOf(actor, before.owner_org_id), id });
  });
  return { task: value, replayed };
}

export async function getTask({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Task> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('task');
  return (await presentRows(db, [row]))[0]!;
}

async function filterOf(db: Db, query: TaskListQuery): Promise<repo.TaskFilter> {
  const parsed = TaskListQuery.parse(query);
  if (parsed.from && parsed.to && parsed.to <= parsed.from) throw new AppError('VALIDATION_FAILED', `invalid input: to: ${parsed.to} is not after from (${parsed.from})`, [{ path: 'to', message: 'not after from' }]);
  const unitOrgId = parsed.unitOrganisation ? (await organisationIdsForCodes(db, [parsed.unitOrganisation], 'unitOrganisation'))[0] : undefined;
  return { status: parsed.status, kind: parsed.kind, unitOrgId, siteId: parsed.siteId, from: parsed.from && iso(parsed.from), to: parsed.to && iso(parsed.to), limit: parsed.limit };
}

export async function listTasks({ db, viewer, query = {} }: { db: Db; viewer: Viewer; query?: TaskListQuery }): Promise<Task[]> {
  return presentRows(db, await repo.listVisible(db, viewer, await filterOf(db, query)));
}

export async function countTasks({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countVisible(db, viewer);
}

/** The map layer of tasks: lines, areas and guarded sites, with what the map colours and labels. */
export async function tasksGeoJson({ db, viewer, query = {} }: { db: Db; viewer: Viewer; query?: TaskListQuery }): Promise<GeoFeatureCollection> {
  const tasks = await listTasks({ db, viewer, query });
  return {
    type: 'FeatureCollection',
    features: tasks.filter((t) => t.geometry !== null).map((t) => ({
      type: 'Feature' as const, id: t.id, geometry: t.geometry,
      properties: { id: t.id, kind: t.kind, title: t.title, status: t.status, unit: `${t.unit.name} (${t.unit.organisation})`, siteId: t.site?.id ?? null, siteName: t.site?.name ?? null, startsAt: t.startsAt, endsAt: t.endsAt, classification: t.classification },
    })),
    attribution: [],
  };
}
