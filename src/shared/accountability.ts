import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';
import { codesOf, type Vocabulary } from './i18n.ts';

/*
 * Accountability: complaints from the public about mission personnel, their
 * handling by the oversight body, and the register of persons detained by
 * mission units. Shared by the server (validation) and the web app (types,
 * labels in English, French and Haitian Creole).
 *
 * Every free-text field is stored and returned as plain text: control
 * characters (other than line breaks and tabs) are removed on the way in, and
 * nothing is ever rendered as HTML.
 */

/** Free text as typed: trimmed, NFC, without control characters (terminal escapes) or bidi overrides. */
export function plainText(max: number, message = `at most ${max} characters`) {
  return z
    .string()
    .max(max * 2, message)
    .transform((value) =>
      value
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        // eslint-disable-next-line no-control-regex -- removing control characters is the point
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
        .trim(),
    )
    .pipe(z.string().max(max, message));
}

export const COMPLAINT_CATEGORIES = {
  sexual_exploitation_abuse: { en: 'Sexual exploitation and abuse', fr: 'Exploitation et abus sexuels', ht: 'Eksplwatasyon ak abi seksyèl' },
  excessive_force: { en: 'Excessive use of force', fr: 'Usage excessif de la force', ht: 'Twòp fòs' },
  unlawful_killing: { en: 'Unlawful killing', fr: 'Homicide illégal', ht: 'Touye moun ilegalman' },
  unlawful_detention: { en: 'Unlawful detention', fr: 'Détention illégale', ht: 'Arestasyon ilegal' },
  corruption_extortion: { en: 'Corruption or extortion', fr: 'Corruption ou extorsion', ht: 'Koripsyon oswa ranson' },
  property_damage: { en: 'Property damage', fr: 'Dommages matériels', ht: 'Domaj sou byen' },
  other: { en: 'Other', fr: 'Autre', ht: 'Lòt bagay' },
} as const satisfies Vocabulary<string>;
export const ComplaintCategory = z.enum(codesOf(COMPLAINT_CATEGORIES));
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

/** Categories whose complaints are triaged within the urgent deadline. */
export const URGENT_CATEGORIES: readonly ComplaintCategory[] = ['sexual_exploitation_abuse', 'unlawful_killing'];

export const SEVERITIES = {
  low: { en: 'Low', fr: 'Faible', ht: 'Ba' },
  medium: { en: 'Medium', fr: 'Moyenne', ht: 'Mwayen' },
  high: { en: 'High', fr: 'Élevée', ht: 'Wo' },
  critical: { en: 'Critical', fr: 'Critique', ht: 'Grav anpil' },
} as const satisfies Vocabulary<string>;
export const Severity = z.enum(codesOf(SEVERITIES));
export type Severity = z.infer<typeof Severity>;

export const COMPLAINT_STATUSES = {
  received: { en: 'Received', fr: 'Reçue', ht: 'Resevwa' },
  triaged: { en: 'Triaged', fr: 'Triée', ht: 'Klase' },
  under_investigation: { en: 'Under investigation', fr: 'En cours d’enquête', ht: 'Anba ankèt' },
  referred: { en: 'Referred', fr: 'Transmise', ht: 'Voye bay lòt otorite' },
  closed: { en: 'Closed', fr: 'Clôturée', ht: 'Fèmen' },
} as const satisfies Vocabulary<string>;
export const ComplaintStatus = z.enum(codesOf(COMPLAINT_STATUSES));
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

export const OUTCOMES = {
  substantiated: { en: 'Substantiated', fr: 'Fondée', ht: 'Verifye' },
  unsubstantiated: { en: 'Unsubstantiated', fr: 'Non fondée', ht: 'Pa verifye' },
  withdrawn: { en: 'Withdrawn', fr: 'Retirée', ht: 'Retire' },
} as const satisfies Vocabulary<string>;
export const Outcome = z.enum(codesOf(OUTCOMES));
export type Outcome = z.infer<typeof Outcome>;

export const CHANNELS = {
  web: { en: 'Web form', fr: 'Formulaire web', ht: 'Fòmilè sou entènèt' },
  sms: { en: 'SMS', fr: 'SMS', ht: 'SMS' },
  whatsapp: { en: 'WhatsApp', fr: 'WhatsApp', ht: 'WhatsApp' },
} as const satisfies Vocabulary<string>;
export const Channel = z.enum(codesOf(CHANNELS));
export type Channel = z.infer<typeof Channel>;

/** Referrals: of the case to an authority, or of a survivor to services. */
export const REFERRAL_KINDS = {
  contributing_nation: { en: 'Contributing nation’s authorities', fr: 'Autorités du pays contributeur', ht: 'Otorite peyi ki voye polis la' },
  hnp_inspectorate: { en: 'HNP inspectorate (IGPNH)', fr: 'Inspection générale de la PNH (IGPNH)', ht: 'Enspeksyon jeneral PNH (IGPNH)' },
  medical: { en: 'Medical care', fr: 'Soins médicaux', ht: 'Swen medikal' },
  psychosocial: { en: 'Psychosocial support', fr: 'Soutien psychosocial', ht: 'Sipò sikososyal' },
  legal: { en: 'Legal assistance', fr: 'Assistance juridique', ht: 'Asistans legal' },
  survivor_declined: { en: 'Survivor declined services', fr: 'La victime a refusé les services', ht: 'Viktim nan refize sèvis yo' },
} as const satisfies Vocabulary<string>;
export const ReferralKind = z.enum(codesOf(REFERRAL_KINDS));
export type ReferralKind = z.infer<typeof ReferralKind>;
export const AUTHORITY_REFERRALS: readonly ReferralKind[] = ['contributing_nation', 'hnp_inspectorate'];
export const SURVIVOR_REFERRALS: readonly ReferralKind[] = ['medical', 'psychosocial', 'legal', 'survivor_declined'];

export const ComplaintLanguage = z.enum(['ht', 'fr', 'en']);
export type ComplaintLanguage = z.infer<typeof ComplaintLanguage>;

/** A receipt code as typed: Crockford base32, any case, with or without dashes or spaces. */
export const ReceiptCode = z.string().min(12).max(40);

const Point = z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
const IsoDate = z.iso.date('a date as YYYY-MM-DD');
const IsoDateTime = z.iso.datetime({ offset: true, message: 'a date and time as ISO-8601, e.g. 2025-03-01T14:30:00Z' });

/** What a member of the public sends: only `what` is required; contact details are optional. */
export const ComplaintInput = z.strictObject({
  language: ComplaintLanguage.default('ht'),
  /** The complainant's own word for what kind of complaint it is, if they chose one. */
  kind: ComplaintCategory.optional(),
  what: plainText(10_000).pipe(z.string().min(1, 'say what happened')),
  when: plainText(200).optional(),
  occurredOn: IsoDate.optional(),
  where: z.strictObject({ place: plainText(300).optional(), point: Point.optional() }).optional(),
  who: z
    .strictObject({
      contingent: plainText(100).optional(),
      unit: plainText(200).optional(),
      vehicle: plainText(100).optional(),
      description: plainText(2_000).optional(),
    })
    .optional(),
  contact: z
    .strictObject({
      name: plainText(200).optional(),
      phone: plainText(40).optional(),
      email: plainText(254).optional(),
      preferred: z.enum(['sms', 'phone', 'email', 'whatsapp', 'none']).default('none'),
      notes: plainText(500).optional(),
    })
    .optional(),
});
export type ComplaintInput = z.input<typeof ComplaintInput>;

export const ComplaintReceipt = z.object({
  receipt: z.string(),
  status: ComplaintStatus,
  filedAt: z.string(),
});
export type ComplaintReceipt = z.infer<typeof ComplaintReceipt>;

export const ReceiptQuery = z.strictObject({ receipt: ReceiptCode });
export const AdditionInput = z.strictObject({ receipt: ReceiptCode, text: plainText(5_000).pipe(z.string().min(1, 'write the information to add')) });
export type AdditionInput = z.input<typeof AdditionInput>;

/** What the holder of a receipt sees: the status, and messages the oversight body addressed to them. Never the complaint's content. */
export const ComplaintStatusView = z.object({
  status: ComplaintStatus,
  outcome: Outcome.nullable(),
  filedAt: z.string(),
  updatedAt: z.string(),
  additions: z.number(),
  attachments: z.number(),
  messages: z.array(z.object({ at: z.string(), text: z.string() })),
});
export type ComplaintStatusView = z.infer<typeof ComplaintStatusView>;

export const AttachmentReceipt = z.object({ id: z.string(), mediaType: z.string(), sizeBytes: z.number(), metadataRemoved: z.array(z.string()) });

/** The generic SMS/WhatsApp gateway payload. */
export const GatewayMessage = z.strictObject({
  from: plainText(64).pipe(z.string().min(1)),
  text: plainText(4_096).pipe(z.string().min(1, 'the message is empty')),
  received_at: IsoDateTime,
  /** The gateway's own message id, if it has one: a replay of the same id is not filed twice. */
  id: z.string().max(200).optional(),
  channel: z.enum(['sms', 'whatsapp']).optional(),
});
export type GatewayMessage = z.input<typeof GatewayMessage>;

export const GatewayReply = z.object({
  action: z.enum(['filed', 'added', 'status', 'duplicate']),
  /** The text for the gateway to send back, in Haitian Creole. */
  reply: z.string(),
  replies: z.object({ ht: z.string(), fr: z.string(), en: z.string() }),
});
export type GatewayReply = z.infer<typeof GatewayReply>;

export const GatewayInput = z.strictObject({ name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'a gateway name is 2–63 lower-case letters, digits, . _ or -'), channel: z.enum(['sms', 'whatsapp']) });
export type GatewayInput = z.input<typeof GatewayInput>;
export const Gateway = z.object({ id: z.string(), name: z.string(), channel: z.string(), disabled: z.boolean(), createdAt: z.string() });
export type Gateway = z.infer<typeof Gateway>;

// ---- case handling (oversight only) ----

export const TriageInput = z.strictObject({
  category: ComplaintCategory,
  severity: Severity,
  concernedOrganisation: OrganisationCode.nullable().default(null),
  concernedUnit: plainText(200).nullable().default(null),
});
export type TriageInput = z.input<typeof TriageInput>;

export const AssignInput = z.strictObject({ usernames: z.array(z.string().min(1).max(64)).min(1).max(20) });
export type AssignInput = z.input<typeof AssignInput>;
export const TransitionInput = z.strictObject({
  to: ComplaintStatus,
  outcome: Outcome.optional(),
  reason: plainText(2_000).optional(),
});
export type TransitionInput = z.input<typeof TransitionInput>;
export const NoteInput = z.strictObject({ text: plainText(10_000).pipe(z.string().min(1)), toComplainant: z.boolean().default(false) });
export type NoteInput = z.input<typeof NoteInput>;
export const ReferralInput = z.strictObject({ kind: ReferralKind, recipient: plainText(300).pipe(z.string().min(1, 'say to whom')), note: plainText(2_000).default('') });
export type ReferralInput = z.input<typeof ReferralInput>;

/** A yes/no query parameter: true/false in a URL, a boolean from code. */
const QueryFlag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

export const CaseQuery = z.strictObject({
  status: ComplaintStatus.optional(),
  category: ComplaintCategory.optional(),
  overdue: QueryFlag.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CaseQuery = z.input<typeof CaseQuery>;

export const CaseSummary = z.object({
  id: z.string(),
  channel: Channel,
  language: z.string().nullable(),
  status: ComplaintStatus,
  outcome: Outcome.nullable(),
  category: ComplaintCategory.nullable(),
  complainantKind: ComplaintCategory.nullable(),
  severity: Severity.nullable(),
  concernedOrganisation: z.string().nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
  stageDueAt: z.string().nullable(),
  overdue: z.boolean(),
  assignedTo: z.array(z.string()),
  illustrative: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = CaseSummary.extend({
  what: z.string(),
  when: z.string(),
  occurredOn: z.string().nullable(),
  place: z.string(),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  accused: z.object({ contingent: z.string(), unit: z.string(), vehicle: z.string(), description: z.string() }),
  concernedUnit: z.string().nullable(),
  /** Only for the investigators assigned to the case; null otherwise or when none was given. */
  contact: z
    .object({ name: z.string(), phone: z.string(), email: z.string(), preferred: z.string(), notes: z.string() })
    .nullable(),
  contactWithheld: z.boolean(),
  additions: z.array(z.object({ id: z.string(), source: z.string(), text: z.string(), at: z.string() })),
  attachments: z.array(z.object({ id: z.string(), originalName: z.string(), mediaType: z.string(), sizeBytes: z.number(), metadataRemoved: z.array(z.string()), at: z.string() })),
  notes: z.array(z.object({ id: z.string(), author: z.string(), toComplainant: z.boolean(), text: z.string(), at: z.string() })),
  referrals: z.array(z.object({ id: z.string(), kind: ReferralKind, recipient: z.string(), note: z.string(), at: z.string(), by: z.string() })),
  history: z.array(z.object({ from: z.string().nullable(), to: ComplaintStatus, outcome: z.string().nullable(), reason: z.string(), at: z.string(), by: z.string().nullable() })),
  survivorReferralNeeded: z.boolean(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

// ---- public statistics ----

/** A count, or "<5" when it is small enough to point at a person. */
export const SuppressedCount = z.union([z.number().int().min(5), z.literal('<5')]);
export type SuppressedCount = z.infer<typeof SuppressedCount>;
export const SMALL_NUMBER_THRESHOLD = 5;

export const ComplaintStatistics = z.object({
  from: z.string(),
  to: z.string(),
  total: SuppressedCount,
  byCategory: z.array(z.object({ category: z.union([ComplaintCategory, z.literal('pending_triage')]), count: SuppressedCount })),
  byMonth: z.array(z.object({ month: z.string(), count: SuppressedCount })),
  byOutcome: z.array(z.object({ outcome: z.union([Outcome, z.literal('open')]), count: SuppressedCount })),
  note: z.string(),
});
export type ComplaintStatistics = z.infer<typeof ComplaintStatistics>;
export const StatisticsQuery = z.strictObject({ months: z.coerce.number().int().min(1).max(60).default(12) });

// ---- detention register ----

export const DETENTION_GROUNDS = {
  caught_in_act: { en: 'Caught in the act (flagrante delicto)', fr: 'Flagrant délit', ht: 'Kenbe sou fèt' },
  imminent_threat: { en: 'Imminent threat to life', fr: 'Menace imminente pour la vie', ht: 'Menas imedya sou lavi moun' },
  hnp_request: { en: 'At the request of the HNP', fr: 'À la demande de la PNH', ht: 'Sou demann PNH' },
  warrant: { en: 'Warrant of a Haitian judge', fr: 'Mandat d’un juge haïtien', ht: 'Manda yon jij ayisyen' },
  other: { en: 'Other', fr: 'Autre', ht: 'Lòt' },
} as const satisfies Vocabulary<string>;
export const DetentionGrounds = z.enum(codesOf(DETENTION_GROUNDS));

export const DETENTION_STATUSES = {
  held: { en: 'Held by the mission', fr: 'Détenu par la mission', ht: 'Nan men misyon an' },
  handed_over: { en: 'Handed over to the HNP', fr: 'Remis à la PNH', ht: 'Remèt bay PNH' },
  released: { en: 'Released', fr: 'Libéré', ht: 'Lage' },
} as const satisfies Vocabulary<string>;
export const DetentionStatus = z.enum(codesOf(DETENTION_STATUSES));

export const DetentionInput = z.strictObject({
  unit: plainText(200).pipe(z.string().min(1, 'name the detaining unit')),
  detainedAt: IsoDateTime,
  place: plainText(300).pipe(z.string().min(1, 'say where')),
  point: Point.optional(),
  grounds: DetentionGrounds,
  legalBasis: plainText(2_000).pipe(z.string().min(1, 'state the legal basis')),
  condition: plainText(2_000).default(''),
  person: z.strictObject({
    name: plainText(200).default(''),
    sex: z.enum(['female', 'male', 'unknown']).default('unknown'),
    age: plainText(40).default(''),
    description: plainText(2_000).default(''),
    identityDocument: plainText(200).default(''),
  }),
  classification: Classification.default('MISSION'),
  releasableTo: z.array(OrganisationCode).max(64).default([]),
  /** Organisations that may see the detainee's identity besides the detaining one and the oversight body (e.g. HNP). */
  identityReleasableTo: z.array(OrganisationCode).max(64).default([]),
});
export type DetentionInput = z.input<typeof DetentionInput>;

export const HandoverInput = z.strictObject({
  handedOverAt: IsoDateTime,
  handedOverTo: plainText(300).pipe(z.string().min(1, 'name the HNP unit and officer')),
  condition: plainText(2_000).default(''),
});
export type HandoverInput = z.input<typeof HandoverInput>;
export const ReleaseInput = z.strictObject({ releasedAt: IsoDateTime, reason: plainText(2_000).pipe(z.string().min(1, 'say why the person was released')) });
export type ReleaseInput = z.input<typeof ReleaseInput>;

export const DetentionQuery = z.strictObject({
  overdue: QueryFlag.optional(),
  status: DetentionStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const Detention = z.object({
  id: z.string(),
  owner: z.string(),
  unit: z.string(),
  detainedAt: z.string(),
  place: z.string(),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  grounds: DetentionGrounds,
  legalBasis: z.string(),
  condition: z.string(),
  status: DetentionStatus,
  handoverDueAt: z.string(),
  handedOverAt: z.string().nullable(),
  handedOverTo: z.string().nullable(),
  handoverCondition: z.string().nullable(),
  releasedAt: z.string().nullable(),
  releaseReason: z.string().nullable(),
  /** Still held past the handover deadline. */
  overdue: z.boolean(),
  /** Handed over (or released) after the deadline. */
  late: z.boolean(),
  classification: Classification,
  releasableTo: z.array(z.string()),
  /** null when the reader may not see who was detained. */
  person: z.object({ name: z.string(), sex: z.string(), age: z.string(), description: z.string(), identityDocument: z.string() }).nullable(),
  illustrative: z.boolean(),
});
export type Detention = z.infer<typeof Detention>;

export const AccountabilitySettings = z.object({
  handoverDeadlineHours: z.number().int().min(1).max(24 * 14),
  /** Days allowed in each open stage; `urgentTriage` for sexual abuse and killings. */
  stageDays: z.object({
    received: z.number().int().min(1).max(365),
    urgentTriage: z.number().int().min(1).max(365),
    triaged: z.number().int().min(1).max(365),
    under_investigation: z.number().int().min(1).max(730),
    referred: z.number().int().min(1).max(730),
  }),
});
export type AccountabilitySettings = z.infer<typeof AccountabilitySettings>;
export const SettingsInput = z.strictObject({
  handoverDeadlineHours: AccountabilitySettings.shape.handoverDeadlineHours.optional(),
  stageDays: AccountabilitySettings.shape.stageDays.partial().strict().optional(),
});
export type SettingsInput = z.input<typeof SettingsInput>;
