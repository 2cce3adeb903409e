import { useState, type ChangeEvent } from 'react';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { ACCEPTED_FILES, MAX_FILE_BYTES, uploadFile } from './api.ts';

interface Sent {
  name: string;
  state: 'sending' | 'done' | 'failed';
  message?: string;
}

/** Photos or documents for a complaint, sent one by one with the receipt code. */
export function FileUpload({ receipt }: { receipt: string }) {
  const { t } = useI18n();
  const [sent, setSent] = useState<Sent[]>([]);
  const update = (index: number, change: Partial<Sent>) => setSent((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    for (const file of files) {
      const index = sent.length + files.indexOf(file);
      setSent((list) => [...list, { name: file.name, state: 'sending' }]);
      if (file.size > MAX_FILE_BYTES) {
        update(index, { state: 'failed', message: t('complaints.files.tooBig') });
        continue;
      }
      try {
        await uploadFile(receipt, file);
        update(index, { state: 'done' });
      } catch (error) {
        update(index, { state: 'failed', message: errorMessage(t, error) });
      }
    }
  };

  return (
    <div className="complaints-files">
      <p className="muted">{t('complaints.files.explain')}</p>
      <input type="file" accept={ACCEPTED_FILES} multiple onChange={(e) => void choose(e)} aria-label={t('complaints.files.choose')} />
      {sent.length > 0 && (
        <ul>
          {sent.map((item, i) => (
            <li key={i} className={item.state === 'failed' ? 'error' : undefined}>
              {item.name}: {t(`complaints.files.${item.state}`)}
              {item.message ? ` (${item.message})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
