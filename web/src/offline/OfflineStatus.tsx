import { useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { useOutbox, useSyncStatus } from './hooks.ts';
import { OutboxPanel } from './OutboxPanel.tsx';

/** The header's word on the device: online or not, when the data was last stored, and what waits to be sent. */
export function OfflineStatus() {
  const { t, f } = useI18n();
  const { lastSync, syncing, online } = useSyncStatus();
  const items = useOutbox();
  const [open, setOpen] = useState(false);
  const attention = items.some((i) => i.state !== 'waiting');
  return (
    <div className="offline-status">
      <span className={`net net-${online ? 'online' : 'offline'}`} data-testid="network-state" role="status">
        {online ? t('offline.online') : t('offline.offline')}
      </span>
      <span className="last-sync" data-testid="last-sync" data-synced-at={lastSync ?? ''}>
        {syncing ? t('offline.syncing') : lastSync ? t('offline.lastSync', { time: f.dateTime(lastSync) }) : t('offline.neverSynced')}
      </span>
      {items.length > 0 && (
        <button type="button" className={`outbox-badge${attention ? ' attention' : ''}`} aria-expanded={open} onClick={() => setOpen(!open)} data-testid="outbox-badge" data-count={items.length}>
          {t('offline.waiting', { count: items.length })}
        </button>
      )}
      {open && items.length > 0 && <OutboxPanel items={items} onClose={() => setOpen(false)} />}
    </div>
  );
}
