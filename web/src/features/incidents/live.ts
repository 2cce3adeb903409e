/*
 * Live updates: the server-sent event stream of incident changes. Any change
 * the reader may see refetches the map's incidents and the verification
 * queue; the browser's EventSource reconnects by itself and resumes with
 * Last-Event-ID.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FEATURES } from '../../api/capabilities.ts';

const INCIDENT_EVENTS = ['incident', 'incident.created', 'incident.updated', 'incident.verified', 'incident.rejected', 'incident.merged', 'incident.deleted', 'change'];

export type LiveState = 'off' | 'connecting' | 'live' | 'lost';

export function useLiveIncidents(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('off');
  useEffect(() => {
    if (!enabled) return;
    setState('connecting');
    const source = new EventSource(FEATURES.stream, { withCredentials: true });
    let pending: number | undefined;
    // A burst of events (an import) refetches once.
    const refresh = () => {
      if (pending !== undefined) return;
      pending = window.setTimeout(() => {
        pending = undefined;
        void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      }, 250);
    };
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
    source.onmessage = refresh;
    for (const name of INCIDENT_EVENTS) source.addEventListener(name, refresh);
    return () => {
      window.clearTimeout(pending);
      source.close();
      setState('off');
    };
  }, [enabled, queryClient]);
  return state;
}
