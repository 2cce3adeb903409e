import type { Classification } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db, ShareableTable } from '../../db/index.ts';
import { organisationIdsForCodes, releasableToCodes, setReleasableTo, type Actor } from '../auth/index.ts';

/*
 * The releasability label of the roads module's records: who owns a new record, and its
 * releasable-to list, written in the caller's transaction.
 */

/** The owner of a new record: the actor's organisation, or for the system the organisation named. */
export async function ownerOf(db: Db, actor: Actor | null, ownerCode: string | undefined): Promise<string> {
  if (actor) return actor.organisationId;
  if (!ownerCode) throw new AppError('BAD_REQUEST', 'say which organisation owns the records (e.g. --org MSS-HQ)');
  const [id] = await organisationIdsForCodes(db, [ownerCode], 'owner');
  return id!;
}

/** Writes the releasable-to list of a record (RESTRICTED only; others have none). */
export async function writeReleases(trx: Db, table: ShareableTable, id: string, classification: Classification, codes: readonly string[]): Promise<void> {
  const ids = await organisationIdsForCodes(trx, classification === 'RESTRICTED' ? codes : []);
  await setReleasableTo(trx, table, id, ids);
}

/** Releasable-to lists of many records, as organisation codes. */
export function releaseCodes(db: Db, table: ShareableTable, ids: readonly string[]): Promise<Map<string, string[]>> {
  return ids.length === 0 ? Promise.resolve(new Map()) : releasableToCodes(db, table, ids);
}

/** An ISO-8601 UTC timestamp, normalised so that text comparison orders times. */
export function isoTime(value: string | Date | number): string {
  return new Date(value).toISOString();
}
