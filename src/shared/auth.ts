import { z } from 'zod';
import { Locale } from './i18n.ts';
import { OrganisationCode, OrganisationKind, Role } from './access.ts';

export const Username = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a username is lower-case letters, digits, . _ or -');

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Organisation = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  iso3: z.string().nullable(),
  isLeadNation: z.boolean(),
  isMissionMember: z.boolean(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationInput = z.strictObject({
  code: OrganisationCode,
  name: z.string().min(1).max(200),
  kind: OrganisationKind,
  iso3: z.string().regex(/^[A-Z]{3}$/, 'ISO 3166 alpha-3, e.g. KEN').nullable().default(null),
  isLeadNation: z.boolean().default(false),
  /** Defaults by kind: contingents, host police, mission HQ and oversight are members. */
  isMissionMember: z.boolean().optional(),
});
export type OrganisationInput = z.input<typeof OrganisationInput>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: Locale,
  roles: z.array(Role),
  organisation: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type Me = z.infer<typeof Me>;

export const UserInput = z.strictObject({
  username: Username,
  displayName: z.string().min(1).max(200),
  organisationCode: OrganisationCode,
  roles: z.array(Role).min(1),
  password: z.string().min(10, 'a password has at least 10 characters').max(1024),
  locale: Locale.default('en'),
});
export type UserInput = z.input<typeof UserInput>;
