import type { Basemap } from './basemap.service.ts';

/*
 * The names of departments and communes, for the map's admin-area filter: a few kilobytes read
 * from the boundaries Konbit already keeps, rather than the boundaries themselves (about a
 * megabyte of geometry the filter would download and parse only for their names).
 */

export interface AdminAreaName {
  pcode: string;
  names: { en: string; fr: string; ht: string };
}

export interface DepartmentNames extends AdminAreaName {
  communes: AdminAreaName[];
}

type Properties = Record<string, string | undefined>;

const nameOf = (p: Properties): AdminAreaName => ({ pcode: p.pcode ?? '', names: { en: p.name_en ?? '', fr: p.name_fr ?? '', ht: p.name_ht ?? '' } });
const byFrenchName = (a: AdminAreaName, b: AdminAreaName) => a.names.fr.localeCompare(b.names.fr, 'fr');

async function propertiesOf(basemap: Basemap, layer: 'adm1' | 'adm2'): Promise<Properties[]> {
  const body = JSON.parse((await basemap.load(layer)).json.toString('utf8')) as { features: { properties: Properties }[] };
  return body.features.map((f) => f.properties);
}

/** Departments with their communes, each sorted by French name; throws NOT_FOUND when a boundary dataset is missing. */
export async function departmentNames(basemap: Basemap): Promise<DepartmentNames[]> {
  const [adm1, adm2] = await Promise.all([propertiesOf(basemap, 'adm1'), propertiesOf(basemap, 'adm2')]);
  const departments = adm1.map((p) => ({ ...nameOf(p), communes: [] as AdminAreaName[] }));
  const byCode = new Map(departments.map((d) => [d.pcode, d]));
  for (const p of adm2) byCode.get(p.adm1 ?? '')?.communes.push(nameOf(p));
  for (const d of departments) d.communes.sort(byFrenchName);
  return departments.sort(byFrenchName);
}
