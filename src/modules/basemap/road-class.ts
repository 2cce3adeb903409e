/** How the basemap draws OpenStreetMap road classes. */
const MAJOR = new Set(['motorway', 'trunk', 'primary', 'secondary', 'motorway_link', 'trunk_link', 'primary_link', 'secondary_link']);
const MINOR = new Set(['tertiary', 'unclassified', 'residential', 'road', 'living_street', 'service', 'tertiary_link']);

/** How the basemap draws a `highway=*` class: major, minor or track. */
export function roadClassOf(highway: string): 'major' | 'minor' | 'track' {
  return MAJOR.has(highway) ? 'major' : MINOR.has(highway) ? 'minor' : 'track';
}
