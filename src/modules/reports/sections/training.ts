import type { NotAvailable, TrainingSection } from '../../../shared/reports.ts';
import { trainingTotals } from '../../training/index.ts';
import type { SectionContext } from './context.ts';

/*
 * Police training from the training module: trainees enrolled, sessions
 * attended and certifications in the period (and the previous one), by topic.
 */

export async function trainingSection({ db, viewer, period }: SectionContext): Promise<TrainingSection | NotAvailable> {
  const current = { from: period.fromDay, to: period.toDay, interval: 'year' as const };
  const previous = { from: period.previous.fromDay, to: period.previous.toDay, interval: 'year' as const };
  const [now, before] = await Promise.all([trainingTotals({ db, viewer, query: current }), trainingTotals({ db, viewer, query: previous })]);
  const byTopic = new Map<string, TrainingSection['byTopic'][number]>();
  for (const row of now.rows) {
    const topic = byTopic.get(row.topic) ?? { topic: row.topic, enrolled: 0, attendances: 0, certified: 0 };
    topic.enrolled += row.enrolled;
    topic.attendances += row.attendances;
    topic.certified += row.certified;
    byTopic.set(row.topic, topic);
  }
  return {
    status: 'available',
    totals: now.totals,
    previousTotals: before.totals,
    byTopic: [...byTopic.values()].sort((a, b) => b.certified - a.certified || b.enrolled - a.enrolled || a.topic.localeCompare(b.topic)),
    queries: [
      { service: 'training.trainingTotals', params: current },
      { service: 'training.trainingTotals', params: previous },
    ],
  };
}
