import type { z } from 'zod';
import { AppError, notFound } from '../../shared/errors.ts';
import type { IncidentType } from '../../shared/incidents.ts';
import type { Classification } from '../../shared/access.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, releasableToCodes, type Actor, type Viewer } from '../auth/index.ts';
import { createIncidentFor } from './incident.ts';
import { actorFor } from './reporters.service.ts';
import { LocateInput, SmsReportsQuery, type SmsReport } from './sms.schema.ts';
import { assertAnalyst } from './sms.policy.ts';
import * as repo from './sms.repo.ts';
import type { ParsedSms } from './types.ts';

/*
 * The reports SMS brought in, as their readers may see them (each carries
 * its reporter's label), and the queue of those the parser could not place:
 * an incident needs a point, so an analyst gives one and the incident is
 * created then, with the sender still its reporter.
 */

function present(row: repo.ReportRow): SmsReport {
  const parsed = JSON.parse(row.parsed) as ParsedSms;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as SmsReport['status'],
    text: row.text,
    language: row.language,
    type: row.type as IncidentType | null,
    placeName: row.place_name,
    counts: parsed.counts,
    incidentId: row.incident_id,
    reporter: row.reporter_username,
    owner: row.org_code,
    classification: row.classification as Classification,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

export async function listSmsReports({ db, viewer, query }: { db: Db; viewer: Viewer; query?: z.input<typeof SmsReportsQuery> }): Promise<SmsReport[]> {
  const { status, limit } = SmsReportsQuery.parse(query ?? {});
  return (await repo.listReports(db, viewer, { status, limit })).map(present);
}

/** Places an unlocated report: creates its incident (reported by the sender's account) and closes it in the queue. */
export async function locateSmsReport({ db, actor, id, input }: { db: Db; actor: Actor; id: string; input: LocateInput }): Promise<SmsReport> {
  assertAnalyst(actor);
  const where = LocateInput.parse(input);
  const report = await repo.findReport(db, id, actor);
  if (!report) throw notFound('SMS report');
  if (report.status !== 'unlocated') throw new AppError('CONFLICT', `this report is ${report.status === 'incident' ? 'an incident already' : 'placed already'} (incident ${report.incident_id}); edit that incident instead`);
  const reporterActor = await actorFor(db, { id: report.reporter_user_id });
  if (!reporterActor) throw notFound('reporter account');
  const grading = (await repo.findReporterOfUser(db, report.reporter_user_id)) ?? { reliability: 'F', credibility: 6 };
  const releasableTo = (await releasableToCodes(db, 'sms_reports', [id])).get(id) ?? [];
  const parsed = JSON.parse(report.parsed) as ParsedSms;
  const placeName = where.placeName ?? parsed.place?.name ?? 'place given by an analyst';
  const incident = await createIncidentFor({
    db,
    reporterActor,
    reporter: { classification: report.classification, releasable_to: JSON.stringify(releasableTo), reliability: grading.reliability, credibility: grading.credibility },
    parsed: { type: where.type ?? parsed.type, counts: parsed.counts },
    text: report.text,
    sentAt: report.sent_at,
    place: { name: placeName, lon: where.lon, lat: where.lat, precision: where.precision },
    idempotencyKey: `sms-report:${report.id}`,
  });
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    if ((await repo.markLocated(trx, id, { incident_id: incident.id, located_by: actor.userId, located_at: now, updated_at: now })) === 0) {
      throw new AppError('CONFLICT', 'another analyst placed this report at the same time; reload it');
    }
    await appendAudit(trx, { actor, action: 'locate', entityType: 'sms_report', entityId: id, details: { incidentId: incident.id, precision: where.precision } });
  });
  const [row] = await repo.listReports(db, actor, { limit: 1, id });
  return present(row!);
}
