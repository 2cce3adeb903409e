import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { AreaInput, type Area } from '../../shared/roads.ts';
import type { Classification } from '../../shared/access.ts';
import type { Db } from '../../db/index.ts';
import type { Actor, Viewer } from '../auth/index.ts';
import { checkedPolygon, insertArea, listAreas } from './areas.service.ts';
import { isoTime, ownerOf } from './labels.ts';

/*
 * Areas of control as GeoJSON: the map layer and export (one Feature per area, its fields as
 * properties), and the import of such a FeatureCollection — all features or none.
 */

export interface AreaFeatureCollection {
  type: 'FeatureCollection';
  asOf: string | null;
  features: { type: 'Feature'; id: string; geometry: Area['geometry']; properties: Omit<Area, 'geometry' | 'repairs'> }[];
}

/** The areas in force at `asOf` (default now) as a FeatureCollection; `all` gives every area instead. */
export async function areasGeoJson({ db, viewer, asOf, all = false }: { db: Db; viewer: Viewer; asOf?: string | undefined; all?: boolean }): Promise<AreaFeatureCollection> {
  const at = all ? undefined : isoTime(asOf ?? Date.now());
  const areas = await listAreas({ db, viewer, asOf: at, limit: 10_000 });
  return {
    type: 'FeatureCollection',
    asOf: at ?? null,
    features: areas.map(({ geometry, repairs: _repairs, ...properties }) => ({ type: 'Feature', id: properties.id, geometry, properties })),
  };
}

const ImportedProperties = AreaInput.pick({ name: true, group: true, level: true, confidence: true, source: true, validFrom: true, validTo: true, illustrative: true })
  .extend({ classification: AreaInput.shape.classification.optional(), releasableTo: AreaInput.shape.releasableTo.optional() });

const Collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).min(1).max(5000) });

export interface ImportAreasProps {
  db: Db;
  actor: Actor | null;
  /** A parsed GeoJSON FeatureCollection. */
  collection: unknown;
  /** Label of features whose properties give none. */
  classification: Classification;
  releasableTo?: string[];
  /** The owner when the system imports (actor null). */
  ownerCode?: string;
}

/** One feature's problem, numbered from 0 as in the file. */
interface FeatureProblem { feature: number; reason: string }

/**
 * Imports a FeatureCollection of areas (properties: name, group, level, confidence, source,
 * validFrom, validTo, classification, releasableTo; others, such as an export's id, are ignored).
 * Every feature is checked first; one bad feature refuses the whole file and nothing is written.
 */
export async function importAreas({ db, actor, collection, classification, releasableTo = [], ownerCode }: ImportAreasProps): Promise<{ created: number; repaired: { feature: number; repairs: string[] }[] }> {
  const parsed = Collection.safeParse(collection);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'expected a GeoJSON FeatureCollection with 1 to 5,000 features');
  const problems: FeatureProblem[] = [];
  const ready: { input: ReturnType<typeof AreaInput.parse>; polygon: ReturnType<typeof checkedPolygon> }[] = [];
  parsed.data.features.forEach((raw, feature) => {
    const { geometry, properties } = (raw ?? {}) as { geometry?: unknown; properties?: Record<string, unknown> | null };
    const known = Object.fromEntries(Object.entries(properties ?? {}).filter(([key]) => key in ImportedProperties.shape));
    const fields = ImportedProperties.safeParse(known);
    if (!fields.success) return problems.push({ feature, reason: fields.error.issues.map((i) => `${i.path.join('.') || 'properties'}: ${i.message}`).join('; ') });
    try {
      const polygon = checkedPolygon(geometry, `feature ${feature}`);
      const input = AreaInput.parse({ ...fields.data, classification: fields.data.classification ?? classification, releasableTo: fields.data.releasableTo ?? releasableTo, geometry });
      ready.push({ input, polygon });
    } catch (error) {
      problems.push({ feature, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${problems.length} of ${parsed.data.features.length} features were refused, so nothing was imported: ${problems.slice(0, 3).map((p) => `feature ${p.feature}: ${p.reason}`).join('; ')}`, { problems });
  }
  const ownerId = await ownerOf(db, actor, ownerCode);
  await db.transaction().execute(async (trx) => {
    for (const { input, polygon } of ready) await insertArea(trx, actor, ownerId, input, polygon);
  });
  return { created: ready.length, repaired: ready.map((r, feature) => ({ feature, repairs: r.polygon.repairs })).filter((r) => r.repairs.length > 0) };
}
