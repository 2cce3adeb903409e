import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { COMPLAINT_CATEGORIES, type ComplaintCategory, type ComplaintInput, type ComplaintReceipt } from '../../../../src/shared/accountability.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { fileComplaint } from './api.ts';
import { FileUpload } from './FileUpload.tsx';

const PREFERRED = ['none', 'sms', 'whatsapp', 'phone', 'email'] as const;

/** The complaint form: only "what happened" is required; every answer is shown back as plain text. */
export function ComplaintForm() {
  const { t, f } = useI18n();
  const [kind, setKind] = useState<ComplaintCategory | ''>('');
  const [what, setWhat] = useState('');
  const [when, setWhen] = useState('');
  const [occurredOn, setOccurredOn] = useState('');
  const [place, setPlace] = useState('');
  const [who, setWho] = useState({ contingent: '', unit: '', vehicle: '', description: '' });
  const [contact, setContact] = useState({ name: '', phone: '', email: '', preferred: 'none' as (typeof PREFERRED)[number] });
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);

  const file = useMutation({ mutationFn: fileComplaint, onSuccess: setReceipt });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const hasWho = Object.values(who).some((v) => v.trim());
    const hasContact = contact.name.trim() || contact.phone.trim() || contact.email.trim();
    const input: ComplaintInput = {
      language: f.locale,
      kind: kind || undefined,
      what: what.trim(),
      when: optional(when),
      occurredOn: optional(occurredOn),
      where: optional(place) ? { place: place.trim() } : undefined,
      who: hasWho ? { contingent: optional(who.contingent), unit: optional(who.unit), vehicle: optional(who.vehicle), description: optional(who.description) } : undefined,
      contact: hasContact ? { name: optional(contact.name), phone: optional(contact.phone), email: optional(contact.email), preferred: contact.preferred } : undefined,
    };
    file.mutate(input);
  };

  if (receipt) {
    return (
      <div className="complaints-receipt" data-testid="complaint-receipt">
        <h2>{t('complaints.receipt.title')}</h2>
        <p>{t('complaints.receipt.explain')}</p>
        <p className="receipt-code" aria-label={t('complaints.receipt.code')}>
          {receipt.receipt}
        </p>
        <p className="notice">{t('complaints.receipt.writeDown')}</p>
        <p className="muted">{t('complaints.receipt.filedAt', { date: f.dateTime(receipt.filedAt) })}</p>
        <h3>{t('complaints.files.title')}</h3>
        <FileUpload receipt={receipt.receipt} />
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="complaints-form" aria-labelledby="complaint-form-title">
      <h2 id="complaint-form-title">{t('complaints.form.title')}</h2>
      <label>
        {t('complaints.form.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as ComplaintCategory | '')}>
          <option value="">{t('complaints.form.kindUnsure')}</option>
          {(Object.keys(COMPLAINT_CATEGORIES) as ComplaintCategory[]).map((code) => (
            <option key={code} value={code}>
              {f.term(COMPLAINT_CATEGORIES[code], code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.form.what')} <span aria-hidden="true">*</span>
        <textarea name="what" required maxLength={10_000} rows={6} value={what} onChange={(e) => setWhat(e.target.value)} placeholder={t('complaints.form.whatHint')} />
      </label>
      <div className="complaints-row">
        <label>
          {t('complaints.form.when')}
          <input value={when} maxLength={200} onChange={(e) => setWhen(e.target.value)} placeholder={t('complaints.form.whenHint')} />
        </label>
        <label>
          {t('complaints.form.date')}
          <input type="date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
        </label>
      </div>
      <label>
        {t('complaints.form.where')}
        <input value={place} maxLength={300} onChange={(e) => setPlace(e.target.value)} placeholder={t('complaints.form.whereHint')} />
      </label>
      <fieldset>
        <legend>{t('complaints.form.who')}</legend>
        <div className="complaints-row">
          <label>
            {t('complaints.form.contingent')}
            <input value={who.contingent} maxLength={100} onChange={(e) => setWho({ ...who, contingent: e.target.value })} />
          </label>
          <label>
            {t('complaints.form.unit')}
            <input value={who.unit} maxLength={200} onChange={(e) => setWho({ ...who, unit: e.target.value })} />
          </label>
          <label>
            {t('complaints.form.vehicle')}
            <input value={who.vehicle} maxLength={100} onChange={(e) => setWho({ ...who, vehicle: e.target.value })} />
          </label>
        </div>
        <label>
          {t('complaints.form.description')}
          <textarea rows={2} maxLength={2_000} value={who.description} onChange={(e) => setWho({ ...who, description: e.target.value })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('complaints.form.contact')}</legend>
        <p className="muted">{t('complaints.form.contactHint')}</p>
        <div className="complaints-row">
          <label>
            {t('complaints.form.name')}
            <input value={contact.name} maxLength={200} autoComplete="off" onChange={(e) => setContact({ ...contact, name: e.target.value })} />
          </label>
          <label>
            {t('complaints.form.phone')}
            <input type="tel" value={contact.phone} maxLength={40} autoComplete="off" onChange={(e) => setContact({ ...contact, phone: e.target.value })} />
          </label>
          <label>
            {t('complaints.form.email')}
            <input type="email" value={contact.email} maxLength={254} autoComplete="off" onChange={(e) => setContact({ ...contact, email: e.target.value })} />
          </label>
        </div>
        <label>
          {t('complaints.form.preferred')}
          <select value={contact.preferred} onChange={(e) => setContact({ ...contact, preferred: e.target.value as (typeof PREFERRED)[number] })}>
            {PREFERRED.map((p) => (
              <option key={p} value={p}>
                {t(`complaints.form.preferredOption.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p className="muted">{t('complaints.form.filesLater')}</p>
      {file.error && (
        <p className="error" role="alert">
          {errorMessage(t, file.error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={file.isPending || !what.trim()}>
        {file.isPending ? t('common.sending') : t('complaints.form.submit')}
      </button>
    </form>
  );
}
