import type { IncidentType } from '../../shared/incidents.ts';
import type { SmsCounts, SmsLanguage } from './types.ts';

/*
 * The words of the SMS form, in Haitian Creole, French and English, written
 * as people write them (folded: no accents, lower case). Each says which
 * language it belongs to, so that the reply can answer in it; a word shared
 * by two languages names both. docs/sms.md lists them for reporters.
 */

export interface Keyword<T> {
  readonly words: string;
  readonly value: T;
  readonly languages: readonly SmsLanguage[];
}

const ht = ['ht'] as const;
const fr = ['fr'] as const;
const en = ['en'] as const;
const frEn = ['fr', 'en'] as const;
const htFr = ['ht', 'fr'] as const;
const all = ['ht', 'fr', 'en'] as const;

function keywords<T>(value: T, byLanguage: [readonly SmsLanguage[], string[]][]): Keyword<T>[] {
  return byLanguage.flatMap(([languages, list]) => list.map((words) => ({ words, value, languages })));
}

/** Words that name the type of incident. */
export const TYPE_KEYWORDS: readonly Keyword<IncidentType>[] = [
  ...keywords<IncidentType>('kidnapping', [[ht, ['kidnapin', 'kidnaping', 'kidnape', 'anlevman', 'enlevman', 'kidnap']], [fr, ['enlevement', 'enleve', 'enleves', 'rapt', 'kidnappe', 'kidnappes']], [en, ['kidnapping', 'kidnapped', 'abduction', 'abducted']]]),
  ...keywords<IncidentType>('killing', [[ht, ['touye', 'asasina', 'asasinay', 'masak', 'ekzekite']], [fr, ['assassinat', 'meurtre', 'tue', 'tues', 'tuee', 'tuees', 'tuerie', 'homicide', 'execute']], [frEn, ['massacre']], [en, ['killing', 'killed', 'murder', 'murdered', 'shot dead']]]),
  ...keywords<IncidentType>('roadblock', [[ht, ['barikad', 'baraj', 'bloke wout', 'blokaj']], [fr, ['barrage', 'route bloquee', 'blocage']], [frEn, ['barricade', 'barricades']], [en, ['roadblock', 'road block', 'road blocked', 'blocked road']]]),
  ...keywords<IncidentType>('arson', [[ht, ['dife', 'boule kay', 'mete dife', 'ensandi']], [fr, ['incendie', 'incendies', 'brule', 'brulees', 'brules']], [en, ['arson', 'fire', 'burned', 'burnt', 'torched', 'set on fire']]]),
  ...keywords<IncidentType>('looting', [[ht, ['piyay', 'piyaj', 'piye', 'vole machandiz']], [fr, ['pillage', 'pille', 'pilles', 'pillee', 'pillees']], [en, ['looting', 'looted', 'loot']]]),
  ...keywords<IncidentType>('sexual_violence', [[ht, ['vyol', 'vyole', 'kadejak', 'vyolans seksyel']], [fr, ['viol', 'violee', 'violees', 'violence sexuelle', 'violences sexuelles', 'agression sexuelle']], [en, ['rape', 'raped', 'sexual violence', 'sexual assault']]]),
  ...keywords<IncidentType>('armed_clash', [[ht, ['fiziyad', 'tire', 'tirad', 'goumen', 'bal ap tonbe', 'chanje bal']], [fr, ['affrontement', 'affrontements', 'fusillade', 'echange de tirs', 'tirs', 'coups de feu']], [en, ['clash', 'clashes', 'shooting', 'gunfire', 'firefight', 'gunfight', 'exchange of fire']]]),
  ...keywords<IncidentType>('displacement', [[ht, ['deplase', 'deplasman', 'kouri kite', 'kite kay']], [fr, ['deplacement', 'deplaces', 'deplacees', 'fuient', 'fuite']], [en, ['displacement', 'displaced', 'fleeing', 'fled']]]),
  ...keywords<IncidentType>('attack_on_police', [[ht, ['atak polis', 'atake polis', 'atak sou polis', 'atak komisarya', 'atake komisarya', 'atak sou komisarya']], [fr, ['attaque police', 'attaque commissariat', 'attaque contre la police']], [en, ['attack on police', 'police attacked', 'police station attacked']]]),
  ...keywords<IncidentType>('protest', [[ht, ['manifestasyon', 'manifestan', 'pwotestasyon']], [fr, ['manifestation', 'manifestants']], [htFr, ['manif']], [en, ['protest', 'protesters', 'demonstration']]]),
];

export type CountField = keyof SmsCounts | 'people';

/** Words that say what happened to the people a number counts. */
export const COUNT_KEYWORDS: readonly Keyword<CountField>[] = [
  ...keywords<CountField>('killed', [[ht, ['mo', 'mouri', 'touye', 'kadav']], [fr, ['morts', 'mort', 'tues', 'tue', 'tuees', 'deces', 'cadavres', 'corps']], [en, ['dead', 'killed', 'deaths', 'bodies', 'died']]]),
  ...keywords<CountField>('injured', [[ht, ['blese', 'blese grav']], [fr, ['blesses', 'blessees', 'blesse', 'blessee']], [en, ['injured', 'wounded', 'hurt']]]),
  ...keywords<CountField>('abducted', [[ht, ['kidnape', 'otaj', 'anleve']], [fr, ['enleves', 'enlevees', 'otages', 'kidnappes']], [en, ['kidnapped', 'abducted', 'hostages', 'taken']]]),
  ...keywords<CountField>('displaced', [[ht, ['deplase', 'fanmi deplase', 'kite kay yo']], [fr, ['deplaces', 'familles deplacees', 'deplacees']], [en, ['displaced', 'families displaced']]]),
  ...keywords<CountField>('people', [[ht, ['moun', 'fanmi', 'timoun', 'fanm', 'gason', 'polisye', 'pasaje']], [fr, ['personnes', 'pers', 'gens', 'victimes', 'familles', 'enfants', 'femmes', 'hommes', 'policier', 'policiers', 'passagers']], [en, ['people', 'ppl', 'persons', 'victims', 'families', 'children', 'women', 'men', 'officer', 'officers', 'passengers']]]),
];

/** Numbers written as words. Ambiguous ones ("de", "en", "un", "sis"…) count only right before a count word. */
export const NUMBER_WORDS: Record<string, number> = {
  // Kreyòl
  youn: 1, en: 1, yon: 1, de: 2, twa: 3, kat: 4, senk: 5, sis: 6, set: 7, uit: 8, nef: 9, dis: 10, onz: 11, douz: 12, trez: 13, katoz: 14, kenz: 15, sez: 16, dizet: 17, dizuit: 18, diznef: 19, ven: 20, trant: 30, karant: 40, senkant: 50,
  // French
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, cent: 100,
  // English
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

/** Number words that are also ordinary words: counted only before a count word. */
export const AMBIGUOUS_NUMBER_WORDS = new Set(['en', 'yon', 'de', 'un', 'une', 'sis', 'set', 'six', 'sept', 'dis', 'cent', 'ten', 'kat']);

/** Small words that say which language a message is in when its keywords do not. */
export const LANGUAGE_HINTS: Record<SmsLanguage, readonly string[]> = {
  ht: ['nan', 'yo', 'gen', 'moun', 'ap', 'te', 'sou', 'bo', 'kote', 'lakay', 'mesi', 'jodi', 'maten', 'aswe', 'lavil', 'anpil', 'bandi', 'zam', 'mwen', 'nou', 'pou', 'mesi', 'tout', 'kalm'],
  fr: ['dans', 'les', 'des', 'sur', 'avec', 'ont', 'est', 'sont', 'ce', 'matin', 'soir', 'aujourd', 'hui', 'pres', 'quartier', 'bandits', 'armes', 'merci', 'il', 'pour', 'votre', 'chez', 'moi', 'calme', 'situation', 'entre', 'au', 'aux', 'une'],
  en: ['the', 'in', 'at', 'near', 'this', 'morning', 'today', 'were', 'was', 'have', 'has', 'and', 'of', 'by', 'armed', 'thanks', 'gangs', 'my', 'your', 'for', 'all', 'calm', 'between', 'on', 'to'],
};

/** Words that make a message from an unregistered number look like a complaint about misconduct. */
export const COMPLAINT_WORDS: readonly Keyword<'complaint'>[] = keywords<'complaint'>('complaint', [
  [ht, ['plent', 'polisye', 'abi', 'maltrete', 'frape', 'mande lajan', 'rakèt', 'koripsyon', 'arete san rezon']],
  [fr, ['plainte', 'policier', 'policiers', 'abus', 'maltraite', 'frappe', 'corruption', 'racket', 'extorsion', 'arrestation arbitraire']],
  [en, ['complaint', 'officer', 'officers', 'abuse', 'beaten', 'bribe', 'corruption', 'extortion', 'mistreated', 'misconduct']],
  [all, ['kenyan', 'mss', 'pnh', 'hnp', 'police']],
]);
