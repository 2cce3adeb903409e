/*
 * The outbox: reports made on this device wait here until the server has
 * them. Every report goes through it, online or not, so there is one path:
 * it is stored first (IndexedDB, under the user's id), then sent; sent again
 * when the connection returns (the online event), on a timer with growing
 * waits, and at start-up. Each item's id is its Idempotency-Key, so a report
 * whose answer was lost is delivered once however often it is sent.
 */
import type { Incident } from '../../../src/shared/incidents.ts';
import { api, ApiError } from '../api/client.ts';
import { run } from './userDb.ts';

export type OutboxKind = 'incident' | 'roadblock' | 'task-status' | 'incident-edit';

/** What an edit made offline started from, and what the server holds now: shown side by side. */
export interface EditConflict {
  theirs: Incident;
}

export interface OutboxItem {
  /** Also the Idempotency-Key sent with it. */
  id: string;
  kind: OutboxKind;
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  /** A line for the list: the report's title or the task's name, as the user wrote it. */
  summary: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: number;
  /** waiting: to send; conflict: an edit the server's newer version stands against; refused: the server said no. */
  state: 'waiting' | 'conflict' | 'refused';
  /** The server's message when it refused, or the last network failure. */
  problem?: string;
  /** For an incident edit: the fields as they were when the edit began. */
  base?: Record<string, unknown>;
  conflict?: EditConflict;
}

const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 5 * 60_000;
const TICK_MS = 3_000;

type Listener = () => void;

interface State {
  userId: string | null;
  items: readonly OutboxItem[];
}

let state: State = { userId: null, items: [] };
const listeners = new Set<Listener>();
let flushing: Promise<void> | null = null;
const sending = new Set<string>();
let timer: ReturnType<typeof setInterval> | null = null;
let onDelivered: (item: OutboxItem, answer: unknown) => void = () => {};

function publish(next: Partial<State>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function outboxState(): State {
  return state;
}

/** Wait before the next try after `attempts` failures: 2 s, 4 s, 8 s… up to 5 min, with jitter so devices do not retry in step. */
export function backoffMs(attempts: number): number {
  const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(wait * (0.8 + Math.random() * 0.4));
}

async function reload(userId: string): Promise<void> {
  const items = await run(userId, 'outbox', 'readonly', (store) => store.getAll() as IDBRequest<OutboxItem[]>);
  if (state.userId === userId) publish({ items: items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
}

async function save(userId: string, item: OutboxItem): Promise<void> {
  await run(userId, 'outbox', 'readwrite', (store) => store.put(item));
  await reload(userId);
}

async function remove(userId: string, id: string): Promise<void> {
  await run(userId, 'outbox', 'readwrite', (store) => store.delete(id));
  await reload(userId);
}

function onlineNow(): void {
  const { userId, items } = state;
  if (!userId) return;
  // The connection is back: everything waiting is due now.
  void Promise.all(items.filter((i) => i.state === 'waiting').map((i) => run(userId, 'outbox', 'readwrite', (s) => s.put({ ...i, nextAttemptAt: 0 }))))
    .then(() => reload(userId))
    .then(() => flush());
}

/** Opens the signed-in user's outbox and starts sending; `delivered` hears of each report the server took. */
export async function startOutbox(userId: string, delivered: (item: OutboxItem, answer: unknown) => void): Promise<void> {
  if (state.userId === userId) return;
  stopOutbox();
  onDelivered = delivered;
  publish({ userId, items: [] });
  await reload(userId);
  window.addEventListener('online', onlineNow);
  timer = setInterval(() => void flush(), TICK_MS);
  await flush();
}

/** Stops sending and forgets the user's items in memory (signing out; the stored ones are deleted elsewhere). */
export function stopOutbox(): void {
  window.removeEventListener('online', onlineNow);
  if (timer) clearInterval(timer);
  timer = null;
  publish({ userId: null, items: [] });
}

export interface NewReport {
  kind: OutboxKind;
  method?: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  summary: string;
  base?: Record<string, unknown>;
}

/** Stores a report on the device and tries to send it at once; resolves to the server's answer, or null if it waits. */
export async function submit(report: NewReport): Promise<{ id: string; answer: unknown } | { id: string; answer: null }> {
  const userId = state.userId;
  if (!userId) throw new Error('the outbox is not open: sign in first');
  const item: OutboxItem = { id: crypto.randomUUID(), method: 'POST', ...report, createdAt: new Date().toISOString(), attempts: 0, nextAttemptAt: 0, state: 'waiting' };
  await save(userId, item);
  const answer = await sendOne(userId, item);
  return { id: item.id, answer: answer === undefined ? null : answer };
}

/** Sends every item that is due, one at a time (order kept: a roadblock before the task that mentions it). */
export function flush(): Promise<void> {
  // The callback of finally runs after this assignment, even when sendDue returns at once.
  flushing ??= sendDue().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendDue(): Promise<void> {
  const userId = state.userId;
  if (!userId || !navigator.onLine) return;
  for (const item of state.items) {
    if (state.userId !== userId) return;
    if (item.state === 'waiting' && item.nextAttemptAt <= Date.now()) await sendOne(userId, item);
  }
}

/** Sends one item; answers the server's reply when delivered, undefined when it still waits or was refused. */
async function sendOne(userId: string, item: OutboxItem): Promise<unknown> {
  // The timer and a new report may reach the same item together: one send is enough.
  if (sending.has(item.id)) return undefined;
  sending.add(item.id);
  try {
    const answer = await api<unknown>(item.path, { method: item.method, body: item.body, headers: { 'idempotency-key': item.id } });
    await remove(userId, item.id);
    onDelivered(item, answer);
    return answer;
  } catch (error) {
    if (state.userId !== userId) return undefined;
    await save(userId, await afterFailure(item, error));
    return undefined;
  } finally {
    sending.delete(item.id);
  }
}

/** What a failed send leaves: waiting longer (no network, server busy), a conflict to resolve, or a refusal to show. */
async function afterFailure(item: OutboxItem, error: unknown): Promise<OutboxItem> {
  const failure = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
  const attempts = item.attempts + 1;
  const transient = failure.status === 0 || failure.status >= 500 || failure.status === 429 || failure.status === 401 || failure.code === 'CSRF_FAILED';
  if (transient) return { ...item, attempts, nextAttemptAt: Date.now() + backoffMs(attempts), problem: failure.message };
  if (item.kind === 'incident-edit' && failure.status === 409) {
    const id = item.path.split('/').pop()!;
    try {
      const theirs = await api<Incident>(`/api/v1/incidents/${id}`);
      return { ...item, attempts, state: 'conflict', conflict: { theirs }, problem: failure.message };
    } catch {
      return { ...item, attempts, nextAttemptAt: Date.now() + backoffMs(attempts), problem: failure.message };
    }
  }
  return { ...item, attempts, state: 'refused', problem: failure.message };
}

/** Drops an item the user gave up on (a refusal read, a conflict settled for the server's version). */
export async function discard(id: string): Promise<void> {
  if (state.userId) await remove(state.userId, id);
}

/** Sends a settled edit again, at the server's version, with the fields the user kept. */
export async function resendEdit(id: string, changes: Record<string, unknown>): Promise<void> {
  const { userId, items } = state;
  const item = items.find((i) => i.id === id);
  if (!userId || !item?.conflict) return;
  const body = { version: item.conflict.theirs.version, changes };
  await save(userId, { ...item, body, state: 'waiting', conflict: undefined, problem: undefined, attempts: 0, nextAttemptAt: 0 });
  await flush();
}
