import { INCIDENT_TYPES, type IncidentInput, type IncidentType } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/index.ts';
import { reportIncident, type AdminAreaLookup } from '../incidents/index.ts';
import type { ReporterRow } from './sms.repo.ts';
import type { MatchedPlace, ParsedSms } from './types.ts';

/*
 * An SMS report as an incident, through the incidents module's own
 * reportIncident: unverified, reported by the number's account, graded as
 * that reporter is, the message as its description, at the point of the
 * place named with the precision that point has.
 */

export interface IncidentForProps {
  db: Db;
  /** The number's account: the incident's reporter. */
  reporterActor: Actor;
  reporter: Pick<ReporterRow, 'classification' | 'releasable_to' | 'reliability' | 'credibility'>;
  parsed: Pick<ParsedSms, 'type' | 'counts'>;
  text: string;
  sentAt: string;
  place: Pick<MatchedPlace, 'name' | 'lon' | 'lat' | 'precision'>;
  idempotencyKey: string;
  areas?: AdminAreaLookup | null;
}

export function titleOf(type: IncidentType, placeName: string): string {
  return `${INCIDENT_TYPES[type].labels.en} in ${placeName} (SMS)`.slice(0, 200);
}

export async function createIncidentFor({ db, reporterActor, reporter, parsed, text, sentAt, place, idempotencyKey, areas }: IncidentForProps): Promise<{ id: string }> {
  const type = parsed.type ?? 'other';
  const input: IncidentInput = {
    type,
    title: titleOf(type, place.name),
    description: text,
    occurredAt: sentAt,
    // The message says it happened, not when: the day it was sent is what is known.
    occurredPrecision: 'day',
    location: { lon: place.lon, lat: place.lat, precision: place.precision, placeName: place.name },
    counts: parsed.counts,
    sources: [{ name: `SMS from ${reporterActor.username}`, reliability: reporter.reliability as 'F', credibility: reporter.credibility as 6, reportedAt: sentAt }],
    tags: ['sms'],
    classification: reporter.classification as IncidentInput['classification'],
    releasableTo: reporter.classification === 'RESTRICTED' ? (JSON.parse(reporter.releasable_to) as string[]) : [],
  };
  const { incident } = await reportIncident({ db, actor: reporterActor, input, idempotencyKey, ...(areas !== undefined ? { areas } : {}) });
  return { id: incident.id };
}
