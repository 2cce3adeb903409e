import { Gazetteer, type GazetteerEntry } from '../../../core/text/index.ts';

/*
 * The multilingual gazetteer of who acts in the news about the mission:
 * nations (by ISO 3166 alpha-3, which is also their organisation code in
 * Konbit), international organisations and gangs. Names in English, French,
 * Haitian Creole and Spanish, with demonyms ("Kenyan", "Kényans"), since
 * news writes "a Kenyan assessment mission" as often as "Kenya". A name
 * starting with "=" matches only as written (see core/text's Gazetteer).
 */

export type ActorKind = 'nation' | 'organisation' | 'gang';
/** What an actor can pledge: nations anything, donor bodies money and support, deliberative bodies nothing. */
export type PledgeCapacity = 'any' | 'funds' | 'none';

export interface ActorEntry extends GazetteerEntry<ActorKind> {
  readonly pledges: PledgeCapacity;
  /** The name the mission's records use. */
  readonly label: string;
}

/** The host nation: never a pledger, and where incidents happen. */
export const HOST_NATION = 'HTI';

const nation = (id: string, label: string, names: string[]): ActorEntry => ({ id, kind: 'nation', label, pledges: 'any', names: [label, ...names] });

const NATIONS: ActorEntry[] = [
  nation('HTI', 'Haiti', ['Haitian', 'Haitians', "Haiti's", 'Haïti', 'haïtien', 'haïtienne', 'haïtiens', 'haïtiennes', 'Ayiti', 'ayisyen', 'Haití', 'haitiano', 'haitianos', 'haitiana']),
  nation('KEN', 'Kenya', ['Kenyan', 'Kenyans', 'kényan', 'kényane', 'kényans', 'kényanes', 'Kenyen', 'Kenyens', 'Kenyèn', 'Kenia', 'keniano', 'kenianos', 'keniana']),
  nation('JAM', 'Jamaica', ['Jamaican', 'Jamaicans', 'Jamaïque', 'jamaïcain', 'jamaïcaine', 'jamaïcains', 'Jamayik', 'jamayiken', 'jamaicano', 'jamaicanos']),
  nation('BHS', 'the Bahamas', ['Bahamas', 'les Bahamas', 'Bahamian', 'Bahamians', 'bahamien', 'bahamienne', 'bahamiens', 'Bahamyen', 'bahameño', 'bahameños', 'las Bahamas']),
  nation('ATG', 'Antigua and Barbuda', ['Antigua-et-Barbuda', 'Antigua et Barbuda', 'Antigua ak Barbuda', 'Antigua y Barbuda', 'Antiguan', 'Antiguans']),
  nation('USA', 'the United States', ['United States', 'United States of America', '=US', '=U.S.', '=USA', '=U.S.A.', 'American', 'Americans', 'Washington', 'États-Unis', 'Etats-Unis', 'américain', 'américaine', 'américains', 'Etazini', 'Ameriken', 'Estados Unidos', 'estadounidense', 'estadounidenses', '=EE.UU.', '=EEUU']),
  nation('CAN', 'Canada', ['Canadian', 'Canadians', 'canadien', 'canadienne', 'canadiens', 'Kanada', 'kanadyen', 'Canadá', 'canadiense']),
  nation('FRA', 'France', ['French government', 'Paris', 'Lafrans', 'Francia']),
  nation('DOM', 'the Dominican Republic', ['Dominican Republic', 'République dominicaine', 'dominicain', 'dominicaine', 'Dominikani', 'Repiblik Dominikèn', 'República Dominicana', 'dominicano']),
  nation('BEN', 'Benin', ['Bénin', 'Beninese', 'béninois', 'Benen', 'Benín']),
  nation('TCD', 'Chad', ['Tchad', 'tchadien', 'Chadian', 'Chadyen']),
  nation('BGD', 'Bangladesh', ['Bangladeshi', 'bangladais']),
  nation('BRB', 'Barbados', ['Barbadian', 'Barbade', 'Barbad', 'Barbados']),
  nation('BLZ', 'Belize', ['Belizean', 'Bélize', 'Belice']),
  nation('GTM', 'Guatemala', ['Guatemalan', 'guatémaltèque', 'guatemalteco', 'guatemaltecos']),
  nation('SLV', 'El Salvador', ['Salvadoran', 'Salvadorans', 'salvadorien', 'salvadoreño', 'salvadoreños']),
  nation('MEX', 'Mexico', ['Mexican', 'Mexique', 'mexicain', 'Meksik', 'México', 'mexicano']),
  nation('BRA', 'Brazil', ['Brazilian', 'Brésil', 'brésilien', 'Brezil', 'Brasil', 'brasileño']),
  nation('CHL', 'Chile', ['Chilean', '=Chili', 'chilien', 'chileno']),
  nation('ESP', 'Spain', ['Spanish government', 'Espagne', 'espagnol', 'Espay', 'España']),
  nation('GBR', 'the United Kingdom', ['United Kingdom', '=UK', '=U.K.', 'Britain', 'British', 'Royaume-Uni', 'britannique', 'Reino Unido', 'británico']),
  nation('DEU', 'Germany', ['German', 'Allemagne', 'allemand', 'Almay', 'Alemania', 'alemán']),
  nation('ITA', 'Italy', ['Italian', 'Italie', 'italien', 'Itali', 'Italia', 'italiano']),
  nation('JPN', 'Japan', ['Japanese', 'Japon', 'japonais', 'Japonè', 'Japón', 'japonés']),
  nation('CHN', 'China', ['Chinese', 'Chine', 'chinois', 'Lachin', 'chino']),
  nation('RUS', 'Russia', ['Russian', 'Russie', 'russe', 'Larisi', 'Rusia', 'ruso']),
  nation('TTO', 'Trinidad and Tobago', ['Trinité-et-Tobago', 'Trinidad y Tobago', 'Trinidadian']),
  nation('GUY', 'Guyana', ['Guyanese', 'guyanien']),
  nation('SUR', 'Suriname', ['Surinamese', 'Surinam']),
  nation('LCA', 'Saint Lucia', ['Sainte-Lucie', 'Santa Lucía']),
  nation('GRD', 'Grenada', ['=Grenade']),
  nation('ECU', 'Ecuador', ['Ecuadorian', 'Équateur', 'équatorien', 'Ekwatè', 'ecuatoriano']),
  nation('SDN', 'Sudan', ['Sudanese', 'Soudan', 'soudanais', 'Sudán']),
  nation('ARE', 'the United Arab Emirates', ['United Arab Emirates', '=UAE', 'Émirats arabes unis', 'Emiratos Árabes Unidos']),
  nation('ZAF', 'South Africa', ['South African', 'Afrique du Sud', 'sud-africain', 'Sudáfrica']),
  nation('SEN', 'Senegal', ['Senegalese', 'Sénégal', 'sénégalais', 'Senegal']),
  nation('BDI', 'Burundi', ['Burundian', 'burundais']),
  nation('RWA', 'Rwanda', ['Rwandan', 'rwandais']),
  nation('NGA', 'Nigeria', ['Nigerian', 'Nigéria', 'nigérian']),
  nation('MNG', 'Mongolia', ['Mongolian', 'Mongolie']),
  nation('COL', 'Colombia', ['Colombian', 'Colombie', 'colombien', 'colombiano']),
  nation('PER', 'Peru', ['Peruvian', 'Pérou', 'péruvien', 'Perú', 'peruano']),
  nation('ARG', 'Argentina', ['Argentine', 'argentin', 'Argentinian', 'argentino']),
  nation('VEN', 'Venezuela', ['Venezuelan', 'vénézuélien', 'venezolano']),
  nation('CUB', 'Cuba', ['Cuban', 'cubain', 'Kiba', 'cubano']),
  nation('NLD', 'the Netherlands', ['Netherlands', 'Dutch', 'Pays-Bas', 'néerlandais', 'Países Bajos']),
  nation('NOR', 'Norway', ['Norwegian', 'Norvège', 'norvégien', 'Noruega']),
  nation('SWE', 'Sweden', ['Swedish', 'Suède', 'suédois', 'Suecia']),
  nation('KOR', 'South Korea', ['Republic of Korea', 'South Korean', 'Corée du Sud', 'Corea del Sur']),
  nation('IND', 'India', ['Indian government', 'Inde', 'indien', '=Lend']),
  nation('PAK', 'Pakistan', ['Pakistani', 'pakistanais']),
];

const organisation = (id: string, label: string, pledges: PledgeCapacity, names: string[]): ActorEntry => ({ id, kind: 'organisation', label, pledges, names: [label, ...names] });

const ORGANISATIONS: ActorEntry[] = [
  organisation('UNSC', 'UN Security Council', 'none', [
    'Security Council', 'U.N. Security Council', 'United Nations Security Council', '=UNSC',
    'Conseil de sécurité', "Conseil de sécurité de l'ONU", 'Conseil de sécurité des Nations unies',
    'Konsèy Sekirite', 'Konsèy Sekirite ONI', 'Konsèy Sekirite Nasyonzini', 'Consejo de Seguridad', 'Consejo de Seguridad de la ONU',
  ]),
  organisation('UNGA', 'UN General Assembly', 'none', [
    'General Assembly', 'U.N. General Assembly', 'United Nations General Assembly', 'Assemblée générale', "Assemblée générale de l'ONU",
    'Asanble Jeneral', 'Asanble Jeneral Nasyonzini', 'Asamblea General',
  ]),
  organisation('UN', 'United Nations', 'funds', ['=UN', '=U.N.', 'Nations unies', 'Organisation des Nations unies', '=ONU', '=ONI', 'Nasyonzini', 'Naciones Unidas']),
  organisation('HNP', 'Haitian National Police', 'none', [
    'Haitian police', 'Haiti National Police', "Haiti's National Police", "Haiti's police", "Haiti's police force", '=HNP', '=PNH',
    "Police nationale d'Haïti", 'Police nationale haïtienne', 'police haïtienne', 'Polis Nasyonal', "Polis Nasyonal d'Ayiti", 'Polis Nasyonal Ayisyen',
    'Policía Nacional de Haití', 'policía haitiana',
  ]),
  organisation('MSS', 'Multinational Security Support mission', 'none', [
    'Multinational Security Support', 'Multinational Security Support Mission', '=MSS', "Mission multinationale d'appui à la sécurité", '=MMAS',
    'Misyon Miltinasyonal Sipò Sekirite', 'Misión Multinacional de Apoyo a la Seguridad',
  ]),
  organisation('GSF', 'Gang Suppression Force', 'none', ['=GSF', 'Force de répression des gangs', 'Fuerza de Supresión de Pandillas']),
  organisation('BINUH', 'UN Integrated Office in Haiti', 'none', ['=BINUH', 'United Nations Integrated Office in Haiti', 'Bureau intégré des Nations unies en Haïti']),
  organisation('OAS', 'Organization of American States', 'funds', ['Organisation of American States', '=OAS', '=OEA', 'Organisation des États américains', 'Organización de los Estados Americanos']),
  organisation('CARICOM', 'Caribbean Community', 'funds', ['=CARICOM', 'Communauté caribéenne', 'Comunidad del Caribe']),
  organisation('EU', 'European Union', 'funds', ['=EU', '=E.U.', 'Union européenne', '=UE', 'Inyon Ewopeyen', 'Unión Europea']),
  organisation('WB', 'World Bank', 'funds', ['Banque mondiale', 'Bank Mondyal', 'Banco Mundial']),
  organisation('IDB', 'Inter-American Development Bank', 'funds', ['=IDB', '=BID', 'Banque interaméricaine de développement', 'Banco Interamericano de Desarrollo']),
];

const gang = (id: string, label: string, names: string[]): ActorEntry => ({ id, kind: 'gang', label, pledges: 'none', names: [label, ...names] });

const GANGS: ActorEntry[] = [
  gang('viv-ansanm', 'Viv Ansanm', ['Vivre Ensemble', 'Viv Ansanm coalition', 'coalition Viv Ansanm']),
  gang('g9', 'G9 an Fanmi e Alye', ['=G9', '=G-9', 'G9 Family and Allies', 'G9 gang', 'gang G9', 'G9 coalition', 'coalition G9']),
  gang('g-pep', 'G-Pèp', ['=G-Pep', '=GPep', 'G-Pèp gang', 'gang G-Pèp']),
  gang('400-mawozo', '400 Mawozo', ['400 Mawozo gang', 'gang 400 Mawozo', '400 Mawozos']),
  gang('5-segonn', '5 Segonn', ['Cinq Secondes', 'Five Seconds', '5 Segonn gang', 'gang 5 Segonn']),
  gang('grand-ravine', 'Grand Ravine gang', ['gang de Grand Ravine', 'gang Grand Ravine', 'Gran Ravin gang']),
  gang('village-de-dieu', 'Village de Dieu gang', ['gang de Village de Dieu', 'gang Village de Dieu', '5 Segonn de Village de Dieu']),
  gang('kraze-barye', 'Kraze Baryè', ['Kraze Barye', 'Kraze Baryè gang']),
  gang('ti-makak', 'Ti Makak', ['Ti Makak gang', 'gang Ti Makak']),
  gang('gran-grif', 'Gran Grif', ['Gran Grif gang', 'gang Gran Grif', 'Grand Grif']),
  gang('chen-mechan', 'Chen Mechan', ['Chen Mechan gang', 'gang Chen Mechan']),
  gang('baz-pilate', 'Baz Pilate', ['Base Pilate', 'gang Baz Pilate']),
  gang('canaan', 'Canaan gang', ['gang de Canaan', 'Jeff Canaan gang']),
];

export const ACTORS: readonly ActorEntry[] = [...NATIONS, ...ORGANISATIONS, ...GANGS];

const byId = new Map(ACTORS.map((actor) => [actor.id, actor]));

/** The actor with this id (nation ISO code, organisation code or gang id). */
export function actorById(id: string): ActorEntry | undefined {
  return byId.get(id);
}

let compiled: Gazetteer<ActorKind> | null = null;

/** The compiled actor gazetteer (built on first use). */
export function actorGazetteer(): Gazetteer<ActorKind> {
  compiled ??= new Gazetteer<ActorKind>(ACTORS);
  return compiled;
}
