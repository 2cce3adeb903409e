import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';
import { codesOf, type Vocabulary } from './i18n.ts';
import { IncidentType, LocationPrecision, TimePrecision } from './incidents.ts';
import { Currency, DatePrecision, FundingChannel, InKindCategory, MilestoneKind, MilestoneStatus, UnitKind } from './ledger.ts';

/*
 * News monitoring: articles and feeds, the outlets that publish them with
 * their reliability grade, and the records Konbit proposes from them for an
 * analyst to accept, edit or reject. Shared by the server and the web app.
 */

/** Admiralty (NATO) grading of a source's reliability. */
export const RELIABILITY_GRADES = {
  A: { en: 'Completely reliable', fr: 'Entièrement fiable', ht: 'Konfyans total' },
  B: { en: 'Usually reliable', fr: 'Habituellement fiable', ht: 'Konfyans pifò tan' },
  C: { en: 'Fairly reliable', fr: 'Assez fiable', ht: 'Konfyans mwayen' },
  D: { en: 'Not usually reliable', fr: 'Peu fiable', ht: 'Pa fyab souvan' },
  E: { en: 'Unreliable', fr: 'Non fiable', ht: 'Pa fyab' },
  F: { en: 'Reliability cannot be judged', fr: 'Fiabilité impossible à évaluer', ht: 'Nou pa ka jije' },
} as const satisfies Vocabulary<string>;
export const Reliability = z.enum(codesOf(RELIABILITY_GRADES));
export type Reliability = z.infer<typeof Reliability>;

/** Admiralty credibility of one piece of information: 1 confirmed … 6 cannot be judged. */
export const Credibility = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);
export type Credibility = z.infer<typeof Credibility>;

/** Languages Konbit recognises in news: English, French, Haitian Creole, Spanish; `und` when it cannot tell. */
export const NewsLanguage = z.enum(['en', 'fr', 'ht', 'es', 'und']);
export type NewsLanguage = z.infer<typeof NewsLanguage>;

export const IsoDay = z.iso.date('a date as YYYY-MM-DD');

/** The part of the article that supports a proposal, and which field each part gave. */
export const EvidenceSpan = z.object({
  start: z.int().min(0),
  end: z.int().min(0),
  field: z.enum(['sentence', 'organisation', 'number', 'amount', 'category', 'date', 'place', 'type', 'status', 'announcer']),
});
export type EvidenceSpan = z.infer<typeof EvidenceSpan>;

const PledgeDraftCommon = {
  /** The pledging organisation's code (ISO 3166 alpha-3 for a nation); null when the analyst must name it. */
  organisation: OrganisationCode.nullable(),
  title: z.string().trim().min(1).max(200),
  /** Who announced it, as the article says ("Kenyan Foreign Minister Alfred Mutua"). */
  announcedBy: z.string().trim().min(1).max(200).nullable(),
  pledgedOn: IsoDay.nullable(),
  datePrecision: DatePrecision,
};

export const PersonnelDraft = z.strictObject({
  kind: z.literal('personnel'),
  ...PledgeDraftCommon,
  /** null when the article gives no number. */
  officers: z.int().min(1).max(1_000_000).nullable(),
  unitKind: UnitKind,
});

export const FundsDraft = z.strictObject({
  kind: z.literal('funds'),
  ...PledgeDraftCommon,
  /** A decimal string; null when the article names support without an amount. */
  amount: z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'a decimal amount such as 100000000').nullable(),
  currency: Currency.nullable(),
  /** US dollars for one unit of the currency on the pledge date; the analyst gives it for currencies other than USD. */
  usdRate: z.string().regex(/^\d{1,15}(\.\d{1,12})?$/).nullable(),
  channel: FundingChannel,
});

export const InKindDraft = z.strictObject({
  kind: z.literal('in_kind'),
  ...PledgeDraftCommon,
  category: InKindCategory,
  quantity: z.number().positive().max(1e9).nullable(),
  unit: z.string().trim().min(1).max(50).nullable(),
});

export const MilestoneDraft = z.strictObject({
  kind: z.literal('milestone'),
  milestoneKind: MilestoneKind,
  status: MilestoneStatus,
  title: z.string().trim().min(1).max(200),
  organisation: OrganisationCode.nullable(),
  location: z.string().trim().min(1).max(200).nullable(),
  metWith: z.array(z.string().trim().min(1).max(200)).max(50),
  resolution: z.string().trim().min(1).max(100).nullable(),
  plannedStart: IsoDay.nullable(),
  actualStart: IsoDay.nullable(),
  datePrecision: DatePrecision,
});

export const IncidentPlace = z.strictObject({
  name: z.string().trim().min(1).max(200),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  precision: LocationPrecision,
});

export const IncidentDraft = z.strictObject({
  kind: z.literal('incident'),
  type: IncidentType,
  title: z.string().trim().min(1).max(200),
  occurredOn: IsoDay.nullable(),
  occurredPrecision: TimePrecision,
  place: IncidentPlace.nullable(),
  counts: z.strictObject({
    killed: z.int().min(0).max(100_000),
    injured: z.int().min(0).max(100_000),
    abducted: z.int().min(0).max(100_000),
    displaced: z.int().min(0).max(10_000_000),
  }),
  /** Gangs and other actors named in the sentence. */
  actors: z.array(z.strictObject({ name: z.string().trim().min(1).max(200), kind: z.enum(['gang', 'state_force', 'other']) })).max(20),
});

/** What Konbit proposes (and an analyst may edit) before a record exists. */
export const ProposalDraft = z.discriminatedUnion('kind', [PersonnelDraft, FundsDraft, InKindDraft, MilestoneDraft, IncidentDraft]);
export type ProposalDraft = z.infer<typeof ProposalDraft>;
export type ProposalKind = ProposalDraft['kind'];
export const ProposalKind = z.enum(['personnel', 'funds', 'in_kind', 'milestone', 'incident']);
export const ProposalStatus = z.enum(['pending', 'accepted', 'rejected']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

// ---- Requests ---------------------------------------------------------------

const MAX_TEXT = 2_000_000;

export const IngestSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000) }),
  z.strictObject({ kind: z.literal('text'), text: z.string().min(1).max(MAX_TEXT), title: z.string().trim().min(1).max(300).optional() }),
  z.strictObject({
    kind: z.literal('file'),
    filename: z.string().trim().min(1).max(255),
    /** The file's bytes, base64: an upload keeps its own encoding. */
    contentBase64: z.string().min(1).max(Math.ceil((MAX_TEXT * 4) / 3) + 4),
    contentType: z.string().max(200).optional(),
  }),
]);
export type IngestSource = z.infer<typeof IngestSource>;

export const IngestInput = z.strictObject({
  source: IngestSource,
  /** The article's date when the text carries none; relative dates ("last week") are read from it. */
  publishedOn: IsoDay.optional(),
  /** The outlet's name when the source does not say it (a pasted text, a file). */
  outlet: z.string().trim().min(1).max(200).optional(),
  /** The text's encoding when it declares none (e.g. windows-1252). */
  encoding: z.string().trim().min(1).max(40).optional(),
});
export type IngestInput = z.input<typeof IngestInput>;

export const ProposalEdit = z.strictObject({ version: z.int().min(1), draft: ProposalDraft });
export type ProposalEdit = z.input<typeof ProposalEdit>;

export const ProposalAccept = z.strictObject({
  version: z.int().min(1),
  classification: Classification.default('MISSION'),
  releasableTo: z.array(OrganisationCode).max(64).default([]),
  /** Admiralty credibility of the information; by default 2 when two outlets or more carry it, else 3. */
  credibility: Credibility.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type ProposalAccept = z.input<typeof ProposalAccept>;

export const ProposalReject = z.strictObject({ version: z.int().min(1), reason: z.string().trim().min(1).max(2000) });
export type ProposalReject = z.input<typeof ProposalReject>;

export const OutletGrade = z.strictObject({ reliability: Reliability, note: z.string().trim().max(2000).default('') });
export type OutletGrade = z.input<typeof OutletGrade>;

export const FeedInput = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000),
  /** Minutes between polls (5 minutes to a week). */
  pollMinutes: z.int().min(5).max(10_080).default(60),
  outlet: z.string().trim().min(1).max(200).optional(),
});
export type FeedInput = z.input<typeof FeedInput>;

// ---- Answers ------------------------------------------------------------------

export const Outlet = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  reliability: Reliability,
  note: z.string(),
  gradedBy: z.string().nullable(),
  gradedAt: z.string().nullable(),
  articles: z.number(),
});
export type Outlet = z.infer<typeof Outlet>;

export const Mention = z.object({ kind: z.string(), code: z.string(), surface: z.string(), start: z.number(), end: z.number() });

export const ArticleSummary = z.object({
  id: z.string(),
  storyId: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  outlet: z.object({ id: z.string(), name: z.string(), reliability: Reliability }),
  publishedOn: z.string(),
  dateSource: z.enum(['given', 'page', 'feed', 'text']),
  language: NewsLanguage,
  sourceKind: z.enum(['url', 'feed', 'file', 'text']),
  ingestedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  body: z.string(),
  mentions: z.array(Mention),
  /** What was dropped as page furniture, and other notes from extraction. */
  notes: z.array(z.string()),
});
export type Article = z.infer<typeof Article>;

export const ProposalSource = z.object({
  articleId: z.string(),
  title: z.string(),
  outlet: z.string(),
  reliability: Reliability,
  url: z.string().nullable(),
  publishedOn: z.string(),
  /** The sentences that support the proposal, quoted. */
  quote: z.string(),
  spans: z.array(EvidenceSpan),
});

export const Proposal = z.object({
  id: z.string(),
  storyId: z.string(),
  kind: ProposalKind,
  status: ProposalStatus,
  draft: ProposalDraft,
  /** What extraction proposed, before any edit. */
  extracted: ProposalDraft,
  version: z.number(),
  sources: z.array(ProposalSource),
  record: z.object({ type: z.enum(['pledge', 'milestone', 'incident']), id: z.string() }).nullable(),
  /** Username of the analyst who decided. */
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof Proposal>;

export const Story = z.object({ id: z.string(), title: z.string(), firstSeenAt: z.string(), articles: z.array(ArticleSummary) });
export type Story = z.infer<typeof Story>;

export const IngestResult = z.object({
  article: ArticleSummary,
  /** new: a new story; same-story: another outlet's copy of a story already held; same-article: already ingested, nothing written. */
  duplicate: z.enum(['new', 'same-story', 'same-article']),
  storySources: z.number(),
  proposals: z.array(Proposal),
  notes: z.array(z.string()),
});
export type IngestResult = z.infer<typeof IngestResult>;

export const Feed = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  pollMinutes: z.number(),
  active: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  nextPollAt: z.string(),
});
export type Feed = z.infer<typeof Feed>;

export const PollReport = z.object({
  feedId: z.string(),
  status: z.enum(['not-modified', 'fetched', 'failed']),
  items: z.number(),
  ingested: z.number(),
  duplicates: z.number(),
  failed: z.array(z.object({ item: z.string(), reason: z.string() })),
  error: z.string().nullable(),
});
export type PollReport = z.infer<typeof PollReport>;
