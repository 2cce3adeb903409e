/*
 * The words that signal what a sentence reports, in English, French,
 * Haitian Creole and Spanish. Each is one case-insensitive regular
 * expression; extraction looks for them within a sentence, beside the
 * gazetteer's names, numbers and dates.
 */

const words = (list: string[]) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${list.join('|')})(?![\p{L}\p{N}])`, 'iu');

/** Someone commits something: the verb that makes a sentence a pledge. */
export const PLEDGE_CUE = words([
  'commit(?:s|ted|ting)?', 'pledg(?:e|es|ed|ing)', 'promis(?:e|es|ed|ing)', 'offer(?:s|ed|ing)?', 'announc(?:e|es|ed|ing)',
  '(?:will|would|to|agreed to|ready to|prepared to|plans to|intends to) (?:send|deploy|provide|contribute|donate|supply|dispatch)',
  'send(?:s|ing)?', 'deploy(?:s|ed|ing)?', 'contribut(?:e|es|ed|ing)', 'provid(?:e|es|ed|ing)', 'donat(?:e|es|ed|ing)', 'grant(?:s|ed)?',
  'allocat(?:e|es|ed|ing)', 'earmark(?:s|ed)?', 'dispatch(?:es|ed)?', 'supply', 'supplies', 'supplied',
  "s'est engagée?s?", "s'engagent", "s'engage", 'promis', 'promet(?:tent)?', 'annoncée?s?', 'annonce', 'envoyer', 'enverra(?:it)?', 'enverront', 'envoie', 'déployer',
  'déploiera', 'contribuer', 'contribuera', 'fournir', 'fournira', 'fourniront', 'offrir', 'offert', 'offre', 'débloqué', 'alloué', 'octroyé', 'accordé', 'fait don',
  'pwomèt', 'pwomet', 'angaje', 'voye', 'deplwaye', 'anonse', 'kontribye', 'fè don', 'bay',
  'comprometi[óo]', 'prometi[óo]', 'enviar[áa]?', 'desplegar[áa]?', 'aportar[áa]?', 'don[óo]', 'ofreci[óo]', 'anunci[óo]', 'proporcionar[áa]?',
]);

/** People a nation sends. */
export const PERSONNEL_WORDS = [
  '(?:police )?officers', 'policemen', 'policewomen', 'police personnel', 'personnel', 'troops', 'soldiers', 'gendarmes', 'trainers', 'constables',
  'members of (?:its|their) (?:police|security|defence) forces?', 'contingent', 'police(?= (?:force|unit|mission))', 'formed police units?', 'FPUs?',
  'instructors', 'advisers', 'advisors', 'policiers', 'officiers', 'agents', 'militaires', 'soldats', 'effectifs', 'formateurs', 'instructeurs', 'troupes', 'hommes',
  'polisye', 'sòlda', 'solda', 'ofisye', 'ajan',
  'policías', 'agentes', 'soldados', 'efectivos', 'tropas', 'personal', 'instructores', 'formadores', 'oficiales',
];
export const PERSONNEL = words(PERSONNEL_WORDS);

/** Kinds of people, where the text says. */
export const UNIT_KIND_CUES: [RegExp, 'formed_police_unit' | 'trainers' | 'medical_staff'][] = [
  [words(['formed police units?', 'FPUs?', 'unités? de police constituées?']), 'formed_police_unit'],
  [words(['trainers', 'instructors', 'formateurs', 'fòmatè', 'instructores']), 'trainers'],
  [words(['medical staff', 'doctors', 'nurses', 'médecins', 'personnel médical', 'doktè', 'médicos']), 'medical_staff'],
];

/** In-kind support by category. */
export const IN_KIND_CUES: [RegExp, 'intelligence' | 'airlift' | 'communications' | 'medical' | 'equipment' | 'training' | 'logistics'][] = [
  [words(['intelligence', 'renseignements?', 'entèlijans', 'enfòmasyon', 'inteligencia']), 'intelligence'],
  [words(['airlift(?: capabilities| capacity)?', 'air transport', 'aircraft', 'planes', 'helicopters?', 'transport aérien', 'pont aérien', 'hélicoptères?', 'avions', 'avyon', 'elikoptè', 'transporte aéreo', 'helicópteros?', 'aviones']), 'airlift'],
  [words(['communications?', 'télécommunications', 'radios', 'kominikasyon', 'comunicaciones']), 'communications'],
  [words(['medical(?: assistance| support| care| supplies)?', 'field hospitals?', 'médicale?s?', 'soins médicaux', 'assistance médicale', 'medikal', 'swen medikal', 'médic[oa]s?', 'asistencia médica']), 'medical'],
  [words(['armou?red vehicles', 'vehicles', 'equipment', 'body armou?r', 'ammunition', 'weapons', 'véhicules blindés', 'véhicules', 'équipements?', 'munitions', 'ekipman', 'machin blende', 'vehículos blindados', 'vehículos', 'equipamiento']), 'equipment'],
  [words(['training', 'formation', 'fòmasyon', 'entrenamiento', 'capacitación']), 'training'],
  [words(['logistic(?:al|s)(?: support)?', 'soutien logistique', 'appui logistique', 'sipò lojistik', 'apoyo logístico', 'logistique']), 'logistics'],
];

/** Words that deny what follows: "would not deploy", "n'enverra pas", "pa p voye". */
export const NEGATION = words(['not', 'never', "won't", "wouldn't", "didn't", "hasn't", "haven't", 'no longer', 'refused to', 'declined to', 'ne', 'pas', 'jamais', 'pa', 'p ap', 'poko', 'no', 'nunca', 'se negó a']);

/** Officers already sent are a deployment, not a pledge. */
export const ALREADY_SENT = words(['sent', 'has deployed', 'have deployed', 'already deployed', 'a envoyé', 'ont envoyé', 'a déployé', 'ont déployé', 'deja voye', 'te voye', 'envió', 'enviaron', 'desplegó']);
/** Words of a commitment that hold even beside "sent": "pledged", "will send". */
export const COMMITMENT = words(['pledg(?:e|es|ed)', 'commit(?:s|ted)?', 'promis(?:e|es|ed)', 'offer(?:s|ed)?', 'will', 'would', 'plans? to', "s'est engagée?", 'promis', 'enverra', 'enverront', 'pral', 'pwomèt', 'enviará', 'ofreció', 'prometió']);

/** Clauses of one sentence with subjects of their own: "Belize will send two officers, while the Bahamas will send 150". */
export const CLAUSE_BREAK = /;\s+|,\s+(?=(?:while|whereas|tandis que|alors que|pandan|mientras que|en tanto que)\s)/giu;

/** Support with money but no amount. */
export const FUNDING_WITHOUT_AMOUNT = words(['financial support', 'funding', 'financial assistance', 'aide financière', 'soutien financier', 'financement', 'sipò finansye', 'lajan', 'apoyo financiero', 'financiamiento']);

/** Verbs of saying, before which news names who announced. */
export const SAYING = words(['announced', 'said', 'stated', 'declared', 'told', 'confirmed', 'wrote', 'a annoncé', 'a déclaré', 'a affirmé', 'a indiqué', 'a confirmé', 'te anonse', 'te di', 'te deklare', 'anunció', 'dijo', 'declaró']);

// ---- Milestones -----------------------------------------------------------------

export const AUTHORISATION_TOPIC = words(['authori[sz](?:e|es|ed|ing|ation)', 'approv(?:e|es|ed|al|ing)', 'mandate', 'resolution', 'vot(?:e|ed|es|ing)', 'adopt(?:s|ed|ing)?', 'green light',
  'autoris(?:er|é|ée|e|ation)', 'approuv(?:er|é|ée|e)', 'résolution', 'mandat', 'vote', 'voté', 'adopté', 'feu vert', 'otorize', 'otorizasyon', 'rezolisyon', 'vòt', 'manda', 'autoriz(?:ar|ó|ación)', 'aprob(?:ar|ó|ación)', 'resolución']);
export const PENDING = words(['pending', 'will vote', 'to vote on', 'is (?:due|expected|set) to vote', 'awaiting', 'await(?:s|ed)?', 'yet to', 'has not yet', 'have not yet', 'need for', 'needs? to', 'must', 'urged?', 'called on', 'asked', 'requests?', 'requested', 'seeks?', 'sought', 'calls? for', 'expected to', 'would (?:need|have) to',
  'en attente', 'attend', 'attendent', 'doit encore', 'pas encore', 'appelé', 'demandé', 'demande', 'doit', 'ap tann', 'poko', 'mande', 'pendiente', 'espera', 'todavía no', 'pidió']);
export const ADOPTED = words(['authori[sz]ed', 'approved', 'adopted', 'voted', 'renewed', 'extended', 'a renouvelé', 'a prolongé', 'te renouvle', 'gave (?:the )?green light', 'a autorisé', 'a approuvé', 'a adopté', 'a voté', 'ont voté', 'te otorize', 'te apwouve', 'te vote', 'autorizó', 'aprobó', 'adoptó']);
export const REJECTED = words(['vetoed', 'rejected', 'voted down', 'a rejeté', 'veto', 'te rejte', 'rechazó', 'vetó']);
export const RENEWAL = words(['renew(?:s|ed|al)? (?:of )?(?:the|its) mandate', 'extend(?:s|ed)? (?:the|its) mandate', 'mandate renewal', 'renouvel(?:é|le|lement) (?:du |le )?mandat', 'prolong(?:é|e) (?:le )?mandat', 'renouvle manda', 'renov(?:ó|ación) (?:del |el )?mandato']);

export const ASSESSMENT = words(['assessment (?:mission|team|visit|delegation)', 'fact-finding mission', 'reconnaissance mission', 'mission d.évaluation', 'mission de reconnaissance', 'misyon evalyasyon', 'misión de evaluación']);
export const PAST_EVENT = words(['arrived', 'visited', 'conducted', 'completed', 'travell?ed', 'met', 'was in', 'were in', 'landed', 'concluded', 'est arrivée?', 'sont arrivés', 'a visité', "s'est rendue?", 'a séjourné', 'a rencontré', 'te rive', 'te vizite', 'te rankontre', 'llegó', 'visitó']);
export const MET_WITH = /(?:conducted meetings? with|held (?:meetings?|discussions|talks) with|met with|engaged with|consulted|a rencontré|a rencontré les|s'est entretenue? avec|rencontré|te rankontre|se reunió con)\s+([^,;.]+?)(?=,|;|\.|\s+and\s+(?:held|engaged|met|conducted|visited)|$)/giu;

export const ELECTIONS = words(['elections?', 'élections?', 'eleksyon', 'elecciones', 'electoral calendar', 'vote présidentiel']);
/** A promise or a schedule, not a mention: "pledged to hold elections", "elections will be held in February". */
export const ELECTION_PROMISE = words(['pledged', 'pledges', 'promised', 'promises', 'vowed', 'committed', 'scheduled', 'will be held', 'to be held', 'set for', 'announced', 'a promis', 'promet', "s'est engagée?", 'prévues?', 'auront lieu', 'se tiendront', 'annoncé', 'pwomèt', 'angaje', 'prometió', 'se celebrarán', 'anunció']);
export const ELECTION_HELD = words(['were held', 'took place', 'ont eu lieu', 'se sont tenues', 'te fèt', 'se celebraron']);

export const FIRST_DEPLOYMENT = words(['first (?:contingent|wave|batch|group)', 'first (?:\\d[\\d,]*|[a-z]+) (?:police )?officers', 'premier contingent', 'premiers policiers', 'premye kontenjan', 'primer contingente']);
export const ARRIVAL = words(['arrived', 'landed', 'touched down', 'deployed', 'est arrivé', 'sont arrivés', 'ont atterri', 'te rive', 'te ateri', 'llegó', 'llegaron', 'aterrizó']);

// ---- Incidents ------------------------------------------------------------------

export type IncidentTypeCode = 'killing' | 'sexual_violence' | 'kidnapping' | 'attack_on_police' | 'arson' | 'looting' | 'armed_clash' | 'displacement' | 'roadblock' | 'organ_trafficking' | 'attack_on_infrastructure';

/** Incident triggers by type, the most severe first: one sentence gives one incident, of its most severe type. */
export const INCIDENT_CUES: [RegExp, IncidentTypeCode][] = [
  [words(['kill(?:ed|ing|s)?', 'murder(?:ed|s)?', 'massacred?', 'massacres', 'shot dead', 'executed', 'lynched', 'bodies', 'beheaded', 'tu(?:é|ée|és|ées)', 'assassinée?s?', 'massacrée?s?', 'abattue?s?', 'touye', 'masakre', 'masak', 'asesinad[oa]s?', 'matad[oa]s?', 'masacre']), 'killing'],
  [words(['raped?', 'sexual violence', 'sexually assaulted', 'violée?s?', 'viols?', 'violences? sexuelles?', 'vyole', 'kadejak', 'violad[oa]s?', 'violencia sexual']), 'sexual_violence'],
  [words(['kidnap(?:p?ed|p?ing|s)?', 'abduct(?:ed|ion|s)?', 'taken hostage', 'enlevée?s?', 'enlèvements?', 'kidnappée?s?', 'pris en otage', 'kidnape', 'kidnapin', 'anlve', 'secuestrad[oa]s?', 'secuestro']), 'kidnapping'],
  [words(['attack(?:ed)? (?:on )?(?:a |the )?police (?:station|post|patrol|officers)', 'ambush(?:ed)? (?:a |the )?police', 'attaqu(?:é|e) (?:le |un |du )?commissariat', 'atake komisarya', 'atacaron (?:la |una )?comisaría']), 'attack_on_police'],
  [words(['arson', 'set (?:on )?fire', 'set ablaze', 'torched', 'burn(?:ed|t) (?:down )?(?:homes|houses|vehicles|cars|buildings|a |the )', 'incendiée?s?', 'incendié', 'brûlée?s?', 'mis le feu', 'boule', 'mete dife', 'incendiad[oa]s?', 'quemad[oa]s?']), 'arson'],
  [words(['loot(?:ed|ing)', 'pillag(?:ed|ing)', 'ransacked', 'pillée?s?', 'pillage', 'saccagée?s?', 'piye', 'saquead[oa]s?', 'saqueo']), 'looting'],
  [words(['organ trafficking', "trafic d'organes", 'trafik ògàn']), 'organ_trafficking'],
  [words(['clash(?:es|ed)', 'exchange of fire', 'gun ?fights?', 'firefights?', 'affrontements?', 'fusillade', 'échanges? de tirs', 'echanj tire', 'goumen', 'enfrentamientos?', 'tiroteo']), 'armed_clash'],
  [words([
    "(?:attack(?:ed|s)?|stormed|raided) (?:on )?(?:the |a )?(?:[\\p{L}'-]+ ){0,2}?(?:port|airport|power (?:plant|station)|hospital|prison|penitentiary|terminal)",
    "(?:port|airport|power (?:plant|station)|hospital|prison|penitentiary|terminal) (?:[\\p{L}'-]+ ){0,4}?(?:was|were) (?:also )?(?:attacked|stormed|raided|set on fire)",
    "(?:attaqu(?:é|e|ée)|pris d'assaut) (?:le |la |l.)?(?:[\\p{L}'-]+ ){0,2}?(?:port|aéroport|prison|pénitencier|hôpital|centrale)",
    "(?:prison|pénitencier|aéroport|hôpital) (?:[\\p{L}'-]+ ){0,4}?a été (?:attaquée?|prise? d'assaut)",
    'atake (?:prizon|ayewopò|lopital)', 'atacaron (?:la |el )?(?:cárcel|prisión|aeropuerto|hospital)',
  ]), 'attack_on_infrastructure'],
  [words(['displaced', 'fled their homes', 'forced to flee', 'déplacée?s?', 'ont fui', 'fui leurs maisons', 'deplase', 'kouri kite', 'desplazad[oa]s?']), 'displacement'],
  [words(['roadblocks?', 'blocked the road', 'barricades?', 'barrages?', 'baraj', 'bloqueos?']), 'roadblock'],
];

/** Sentences about trends, not events: these never yield an incident. */
export const TREND = words(['on the rise', 'soared', 'surged?', 'increase[ds]?', 'rising', 'wave of', 'every (?:day|week)', 'each (?:day|week)', 'so far this year', 'since the start of the year',
  'en hausse', 'augment(?:é|e|ent|ation)', 'recrudescence', 'chaque (?:jour|semaine)', 'depuis le début de l.année', 'ogmante', 'chak jou', 'en aumento', 'cada día', 'such as', 'tels que']);

/** Counts: words after (or before) a number that say what it counts. */
export const COUNT_CUES: [RegExp, 'killed' | 'injured' | 'abducted' | 'displaced'][] = [
  [/^\s+(?:[\p{L}'’-]+\s+){0,4}?(?:were\s+|have been\s+|had been\s+|ont été\s+|sont\s+|te\s+)?(?:killed|dead|deaths|bodies|murdered|died|massacred|shot dead|tu(?:é|ée|és|ées)|morts?|décès|assassinée?s?|touye|mouri|muert[oa]s|asesinad[oa]s|fallecid[oa]s)(?![\p{L}])/iu, 'killed'],
  [/^\s+(?:[\p{L}'’-]+\s+){0,4}?(?:were\s+|have been\s+|ont été\s+|te\s+)?(?:injured|wounded|hurt|blessée?s?|blese|herid[oa]s)(?![\p{L}])/iu, 'injured'],
  [/^\s+(?:[\p{L}'’-]+\s+){0,4}?(?:were\s+|have been\s+|ont été\s+|te\s+)?(?:kidnapp?ed|abducted|taken hostage|enlevée?s?|kidnappée?s?|kidnape|anlve|secuestrad[oa]s)(?![\p{L}])/iu, 'abducted'],
  [/^\s+(?:[\p{L}'’-]+\s+){0,4}?(?:were\s+|have been\s+|ont été\s+|te\s+)?(?:displaced|fled|déplacée?s?|ont fui|fui|deplase|kouri kite|desplazad[oa]s|huyeron)(?![\p{L}])/iu, 'displaced'],
];
/** "killing at least 12", "a tué 5": the verb before the number. */
export const COUNT_BEFORE: [RegExp, 'killed' | 'injured' | 'abducted' | 'displaced'][] = [
  [/(?:killing|killed|murdered|left|a tué|ont tué|tuant|touye|mató|matando)\s+(?:at least\s+|au moins\s+|omwen\s+|al menos\s+)?$/iu, 'killed'],
  [/(?:injuring|injured|wounding|wounded|blessant|a blessé|ont blessé|blese|hiriendo|hirió)\s+(?:at least\s+|au moins\s+|omwen\s+|al menos\s+)?$/iu, 'injured'],
  [/(?:kidnapp?ing|kidnapp?ed|abducted|abducting|enlevé|ont enlevé|kidnape|secuestraron)\s+(?:at least\s+|au moins\s+|omwen\s+|al menos\s+)?$/iu, 'abducted'],
  [/(?:displacing|displaced|forcing|poussant|forçant)\s+(?:at least\s+|au moins\s+|omwen\s+|al menos\s+|some\s+|quelque\s+)?$/iu, 'displaced'],
];
