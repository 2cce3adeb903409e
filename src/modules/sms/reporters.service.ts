import { AppError, notFound } from '../../shared/errors.ts';
import { Role, type Classification } from '../../shared/access.ts';
import type { Db } from '../../db/index.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { appendAudit, hasRole, organisationIdsForCodes, type Actor } from '../auth/index.ts';
import { validPhone } from './phone.ts';
import { ReporterInput, type Reporter } from './sms.schema.ts';
import { assertAdmin, REPORTING_ROLES } from './sms.policy.ts';
import * as repo from './sms.repo.ts';

/*
 * The registry of reporters' phones: a number (E.164) belongs to one Konbit
 * account, whose reports the messages become. An administrator registers the
 * numbers of their own organisation's accounts, with the label the reports
 * carry and how the reporter is graded as a source.
 */

function present(row: repo.ReporterRow): Reporter {
  return {
    phone: row.phone,
    username: row.username,
    organisation: row.org_code,
    classification: row.classification as Classification,
    releasableTo: JSON.parse(row.releasable_to) as string[],
    reliability: row.reliability as Reporter['reliability'],
    credibility: row.credibility,
    createdAt: row.created_at,
  };
}

/** The account a username names, as an actor (roles included). */
export async function actorFor(db: Db, where: { id: string } | { username: string }): Promise<Actor | null> {
  const found = await repo.findUserWithRoles(db, where);
  if (!found) return null;
  return {
    userId: found.user.id,
    username: found.user.username,
    organisationId: found.user.organisation_id,
    organisationCode: found.user.code,
    isMissionMember: found.user.is_mission_member === 1,
    roles: found.roles.flatMap((role) => (Role.safeParse(role).success ? [Role.parse(role)] : [])),
  };
}

export async function addReporter({ db, actor, input }: { db: Db; actor: Actor; input: ReporterInput }): Promise<Reporter> {
  assertAdmin(actor, 'registering a reporter’s phone');
  const parsed = ReporterInput.parse(input);
  const phone = validPhone(parsed.phone);
  const found = await repo.findUserWithRoles(db, { username: parsed.username });
  if (!found || found.user.organisation_id !== actor.organisationId) {
    throw new AppError('NOT_FOUND', `username: no account ${parsed.username} in your organisation (${actor.organisationCode}); an administrator registers the numbers of their own organisation's accounts`);
  }
  if (found.user.disabled) throw new AppError('BAD_REQUEST', `username: the account ${parsed.username} is disabled`);
  const reporter = await actorFor(db, { id: found.user.id });
  if (!reporter || !hasRole(reporter, ...REPORTING_ROLES)) {
    throw new AppError('BAD_REQUEST', `username: ${parsed.username} cannot report incidents; give the account one of the roles ${REPORTING_ROLES.join(', ')} first`);
  }
  if (parsed.classification !== 'RESTRICTED' && parsed.releasableTo.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'releasableTo: only RESTRICTED reports have a releasable-to list', [{ path: 'releasableTo', message: 'only for RESTRICTED' }]);
  }
  const releaseIds = await organisationIdsForCodes(db, parsed.releasableTo);
  if (releaseIds.length !== new Set(parsed.releasableTo).size) throw new AppError('VALIDATION_FAILED', `releasableTo: unknown organisation code among ${parsed.releasableTo.join(', ')}`);
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertReporter(trx, {
        phone,
        user_id: found.user.id,
        classification: parsed.classification,
        releasable_to: JSON.stringify([...new Set(parsed.releasableTo)]),
        reliability: parsed.reliability,
        credibility: parsed.credibility,
        created_by: actor.userId,
        created_at: new Date().toISOString(),
      });
      // The number itself stays out of the audit log, which many read: its last digits say which one it was.
      await appendAudit(trx, { actor, action: 'create', entityType: 'sms_reporter', entityId: found.user.id, details: { phoneEnding: phone.slice(-4), classification: parsed.classification } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `phone: ${phone} is registered already; remove it first to give it to another account`);
    throw error;
  }
  return present((await repo.findReporter(db, phone))!);
}

export async function listReporters({ db, actor }: { db: Db; actor: Actor }): Promise<Reporter[]> {
  assertAdmin(actor, 'listing reporters’ phones');
  return (await repo.listReporters(db, actor.organisationId)).map(present);
}

export async function removeReporter({ db, actor, phone: raw }: { db: Db; actor: Actor; phone: string }): Promise<void> {
  assertAdmin(actor, 'removing a reporter’s phone');
  const phone = validPhone(raw);
  await db.transaction().execute(async (trx) => {
    const row = await repo.findReporter(trx, phone);
    if (!row || row.organisation_id !== actor.organisationId) throw notFound('registered phone');
    await repo.deleteReporter(trx, phone);
    await appendAudit(trx, { actor, action: 'delete', entityType: 'sms_reporter', entityId: row.user_id, details: { phoneEnding: phone.slice(-4) } });
  });
}
