/*
 * Port-au-Prince neighbourhoods an SMS may name, with a representative point
 * each and where that point comes from. No administrative boundary names
 * them, so they are matched before the communal sections. Sources:
 *   OSM-2010  centroid of the vertices of the OpenStreetMap ways named as
 *             given, in ../shared/data/haiti/roads/pap-central-2010.geojson
 *             (© OpenStreetMap contributors, ODbL);
 *   MSPP      the point of the Ministry of Health facility named as given, in
 *             ../shared/data/haiti/sites/health-facilities-mspp.geojson;
 *   NEWS      the representative point of Konbit's news gazetteer
 *             (src/modules/osint/extract/places.ts), a few hundred metres
 *             from the neighbourhood's centre.
 * Where no public point exists offline (Torcelle, Drouillard), the
 * neighbourhood is placed at its commune's point with precision "commune"
 * (as are the communes themselves), so that nobody reads it as the spot. neighbourhoods.test.ts checks each
 * point against its commune's COD-AB boundary.
 */

import type { LocationPrecision } from './types.ts';

export interface Neighbourhood {
  readonly id: string;
  readonly name: string;
  /** Other spellings: Kreyòl, French, common SMS forms. */
  readonly aliases: readonly string[];
  readonly lat: number;
  readonly lon: number;
  /** COD-AB commune (ADM2) the point lies in. */
  readonly adm2Pcode: string;
  readonly precision: LocationPrecision;
  readonly source: string;
}

type Row = [id: string, name: string, aliases: string[], lat: number, lon: number, adm2Pcode: string, source: string, precision?: LocationPrecision];

const ROWS: Row[] = [
  ['martissant', 'Martissant', ['Matisan', 'Matisann'], 18.5298, -72.3598, 'HT0111', 'NEWS'],
  ['cite-soleil', 'Cité Soleil', ['Site Solèy', 'Site Soley', 'Cite Soley', 'Sitesolèy'], 18.5812, -72.3318, 'HT0117', 'NEWS', 'commune'],
  ['bel-air', 'Bel Air', ['Belè', 'Bel-Air', 'Belair'], 18.5495, -72.3352, 'HT0111', 'NEWS'],
  ['carrefour-feuilles', 'Carrefour-Feuilles', ['Kafou Fèy', 'Kafoufèy', 'Carrefour Feuille'], 18.5288, -72.3422, 'HT0111', 'NEWS'],
  ['delmas', 'Delmas', ['Dèlma', 'Delma'], 18.547, -72.3022, 'HT0112', 'NEWS', 'commune'],
  ['bas-delmas', 'Bas-Delmas', ['Ba Dèlma', 'Ba Delma', 'Lower Delmas'], 18.5569, -72.3243, 'HT0112', 'OSM-2010 ways "Delmas 2" to "Delmas 19"'],
  ['croix-des-bouquets', 'Croix-des-Bouquets', ['Kwadebouke', 'Kwa de Bouke', 'Croix des Bouquets'], 18.5768, -72.2268, 'HT0131', 'NEWS', 'commune'],
  ['canape-vert', 'Canapé-Vert', ['Kanape Vè', 'Kanapeve', 'Canape Vert'], 18.529, -72.3106, 'HT0111', 'OSM-2010 way "Route du Canapé Vert"'],
  ['solino', 'Solino', ['Solinò'], 18.5489, -72.3241, 'HT0111', 'MSPP "Centre de Santé de Solino"'],
  ['tabarre', 'Tabarre', ['Tabare'], 18.5798, -72.2752, 'HT0118', 'NEWS', 'commune'],
  ['petion-ville', 'Pétion-Ville', ['Petyonvil', 'Pétionville', 'PV'], 18.5122, -72.2858, 'HT0114', 'NEWS', 'commune'],
  ['la-saline', 'La Saline', ['Lasalin', 'Lasaline'], 18.5607, -72.3413, 'HT0111', 'OSM-2010 way "Boulevard la Saline"'],
  ['fort-national', 'Fort National', ['Fò Nasyonal', 'Fònasyonal', 'Fort-National'], 18.548, -72.3327, 'HT0111', 'OSM-2010 way "Rue Fort National"'],
  ['village-de-dieu', 'Village de Dieu', ['Vilaj Dye', 'Village-de-Dieu'], 18.5372, -72.3488, 'HT0111', 'NEWS'],
  ['grand-ravine', 'Grand Ravine', ['Gran Ravin', 'Granravin', 'Grand-Ravine'], 18.5268, -72.3528, 'HT0111', 'NEWS'],
  ['portail-leogane', 'Portail Léogâne', ['Pòtay Leyogàn', 'Potay Leogan', 'Portail Leogane'], 18.5348, -72.3473, 'HT0111', 'MSPP "Centre de Santé du Portail Léogâne"'],
  ['torcelle', 'Torcelle', ['Tòsèl', 'Tosel'], 18.5812, -72.3318, 'HT0117', 'no public point: the Cité Soleil commune point (NEWS)', 'commune'],
  ['drouillard', 'Drouillard', ['Drouya', 'Drouiya'], 18.5812, -72.3318, 'HT0117', 'no public point: the Cité Soleil commune point (NEWS)', 'commune'],
  ['bon-repos', 'Bon Repos', ['Bonrepo', 'Bon Repo'], 18.6148, -72.2748, 'HT0131', 'NEWS'],
  ['canaan', 'Canaan', ['Kanaan', 'Kanaran'], 18.638, -72.278, 'HT0131', 'NEWS'],
  ['nazon', 'Nazon', [], 18.5392, -72.3208, 'HT0111', 'NEWS'],
  ['christ-roi', 'Christ-Roi', ['Kris Wa', 'Christ Roi'], 18.5408, -72.3181, 'HT0111', 'OSM-2010 way "Rue Christ-Roi"'],
  ['turgeau', 'Turgeau', ['Tijo'], 18.5332, -72.3298, 'HT0111', 'NEWS'],
  ['bicentenaire', 'Bicentenaire', ['Bisantnè', 'Bisantne'], 18.5402, -72.3462, 'HT0111', 'NEWS'],
  ['champ-de-mars', 'Champ de Mars', ['Chanmas', 'Champ-de-Mars'], 18.5438, -72.3444, 'HT0111', 'OSM-2010 way "Rue du Champ de Mars"'],
  ['pacot', 'Pacot', ['Pako'], 18.5274, -72.3273, 'HT0111', 'OSM-2010 ways "Rue Pacot", "Rue 4 Pacot"'],
  ['bolosse', 'Bolosse', ['Bolos'], 18.5315, -72.3481, 'HT0111', 'OSM-2010 ways "Rue Bolosse 1ère" to "5ème"'],
  ['poupelard', 'Poupelard', ['Poupla', 'Pouplar'], 18.5445, -72.3268, 'HT0111', 'OSM-2010 way "Rue J. Poupelard"'],
  ['carrefour', 'Carrefour', ['Kafou'], 18.54, -72.4002, 'HT0113', 'NEWS', 'commune'],
  ['mariani', 'Mariani', [], 18.5268, -72.4168, 'HT0113', 'NEWS'],
  ['kenscoff', 'Kenscoff', ['Kenskòf', 'Kenskof'], 18.4478, -72.2852, 'HT0115', 'NEWS', 'commune'],
  ['gressier', 'Gressier', ['Gresye'], 18.5408, -72.5268, 'HT0116', 'NEWS', 'commune'],
  ['cabaret', 'Cabaret', ['Kabarè', 'Kabare'], 18.7338, -72.4198, 'HT0142', 'NEWS', 'commune'],
  ['port-au-prince', 'Port-au-Prince', ['Pòtoprens', 'Potoprens', 'PAP'], 18.5435, -72.3388, 'HT0111', 'NEWS', 'commune'],
];

export const NEIGHBOURHOODS: readonly Neighbourhood[] = ROWS.map(([id, name, aliases, lat, lon, adm2Pcode, source, precision = 'near']) => ({ id, name, aliases, lat, lon, adm2Pcode, precision, source }));
