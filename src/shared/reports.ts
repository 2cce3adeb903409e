import { z } from 'zod';
import { OrganisationCode } from './access.ts';
import { Locale, type Labels } from './i18n.ts';

/*
 * Situation reports: what a caller asks for (period, audience, language,
 * format), the figures a report carries (its JSON form, from which the HTML
 * page and the PDF are drawn), and the report's own words in English, French
 * and Haitian Creole. Labels of the modules' vocabularies (incident types,
 * control levels…) come from those modules' shared files.
 */

export const IsoDay = z.iso.date('a date as YYYY-MM-DD');

/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 366;

/**
 * Who a report is written for. PUBLIC: only PUBLIC records. MISSION: what every
 * member of the mission may see (PUBLIC and MISSION records), without any
 * organisation's restricted releases. An organisation code: what that
 * organisation may see.
 */
export const ReportAudience = z.union([z.literal('PUBLIC'), z.literal('MISSION'), OrganisationCode]);
export type ReportAudience = z.infer<typeof ReportAudience>;

export const REPORT_FORMATS = ['html', 'pdf', 'json'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

const sitrepShape = {
  from: IsoDay,
  to: IsoDay,
  audience: ReportAudience.default('PUBLIC'),
  lang: Locale.default('en'),
  format: ReportFormat.default('html'),
};

function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${q.to}) is before from (${q.from})` });
  else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > MAX_REPORT_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `a report covers at most ${MAX_REPORT_DAYS} days: split the period` });
  }
}

/** `from` and `to` are whole days (UTC), both included. */
export const SitrepQuery = z.strictObject(sitrepShape).superRefine(checkPeriod);
export type SitrepQuery = z.input<typeof SitrepQuery>;

/** The same over HTTP, with `download=true` to save the page or PDF as a file rather than show it. */
export const SitrepHttpQuery = z.strictObject({ ...sitrepShape, download: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }).superRefine(checkPeriod);

/* ----- The report's figures (its JSON form) ----- */

const Count = z.number();
/** A figure with the same figure for the previous period of the same length. */
export const Change = z.object({ current: Count, previous: Count.nullable(), change: Count.nullable(), changePercent: z.number().nullable() });
export type Change = z.infer<typeof Change>;

/** Which service call gave a section's figures, with its parameters: every number traces to a query. */
export const Trace = z.object({ service: z.string(), params: z.record(z.string(), z.unknown()) });
export type Trace = z.infer<typeof Trace>;

export const NotAvailable = z.object({ status: z.literal('not_available'), reason: z.string() });
export type NotAvailable = z.infer<typeof NotAvailable>;

const Casualties = z.object({ incidents: Count, killed: Count, injured: Count, abducted: Count, displaced: Count });

export const SecuritySection = z.object({
  status: z.literal('available'),
  totals: Casualties,
  previousTotals: Casualties,
  byType: z.array(Casualties.extend({ type: z.string(), previousIncidents: Count })),
  byWeek: z.array(z.object({ week: z.string(), isoWeek: z.string(), incidents: Count, killed: Count, abducted: Count, byType: z.record(z.string(), Count) })),
  kidnappings: z.object({ incidents: Change, abducted: Change }),
  communesRising: z.array(z.object({ pcode: z.string(), name: z.string(), incidents: Count, previous: Count, change: Count })),
  incidents: z.array(z.object({
    id: z.string(), type: z.string(), title: z.string(), occurredAt: z.string(), placeName: z.string().nullable(), commune: z.string().nullable(),
    killed: Count, injured: Count, abducted: Count, displaced: Count, verification: z.string(), illustrative: z.boolean(), lon: z.number(), lat: z.number(),
  })),
  /** More incidents matched than the map lists: the counts above still include them all. */
  truncated: z.boolean(),
  verification: z.record(z.string(), Count),
  areas: z.array(z.object({ id: z.string(), name: z.string(), group: z.string(), level: z.string(), validFrom: z.string(), illustrative: z.boolean(), geometry: z.object({ type: z.string(), coordinates: z.array(z.any()) }) })),
  queries: z.array(Trace),
});
export type SecuritySection = z.infer<typeof SecuritySection>;

export const RoadsSection = z.object({
  status: z.literal('available'),
  network: z.string(),
  asOf: z.string(),
  keyRoads: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), meters: Count, openMeters: Count, riskyMeters: Count, blockedMeters: Count, causes: z.array(z.string()) })),
  segments: z.object({ blocked: Count, risky: Count, blockedKm: z.number(), riskyKm: z.number() }),
  blockedLines: z.array(z.array(z.tuple([z.number(), z.number()]))),
  roadblocks: z.object({
    inForce: Count, reportedInPeriod: Count, clearedInPeriod: Count,
    items: z.array(z.object({ id: z.string(), kind: z.string(), state: z.string(), description: z.string(), group: z.string(), reportedAt: z.string(), lon: z.number(), lat: z.number() })),
  }),
  convoys: z.union([NotAvailable, z.object({ status: z.literal('available'), total: Count, byStatus: z.record(z.string(), Count) })]),
  queries: z.array(Trace),
});
export type RoadsSection = z.infer<typeof RoadsSection>;

const Officers = z.object({ pledged: Count, unspecifiedPledges: Count, confirmed: Count, deployed: Count });
const Usd = z.object({ pledged: z.number(), committed: z.number(), paid: z.number() });

export const ForceSection = z.object({
  status: z.literal('available'),
  asOf: z.string(),
  previousAsOf: z.string(),
  officers: Officers,
  previousOfficers: Officers,
  usd: Usd,
  previousUsd: Usd,
  byOrganisation: z.array(z.object({ organisation: z.string(), name: z.string(), officers: Officers, usd: Usd })),
  inKind: z.array(z.object({ category: z.string(), status: z.string(), pledges: Count })),
  milestones: z.object({ total: Count, open: Count }),
  lateMilestones: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), status: z.string(), planned: z.string().nullable(), daysLate: Count })),
  pledges: z.array(z.object({
    id: z.string(), organisation: z.string(), kind: z.string(), title: z.string(), pledgedOn: z.string(), officers: Count.nullable(), usdValue: z.number().nullable(),
    category: z.string().nullable(), illustrative: z.boolean(), source: z.string(),
  })),
  queries: z.array(Trace),
});
export type ForceSection = z.infer<typeof ForceSection>;

const ThreatChange = z.object({ siteId: z.string(), name: z.string(), kind: z.string(), criticality: Count, before: Count, after: Count });

export const SitesSection = z.object({
  status: z.literal('available'),
  total: Count,
  critical: Count,
  /** Threat level code (low … severe) to sites, at the end of the period. */
  byThreat: z.record(z.string(), Count),
  highest: z.array(z.object({ siteId: z.string(), name: z.string(), kind: z.string(), criticality: Count, level: Count, reasons: z.array(z.string()) })),
  raised: z.array(ThreatChange),
  lowered: z.array(ThreatChange),
  gaps: z.array(z.object({ siteId: z.string(), name: z.string(), kind: z.string(), criticality: Count, gap: z.string(), requiredStrength: Count, assignedStrength: Count, shortfall: Count })),
  queries: z.array(Trace),
});
export type SitesSection = z.infer<typeof SitesSection>;

export const OperationsSection = z.object({
  status: z.literal('available'),
  total: Count,
  byStatus: z.record(z.string(), Count),
  byKind: z.record(z.string(), Count),
  aborted: z.array(z.object({ id: z.string(), title: z.string(), afterAction: z.string() })),
  queries: z.array(Trace),
});
export type OperationsSection = z.infer<typeof OperationsSection>;

const TrainingTotals = z.object({ enrolled: Count, attendances: Count, certified: Count, trainees: Count });
export const TrainingSection = z.object({
  status: z.literal('available'),
  totals: TrainingTotals,
  previousTotals: TrainingTotals,
  byTopic: z.array(z.object({ topic: z.string(), enrolled: Count, attendances: Count, certified: Count })),
  queries: z.array(Trace),
});
export type TrainingSection = z.infer<typeof TrainingSection>;

/** A count as published: a number, or "<5" where it is too small to show. */
const Published = z.union([z.number(), z.literal('<5')]);
export const AccountabilitySection = z.object({
  status: z.literal('available'),
  complaints: z.object({
    from: z.string(), to: z.string(), total: Published,
    byCategory: z.array(z.object({ category: z.string(), count: Published })),
    byOutcome: z.array(z.object({ outcome: z.string(), count: Published })),
    note: z.string(),
  }),
  detentions: z.object({ recorded: Count, handedOverInTime: Count, handedOverLate: Count, released: Count, stillHeld: Count, overdue: Count }),
  queries: z.array(Trace),
});
export type AccountabilitySection = z.infer<typeof AccountabilitySection>;

const section = <T extends z.ZodType>(available: T) => z.union([available, NotAvailable]);

export const KEY_FIGURES = ['incidents', 'killed', 'abducted', 'displaced', 'deployed', 'paid', 'certified', 'keyRoadsBlocked', 'sitesHighThreat'] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

export const Sitrep = z.object({
  kind: z.literal('sitrep'),
  generatedAt: z.string(),
  lang: Locale,
  period: z.object({ from: z.string(), to: z.string(), days: Count }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  audience: z.object({ code: z.string(), name: z.string(), marking: z.string() }),
  /** sha256 of the figures (everything but generatedAt and contentHash): equal reports have equal hashes. */
  contentHash: z.string(),
  summary: z.object({ figures: z.array(Change.extend({ key: z.enum(KEY_FIGURES), available: z.boolean() })) }),
  security: section(SecuritySection),
  roads: section(RoadsSection),
  force: section(ForceSection),
  sites: section(SitesSection),
  operations: section(OperationsSection),
  training: section(TrainingSection),
  accountability: section(AccountabilitySection),
  sources: z.array(z.object({ what: z.string(), detail: z.string() })),
  illustrativeRecords: Count,
});
export type Sitrep = z.infer<typeof Sitrep>;

/* ----- The report's words ----- */

export const REPORT_TEXT = {
  title: { en: 'Situation report', fr: 'Rapport de situation', ht: 'Rapò sou sitiyasyon an' },
  mission: { en: 'Multinational Security Support mission to Haiti', fr: 'Mission multinationale d’appui à la sécurité en Haïti', ht: 'Misyon entènasyonal sipò sekirite an Ayiti' },
  period: { en: 'Period', fr: 'Période', ht: 'Peryòd' },
  previousPeriod: { en: 'compared with', fr: 'comparée à', ht: 'konpare ak' },
  audience: { en: 'Audience', fr: 'Destinataires', ht: 'Pou ki moun' },
  generated: { en: 'Generated', fr: 'Produit le', ht: 'Pwodui' },
  contentHash: { en: 'Content hash', fr: 'Empreinte du contenu', ht: 'Anprent kontni an' },
  audiencePublic: { en: 'Public edition', fr: 'Édition publique', ht: 'Edisyon piblik' },
  audienceMission: { en: 'Mission members', fr: 'Membres de la mission', ht: 'Manm misyon an' },
  markingPublic: { en: 'PUBLIC', fr: 'PUBLIC', ht: 'PIBLIK' },
  markingMission: { en: 'MISSION — releasable to mission members', fr: 'MISSION — diffusable aux membres de la mission', ht: 'MISYON — pou manm misyon an sèlman' },
  markingOrganisation: { en: 'RESTRICTED — releasable to {org}', fr: 'RESTREINT — diffusable à {org}', ht: 'RESTRIKSYON — pou {org} sèlman' },
  notAvailable: { en: 'Not available', fr: 'Non disponible', ht: 'Pa disponib' },
  none: { en: 'None', fr: 'Aucun', ht: 'Okenn' },
  total: { en: 'Total', fr: 'Total', ht: 'Total' },
  change: { en: 'Change', fr: 'Variation', ht: 'Chanjman' },
  previous: { en: 'Previous period', fr: 'Période précédente', ht: 'Peryòd anvan an' },
  thisPeriod: { en: 'This period', fr: 'Cette période', ht: 'Peryòd sa a' },
  noChange: { en: 'no change', fr: 'stable', ht: 'pa chanje' },
  newFigure: { en: 'new', fr: 'nouveau', ht: 'nouvo' },
  // sections
  summary: { en: 'Summary', fr: 'Résumé', ht: 'Rezime' },
  security: { en: 'Security situation', fr: 'Situation sécuritaire', ht: 'Sitiyasyon sekirite' },
  roads: { en: 'Road access', fr: 'Accès routier', ht: 'Aksè sou wout yo' },
  force: { en: 'Force generation and funding', fr: 'Génération de la force et financement', ht: 'Fòs la ak finansman' },
  sites: { en: 'Critical sites', fr: 'Sites critiques', ht: 'Sit kritik' },
  operations: { en: 'Operations', fr: 'Opérations', ht: 'Operasyon' },
  training: { en: 'Police training', fr: 'Formation de la police', ht: 'Fòmasyon polis' },
  accountability: { en: 'Accountability', fr: 'Redevabilité', ht: 'Responsabilite' },
  sources: { en: 'Sources and method', fr: 'Sources et méthode', ht: 'Sous ak metòd' },
  // key figures
  fig_incidents: { en: 'Incidents', fr: 'Incidents', ht: 'Ensidan' },
  fig_killed: { en: 'People killed', fr: 'Personnes tuées', ht: 'Moun ki mouri' },
  fig_abducted: { en: 'People kidnapped', fr: 'Personnes enlevées', ht: 'Moun yo kidnape' },
  fig_displaced: { en: 'People displaced', fr: 'Personnes déplacées', ht: 'Moun ki deplase' },
  fig_deployed: { en: 'Officers deployed', fr: 'Policiers déployés', ht: 'Polisye ki deplwaye' },
  fig_paid: { en: 'Funds paid (USD)', fr: 'Fonds versés (USD)', ht: 'Lajan ki peye (USD)' },
  fig_certified: { en: 'HNP certifications', fr: 'Certifications PNH', ht: 'Sètifikasyon PNH' },
  fig_keyRoadsBlocked: { en: 'Key roads blocked', fr: 'Axes clés bloqués', ht: 'Gwo wout ki bloke' },
  fig_sitesHighThreat: { en: 'Sites under high threat', fr: 'Sites sous menace élevée', ht: 'Sit ki anba gwo menas' },
  // security
  injured: { en: 'Injured', fr: 'Blessés', ht: 'Blese' },
  killed: { en: 'Killed', fr: 'Tués', ht: 'Mouri' },
  abducted: { en: 'Kidnapped', fr: 'Enlevés', ht: 'Kidnape' },
  displaced: { en: 'Displaced', fr: 'Déplacés', ht: 'Deplase' },
  incidents: { en: 'Incidents', fr: 'Incidents', ht: 'Ensidan' },
  incidentType: { en: 'Type', fr: 'Type', ht: 'Kalite' },
  byWeek: { en: 'Incidents by week and type', fr: 'Incidents par semaine et par type', ht: 'Ensidan pa semèn ak pa kalite' },
  byType: { en: 'Incidents by type, against the previous period', fr: 'Incidents par type, comparés à la période précédente', ht: 'Ensidan pa kalite, konpare ak peryòd anvan an' },
  casualties: { en: 'Incidents, casualties and kidnappings', fr: 'Incidents, victimes et enlèvements', ht: 'Ensidan, viktim ak kidnaping' },
  kidnapIncidents: { en: 'Kidnapping incidents', fr: 'Enlèvements signalés', ht: 'Ka kidnaping' },
  kidnapVictims: { en: 'People kidnapped (all incidents)', fr: 'Personnes enlevées (tous incidents)', ht: 'Moun yo kidnape (tout ensidan)' },
  map: { en: 'Incidents of the period and areas of control', fr: 'Incidents de la période et zones sous contrôle', ht: 'Ensidan peryòd la ak zòn anba kontwòl' },
  mapOutside: { en: '{n} incidents lie outside the map’s extent (Port-au-Prince).', fr: '{n} incidents se situent hors de la carte (Port-au-Prince).', ht: '{n} ensidan pa parèt sou kat la (Pòtoprens).' },
  mapTruncated: { en: 'The map shows the first {n} incidents only.', fr: 'La carte ne montre que les {n} premiers incidents.', ht: 'Kat la montre sèlman {n} premye ensidan yo.' },
  noBoundaries: { en: 'Administrative boundaries are missing ({dataset}); the map shows points and areas only.', fr: 'Limites administratives absentes ({dataset}) : la carte ne montre que les points et les zones.', ht: 'Limit administratif yo manke ({dataset}): kat la montre sèlman pwen ak zòn yo.' },
  communesRising: { en: 'Communes with the largest rise', fr: 'Communes en plus forte hausse', ht: 'Komin kote ensidan yo monte plis' },
  commune: { en: 'Commune', fr: 'Commune', ht: 'Komin' },
  noRise: { en: 'No commune saw more incidents than in the previous period.', fr: 'Aucune commune n’a connu plus d’incidents que pendant la période précédente.', ht: 'Pa gen okenn komin ki te gen plis ensidan pase peryòd anvan an.' },
  areasOfControl: { en: 'Areas of control at the end of the period', fr: 'Zones sous contrôle à la fin de la période', ht: 'Zòn anba kontwòl nan fen peryòd la' },
  group: { en: 'Group', fr: 'Groupe', ht: 'Gwoup' },
  level: { en: 'Level', fr: 'Niveau', ht: 'Nivo' },
  area: { en: 'Area', fr: 'Zone', ht: 'Zòn' },
  since: { en: 'Since', fr: 'Depuis', ht: 'Depi' },
  notableIncidents: { en: 'Most serious incidents', fr: 'Incidents les plus graves', ht: 'Ensidan ki pi grav yo' },
  date: { en: 'Date', fr: 'Date', ht: 'Dat' },
  place: { en: 'Place', fr: 'Lieu', ht: 'Kote' },
  incident: { en: 'Incident', fr: 'Incident', ht: 'Ensidan' },
  verification: { en: 'Verification', fr: 'Vérification', ht: 'Verifikasyon' },
  // roads
  network: { en: 'Road network', fr: 'Réseau routier', ht: 'Rezo wout' },
  keyRoads: { en: 'Key roads', fr: 'Axes routiers clés', ht: 'Gwo wout yo' },
  road: { en: 'Road', fr: 'Axe', ht: 'Wout' },
  status: { en: 'Status', fr: 'État', ht: 'Eta' },
  lengthBlocked: { en: 'Blocked (km)', fr: 'Bloqué (km)', ht: 'Bloke (km)' },
  lengthRisky: { en: 'Risky (km)', fr: 'Risqué (km)', ht: 'Riske (km)' },
  causes: { en: 'Because of', fr: 'En raison de', ht: 'Akoz' },
  segments: { en: 'Road segments blocked: {blocked} ({blockedKm} km); risky: {risky} ({riskyKm} km).', fr: 'Tronçons bloqués : {blocked} ({blockedKm} km) ; risqués : {risky} ({riskyKm} km).', ht: 'Moso wout ki bloke: {blocked} ({blockedKm} km); ki riske: {risky} ({riskyKm} km).' },
  roadblocks: { en: 'Roadblocks and checkpoints', fr: 'Barrages et points de contrôle', ht: 'Baraj ak pòs kontwòl' },
  roadblocksLine: { en: '{inForce} in force at the end of the period; {reported} reported and {cleared} cleared during it.', fr: '{inForce} en place à la fin de la période ; {reported} signalés et {cleared} levés pendant la période.', ht: '{inForce} toujou la nan fen peryòd la; {reported} te siyale e {cleared} te leve pandan peryòd la.' },
  convoys: { en: 'Convoy escorts', fr: 'Escortes de convois', ht: 'Eskòt konvwa' },
  convoysLine: { en: '{total} convoy escort tasks in the period.', fr: '{total} missions d’escorte de convoi pendant la période.', ht: '{total} misyon eskòt konvwa pandan peryòd la.' },
  asOf: { en: 'as of', fr: 'au', ht: 'nan dat' },
  blockedRoad: { en: 'Blocked road', fr: 'Route bloquée', ht: 'Wout bloke' },
  roadblockInForce: { en: 'Roadblock in force', fr: 'Barrage en place', ht: 'Baraj ki la' },
  description: { en: 'Description', fr: 'Description', ht: 'Deskripsyon' },
  reported: { en: 'Reported', fr: 'Signalé', ht: 'Siyale' },
  kind: { en: 'Kind', fr: 'Nature', ht: 'Kalite' },
  state_active: { en: 'In force', fr: 'En place', ht: 'La' },
  state_stale: { en: 'Not confirmed', fr: 'Non confirmé', ht: 'Pa konfime' },
  state_cleared: { en: 'Cleared', fr: 'Levé', ht: 'Leve' },
  // force
  officers: { en: 'Officers', fr: 'Policiers', ht: 'Polisye' },
  pledged: { en: 'Pledged', fr: 'Promis', ht: 'Pwomèt' },
  confirmed: { en: 'Confirmed', fr: 'Confirmés', ht: 'Konfime' },
  deployed: { en: 'Deployed', fr: 'Déployés', ht: 'Deplwaye' },
  committed: { en: 'Committed', fr: 'Engagés', ht: 'Angaje' },
  paid: { en: 'Paid', fr: 'Versés', ht: 'Peye' },
  unspecified: { en: '{n} pledges without a number of officers', fr: '{n} promesses sans nombre de policiers', ht: '{n} pwomès san kantite polisye' },
  officersChart: { en: 'Officers pledged, confirmed and deployed', fr: 'Policiers promis, confirmés et déployés', ht: 'Polisye ki pwomèt, konfime ak deplwaye' },
  fundsChart: { en: 'Funds pledged, committed and paid (USD)', fr: 'Fonds promis, engagés et versés (USD)', ht: 'Lajan ki pwomèt, angaje ak peye (USD)' },
  organisation: { en: 'Organisation', fr: 'Organisation', ht: 'Òganizasyon' },
  pledges: { en: 'Pledges', fr: 'Promesses', ht: 'Pwomès' },
  inKind: { en: 'In-kind support', fr: 'Soutien en nature', ht: 'Sipò an nati' },
  lateMilestones: { en: 'Late milestones', fr: 'Jalons en retard', ht: 'Etap ki an reta' },
  daysLate: { en: 'Days late', fr: 'Jours de retard', ht: 'Jou reta' },
  planned: { en: 'Planned', fr: 'Prévu', ht: 'Te planifye' },
  milestonesLine: { en: '{total} mandate milestones, {open} still open.', fr: '{total} jalons du mandat, dont {open} encore ouverts.', ht: '{total} etap manda a, {open} poko fèmen.' },
  // sites
  sitesLine: { en: '{total} sites, {critical} of them critical (criticality 4–5).', fr: '{total} sites, dont {critical} critiques (criticité 4–5).', ht: '{total} sit, {critical} ladan yo kritik (nivo 4–5).' },
  threatLevels: { en: 'Sites by threat level at the end of the period', fr: 'Sites par niveau de menace à la fin de la période', ht: 'Sit pa nivo menas nan fen peryòd la' },
  highestThreat: { en: 'Critical sites under the highest threat', fr: 'Sites critiques les plus menacés', ht: 'Sit kritik ki pi menase' },
  threatRaised: { en: 'Threat raised during the period', fr: 'Menace en hausse pendant la période', ht: 'Menas ki monte pandan peryòd la' },
  threatLowered: { en: 'Threat lowered during the period', fr: 'Menace en baisse pendant la période', ht: 'Menas ki bese pandan peryòd la' },
  site: { en: 'Site', fr: 'Site', ht: 'Sit' },
  threat: { en: 'Threat', fr: 'Menace', ht: 'Menas' },
  reasons: { en: 'Why', fr: 'Pourquoi', ht: 'Poukisa' },
  protectionGaps: { en: 'Protection gaps', fr: 'Lacunes de protection', ht: 'Twou nan pwoteksyon' },
  shortfall: { en: 'Shortfall (officers)', fr: 'Manque (policiers)', ht: 'Sa ki manke (polisye)' },
  gap_unassigned: { en: 'Nobody assigned', fr: 'Personne d’affecté', ht: 'Pa gen pèsonn' },
  gap_under_strength: { en: 'Under strength', fr: 'Effectif insuffisant', ht: 'Pa ase moun' },
  // operations
  tasksLine: { en: '{total} tasks in the period; {done} done.', fr: '{total} missions pendant la période ; {done} terminées.', ht: '{total} misyon pandan peryòd la; {done} fini.' },
  task: { en: 'Task', fr: 'Mission', ht: 'Misyon' },
  abortedTasks: { en: 'Aborted tasks', fr: 'Missions annulées', ht: 'Misyon ki anile' },
  afterAction: { en: 'After-action note', fr: 'Retour d’expérience', ht: 'Nòt apre aksyon' },
  // training
  enrolled: { en: 'Enrolled', fr: 'Inscrits', ht: 'Enskri' },
  attendances: { en: 'Sessions attended', fr: 'Séances suivies', ht: 'Seyans yo swiv' },
  certified: { en: 'Certified', fr: 'Certifiés', ht: 'Sètifye' },
  trainees: { en: 'Trainees', fr: 'Stagiaires', ht: 'Elèv' },
  topic: { en: 'Topic', fr: 'Thème', ht: 'Sijè' },
  // accountability
  complaints: { en: 'Complaints from the public', fr: 'Plaintes du public', ht: 'Plent piblik la' },
  complaintsPeriod: { en: 'Complaints received {from} to {to} (whole months)', fr: 'Plaintes reçues de {from} à {to} (mois entiers)', ht: 'Plent ki rive soti {from} rive {to} (mwa antye)' },
  category: { en: 'Category', fr: 'Catégorie', ht: 'Kategori' },
  outcome: { en: 'Outcome', fr: 'Issue', ht: 'Rezilta' },
  pendingTriage: { en: 'Not yet triaged', fr: 'Pas encore triées', ht: 'Poko klase' },
  open: { en: 'Open', fr: 'En cours', ht: 'Louvri' },
  fewerThanFive: { en: 'fewer than 5', fr: 'moins de 5', ht: 'mwens pase 5' },
  suppressionNote: { en: 'Counts below 5 are shown as “fewer than 5” so that no one can be identified; where a small count could be worked out from the total, another is hidden too.', fr: 'Les nombres inférieurs à 5 sont indiqués « moins de 5 » afin que personne ne puisse être identifié ; quand un petit nombre pourrait se déduire du total, un autre est masqué aussi.', ht: 'Kantite ki pi piti pase 5 ekri “mwens pase 5” pou pèsonn pa ka idantifye; lè yon ti kantite ta ka jwenn ak total la, yo kache yon lòt tou.' },
  detentions: { en: 'Detentions by mission units', fr: 'Détentions par les unités de la mission', ht: 'Moun inite misyon an arete' },
  detentionsLine: { en: '{recorded} people detained in the period: {inTime} handed over in time, {late} handed over late, {released} released, {held} still held ({overdue} past the handover deadline).', fr: '{recorded} personnes détenues pendant la période : {inTime} remises à temps, {late} remises en retard, {released} libérées, {held} encore détenues (dont {overdue} au-delà du délai de remise).', ht: '{recorded} moun arete pandan peryòd la: {inTime} remèt a lè, {late} remèt an reta, {released} lage, {held} toujou kenbe ({overdue} depase dèlè pou remèt yo).' },
  // sources
  sourceIncidents: { en: 'Incident reports', fr: 'Signalements d’incidents', ht: 'Rapò ensidan' },
  sourceLedger: { en: 'Mission ledger', fr: 'Registre de la mission', ht: 'Rejis misyon an' },
  sourceBoundaries: { en: 'Administrative boundaries', fr: 'Limites administratives', ht: 'Limit administratif' },
  sourceRoads: { en: 'Road network', fr: 'Réseau routier', ht: 'Rezo wout' },
  sourceRecords: { en: 'Konbit records', fr: 'Données Konbit', ht: 'Done Konbit' },
  methodAudience: { en: 'Every figure counts only the records this audience may see, read through the same services and releasability rule as the application.', fr: 'Chaque chiffre ne compte que les données que ces destinataires peuvent voir, lues par les mêmes services et la même règle de diffusion que l’application.', ht: 'Chak chif konte sèlman done moun rapò a ye pou yo gen dwa wè, li ak menm sèvis ak menm règ difizyon ak aplikasyon an.' },
  methodRejected: { en: 'Incident reports rejected on verification are left out; merged duplicates count once.', fr: 'Les signalements rejetés à la vérification sont exclus ; les doublons fusionnés comptent une fois.', ht: 'Rapò ki rejte nan verifikasyon pa konte; doublon ki fizyone konte yon sèl fwa.' },
  methodTime: { en: 'Dates are UTC days; the previous period is the same number of days just before.', fr: 'Les dates sont des jours UTC ; la période précédente compte le même nombre de jours juste avant.', ht: 'Dat yo se jou UTC; peryòd anvan an gen menm kantite jou jis anvan.' },
  illustrative: { en: '{n} of the records behind this report are illustrative (demo or training data), not real events.', fr: '{n} des données de ce rapport sont illustratives (démonstration ou formation), pas des faits réels.', ht: '{n} nan done rapò sa a se egzanp (demo oswa fòmasyon), se pa bagay ki te rive vre.' },
  page: { en: 'Page', fr: 'Page', ht: 'Paj' },
  of: { en: 'of', fr: 'sur', ht: 'sou' },
} as const satisfies Record<string, Labels>;
export type ReportTextKey = keyof typeof REPORT_TEXT;

/** Month names, for dates written out (Intl has no Haitian Creole). */
export const MONTH_NAMES: readonly Labels[] = [
  { en: 'January', fr: 'janvier', ht: 'janvye' },
  { en: 'February', fr: 'février', ht: 'fevriye' },
  { en: 'March', fr: 'mars', ht: 'mas' },
  { en: 'April', fr: 'avril', ht: 'avril' },
  { en: 'May', fr: 'mai', ht: 'me' },
  { en: 'June', fr: 'juin', ht: 'jen' },
  { en: 'July', fr: 'juillet', ht: 'jiyè' },
  { en: 'August', fr: 'août', ht: 'out' },
  { en: 'September', fr: 'septembre', ht: 'septanm' },
  { en: 'October', fr: 'octobre', ht: 'oktòb' },
  { en: 'November', fr: 'novembre', ht: 'novanm' },
  { en: 'December', fr: 'décembre', ht: 'desanm' },
];
