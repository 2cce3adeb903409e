import type { TrainingSection } from '../../../shared/reports.ts';
import { TRAINING_TOPICS } from '../../../shared/training.ts';
import { changeOf } from '../change.ts';
import { label, num, t, type Lang } from './format.ts';
import { changeCell, sectionHtml, table } from './html-parts.ts';

/* Page section: police training. */

export function trainingHtml(s: TrainingSection, lang: Lang): string {
  const keys = ['enrolled', 'attendances', 'certified', 'trainees'] as const;
  const parts = [table(['', t('thisPeriod', lang), t('previous', lang), t('change', lang)], keys.map((k) => [t(k, lang), num(s.totals[k], lang), num(s.previousTotals[k], lang), changeCell(changeOf(s.totals[k], s.previousTotals[k]), lang)]), [1, 2, 3], 'compact')];
  if (s.byTopic.length > 0) {
    parts.push(table([t('topic', lang), t('enrolled', lang), t('attendances', lang), t('certified', lang)], s.byTopic.map((r) => [label(TRAINING_TOPICS, r.topic, lang), num(r.enrolled, lang), num(r.attendances, lang), num(r.certified, lang)]), [1, 2, 3], 'small'));
  }
  return sectionHtml('training', t('training', lang), parts.join(''));
}
