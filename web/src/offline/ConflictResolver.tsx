import { useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { discard, resendEdit, type OutboxItem } from './outbox.ts';

type Choice = 'mine' | 'theirs';

const shown = (value: unknown): string => (value === undefined || value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * An edit made on this device while someone changed the incident on the
 * server: both versions side by side, field by field, and the user decides —
 * keep mine, take theirs, or choose per field. Nothing is overwritten unseen.
 */
export function ConflictResolver({ item }: { item: OutboxItem }) {
  const { t } = useI18n();
  const mine = ((item.body as { changes?: Record<string, unknown> }).changes ?? {}) as Record<string, unknown>;
  const theirs = item.conflict!.theirs as unknown as Record<string, unknown>;
  const fields = Object.keys(mine);
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(fields.map((k) => [k, 'mine' as Choice])));
  const kept = (pick: (field: string) => Choice) => Object.fromEntries(fields.filter((k) => pick(k) === 'mine').map((k) => [k, mine[k]]));
  const send = (changes: Record<string, unknown>) => (Object.keys(changes).length === 0 ? discard(item.id) : resendEdit(item.id, changes));
  return (
    <div className="conflict" data-testid="conflict">
      <p>{t('offline.conflict.intro', { version: item.conflict!.theirs.version })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('offline.conflict.field')}</th>
            <th scope="col">{t('offline.conflict.base')}</th>
            <th scope="col">{t('offline.conflict.mine')}</th>
            <th scope="col">{t('offline.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} data-testid="conflict-field" data-field={field}>
              <th scope="row">{t(`offline.fields.${field}`, { defaultValue: field })}</th>
              <td>{shown(item.base?.[field])}</td>
              <td>
                <label>
                  <input type="radio" name={`${item.id}-${field}`} checked={choices[field] === 'mine'} onChange={() => setChoices({ ...choices, [field]: 'mine' })} />
                  <span data-testid="conflict-mine">{shown(mine[field])}</span>
                </label>
              </td>
              <td>
                <label>
                  <input type="radio" name={`${item.id}-${field}`} checked={choices[field] === 'theirs'} onChange={() => setChoices({ ...choices, [field]: 'theirs' })} />
                  <span data-testid="conflict-theirs">{shown(theirs[field])}</span>
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => void send(kept(() => 'mine'))} data-testid="conflict-keep-mine">{t('offline.conflict.keepMine')}</button>
        <button type="button" onClick={() => void discard(item.id)} data-testid="conflict-take-theirs">{t('offline.conflict.takeTheirs')}</button>
        <button type="button" onClick={() => void send(kept((k) => choices[k] ?? 'mine'))} data-testid="conflict-merge">{t('offline.conflict.merge')}</button>
      </div>
    </div>
  );
}
