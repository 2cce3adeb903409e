/*
 * The map's style, drawn only from Konbit's own data: no tile server, no
 * glyphs, no sprites fetched from anywhere. Text on the map (cluster counts,
 * details) is HTML, so no font files are needed.
 */
import type { AddLayerObject, ExpressionSpecification, StyleSpecification } from './maplibre.ts';
import { INCIDENT_TYPES, type IncidentType } from '../../../src/shared/incidents.ts';

/** The credits of the data the map draws, shown in the map's footer. */
export const ATTRIBUTION = '© OpenStreetMap contributors; OCHA, CNIGS; MSPP via HDX; OurAirports; IPC';

export const PORT_AU_PRINCE = { center: [-72.3, 18.56] as [number, number], zoom: 10.5 };
export const HAITI_BOUNDS: [[number, number], [number, number]] = [[-74.6, 17.9], [-71.5, 20.2]];

/** A colour per incident type, distinct enough on the pale basemap. */
export const TYPE_COLOURS: Readonly<Record<IncidentType, string>> = {
  kidnapping: '#8e24aa',
  killing: '#b71c1c',
  armed_clash: '#e53935',
  attack_on_police: '#1e3a8a',
  looting: '#ef6c00',
  arson: '#f4511e',
  sexual_violence: '#ad1457',
  organ_trafficking: '#4a148c',
  roadblock: '#6d4c41',
  attack_on_infrastructure: '#37474f',
  displacement: '#00897b',
  protest: '#fbc02d',
  other: '#757575',
};

export const typeColourExpression: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...Object.entries(TYPE_COLOURS).flatMap(([type, colour]) => [type, colour]),
  TYPE_COLOURS.other,
] as unknown as ExpressionSpecification;

// Checked at build time: every type of the shared vocabulary has a colour.
void (INCIDENT_TYPES satisfies Record<keyof typeof TYPE_COLOURS, unknown>);

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#cfe0ea' } }],
  };
}

export type BasemapLayerName = 'adm1' | 'adm2' | 'adm3' | 'roads';

/** Communal sections are drawn from this zoom on. */
export const ADM3_MINZOOM = 11.5;
/** Minor roads are drawn from this zoom on (the server's tiles hold them from there). */
export const MINOR_ROADS_MINZOOM = 11;

/** The vector source of the basemap: one tile holds every layer (`source-layer` is the layer's name). */
export const BASEMAP_SOURCE = 'basemap';

/** The drawing layers of one basemap layer, below the incidents. */
export function basemapLayers(name: BasemapLayerName): AddLayerObject[] {
  const source = BASEMAP_SOURCE;
  const on = { source, 'source-layer': name };
  switch (name) {
    case 'adm1':
      return [
        { id: 'adm1-fill', type: 'fill', ...on, paint: { 'fill-color': '#f4f1ea' } },
        { id: 'adm1-line', type: 'line', ...on, paint: { 'line-color': '#8a8275', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1, 12, 2.5] } },
      ];
    case 'adm2':
      // Solid, told from the departments' lines by its colour and width: a dashed line needs a
      // shader of its own, compiled and drawn at the first view, and on a software renderer
      // (SwiftShader) that cost about 0.1 s of the GPU process and 0.1-0.2 s to the map idle.
      return [{ id: 'adm2-line', type: 'line', ...on, minzoom: 7.5, paint: { 'line-color': '#a59d90', 'line-width': 1 } }];
    case 'adm3':
      return [{ id: 'adm3-line', type: 'line', ...on, minzoom: ADM3_MINZOOM, paint: { 'line-color': '#c8c0b3', 'line-width': 0.6 } }];
    case 'roads':
      return [
        {
          id: 'roads-minor',
          type: 'line',
          ...on,
          minzoom: MINOR_ROADS_MINZOOM,
          filter: ['!=', ['get', 'class'], 'major'],
          paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 14, 3], 'line-opacity': 0.9 },
        },
        {
          id: 'roads-major',
          type: 'line',
          ...on,
          filter: ['==', ['get', 'class'], 'major'],
          paint: { 'line-color': '#f2b35b', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 14, 5] },
        },
      ];
  }
}

/** Which drawing layers belong to a toggle in the layer panel. */
export const TOGGLE_LAYERS = {
  boundaries: ['adm1-line', 'adm2-line', 'adm3-line'],
  roads: ['roads-minor', 'roads-major'],
  incidents: ['incidents-clusters', 'incidents-points'],
} as const;
