import { INCIDENT_TYPES } from '../../../src/shared/incidents.ts';
import { useI18n } from '../i18n/index.ts';
import type { IncidentFeature } from './incidents.ts';

const SHOWN = 100;

/**
 * The incidents the map shows, newest first, as buttons: the keyboard's and the screen reader's
 * way to the details that a pointer gets by clicking a point.
 */
export function IncidentList({ incidents, onSelect }: { incidents: readonly IncidentFeature[]; onSelect: (incident: IncidentFeature) => void }) {
  const { t, f } = useI18n();
  const newest = [...incidents].sort((a, b) => b.properties.t - a.properties.t).slice(0, SHOWN);
  return (
    <details className="incident-list">
      <summary>{t('list.title', { count: incidents.length, formatted: f.number(incidents.length) })}</summary>
      {incidents.length > SHOWN && <p className="hint">{t('list.newest', { count: SHOWN })}</p>}
      <ul>
        {newest.map((incident) => (
          <li key={incident.id}>
            <button type="button" className="link" onClick={() => onSelect(incident)}>
              {incident.properties.title}
            </button>
            <span className="hint">
              {' '}
              {f.term(INCIDENT_TYPES[incident.properties.type]?.labels, incident.properties.type)} · {f.date(incident.properties.occurredAt)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
