import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { Me } from '../../../src/shared/auth.ts';
import { outboxState, startOutbox, subscribe, type OutboxItem } from './outbox.ts';
import { startSync, subscribeSync, syncStatus, type SyncStatus } from './syncStatus.ts';

/** Opens the signed-in user's offline store: keeps their data, sends their outbox; the lists refresh as reports arrive. */
export function useOfflineSession(me: Me | null | undefined): void {
  const queryClient = useQueryClient();
  const userId = me?.id;
  useEffect(() => {
    if (!userId) return;
    const delivered = (item: OutboxItem) => {
      const family = item.kind === 'roadblock' ? 'overlay' : item.kind === 'task-status' ? 'sites' : 'incidents';
      void queryClient.invalidateQueries({ queryKey: [family] });
    };
    void startSync(userId);
    void startOutbox(userId, delivered);
  }, [userId, queryClient]);
}

export function useOutbox(): readonly OutboxItem[] {
  return useSyncExternalStore(subscribe, () => outboxState().items);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribeSync, syncStatus);
}
