import { useI18n } from '../i18n/index.ts';
import { ConflictResolver } from './ConflictResolver.tsx';
import { discard, flush, type OutboxItem } from './outbox.ts';

/** The reports stored on this device that the server does not have yet, each with its state. */
export function OutboxPanel({ items, onClose }: { items: readonly OutboxItem[]; onClose: () => void }) {
  const { t, f } = useI18n();
  return (
    <section className="outbox-panel" aria-labelledby="outbox-title" data-testid="outbox-panel">
      <div className="panel-head">
        <h2 id="outbox-title">{t('offline.outboxTitle')}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>×</button>
      </div>
      <ul className="outbox-items">
        {items.map((item) => (
          <li key={item.id} className={`outbox-item state-${item.state}`} data-testid="outbox-item" data-state={item.state} data-kind={item.kind}>
            <p>
              <strong>{t(`offline.kind.${item.kind}`)}</strong> · <span data-testid="outbox-summary">{item.summary}</span>
            </p>
            <p className="hint">
              {t(`offline.state.${item.state}`)} · {f.dateTime(item.createdAt)}
              {item.attempts > 0 && ` · ${t('offline.attempts', { count: item.attempts })}`}
            </p>
            {/* A conflict explains itself below; a refusal shows the server's reason, which names the field. */}
            {item.problem && item.state === 'refused' && <p className="error">{item.problem}</p>}
            {item.state === 'conflict' && item.conflict && <ConflictResolver item={item} />}
            {item.state === 'refused' && <button type="button" onClick={() => void discard(item.id)}>{t('offline.discard')}</button>}
          </li>
        ))}
      </ul>
      {items.some((i) => i.state === 'waiting') && (
        <button type="button" onClick={() => void flush()} disabled={!navigator.onLine}>{t('offline.sendNow')}</button>
      )}
    </section>
  );
}
