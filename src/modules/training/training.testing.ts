import type { CourseInput, TraineeInput } from '../../shared/training.ts';
import type { Db } from '../../db/index.ts';
import { countRows } from '../refusals.testing.ts';

/** Small builders for the training module's tests. */

export function courseInput(overrides: Partial<CourseInput> = {}): CourseInput {
  return { title: 'Crowd control', topic: 'crowd_control', startsOn: '2024-03-04', endsOn: '2024-03-08', classification: 'MISSION', ...overrides };
}

let counter = 0;

export function traineeInput(overrides: Partial<TraineeInput> = {}): TraineeInput {
  counter += 1;
  return { serviceNumber: `T-${String(counter).padStart(5, '0')}`, fullName: `Trainee ${counter}`, unit: 'UDMO', ...overrides };
}

const COUNTED = ['training_courses', 'training_sessions', 'trainees', 'training_enrolments', 'training_attendance', 'vetting_flags', 'record_releases', 'audit_log'] as const;

/** Rows in the training tables, the release lists and the audit log: what a refused request must leave unchanged. */
export const rowCounts = (db: Db) => countRows(db, COUNTED);
