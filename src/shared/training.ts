import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';
import { codesOf, type Vocabulary } from './i18n.ts';

/*
 * Training and support of the national police: courses and their sessions,
 * trainees (HNP officers by service number), attendance, certification, and
 * the oversight body's vetting flags. Officers' personal data is never
 * PUBLIC: MISSION by default, or RESTRICTED.
 */

export const TRAINING_TOPICS = {
  human_rights_use_of_force: { en: 'Human rights and use of force', fr: 'Droits humains et usage de la force', ht: 'Dwa moun ak itilizasyon fòs' },
  crowd_control: { en: 'Crowd control', fr: 'Maintien de l’ordre', ht: 'Kontwòl foul' },
  investigation: { en: 'Criminal investigation', fr: 'Enquête judiciaire', ht: 'Ankèt kriminèl' },
  anti_kidnapping: { en: 'Anti-kidnapping', fr: 'Lutte contre les enlèvements', ht: 'Lit kont kidnaping' },
  first_aid: { en: 'First aid', fr: 'Premiers secours', ht: 'Premye swen' },
  firearms: { en: 'Firearms handling', fr: 'Maniement des armes', ht: 'Manyen zam' },
  detention: { en: 'Detention and custody', fr: 'Détention et garde à vue', ht: 'Detansyon ak gadavi' },
  community_policing: { en: 'Community policing', fr: 'Police de proximité', ht: 'Polis kominotè' },
  sexual_violence_response: { en: 'Response to sexual violence', fr: 'Réponse aux violences sexuelles', ht: 'Repons a vyolans seksyèl' },
  other: { en: 'Other', fr: 'Autre', ht: 'Lòt' },
} as const satisfies Vocabulary<string>;
export const TrainingTopic = z.enum(codesOf(TRAINING_TOPICS));
export type TrainingTopic = z.infer<typeof TrainingTopic>;

/**
 * Topics that confer powers over people (force, arms, arrest, custody): a
 * vetting flag blocks certification in them. A course may be marked
 * sensitive whatever its topic.
 */
export const SENSITIVE_TOPICS: readonly TrainingTopic[] = ['crowd_control', 'investigation', 'anti_kidnapping', 'firearms', 'detention'];

export const IsoDate = z.iso.date('a date as YYYY-MM-DD');

/** An HNP service number (matricule): letters, digits and dashes. */
export const ServiceNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,19}$/, 'a service number is 3–20 letters, digits or dashes, e.g. 04-12345');

/** Officers' personal data: MISSION or RESTRICTED, never PUBLIC. */
export const PersonalDataClassification = z.enum(['MISSION', 'RESTRICTED'], {
  error: 'personal data of officers is MISSION or RESTRICTED, never PUBLIC',
});

export const CourseInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    topic: TrainingTopic,
    /** Default: whether the topic is one of SENSITIVE_TOPICS. */
    sensitive: z.boolean().optional(),
    /** The organisation that trains (a contingent, a donor, the HNP academy…); default the recorder's. */
    trainer: OrganisationCode.optional(),
    place: z.string().trim().max(200).default(''),
    startsOn: IsoDate,
    endsOn: IsoDate,
    capacity: z.int().min(1).max(10_000).nullable().default(null),
    /** Share of the sessions a trainee must attend to be certified (default 75%). */
    minAttendancePercent: z.int().min(0).max(100).default(75),
    description: z.string().max(5000).default(''),
    illustrative: z.boolean().default(false),
    classification: Classification,
    releasableTo: z.array(OrganisationCode).max(64).default([]),
  })
  .superRefine((course, ctx) => {
    if (course.endsOn < course.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: `the course ends (${course.endsOn}) before it starts (${course.startsOn})` });
    }
  });
export type CourseInput = z.input<typeof CourseInput>;

export const Course = z.object({
  id: z.string(),
  title: z.string(),
  topic: TrainingTopic,
  sensitive: z.boolean(),
  trainer: z.string(),
  place: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  capacity: z.number().nullable(),
  minAttendancePercent: z.number(),
  description: z.string(),
  illustrative: z.boolean(),
  sessions: z.array(z.object({ id: z.string(), heldOn: z.string(), title: z.string(), hours: z.number() })),
  /** Enrolments the reader may see (their trainees visible to the reader). */
  enrolled: z.number(),
  certified: z.number(),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  createdAt: z.string(),
});
export type Course = z.infer<typeof Course>;

export const SessionInput = z.strictObject({
  heldOn: IsoDate,
  title: z.string().trim().max(200).default(''),
  hours: z.number().positive().max(24).default(1),
});
export type SessionInput = z.input<typeof SessionInput>;

export const TraineeInput = z.strictObject({
  serviceNumber: ServiceNumber,
  fullName: z.string().trim().min(1).max(200),
  /** The HNP unit or directorate (e.g. UDMO, BLTS, CIMO, a commissariat). */
  unit: z.string().trim().min(1).max(200),
  rank: z.string().trim().max(100).default(''),
  illustrative: z.boolean().default(false),
  classification: PersonalDataClassification.default('MISSION'),
  releasableTo: z.array(OrganisationCode).max(64).default([]),
});
export type TraineeInput = z.input<typeof TraineeInput>;

/** What a reader learns of a vetting flag: whether one stands; the reason only for the oversight body. */
export const VettingStatus = z.object({
  flagged: z.boolean(),
  since: z.string().nullable(),
  /** null unless the reader belongs to the oversight body. */
  reason: z.string().nullable(),
});

export const Trainee = z.object({
  id: z.string(),
  serviceNumber: z.string(),
  fullName: z.string(),
  unit: z.string(),
  rank: z.string(),
  illustrative: z.boolean(),
  vetting: VettingStatus,
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  createdAt: z.string(),
});
export type Trainee = z.infer<typeof Trainee>;

export const EnrolmentInput = z.strictObject({ traineeId: z.string().min(1).max(64) });

export const Enrolment = z.object({
  id: z.string(),
  courseId: z.string(),
  traineeId: z.string(),
  serviceNumber: z.string(),
  fullName: z.string(),
  unit: z.string(),
  status: z.enum(['enrolled', 'withdrawn']),
  attended: z.number(),
  sessions: z.number(),
  certifiedOn: z.string().nullable(),
  enrolledAt: z.string(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const AttendanceStatus = z.enum(['present', 'absent', 'excused']);
export const AttendanceInput = z.strictObject({
  records: z.array(z.strictObject({ traineeId: z.string().min(1).max(64), status: AttendanceStatus })).min(1).max(1000),
});
export type AttendanceInput = z.input<typeof AttendanceInput>;

export const CertificationInput = z.strictObject({
  traineeId: z.string().min(1).max(64),
  certifiedOn: IsoDate,
  note: z.string().trim().max(2000).default(''),
});
export type CertificationInput = z.input<typeof CertificationInput>;

export const VettingFlagInput = z.strictObject({ reason: z.string().trim().min(1, 'say why (visible to oversight only)').max(5000) });
export const VettingClearInput = z.strictObject({ note: z.string().trim().min(1, 'say why the flag is cleared').max(5000) });

export const VettingFlag = z.object({
  id: z.string(),
  traineeId: z.string(),
  reason: z.string(),
  raisedAt: z.string(),
  raisedBy: z.string(),
  clearedAt: z.string().nullable(),
  clearanceNote: z.string().nullable(),
});
export type VettingFlag = z.infer<typeof VettingFlag>;

export const TotalsQuery = z
  .strictObject({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    interval: z.enum(['month', 'quarter', 'year']).default('month'),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${q.to}) is before from (${q.from})` });
  });
export type TotalsQuery = z.input<typeof TotalsQuery>;

/** Training delivered per period, topic and HNP unit, over what the reader may see. */
export const TrainingTotals = z.object({
  interval: z.enum(['month', 'quarter', 'year']),
  rows: z.array(
    z.object({
      period: z.string(),
      topic: TrainingTopic,
      unit: z.string(),
      /** Trainees enrolled in courses starting in the period. */
      enrolled: z.number(),
      /** Sessions attended (present) in the period. */
      attendances: z.number(),
      certified: z.number(),
    }),
  ),
  totals: z.object({ enrolled: z.number(), attendances: z.number(), certified: z.number(), trainees: z.number() }),
});
export type TrainingTotals = z.infer<typeof TrainingTotals>;
