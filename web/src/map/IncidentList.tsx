import { useState } from 'react';
import type { Incident } from '../../../src/shared/incidents.ts';
import { INCIDENT_TYPES } from '../../../src/shared/incidents.ts';
import { useI18n } from '../i18n/index.ts';
import { useNewestIncidents, type IncidentFilter } from './incidents.ts';

const SHOWN = 100;

interface Props {
  /** How many incidents the map shows. */
  count: number;
  filter: IncidentFilter;
  enabled: boolean;
  onSelect: (incident: Incident) => void;
}

/**
 * The incidents the map shows, newest first, as buttons: the keyboard's and the screen reader's
 * way to the details that a pointer gets by clicking a point. Read from the incidents API when opened.
 */
export function IncidentList({ count, filter, enabled, onSelect }: Props) {
  const { t, f } = useI18n();
  const [open, setOpen] = useState(false);
  const newest = useNewestIncidents(enabled && open, filter, SHOWN);
  const items = newest.data?.items ?? [];
  return (
    <details className="incident-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('list.title', { count, formatted: f.number(count) })}</summary>
      {count > SHOWN && <p className="hint">{t('list.newest', { count: SHOWN })}</p>}
      <ul>
        {items.map((incident) => (
          <li key={incident.id}>
            <button type="button" className="link" onClick={() => onSelect(incident)}>
              {incident.title}
            </button>
            <span className="hint">
              {' '}
              {f.term(INCIDENT_TYPES[incident.type]?.labels, incident.type)} · {f.date(incident.occurredAt)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
