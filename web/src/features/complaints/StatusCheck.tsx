import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { COMPLAINT_STATUSES, OUTCOMES, type ComplaintStatusView } from '../../../../src/shared/accountability.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { addInformation, complaintStatus } from './api.ts';
import { FileUpload } from './FileUpload.tsx';

/** Follow a complaint with its receipt code: status, messages from the oversight body, more information. */
export function StatusCheck() {
  const { t, f } = useI18n();
  const [receipt, setReceipt] = useState('');
  const [checked, setChecked] = useState<{ receipt: string; view: ComplaintStatusView } | null>(null);
  const [more, setMore] = useState('');
  const check = useMutation({ mutationFn: (code: string) => complaintStatus(code), onSuccess: (view, code) => setChecked({ receipt: code, view }) });
  const add = useMutation({
    mutationFn: () => addInformation(checked!.receipt, more.trim()),
    onSuccess: () => {
      setMore('');
      check.mutate(checked!.receipt);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(null);
    check.mutate(receipt.trim());
  };
  const addMore = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <div className="complaints-status">
      <form onSubmit={submit} aria-labelledby="complaint-check-title">
        <h2 id="complaint-check-title">{t('complaints.check.title')}</h2>
        <label>
          {t('complaints.check.receipt')}
          <input value={receipt} onChange={(e) => setReceipt(e.target.value)} required autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="K7Q2-9XJD-M4TP" className="receipt-input" data-testid="receipt-input" />
        </label>
        {check.error && (
          <p className="error" role="alert">
            {check.error instanceof ApiError && check.error.code === 'NOT_FOUND' ? t('complaints.check.notFound') : errorMessage(t, check.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={check.isPending}>
          {check.isPending ? t('common.loading') : t('complaints.check.submit')}
        </button>
      </form>
      {checked && (
        <div className="complaints-result" data-testid="complaint-status">
          <p className="status-line">
            {t('complaints.check.status')}: <strong>{f.term(COMPLAINT_STATUSES[checked.view.status], checked.view.status)}</strong>
            {checked.view.outcome && ` (${f.term(OUTCOMES[checked.view.outcome], checked.view.outcome)})`}
          </p>
          <p className="muted">
            {t('complaints.check.filedAt', { date: f.dateTime(checked.view.filedAt) })} · {t('complaints.check.updatedAt', { date: f.dateTime(checked.view.updatedAt) })} ·{' '}
            {t('complaints.check.counts', { additions: checked.view.additions, files: checked.view.attachments })}
          </p>
          <h3>{t('complaints.check.messages')}</h3>
          {checked.view.messages.length === 0 ? (
            <p className="muted">{t('complaints.check.noMessages')}</p>
          ) : (
            <ul className="complaints-messages">
              {checked.view.messages.map((m, i) => (
                <li key={i}>
                  <span className="muted">{f.dateTime(m.at)}</span> {m.text}
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={addMore} aria-labelledby="complaint-more-title">
            <h3 id="complaint-more-title">{t('complaints.check.addTitle')}</h3>
            <textarea rows={4} maxLength={5_000} required value={more} onChange={(e) => setMore(e.target.value)} />
            {add.error && (
              <p className="error" role="alert">
                {errorMessage(t, add.error)}
              </p>
            )}
            <button type="submit" disabled={add.isPending || !more.trim()}>
              {add.isPending ? t('common.sending') : t('complaints.check.addSubmit')}
            </button>
          </form>
          <h3>{t('complaints.files.title')}</h3>
          <FileUpload receipt={checked.receipt} />
        </div>
      )}
    </div>
  );
}
