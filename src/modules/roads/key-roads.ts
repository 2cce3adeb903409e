/*
 * The key roads board: the corridors that matter for moving food and people in and out of
 * Port-au-Prince, matched on the name or ref of the network's edges. The 2010 metro network names
 * its national roads "Nationale No 1/2/3"; OpenStreetMap today writes ref=RN1 and so on: both match.
 * A corridor with no matching edge in a network is left off that network's board.
 */

export interface Corridor {
  id: string;
  name: string;
  description: string;
  /** Matches the edge's name or ref. */
  match: RegExp;
}

const nationalRoad = (n: number) => new RegExp(`\\bnationale\\s+(?:no\\.?\\s*|n°\\s*)?${n}\\b|^rn\\s*-?\\s*${n}$|\\broute nationale\\s*#?\\s*${n}\\b`, 'i');

export const CORRIDORS: readonly Corridor[] = [
  { id: 'rn1', name: 'RN1 north', description: 'National road 1, north out of the capital towards Cabaret and Saint-Marc', match: nationalRoad(1) },
  { id: 'rn2', name: 'RN2 south-west', description: 'National road 2, south-west through Martissant and Carrefour to Léogâne and the south', match: nationalRoad(2) },
  { id: 'rn3', name: 'RN3 north-east', description: 'National road 3, north-east through Croix-des-Bouquets towards the Central Plateau', match: nationalRoad(3) },
  { id: 'delmas', name: 'Route de Delmas', description: 'From downtown up through Delmas to Pétion-Ville', match: /^route de delmas$/i },
  { id: 'freres', name: 'Route de Frères', description: 'From Pétion-Ville east through Frères towards Tabarre', match: /^route de fr[eè]res$/i },
  { id: 'kenscoff', name: 'Route de Kenscoff', description: 'From Pétion-Ville up to Kenscoff and the southern hills', match: /^route de kenscoff$/i },
  { id: 'dessalines', name: 'Grand-Rue (Boulevard Jean-Jacques Dessalines)', description: 'The downtown spine from La Saline to Portail Léogâne', match: /jean[- ]jacques dessalines|^grand[- ]rue$/i },
  { id: 'john-brown', name: 'Lalue (Avenue John Brown)', description: 'From downtown up to Bourdon and Pétion-Ville', match: /^avenue john brown$|^lalue$/i },
];
