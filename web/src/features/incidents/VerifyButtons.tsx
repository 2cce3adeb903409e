import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Me } from '../../../../src/shared/auth.ts';
import type { Incident, VerificationDecision } from '../../../../src/shared/incidents.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';

const DECISIONS = ['verified', 'disputed', 'rejected'] as const;

/** Verify, dispute or reject: for analysts, and never on their own report (the server enforces both). */
export function VerifyButtons({ incident, me }: { incident: Incident; me: Me }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (status: (typeof DECISIONS)[number]) =>
      api<Incident>(`/api/v1/incidents/${encodeURIComponent(incident.id)}/verification`, {
        method: 'POST',
        body: { status, version: incident.version, ...(note.trim() ? { note: note.trim() } : {}) } satisfies VerificationDecision,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['incidents', 'one', incident.id], updated);
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
  if (!me.roles.includes('analyst')) return null;
  const own = incident.reportedBy.organisation === me.organisation.code && incident.reportedBy.username === me.username;
  if (own) return <p className="hint">{t('verify.ownReport')}</p>;
  return (
    <div className="verify-buttons" role="group" aria-label={t('verify.group')}>
      <label>
        {t('verify.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <div className="button-row">
        {DECISIONS.filter((d) => d !== incident.verification.status).map((status) => (
          <button key={status} type="button" className={status === 'verified' ? 'primary' : status === 'rejected' ? 'danger' : undefined} disabled={decide.isPending} onClick={() => decide.mutate(status)} data-testid={`decide-${status}`}>
            {t(`verify.${status}`)}
          </button>
        ))}
      </div>
      {decide.error && <p className="error" role="alert">{errorMessage(t, decide.error)}</p>}
    </div>
  );
}
