import { z } from 'zod';
import { Classification, OrganisationCode } from './access.ts';

/** A notice from one organisation to the mission, a few nations, or the public. */
export const NoticeInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(20_000).default(''),
  classification: Classification,
  releasableTo: z.array(OrganisationCode).max(64).default([]),
});
export type NoticeInput = z.input<typeof NoticeInput>;

export const Notice = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  classification: Classification,
  owner: z.string(),
  releasableTo: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Notice = z.infer<typeof Notice>;
