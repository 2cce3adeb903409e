import { TotalsQuery, type TrainingTopic, type TrainingTotals } from '../../shared/training.ts';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import * as repo from './progress.repo.ts';

/*
 * Training delivered, by period, topic and HNP unit: trainees enrolled (by
 * the course's start), sessions attended, certifications — counting only
 * the trainees and courses the reader may see.
 */

/** The period a day (YYYY-MM-DD) falls in: 2024-03, 2024-Q1 or 2024. */
export function periodOf(day: string, interval: 'month' | 'quarter' | 'year'): string {
  if (interval === 'year') return day.slice(0, 4);
  if (interval === 'month') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

export async function trainingTotals({ db, viewer, query = {} }: { db: Db; viewer: Viewer; query?: TotalsQuery }): Promise<TrainingTotals> {
  const { from, to, interval } = TotalsQuery.parse(query);
  const filter = { from, to };
  const [enrolled, attended, certified] = await Promise.all([repo.enrolmentFacts(db, viewer, filter), repo.attendanceFacts(db, viewer, filter), repo.certificationFacts(db, viewer, filter)]);
  const rows = new Map<string, TrainingTotals['rows'][number]>();
  const add = (facts: readonly { day: string | null; topic: string; unit: string }[], field: 'enrolled' | 'attendances' | 'certified') => {
    for (const fact of facts) {
      if (fact.day === null) continue;
      const period = periodOf(fact.day, interval);
      const key = `${period}|${fact.topic}|${fact.unit}`;
      const row = rows.get(key) ?? { period, topic: fact.topic as TrainingTopic, unit: fact.unit, enrolled: 0, attendances: 0, certified: 0 };
      row[field] += 1;
      rows.set(key, row);
    }
  };
  add(enrolled, 'enrolled');
  add(attended, 'attendances');
  add(certified, 'certified');
  const sorted = [...rows.values()].sort((a, b) => a.period.localeCompare(b.period) || a.topic.localeCompare(b.topic) || a.unit.localeCompare(b.unit));
  return {
    interval,
    rows: sorted,
    totals: {
      enrolled: enrolled.length, attendances: attended.length, certified: certified.length,
      trainees: new Set([...enrolled, ...attended, ...certified].map((f) => f.trainee_id)).size,
    },
  };
}
