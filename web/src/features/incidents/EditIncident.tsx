import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Incident } from '../../../../src/shared/incidents.ts';
import { useI18n } from '../../i18n/index.ts';
import { submit as submitToOutbox } from '../../offline/outbox.ts';

const COUNTS = ['killed', 'injured', 'abducted', 'displaced'] as const;

/**
 * Correct an incident's title, description or counts. The edit carries the
 * version it was made on and goes through the outbox: if someone changed the
 * incident meanwhile, the server refuses it (409) and the outbox shows both
 * versions for the user to settle.
 */
export function EditIncident({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(incident.title);
  const [description, setDescription] = useState(incident.description);
  const [counts, setCounts] = useState(incident.counts);
  const [queued, setQueued] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const base = { title: incident.title, description: incident.description, counts: incident.counts };
    const edited = { title: title.trim(), description, counts };
    const changes = Object.fromEntries(Object.entries(edited).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(base[key as keyof typeof base])));
    if (Object.keys(changes).length === 0) return onDone();
    const { answer } = await submitToOutbox({ kind: 'incident-edit', method: 'PATCH', path: `/api/v1/incidents/${encodeURIComponent(incident.id)}`, body: { version: incident.version, changes }, summary: edited.title, base });
    if (!answer) return setQueued(true);
    void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    onDone();
  };
  if (queued) return <p role="status" data-testid="edit-queued">{t('offline.queued')}</p>;
  return (
    <form className="edit-incident" onSubmit={(e) => void save(e)} data-testid="edit-incident">
      <label>
        {t('report.titleField')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="edit-title" />
      </label>
      <label>
        {t('report.description')}
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={20_000} />
      </label>
      <fieldset className="counts">
        <legend>{t('report.counts')}</legend>
        {COUNTS.map((key) => (
          <label key={key}>
            {t(`counts.${key}`)}
            <input type="number" min={0} inputMode="numeric" value={counts[key]} onChange={(e) => setCounts({ ...counts, [key]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" data-testid="edit-save">{t('offline.edit.save')}</button>
        <button type="button" onClick={onDone}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
