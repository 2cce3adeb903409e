import { useId } from 'react';
import { INCIDENT_TYPES, VERIFICATION_STATUSES, type IncidentType, type VerificationStatus } from '../../../src/shared/incidents.ts';
import type { Capabilities, Feature } from '../api/capabilities.ts';
import { useI18n } from '../i18n/index.ts';
import { useAdminAreas } from './adminAreas.ts';
import type { IncidentFilter } from './incidents.ts';
import { CONTROL_LEVELS, ROAD_STATUSES } from '../../../src/shared/roads.ts';
import { LEVEL_COLOURS, STATUS_COLOURS } from './overlays.ts';
import { TYPE_COLOURS } from './style.ts';

export const LAYER_TOGGLES = ['incidents', 'boundaries', 'roads', 'areas', 'roadblocks', 'roadStatus', 'sites'] as const;
export type LayerToggle = (typeof LAYER_TOGGLES)[number];

/** The API each layer waits for; the basemap layers need none. */
const LAYER_API: Partial<Record<LayerToggle, Feature>> = {
  incidents: 'incidentsGeojson',
  areas: 'areas',
  roadblocks: 'roadblocks',
  roadStatus: 'roadStatus',
  sites: 'sites',
};

interface Props {
  caps: Capabilities | undefined;
  visible: ReadonlySet<LayerToggle>;
  onToggle: (layer: LayerToggle) => void;
  filter: IncidentFilter;
  onFilter: (next: IncidentFilter) => void;
  actors: readonly string[];
}

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

export function LayerPanel({ caps, visible, onToggle, filter, onFilter, actors }: Props) {
  const { t, f } = useI18n();
  const areas = useAdminAreas();
  const actorId = useId();
  const areaId = useId();
  const incidentsOn = caps?.has('incidentsGeojson') ?? false;
  return (
    <div className="layer-panel">
      <fieldset>
        <legend>{t('layers.title')}</legend>
        {LAYER_TOGGLES.map((layer) => {
          const needs = LAYER_API[layer];
          const missing = needs !== undefined && !(caps?.has(needs) ?? false);
          return (
            <label key={layer} className={missing ? 'disabled' : undefined} title={missing ? t('common.waitingFor', { api: t(`apis.${layer}`) }) : undefined}>
              <input type="checkbox" checked={!missing && visible.has(layer)} disabled={missing} onChange={() => onToggle(layer)} data-testid={`layer-${layer}`} />
              {t(`layers.${layer}`)}
              {missing && <span className="hint"> — {t('common.soon')}</span>}
            </label>
          );
        })}
        {visible.has('areas') && caps?.has('areas') && (
          <p className="legend-line">
            {(Object.keys(CONTROL_LEVELS) as (keyof typeof CONTROL_LEVELS)[]).map((level) => (
              <span key={level}><span className="swatch square" style={{ background: LEVEL_COLOURS[level] }} aria-hidden="true" /> {f.term(CONTROL_LEVELS[level], level)}</span>
            ))}
          </p>
        )}
        {visible.has('roadStatus') && caps?.has('roadStatus') && (
          <p className="legend-line">
            {(['risky', 'blocked'] as const).map((status) => (
              <span key={status}><span className="swatch square" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true" /> {f.term(ROAD_STATUSES[status], status)}</span>
            ))}
          </p>
        )}
      </fieldset>

      <fieldset disabled={!incidentsOn}>
        <legend>{t('filters.types')}</legend>
        <div className="type-list">
          {(Object.keys(INCIDENT_TYPES) as IncidentType[]).map((type) => (
            <label key={type}>
              <input type="checkbox" checked={filter.types.has(type)} onChange={() => onFilter({ ...filter, types: toggled(filter.types, type) })} data-testid={`type-${type}`} />
              <span className="swatch" style={{ background: TYPE_COLOURS[type] }} aria-hidden="true" />
              {f.term(INCIDENT_TYPES[type].labels, type)}
            </label>
          ))}
        </div>
        <p className="hint">{t('filters.noneMeansAll')}</p>
      </fieldset>

      <fieldset disabled={!incidentsOn}>
        <legend>{t('filters.verification')}</legend>
        {(Object.keys(VERIFICATION_STATUSES) as VerificationStatus[]).map((status) => (
          <label key={status}>
            <input type="checkbox" checked={filter.verification.has(status)} onChange={() => onFilter({ ...filter, verification: toggled(filter.verification, status) })} data-testid={`verification-${status}`} />
            {f.term(VERIFICATION_STATUSES[status], status)}
          </label>
        ))}
      </fieldset>

      <fieldset disabled={!incidentsOn}>
        <legend>{t('filters.more')}</legend>
        <label htmlFor={actorId}>{t('filters.actor')}</label>
        <input id={actorId} list={`${actorId}-list`} value={filter.actor} onChange={(e) => onFilter({ ...filter, actor: e.target.value })} placeholder={t('filters.actorPlaceholder')} />
        <datalist id={`${actorId}-list`}>
          {actors.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <label htmlFor={areaId}>{t('filters.area')}</label>
        <select id={areaId} value={filter.area} onChange={(e) => onFilter({ ...filter, area: e.target.value })} data-testid="filter-area">
          <option value="">{t('filters.allAreas')}</option>
          {(areas.data ?? []).map((department) => (
            <optgroup key={department.pcode} label={department.names[f.locale]}>
              <option value={department.pcode}>{t('filters.wholeDepartment', { name: department.names[f.locale] })}</option>
              {department.communes.map((commune) => (
                <option key={commune.pcode} value={commune.pcode}>
                  {commune.names[f.locale]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </fieldset>
    </div>
  );
}
