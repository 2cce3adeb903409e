import { z } from 'zod';
import { codesOf, type Vocabulary } from './i18n.ts';

/**
 * Who may read a record. PUBLIC: anyone, signed in or not. MISSION: every
 * member organisation of the mission. RESTRICTED: the owner organisation and
 * the organisations in the record's releasable-to list.
 */
export const CLASSIFICATIONS = {
  PUBLIC: { en: 'Public', fr: 'Public', ht: 'Piblik' },
  MISSION: { en: 'Mission', fr: 'Mission', ht: 'Misyon' },
  RESTRICTED: { en: 'Restricted', fr: 'Restreint', ht: 'Restriksyon' },
} as const satisfies Vocabulary<string>;
export const Classification = z.enum(codesOf(CLASSIFICATIONS));
export type Classification = z.infer<typeof Classification>;

export const ROLES = {
  admin: { en: 'Administrator', fr: 'Administrateur', ht: 'Administratè' },
  commander: { en: 'Commander', fr: 'Commandant', ht: 'Kòmandan' },
  analyst: { en: 'Analyst', fr: 'Analyste', ht: 'Analis' },
  reporter: { en: 'Reporter', fr: 'Rapporteur', ht: 'Rapòtè' },
  viewer: { en: 'Viewer', fr: 'Lecteur', ht: 'Lektè' },
  donor: { en: 'Donor', fr: 'Bailleur', ht: 'Donatè' },
  oversight: { en: 'Oversight', fr: 'Contrôle', ht: 'Kontwòl' },
} as const satisfies Vocabulary<string>;
export const Role = z.enum(codesOf(ROLES));
export type Role = z.infer<typeof Role>;

export const ORGANISATION_KINDS = {
  contingent: { en: 'Contributing nation contingent', fr: 'Contingent national', ht: 'Kontenjan nasyon' },
  host_police: { en: 'Host nation police', fr: 'Police du pays hôte', ht: 'Polis peyi a' },
  donor: { en: 'Donor', fr: 'Bailleur de fonds', ht: 'Donatè' },
  mission_hq: { en: 'Mission headquarters', fr: 'Quartier général de la mission', ht: 'Katye jeneral misyon an' },
  oversight: { en: 'Oversight body', fr: 'Organe de contrôle', ht: 'Kò kontwòl' },
  humanitarian: { en: 'Humanitarian partner', fr: 'Partenaire humanitaire', ht: 'Patnè imanitè' },
} as const satisfies Vocabulary<string>;
export const OrganisationKind = z.enum(codesOf(ORGANISATION_KINDS));
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** Kinds whose members see MISSION records unless an admin says otherwise. */
export const MISSION_MEMBER_KINDS: readonly OrganisationKind[] = ['contingent', 'host_police', 'mission_hq', 'oversight'];

/** Short organisation code: ISO 3166 alpha-3 for nations, or a mission code such as HNP. */
export const OrganisationCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_-]{1,15}$/, 'an organisation code is 2–16 capital letters, digits, _ or - (e.g. KEN, HNP)');

/** The label every shareable record carries. */
export const Releasability = z.strictObject({
  classification: Classification,
  releasableTo: z.array(OrganisationCode).max(64).default([]),
});
export type Releasability = z.infer<typeof Releasability>;
