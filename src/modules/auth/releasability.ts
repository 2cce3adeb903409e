import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Classification } from '../../shared/access.ts';
import type { DB, Db, ShareableTable } from '../../db/index.ts';
import type { Viewer } from './actor.ts';

/*
 * The visibility predicate, written once in two forms: a Kysely expression for
 * queries and a plain function for streams and in-memory data. Every read of a
 * shareable record goes through one of them.
 *
 * A viewer sees a record when it is PUBLIC; or MISSION and the viewer's
 * organisation is a mission member; or the viewer's organisation owns it; or it
 * is RESTRICTED and released to the viewer's organisation.
 */

export interface LabelledRecord {
  readonly classification: Classification | string;
  readonly ownerOrgId: string;
  /** Organisation ids the record is released to. */
  readonly releasableTo: readonly string[];
}

/** The plain form, for records already in memory. */
export function canSee(viewer: Viewer, record: LabelledRecord): boolean {
  if (record.classification === 'PUBLIC') return true;
  const org = viewer.organisationId;
  if (org === null) return false;
  if (record.ownerOrgId === org) return true;
  if (record.classification === 'MISSION') return viewer.isMissionMember;
  return record.classification === 'RESTRICTED' && record.releasableTo.includes(org);
}

/**
 * The query form: `.where(visibleTo(viewer, 'incidents'))`, or with an alias,
 * `visibleTo(viewer, 'incidents', 'i')`. The table must have id,
 * classification and owner_org_id columns.
 */
export function visibleTo(viewer: Viewer, entityType: ShareableTable, alias: string = entityType) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const column = (name: string) => eb.ref(`${alias}.${name}`);
    const isPublic = eb(column('classification'), '=', 'PUBLIC');
    const org = viewer.organisationId;
    if (org === null) return isPublic;
    const visible = [isPublic, eb(column('owner_org_id'), '=', org)];
    if (viewer.isMissionMember) visible.push(eb(column('classification'), '=', 'MISSION'));
    visible.push(
      eb.and([
        eb(column('classification'), '=', 'RESTRICTED'),
        eb.exists(
          eb
            .selectFrom('record_releases')
            .select(sql.lit(1).as('one'))
            .where('record_releases.entity_type', '=', entityType)
            .whereRef('record_releases.record_id', '=', column('id'))
            .where('record_releases.organisation_id', '=', org),
        ),
      ]),
    );
    return eb.or(visible);
  };
}

/** Replaces a record's releasable-to list (inside the caller's transaction). */
export async function setReleasableTo(trx: Db, entityType: ShareableTable, recordId: string, organisationIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('record_releases').where('entity_type', '=', entityType).where('record_id', '=', recordId).execute();
  const unique = [...new Set(organisationIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto('record_releases')
    .values(unique.map((organisation_id) => ({ entity_type: entityType, record_id: recordId, organisation_id })))
    .execute();
}

/** The releasable-to lists of many records at once, as organisation codes. */
export async function releasableToCodes(db: Db, entityType: ShareableTable, recordIds: readonly string[]): Promise<Map<string, string[]>> {
  const lists = new Map<string, string[]>();
  for (let start = 0; start < recordIds.length; start += 500) {
    const rows = await db
      .selectFrom('record_releases')
      .innerJoin('organisations', 'organisations.id', 'record_releases.organisation_id')
      .select(['record_releases.record_id', 'organisations.code'])
      .where('record_releases.entity_type', '=', entityType)
      .where('record_releases.record_id', 'in', recordIds.slice(start, start + 500))
      .orderBy('organisations.code')
      .execute();
    for (const row of rows) lists.set(row.record_id, [...(lists.get(row.record_id) ?? []), row.code]);
  }
  return lists;
}

export type { DB };
