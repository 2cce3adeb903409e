import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';
import { codesOf, type Vocabulary } from './i18n.ts';

/*
 * The mission ledger: pledges of officers, money and in-kind support, the
 * dated events that fulfil them, and the milestones of the mandate. Shared by
 * the server (validation) and the web app (types and labels).
 *
 * Money travels as decimal strings in the pledge's currency ("100000000.00")
 * and as numbers of US dollars for the USD values; the database keeps integer
 * minor units (cents), so no amount is ever a binary fraction.
 */

export const PLEDGE_KINDS = {
  personnel: { en: 'Personnel', fr: 'Personnel', ht: 'Pèsonèl' },
  funds: { en: 'Funds', fr: 'Fonds', ht: 'Lajan' },
  in_kind: { en: 'In-kind support', fr: 'Soutien en nature', ht: 'Sipò an nati' },
} as const satisfies Vocabulary<string>;
export const PledgeKind = z.enum(codesOf(PLEDGE_KINDS));
export type PledgeKind = z.infer<typeof PledgeKind>;

export const UNIT_KINDS = {
  formed_police_unit: { en: 'Formed police unit', fr: 'Unité de police constituée', ht: 'Inite polis fòme' },
  individual_police_officers: { en: 'Individual police officers', fr: 'Policiers individuels', ht: 'Polisye endividyèl' },
  trainers: { en: 'Trainers', fr: 'Formateurs', ht: 'Fòmatè' },
  medical_staff: { en: 'Medical staff', fr: 'Personnel médical', ht: 'Pèsonèl medikal' },
  specialists: { en: 'Specialists', fr: 'Spécialistes', ht: 'Espesyalis' },
  unspecified: { en: 'Unspecified', fr: 'Non précisé', ht: 'Pa presize' },
} as const satisfies Vocabulary<string>;
export const UnitKind = z.enum(codesOf(UNIT_KINDS));

export const FUNDING_CHANNELS = {
  bilateral: { en: 'Bilateral', fr: 'Bilatéral', ht: 'Bilateral' },
  un_trust_fund: { en: 'UN trust fund', fr: 'Fonds d’affectation spéciale de l’ONU', ht: 'Fon fidisi ONI' },
  other: { en: 'Other', fr: 'Autre', ht: 'Lòt' },
  unspecified: { en: 'Unspecified', fr: 'Non précisé', ht: 'Pa presize' },
} as const satisfies Vocabulary<string>;
export const FundingChannel = z.enum(codesOf(FUNDING_CHANNELS));

export const IN_KIND_CATEGORIES = {
  intelligence: { en: 'Intelligence', fr: 'Renseignement', ht: 'Entèlijans' },
  airlift: { en: 'Airlift', fr: 'Transport aérien', ht: 'Transpò pa avyon' },
  communications: { en: 'Communications', fr: 'Communications', ht: 'Kominikasyon' },
  medical: { en: 'Medical', fr: 'Médical', ht: 'Medikal' },
  equipment: { en: 'Equipment', fr: 'Équipement', ht: 'Ekipman' },
  training: { en: 'Training', fr: 'Formation', ht: 'Fòmasyon' },
  logistics: { en: 'Logistics', fr: 'Logistique', ht: 'Lojistik' },
  other: { en: 'Other', fr: 'Autre', ht: 'Lòt' },
} as const satisfies Vocabulary<string>;
export const InKindCategory = z.enum(codesOf(IN_KIND_CATEGORIES));
export type InKindCategory = z.infer<typeof InKindCategory>;

/** How exact a date is: a day, only the month (the date is its first day), or approximate. */
export const DATE_PRECISIONS = {
  day: { en: 'Day', fr: 'Jour', ht: 'Jou' },
  month: { en: 'Month', fr: 'Mois', ht: 'Mwa' },
  approximate: { en: 'Approximate', fr: 'Approximative', ht: 'Apeprè' },
} as const satisfies Vocabulary<string>;
export const DatePrecision = z.enum(codesOf(DATE_PRECISIONS));

/** Fulfilment events; which apply depends on the pledge's kind (EVENT_KINDS_BY_PLEDGE_KIND). */
export const EVENT_KINDS = {
  confirmed: { en: 'Confirmed', fr: 'Confirmé', ht: 'Konfime' },
  deployed: { en: 'Deployed (arrived)', fr: 'Déployé (arrivé)', ht: 'Deplwaye (rive)' },
  rotated_out: { en: 'Rotated out', fr: 'Relevé', ht: 'Wotasyon soti' },
  repatriated: { en: 'Repatriated', fr: 'Rapatrié', ht: 'Rapatriye' },
  committed: { en: 'Committed', fr: 'Engagé', ht: 'Angaje' },
  disbursed: { en: 'Disbursed (paid)', fr: 'Décaissé (payé)', ht: 'Peye' },
  delivered: { en: 'Delivered', fr: 'Livré', ht: 'Livre' },
  in_service: { en: 'In service', fr: 'En service', ht: 'An sèvis' },
  ended: { en: 'Ended', fr: 'Terminé', ht: 'Fini' },
} as const satisfies Vocabulary<string>;
export const EventKind = z.enum(codesOf(EVENT_KINDS));
export type EventKind = z.infer<typeof EventKind>;

export const EVENT_KINDS_BY_PLEDGE_KIND: Readonly<Record<PledgeKind, readonly EventKind[]>> = {
  personnel: ['confirmed', 'deployed', 'rotated_out', 'repatriated'],
  funds: ['committed', 'disbursed'],
  in_kind: ['delivered', 'in_service', 'ended'],
};
export const OFFICER_EVENT_KINDS: readonly EventKind[] = EVENT_KINDS_BY_PLEDGE_KIND.personnel;
export const MONEY_EVENT_KINDS: readonly EventKind[] = EVENT_KINDS_BY_PLEDGE_KIND.funds;

export const MILESTONE_KINDS = {
  assessment_mission: { en: 'Assessment mission', fr: 'Mission d’évaluation', ht: 'Misyon evalyasyon' },
  authorisation: { en: 'Authorisation', fr: 'Autorisation', ht: 'Otorizasyon' },
  deployment_start: { en: 'Deployment start', fr: 'Début du déploiement', ht: 'Kòmansman deplwaman' },
  initial_operating_capability: { en: 'Initial operating capability', fr: 'Capacité opérationnelle initiale', ht: 'Premye kapasite operasyonèl' },
  full_operating_capability: { en: 'Full operating capability', fr: 'Pleine capacité opérationnelle', ht: 'Tout kapasite operasyonèl' },
  mandate_renewal: { en: 'Mandate renewal', fr: 'Renouvellement du mandat', ht: 'Renouvèlman manda' },
  election: { en: 'Election', fr: 'Élection', ht: 'Eleksyon' },
  other: { en: 'Other', fr: 'Autre', ht: 'Lòt' },
} as const satisfies Vocabulary<string>;
export const MilestoneKind = z.enum(codesOf(MILESTONE_KINDS));

export const MILESTONE_STATUSES = {
  planned: { en: 'Planned', fr: 'Prévu', ht: 'Planifye' },
  pending: { en: 'Pending', fr: 'En attente', ht: 'Annatant' },
  in_progress: { en: 'In progress', fr: 'En cours', ht: 'Ap fèt' },
  completed: { en: 'Completed', fr: 'Achevé', ht: 'Fini' },
  adopted: { en: 'Adopted', fr: 'Adopté', ht: 'Adopte' },
  rejected: { en: 'Rejected', fr: 'Rejeté', ht: 'Rejte' },
  postponed: { en: 'Postponed', fr: 'Reporté', ht: 'Ranvwaye' },
  cancelled: { en: 'Cancelled', fr: 'Annulé', ht: 'Anile' },
} as const satisfies Vocabulary<string>;
export const MilestoneStatus = z.enum(codesOf(MILESTONE_STATUSES));
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

/** Statuses that close a milestone: it happened (or will not), so it cannot be late any more. */
export const CLOSED_MILESTONE_STATUSES: readonly MilestoneStatus[] = ['completed', 'adopted', 'rejected', 'cancelled'];

/** ISO 4217 codes Konbit accepts, with the digits of their minor unit. */
export const CURRENCIES = {
  USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, NZD: 2, CHF: 2, JPY: 0, CNY: 2, KRW: 0, INR: 2,
  NOK: 2, SEK: 2, DKK: 2, PLN: 2, BRL: 2, MXN: 2, CLP: 0, COP: 2, ZAR: 2, NGN: 2,
  KES: 2, UGX: 0, TZS: 2, RWF: 0, BDT: 2, PKR: 2, SAR: 2, AED: 2, QAR: 2, KWD: 3, BHD: 3,
  HTG: 2, DOP: 2, JMD: 2, BSD: 2, XCD: 2, BBD: 2, BZD: 2, TTD: 2, GYD: 2, SRD: 2,
  XOF: 0, XAF: 0,
} as const;
export type CurrencyCode = keyof typeof CURRENCIES;
export const Currency = z.enum(Object.keys(CURRENCIES) as [CurrencyCode, ...CurrencyCode[]], {
  error: (issue) => `unknown currency ${JSON.stringify(issue.input)}: give an ISO 4217 code such as USD, EUR or KES`,
});

const DECIMAL = /^\d{1,15}(\.\d{1,12})?$/;
/** A positive decimal amount, as a JSON number or a string ("1250000.50"). */
export const DecimalAmount = z.union([z.number().positive('must be more than 0').max(1e15), z.string().regex(DECIMAL, 'a decimal number such as 1250000.50')]);
export const IsoDate = z.iso.date('a date as YYYY-MM-DD');
export const OfficerCount = z.int('officers must be a whole number').min(1, 'officers must be at least 1').max(1_000_000, 'officers must be at most 1,000,000');

/** Who announced a record and where: a URL or a document's title. */
export const Source = z.strictObject({
  announcedBy: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(300),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000).nullable().default(null),
  /** True for demo and training records that go beyond what the source says. */
  illustrative: z.boolean().default(false),
});
export type Source = z.infer<typeof Source>;

const Label = {
  classification: Classification,
  releasableTo: z.array(OrganisationCode).max(64).default([]),
};

const PledgeCommon = {
  /** The pledging organisation; by default the signed-in user's. */
  organisation: OrganisationCode.optional(),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  pledgedOn: IsoDate,
  datePrecision: DatePrecision.default('day'),
  source: Source,
  ...Label,
};

export const PersonnelPledgeInput = z.strictObject({
  kind: z.literal('personnel'),
  ...PledgeCommon,
  /** null when the announcement gives no number. */
  officers: OfficerCount.nullable(),
  unitKind: UnitKind.default('unspecified'),
});

export const FundsPledgeInput = z
  .strictObject({
    kind: z.literal('funds'),
    ...PledgeCommon,
    amount: DecimalAmount,
    currency: Currency,
    /** US dollars for one unit of the currency on the pledge date; 1 (or absent) for USD. */
    usdRate: DecimalAmount.optional(),
    channel: FundingChannel.default('unspecified'),
  })
  .superRefine((pledge, ctx) => {
    if (pledge.currency !== 'USD' && pledge.usdRate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['usdRate'], message: `give the exchange rate on the pledge date: US dollars for 1 ${pledge.currency}` });
    }
    if (pledge.currency === 'USD' && pledge.usdRate !== undefined && Number(pledge.usdRate) !== 1) {
      ctx.addIssue({ code: 'custom', path: ['usdRate'], message: 'a USD pledge has a rate of 1' });
    }
  });

export const InKindPledgeInput = z.strictObject({
  kind: z.literal('in_kind'),
  ...PledgeCommon,
  category: InKindCategory,
  quantity: z.number().positive('quantity must be more than 0').max(1e9).nullable().default(null),
  unit: z.string().trim().min(1).max(50).nullable().default(null),
});

/** What a user gives to record a pledge. */
export const PledgeInput = z.discriminatedUnion('kind', [PersonnelPledgeInput, FundsPledgeInput, InKindPledgeInput]);
export type PledgeInput = z.input<typeof PledgeInput>;
export type PledgeInputParsed = z.infer<typeof PledgeInput>;

/** A correction: any field of the pledge's kind; the kind itself cannot change. */
export const PledgePatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  pledgedOn: IsoDate.optional(),
  datePrecision: DatePrecision.optional(),
  source: Source.optional(),
  classification: Classification.optional(),
  releasableTo: z.array(OrganisationCode).max(64).optional(),
  officers: OfficerCount.nullable().optional(),
  unitKind: UnitKind.optional(),
  amount: DecimalAmount.optional(),
  currency: Currency.optional(),
  usdRate: DecimalAmount.optional(),
  channel: FundingChannel.optional(),
  category: InKindCategory.optional(),
  quantity: z.number().positive().max(1e9).nullable().optional(),
  unit: z.string().trim().min(1).max(50).nullable().optional(),
  /** Why the record is corrected; kept in the audit log. */
  reason: z.string().trim().min(1).max(500),
});
export type PledgePatch = z.input<typeof PledgePatch>;

/** A dated fulfilment event against a pledge. */
export const PledgeEventInput = z
  .strictObject({
    kind: EventKind,
    occurredOn: IsoDate,
    /** Personnel events: how many officers. */
    officers: OfficerCount.optional(),
    /** Money events: the amount in the pledge's currency. */
    amount: DecimalAmount.optional(),
    /** In-kind events: how much was delivered, when it counts. */
    quantity: z.number().positive().max(1e9).optional(),
    /** Allows strength (or commitments) beyond what was pledged. */
    overPledge: z.boolean().default(false),
    note: z.string().max(2000).default(''),
    source: Source.nullable().default(null),
  })
  .superRefine((event, ctx) => {
    const needsOfficers = OFFICER_EVENT_KINDS.includes(event.kind);
    const needsAmount = MONEY_EVENT_KINDS.includes(event.kind);
    if (needsOfficers && event.officers === undefined) ctx.addIssue({ code: 'custom', path: ['officers'], message: `a ${event.kind} event needs officers` });
    if (!needsOfficers && event.officers !== undefined) ctx.addIssue({ code: 'custom', path: ['officers'], message: `a ${event.kind} event has no officers` });
    if (needsAmount && event.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: `a ${event.kind} event needs an amount` });
    if (!needsAmount && event.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: `a ${event.kind} event has no amount` });
  });
export type PledgeEventInput = z.input<typeof PledgeEventInput>;

export const VoidEventInput = z.strictObject({ reason: z.string().trim().min(1).max(500) });

const MilestoneFields = z.strictObject({
  kind: MilestoneKind,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  status: MilestoneStatus,
  /** The organisation that leads or undergoes the milestone (e.g. the nation sending an assessment mission). */
  organisation: OrganisationCode.nullable().default(null),
  location: z.string().trim().min(1).max(200).nullable().default(null),
  /** Whom an assessment mission met. */
  metWith: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  /** For an authorisation: the resolution, e.g. "S/RES/2699 (2023)". */
  resolution: z.string().trim().min(1).max(100).nullable().default(null),
  plannedStart: IsoDate.nullable().default(null),
  plannedEnd: IsoDate.nullable().default(null),
  actualStart: IsoDate.nullable().default(null),
  actualEnd: IsoDate.nullable().default(null),
  datePrecision: DatePrecision.default('day'),
  source: Source,
  ...Label,
});

type MilestoneDates = Pick<z.infer<typeof MilestoneFields>, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'status'>;

/** Dates in order and closed milestones dated: the rules a milestone obeys however it was written. */
export function milestoneDateIssues(m: MilestoneDates): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const [start, end] of [['plannedStart', 'plannedEnd'], ['actualStart', 'actualEnd']] as const) {
    const from = m[start];
    const to = m[end];
    if (to !== null && from === null) issues.push({ path: end, message: `${end} needs ${start}` });
    if (from !== null && to !== null && to < from) issues.push({ path: end, message: `${end} (${to}) is before ${start} (${from})` });
  }
  if ((m.status === 'completed' || m.status === 'adopted' || m.status === 'rejected') && m.actualStart === null) {
    issues.push({ path: 'actualStart', message: `a ${m.status} milestone needs the date it happened (actualStart)` });
  }
  return issues;
}

export const MilestoneInput = MilestoneFields.superRefine((m, ctx) => {
  for (const issue of milestoneDateIssues(m)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type MilestoneInput = z.input<typeof MilestoneInput>;
export type MilestoneInputParsed = z.infer<typeof MilestoneInput>;

/** A correction: any field but the kind; the reason is kept in the audit log. */
export const MilestonePatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  status: MilestoneStatus.optional(),
  organisation: OrganisationCode.nullable().optional(),
  location: z.string().trim().min(1).max(200).nullable().optional(),
  metWith: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  resolution: z.string().trim().min(1).max(100).nullable().optional(),
  plannedStart: IsoDate.nullable().optional(),
  plannedEnd: IsoDate.nullable().optional(),
  actualStart: IsoDate.nullable().optional(),
  actualEnd: IsoDate.nullable().optional(),
  datePrecision: DatePrecision.optional(),
  source: Source.optional(),
  classification: Classification.optional(),
  releasableTo: z.array(OrganisationCode).max(64).optional(),
  reason: z.string().trim().min(1).max(500),
});
export type MilestonePatch = z.input<typeof MilestonePatch>;

// ---- What the API answers -------------------------------------------------

const Money = z.object({ amount: z.string(), usd: z.number() });

export const Pledge = z.object({
  id: z.string(),
  kind: PledgeKind,
  organisation: z.string(),
  organisationName: z.string(),
  title: z.string(),
  description: z.string(),
  pledgedOn: z.string(),
  datePrecision: DatePrecision,
  source: Source,
  officers: z.number().nullable(),
  unitKind: UnitKind.nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  usdRate: z.string().nullable(),
  usdValue: z.number().nullable(),
  channel: FundingChannel.nullable(),
  category: InKindCategory.nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  /** Derived from the events, never typed in. */
  progress: z.object({
    confirmedOfficers: z.number(),
    deployedOfficers: z.number(),
    committed: Money,
    paid: Money,
    inKindStatus: z.enum(['pledged', 'delivered', 'in_service', 'ended']).nullable(),
  }),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pledge = z.infer<typeof Pledge>;

export const PledgeEvent = z.object({
  id: z.string(),
  pledgeId: z.string(),
  kind: EventKind,
  occurredOn: z.string(),
  officers: z.number().nullable(),
  amount: z.string().nullable(),
  usdValue: z.number().nullable(),
  quantity: z.number().nullable(),
  overPledge: z.boolean(),
  note: z.string(),
  source: Source.nullable(),
  voided: z.object({ at: z.string(), reason: z.string() }).nullable(),
  createdAt: z.string(),
});
export type PledgeEvent = z.infer<typeof PledgeEvent>;

export const PledgeDetail = Pledge.extend({ events: z.array(PledgeEvent) });
export type PledgeDetail = z.infer<typeof PledgeDetail>;

export const Milestone = z.object({
  id: z.string(),
  kind: MilestoneKind,
  title: z.string(),
  description: z.string(),
  status: MilestoneStatus,
  organisation: z.string().nullable(),
  location: z.string().nullable(),
  metWith: z.array(z.string()),
  resolution: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  datePrecision: DatePrecision,
  source: Source,
  /** Open and past its planned date, as of the day asked (today by default). */
  late: z.boolean(),
  /** Days past the plan: for an open milestone as of that day, for a closed one when it happened; 0 when on time. */
  daysLate: z.number(),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Milestone = z.infer<typeof Milestone>;

const OfficerTotals = z.object({
  pledged: z.number(),
  /** Personnel pledges whose announcement gave no number. */
  unspecifiedPledges: z.number(),
  confirmed: z.number(),
  /** Current strength: arrivals less rotations and repatriations. */
  deployed: z.number(),
});
const FundTotalsUsd = z.object({ pledged: z.number(), committed: z.number(), paid: z.number() });
const InKindCount = z.object({ category: InKindCategory, status: z.string(), pledges: z.number() });

export const LedgerTotals = z.object({ officers: OfficerTotals, usd: FundTotalsUsd, inKind: z.array(InKindCount) });
export type LedgerTotals = z.infer<typeof LedgerTotals>;

export const LedgerSummary = z.object({
  asOf: z.string(),
  mission: LedgerTotals,
  byOrganisation: z.array(LedgerTotals.extend({ organisation: z.string(), organisationName: z.string() })),
  milestones: z.object({ total: z.number(), open: z.number(), late: z.array(Milestone) }),
});
export type LedgerSummary = z.infer<typeof LedgerSummary>;

export const SeriesQuery = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    interval: z.enum(['day', 'week']).default('week'),
    organisation: OrganisationCode.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${q.to}) is before from (${q.from})` });
  });
export type SeriesQuery = z.input<typeof SeriesQuery>;

export const SeriesPoint = z.object({ date: z.string(), pledged: z.number(), confirmed: z.number(), deployed: z.number() });
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const LedgerSeries = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(['day', 'week']),
  mission: z.array(SeriesPoint),
  byOrganisation: z.array(z.object({ organisation: z.string(), points: z.array(SeriesPoint) })),
});
export type LedgerSeries = z.infer<typeof LedgerSeries>;
