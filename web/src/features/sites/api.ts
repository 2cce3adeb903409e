/*
 * The sites and training APIs as the screens use them: typed reads through
 * react-query, and the few writes the screens offer.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, AssignmentInput, ProtectionGap, SiteKind, SiteThreat, Task, TaskStatus } from '../../../../src/shared/sites.ts';
import type { Course, TrainingTotals } from '../../../../src/shared/training.ts';
import { api } from '../../api/client.ts';
import { submit as submitToOutbox } from '../../offline/outbox.ts';

const minute = 60_000;

export function useThreats(enabled: boolean, kind: SiteKind | '') {
  return useQuery({ queryKey: ['sites', 'threats', kind], enabled, refetchInterval: minute, queryFn: () => api<SiteThreat[]>('/api/v1/sites/threats', { query: { kind: kind || undefined } }) });
}

export function useGaps(enabled: boolean) {
  return useQuery({ queryKey: ['sites', 'gaps'], enabled, refetchInterval: minute, queryFn: () => api<ProtectionGap[]>('/api/v1/sites/gaps') });
}

export function useAssignments(enabled: boolean) {
  return useQuery({ queryKey: ['sites', 'assignments'], enabled, queryFn: () => api<Assignment[]>('/api/v1/sites/assignments', { query: { activeAt: new Date().toISOString() } }) });
}

export function useTasks(enabled: boolean) {
  return useQuery({ queryKey: ['sites', 'tasks'], enabled, refetchInterval: minute, queryFn: () => api<Task[]>('/api/v1/sites/tasks', { query: { limit: 200 } }) });
}

export function useCourses(enabled: boolean) {
  return useQuery({ queryKey: ['training', 'courses'], enabled, queryFn: () => api<Course[]>('/api/v1/training/courses') });
}

export function useTrainingTotals(enabled: boolean) {
  return useQuery({ queryKey: ['training', 'totals'], enabled, queryFn: () => api<TrainingTotals>('/api/v1/training/totals', { query: { interval: 'quarter' } }) });
}

/** Moves a task on; the lists refresh after. */
export function useTaskStatus() {
  const client = useQueryClient();
  return useMutation({
    // Through the outbox: a patrol without signal moves its task on, and the change is sent once when it can be.
    mutationFn: ({ task, status, afterAction }: { task: Task; status: TaskStatus; afterAction?: string }) =>
      submitToOutbox({ kind: 'task-status', path: `/api/v1/sites/tasks/${encodeURIComponent(task.id)}/status`, body: { version: task.version, status, ...(afterAction ? { afterAction } : {}) }, summary: `${task.title}: ${status}` }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sites'] }),
  });
}

/** Assigns a unit to a site; gaps and assignments refresh after. */
export function useAssign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentInput) => api<Assignment>('/api/v1/sites/assignments', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sites'] }),
  });
}
