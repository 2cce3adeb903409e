import type { Classification } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db, ShareableTable } from '../../db/index.ts';
import { organisationIdsForCodes, releasableToCodes, setReleasableTo, type Actor } from '../auth/index.ts';

/** The label of training records: who owns a new one, and its releasable-to list. */

/** The owner of a new record: the actor's organisation, or for the system the organisation named. */
export async function ownerOf(db: Db, actor: Actor | null, ownerCode: string | undefined): Promise<string> {
  if (actor) return actor.organisationId;
  if (!ownerCode) throw new AppError('BAD_REQUEST', 'say which organisation owns the records (e.g. --org HNP)');
  return (await organisationIdsForCodes(db, [ownerCode], 'owner'))[0]!;
}

/** Writes a record's releasable-to list (RESTRICTED only; others have none). */
export async function writeReleases(trx: Db, table: ShareableTable, id: string, classification: Classification | string, codes: readonly string[]): Promise<void> {
  await setReleasableTo(trx, table, id, await organisationIdsForCodes(trx, classification === 'RESTRICTED' ? codes : []));
}

export function releaseCodes(db: Db, table: ShareableTable, ids: readonly string[]): Promise<Map<string, string[]>> {
  return ids.length === 0 ? Promise.resolve(new Map()) : releasableToCodes(db, table, ids);
}
