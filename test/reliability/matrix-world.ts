import type { DetentionInput } from '../../src/shared/accountability.ts';
import type { Db } from '../../src/db/index.ts';
import type { Actor } from '../../src/modules/auth/index.ts';
import type { MatrixRecord } from '../../src/modules/auth/releasability.testing.ts';
import { recordDetention } from '../../src/modules/accountability/index.ts';
import { reportIncident } from '../../src/modules/incidents/index.ts';
import { buildIncidentInput } from '../../src/modules/incidents/incidents.testing.ts';
import { createMilestone, createPledge, recordEvent } from '../../src/modules/ledger/index.ts';
import { fundsPledge, milestone, personnelPledge } from '../../src/modules/ledger/ledger.testing.ts';
import { createNotice } from '../../src/modules/notices/index.ts';
import { createArea, createOverride, createRoadblock, importNetwork } from '../../src/modules/roads/index.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ladderCell, LAT0, LON0, STEP } from '../../src/modules/roads/roads.testing.ts';
import { createSharedSites, createSiteRecords, type SharedSites } from './matrix-world-sites.ts';
import { createAcademy, createTrainingRecords, type Academy } from './matrix-world-training.ts';

/*
 * The records of the cross-module releasability matrix. Each label of the harness becomes one
 * "bundle": a record of every kind Konbit shares, all under that label and owner — an incident
 * (a roadblock report, so that routes weigh it), a personnel pledge and a funds pledge with their
 * events, a milestone, a notice, a detention, a roadblock, an override, an area of control, a site
 * with a protection assignment and a task (matrix-world-sites.ts), a course and a trainee
 * (matrix-world-training.ts). The matrix speaks of bundles; each read path maps the ids it sees
 * back to their bundle.
 *
 * Roads: two chains of 60 cells each (see chainFile). In block cell k the roadblock, the
 * roadblock incident and the closure of bundle k sit on the direct road, so one convoy route along
 * the block chain goes round exactly the cells where its requester may see one of them; area cell
 * 60 + k holds the contested area of bundle k, which one patrol route along the area chain crosses
 * and reports.
 */

export const BUNDLES = 60;
export const NETWORK = 'matrix-ladder';
/** The word every incident's title holds, for full-text search. */
export const SEARCH_WORD = 'barikadmatris';

export type Kind =
  | 'incident' | 'personnel' | 'funds' | 'milestone' | 'notice' | 'detention' | 'roadblock' | 'override' | 'area'
  | 'site' | 'assignment' | 'task' | 'course' | 'trainee';

/** The records every bundle is measured against, made once with the first owner. */
export interface SharedRecords extends SharedSites {
  academy: Academy;
}

export class MatrixWorld {
  /** Bundle of each record id, per kind. */
  readonly bundleOf = new Map<Kind, Map<string, string>>();
  /** Record id of each bundle, per kind. */
  readonly idOf = new Map<Kind, Map<string, string>>();
  /** The actor name each bundle's incident names, to map the registry back. */
  readonly actorBundle = new Map<string, string>();
  /** The label and key of each bundle. */
  readonly recordOf = new Map<string, MatrixRecord>();
  #shared: Promise<SharedRecords> | null = null;
  #sharedRecords: SharedRecords | null = null;
  #next = 0;
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** Bundle ids of the records of `kind` among `ids`; an unknown id stays visible as such. */
  bundles(kind: Kind, ids: Iterable<string>): string[] {
    const map = this.bundleOf.get(kind)!;
    return [...ids].map((id) => map.get(id) ?? `unknown ${kind} ${id}`);
  }

  /** Record ids of `kind`, one per bundle. */
  ids(kind: Kind): string[] {
    return [...this.idOf.get(kind)!.values()];
  }

  /** Whether the id is a record of `kind` in the matrix. */
  has(kind: Kind, id: string): boolean {
    return this.bundleOf.get(kind)!.has(id);
  }

  /** Bundles that have no record of `kind` (PUBLIC bundles have no trainee: it was refused). */
  without(kind: Kind): string[] {
    const held = this.idOf.get(kind)!;
    return [...this.recordOf.keys()].filter((bundle) => !held.has(bundle));
  }

  /** The bundle whose key (OWNER:LABEL…) is `key`. */
  bundleOfKey(key: string): string | undefined {
    return [...this.recordOf].find(([, record]) => record.key === key)?.[0];
  }

  /** The shared records, once the first bundle has been created. */
  get shared(): SharedRecords {
    if (!this.#sharedRecords) throw new Error('no bundle created yet');
    return this.#sharedRecords;
  }

  async importChains(): Promise<void> {
    await importNetwork({ db: this.db, actor: null, filePath: chainFile(), name: NETWORK });
  }

  /** Creates the bundle for one label; returns the bundle id (its incident's id). */
  async create(record: MatrixRecord, owner: Actor): Promise<string> {
    const cell = this.#next++;
    const { db } = this;
    const label = labelOf(record);
    const { middle } = ladderCell(cell);
    const actorName = `Baz ${record.key}`;
    const { incident } = await reportIncident({
      db, actor: owner, areas: null,
      input: buildIncidentInput({
        type: 'roadblock', title: `${SEARCH_WORD} ${record.key}`, ...label,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        location: { lon: middle.lon, lat: middle.lat, precision: 'exact', placeName: `Cell ${cell}` },
        counts: { killed: 0, injured: 0, abducted: 0, displaced: record.weight },
        actors: [{ name: actorName, role: 'perpetrator', kind: 'gang' }],
        sources: [{ name: `Source ${record.key}`, reliability: 'B', credibility: 2 }],
      }),
    });
    const bundle = incident.id;
    this.#remember('incident', incident.id, bundle);
    this.actorBundle.set(actorName, bundle);
    this.recordOf.set(bundle, record);

    this.#shared ??= this.#createShared(owner);
    const shared = (this.#sharedRecords = await this.#shared);
    // The other modules' records are independent of each other: written side by side.
    await Promise.all([
      this.#ledger(record, owner, bundle), this.#registers(record, owner, bundle), this.#roads(record, owner, bundle, cell),
      this.#sites(record, owner, bundle, cell, shared), this.#training(record, owner, bundle, cell, shared),
    ]);
    return bundle;
  }

  async #createShared(owner: Actor): Promise<SharedRecords> {
    const [sites, academy] = await Promise.all([createSharedSites(this.db, owner, BUNDLES), createAcademy(this.db, owner)]);
    return { ...sites, academy };
  }

  async #sites(record: MatrixRecord, owner: Actor, bundle: string, cell: number, shared: SharedRecords): Promise<void> {
    const ids = await createSiteRecords(this.db, record, owner, cell, shared);
    this.#remember('site', ids.site, bundle);
    this.#remember('assignment', ids.assignment, bundle);
    this.#remember('task', ids.task, bundle);
  }

  async #training(record: MatrixRecord, owner: Actor, bundle: string, cell: number, shared: SharedRecords): Promise<void> {
    const ids = await createTrainingRecords(this.db, record, owner, cell, shared.academy);
    this.#remember('course', ids.course, bundle);
    if (ids.trainee) this.#remember('trainee', ids.trainee, bundle);
    else this.#ensure('trainee');
  }

  async #ledger(record: MatrixRecord, owner: Actor, bundle: string): Promise<void> {
    const { db } = this;
    const label = labelOf(record);
    const personnel = await createPledge({ db, actor: owner, input: personnelPledge(record.weight, { title: record.key, ...label }) });
    await recordEvent({ db, actor: owner, pledgeId: personnel.id, input: { kind: 'confirmed', occurredOn: '2024-02-01', officers: record.weight } });
    await recordEvent({ db, actor: owner, pledgeId: personnel.id, input: { kind: 'deployed', occurredOn: '2024-03-01', officers: record.weight } });
    this.#remember('personnel', personnel.id, bundle);
    const funds = await createPledge({ db, actor: owner, input: fundsPledge(record.weight, 'USD', { title: record.key, ...label }) });
    await recordEvent({ db, actor: owner, pledgeId: funds.id, input: { kind: 'committed', occurredOn: '2024-02-01', amount: record.weight } });
    await recordEvent({ db, actor: owner, pledgeId: funds.id, input: { kind: 'disbursed', occurredOn: '2024-03-01', amount: record.weight } });
    this.#remember('funds', funds.id, bundle);
    this.#remember('milestone', (await createMilestone({ db, actor: owner, input: milestone({ title: record.key, plannedStart: '2024-01-01', ...label }) })).id, bundle);
  }

  async #registers(record: MatrixRecord, owner: Actor, bundle: string): Promise<void> {
    const { db } = this;
    const label = labelOf(record);
    this.#remember('notice', (await createNotice({ db, actor: owner, input: { title: record.key, ...label } })).id, bundle);
    const detention = await recordDetention({ db, actor: null, ownerOrgId: owner.organisationId, input: detentionInput(record.key, label) });
    this.#remember('detention', detention.id, bundle);
  }

  async #roads(record: MatrixRecord, owner: Actor, bundle: string, cell: number): Promise<void> {
    const { db } = this;
    const label = labelOf(record);
    const { middle, a, b } = ladderCell(cell);
    const block = await createRoadblock({ db, actor: owner, input: { ...middle, description: record.key, ...label } });
    this.#remember('roadblock', block.id, bundle);
    const line = { type: 'LineString' as const, coordinates: [[a.lon, a.lat], [b.lon, b.lat]] };
    this.#remember('override', (await createOverride({ db, actor: owner, input: { network: NETWORK, action: 'closed', reason: record.key, line, ...label } })).id, bundle);
    const x = 5 * (BUNDLES + cell);
    const ring = [[x + 0.8, -0.2], [x + 1.2, -0.2], [x + 1.2, 0.2], [x + 0.8, 0.2], [x + 0.8, -0.2]].map(([px, py]) => [LON0 + px! * STEP, LAT0 + py! * STEP]);
    const area = await createArea({
      db, actor: owner,
      input: { name: record.key, level: 'contested', geometry: { type: 'Polygon', coordinates: [ring] }, validFrom: '2025-01-01T00:00:00Z', ...label },
    });
    this.#remember('area', area.id, bundle);
  }

  #ensure(kind: Kind): void {
    if (!this.bundleOf.has(kind)) {
      this.bundleOf.set(kind, new Map());
      this.idOf.set(kind, new Map());
    }
  }

  #remember(kind: Kind, id: string, bundle: string): void {
    this.#ensure(kind);
    this.bundleOf.get(kind)!.set(id, bundle);
    this.idOf.get(kind)!.set(bundle, id);
  }
}

const labelOf = (record: MatrixRecord) => ({ classification: record.classification, releasableTo: record.releasableTo });

/** The start and end of the block chain (which: 0) or of the area chain (which: 1). */
export function chainEnds(which: 0 | 1): { from: { lat: number; lon: number }; to: { lat: number; lon: number } } {
  return { from: ladderCell(which * BUNDLES).a, to: ladderCell((which + 1) * BUNDLES - 1).b };
}

/**
 * Cells as in the roads module's ladder (a direct road from A to B through M, a longer detour up
 * and round), but each B linked to the next cell's A, in two chains of BUNDLES cells: a single
 * route along a chain meets every cell of it.
 */
function chainFile(): string {
  const at = (x: number, y: number) => [LON0 + x * STEP, LAT0 + y * STEP];
  const road = (name: string, points: number[][]) => ({ type: 'Feature', properties: { highway: 'residential', name }, geometry: { type: 'LineString', coordinates: points } });
  const features = [];
  for (let k = 0; k < 2 * BUNDLES; k++) {
    const x = 5 * k;
    features.push(road(`Direct ${k}`, [at(x, 0), at(x + 1, 0), at(x + 2, 0)]));
    features.push(road(`Detour ${k}`, [at(x, 0), at(x, 1), at(x + 2, 1), at(x + 2, 0)]));
    if ((k + 1) % BUNDLES !== 0) features.push(road(`Link ${k}`, [at(x + 2, 0), at(x + 5, 0)]));
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'konbit-matrix-')), 'chains.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

function detentionInput(key: string, label: Pick<DetentionInput, 'classification' | 'releasableTo'>): DetentionInput {
  return {
    unit: key,
    detainedAt: new Date(Date.now() - 7_200_000).toISOString(),
    place: 'Carrefour Aéroport',
    point: { lat: 18.58, lon: -72.29 },
    grounds: 'caught_in_act',
    legalBasis: 'Held for handover to the HNP',
    condition: 'unharmed',
    person: { name: `Person ${key}`, sex: 'male', age: '30', description: '', identityDocument: '' },
    identityReleasableTo: [],
    ...label,
  };
}
