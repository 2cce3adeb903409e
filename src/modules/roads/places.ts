// Where a route starts or ends: coordinates as given, or a site of the sites module found by id or
// by its name (case and accents aside) among the sites the requester may see (a site they may not see is "not found",
// as an absent one). The sites module is reached at call time, through its front door: it reads the
// areas of control from this module, and a static import both ways would tie their loading order.

import { AppError } from '../../shared/errors.ts';
import type { LatLon, Place } from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';

export interface ResolvedPlace extends LatLon {
  site: { id: string; name: string } | null;
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The coordinates of a place; a site is taken at its centroid. */
export async function resolvePlace(db: Db, viewer: Viewer, place: Place, role: string): Promise<ResolvedPlace> {
  if ('lat' in place) return { lat: place.lat, lon: place.lon, site: null };
  const sites = await import('../sites/index.ts');
  const byId = await sites.getSite({ db, viewer, id: place.site }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'NOT_FOUND') return null;
    throw error;
  });
  const found = byId ? [byId] : (await sites.listSites({ db, viewer, query: { limit: 5000 } })).filter((s) => fold(s.name) === fold(place.site));
  if (found.length === 0) throw new AppError('NOT_FOUND', `no site named or numbered "${place.site}" for the ${role}: give its id, its exact name, or coordinates`);
  if (found.length > 1) {
    throw new AppError('BAD_REQUEST', `${found.length} sites are named "${place.site}": give the ${role}'s site by id (${found.slice(0, 5).map((s) => s.id).join(', ')})`);
  }
  const site = found[0]!;
  return { lat: site.centroid.lat, lon: site.centroid.lon, site: { id: site.id, name: site.name } };
}
