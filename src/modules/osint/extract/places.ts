import { Gazetteer, type GazetteerEntry, type GazetteerMatch } from '../../../core/text/index.ts';

/*
 * Places in Haiti that news names: the neighbourhoods of the Port-au-Prince
 * metropolitan area (which no administrative boundary names) and the main
 * towns, each with a representative point, plus — when the datasets folder
 * has the COD-AB boundaries — every commune, located at a point inside its
 * polygon (admin-places.ts). A neighbourhood is more precise than a commune,
 * so it wins where both match.
 */

export type PlaceKind = 'neighbourhood' | 'commune' | 'town';

export interface Place {
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly lon: number;
  readonly lat: number;
  /** The commune it lies in (COD-AB ADM2 P-code), where known. */
  readonly adm2Pcode: string | null;
}

export interface PlaceEntry extends GazetteerEntry<PlaceKind> {
  readonly place: Place;
}

type Row = [id: string, name: string, kind: PlaceKind, lat: number, lon: number, adm2Pcode: string, otherNames: string[]];

/**
 * Representative points of Port-au-Prince's neighbourhoods and of the metro
 * area's communes, approximate to a few hundred metres: an incident placed by
 * name is "near" its point. placeIndex.test.ts checks each against the
 * commune boundaries.
 */
const PLACES: Row[] = [
  ['port-au-prince', 'Port-au-Prince', 'commune', 18.5435, -72.3388, 'HT0111', ['Pòtoprens', 'Potoprens', 'the Haitian capital', 'la capitale haïtienne', 'kapital la', 'Puerto Príncipe']],
  ['bel-air', 'Bel Air', 'neighbourhood', 18.5495, -72.3352, 'HT0111', ['Bel-Air', 'Belè']],
  ['la-saline', 'La Saline', 'neighbourhood', 18.5565, -72.3418, 'HT0111', ['Lasalin']],
  ['fort-national', 'Fort National', 'neighbourhood', 18.5468, -72.3318, 'HT0111', ['Fort-National', 'Fònasyonal']],
  ['solino', 'Solino', 'neighbourhood', 18.5472, -72.3262, 'HT0111', []],
  ['nazon', 'Nazon', 'neighbourhood', 18.5392, -72.3208, 'HT0111', []],
  ['christ-roi', 'Christ-Roi', 'neighbourhood', 18.5388, -72.3132, 'HT0111', ['Christ Roi', 'Kris Wa']],
  ['turgeau', 'Turgeau', 'neighbourhood', 18.5332, -72.3298, 'HT0111', ['Tijo']],
  ['carrefour-feuilles', 'Carrefour-Feuilles', 'neighbourhood', 18.5288, -72.3422, 'HT0111', ['Carrefour Feuilles', 'Kafou Fèy']],
  ['martissant', 'Martissant', 'neighbourhood', 18.5298, -72.3598, 'HT0111', ['Matisan']],
  ['grand-ravine', 'Grand Ravine', 'neighbourhood', 18.5268, -72.3528, 'HT0111', ['Gran Ravin', 'Grand-Ravine']],
  ['village-de-dieu', 'Village de Dieu', 'neighbourhood', 18.5372, -72.3488, 'HT0111', ['Vilaj Dye', 'Village-de-Dieu']],
  ['bicentenaire', 'Bicentenaire', 'neighbourhood', 18.5402, -72.3462, 'HT0111', ['Bisantnè', 'Bicentenaire district']],
  ['champ-de-mars', 'Champ de Mars', 'neighbourhood', 18.5440, -72.3375, 'HT0111', ['Chanmas', 'Champ-de-Mars']],
  ['canape-vert', 'Canapé-Vert', 'neighbourhood', 18.5300, -72.3172, 'HT0111', ['Canapé Vert', 'Kanape Vè']],
  ['cite-soleil', 'Cité Soleil', 'commune', 18.5812, -72.3318, 'HT0117', ['Cité-Soleil', 'Site Solèy', 'Cite Soley']],
  ['delmas', 'Delmas', 'commune', 18.5470, -72.3022, 'HT0112', ['Dèlma']],
  ['tabarre', 'Tabarre', 'commune', 18.5798, -72.2752, 'HT0118', ['Tabarre']],
  ['croix-des-bouquets', 'Croix-des-Bouquets', 'commune', 18.5768, -72.2268, 'HT0131', ['Croix des Bouquets', 'Kwadebouke']],
  ['canaan', 'Canaan', 'neighbourhood', 18.6380, -72.2780, 'HT0131', ['Kanaran']],
  ['bon-repos', 'Bon Repos', 'neighbourhood', 18.6148, -72.2748, 'HT0131', ['Bon-Repos', 'Bonrepo']],
  ['petion-ville', 'Pétion-Ville', 'commune', 18.5122, -72.2858, 'HT0114', ['Petion-Ville', 'Pétionville', 'Petyonvil']],
  ['carrefour', 'Carrefour', 'commune', 18.5400, -72.4002, 'HT0113', ['Kafou']],
  ['mariani', 'Mariani', 'neighbourhood', 18.5268, -72.4168, 'HT0113', []],
  ['kenscoff', 'Kenscoff', 'commune', 18.4478, -72.2852, 'HT0115', ['Kenskòf']],
  ['gressier', 'Gressier', 'commune', 18.5408, -72.5268, 'HT0116', ['Gresye']],
  ['cabaret', 'Cabaret', 'commune', 18.7338, -72.4198, 'HT0142', ['Kabarè']],
  ['arcahaie', 'Arcahaie', 'commune', 18.7712, -72.5122, 'HT0141', ['Lakayè', "l'Arcahaie"]],
  ['ganthier', 'Ganthier', 'commune', 18.5328, -72.0688, 'HT0133', ['Gantye']],
  ['leogane', 'Léogâne', 'town', 18.5108, -72.6332, 'HT0121', ['Leogane', 'Leyogàn']],
  ['petit-goave', 'Petit-Goâve', 'town', 18.4312, -72.8668, 'HT0122', ['Petit Goâve', 'Tigwav']],
  ['mirebalais', 'Mirebalais', 'town', 18.8348, -72.1052, 'HT0621', ['Mibalè']],
  ['saint-marc', 'Saint-Marc', 'town', 19.1082, -72.6938, 'HT0531', ['Saint Marc', 'St. Marc', 'Senmak']],
  ['gonaives', 'Gonaïves', 'town', 19.4502, -72.6832, 'HT0511', ['Gonaives', 'Gonayiv']],
  ['cap-haitien', 'Cap-Haïtien', 'town', 19.7592, -72.2012, 'HT0311', ['Cap Haïtien', 'Okap', 'Cap-Haitien']],
  ['jacmel', 'Jacmel', 'town', 18.2342, -72.5348, 'HT0211', ['Jakmèl']],
  ['les-cayes', 'Les Cayes', 'town', 18.1932, -73.7462, 'HT0711', ['Okay', 'Cayes']],
  ['hinche', 'Hinche', 'town', 19.1432, -72.0042, 'HT0611', ['Ench']],
  ['liancourt', 'Liancourt', 'town', 19.1590, -72.5330, 'HT0542', []],
  ['pont-sonde', 'Pont-Sondé', 'town', 19.1540, -72.6170, 'HT0531', ['Pont Sondé', 'Ponsonde']],
];

export const METRO_PLACES: readonly Place[] = PLACES.map(([id, name, kind, lat, lon, adm2Pcode]) => ({ id, name, kind, lon, lat, adm2Pcode }));

const entryOf = (place: Place, otherNames: readonly string[]): PlaceEntry => ({ id: place.id, kind: place.kind, names: [place.name, ...otherNames], place });

/** A gazetteer of places, from the built-in list and, optionally, communes read from the admin boundaries. */
export class PlaceIndex {
  readonly #gazetteer: Gazetteer<PlaceKind>;
  readonly #places = new Map<string, Place>();
  /** Whether communes from the admin boundaries are included. */
  readonly withBoundaries: boolean;

  constructor(communes: readonly { place: Place; names: readonly string[] }[] = []) {
    const entries: PlaceEntry[] = PLACES.map((row, i) => entryOf(METRO_PLACES[i]!, row[6]));
    const named = new Set(METRO_PLACES.map((p) => p.adm2Pcode && p.kind !== 'neighbourhood' ? p.adm2Pcode : ''));
    for (const commune of communes) if (!named.has(commune.place.adm2Pcode ?? '')) entries.push(entryOf(commune.place, commune.names));
    for (const entry of entries) this.#places.set(entry.id, entry.place);
    this.#gazetteer = new Gazetteer(entries);
    this.withBoundaries = communes.length > 0;
  }

  /** Places named in a text, with spans. */
  find(text: string): (GazetteerMatch<PlaceKind> & { place: Place })[] {
    return this.#gazetteer.find(text).map((match) => ({ ...match, place: this.#places.get(match.id)! }));
  }

  get size(): number {
    return this.#places.size;
  }
}
