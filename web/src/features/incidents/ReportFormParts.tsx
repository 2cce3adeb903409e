/*
 * The parts the report forms share (an incident; a roadblock or checkpoint): the
 * classification, and the end of the form with what went wrong and the send and cancel buttons.
 */
import { CLASSIFICATIONS, type Classification } from '../../../../src/shared/access.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';

const ALL = Object.keys(CLASSIFICATIONS) as Classification[];

/** The report's classification, among those offered (a roadblock is never restricted). */
export function ClassificationSelect({ value, onChange, offered = ALL, testId }: { value: Classification; onChange: (value: Classification) => void; offered?: readonly Classification[]; testId?: string }) {
  const { t, f } = useI18n();
  return (
    <label>
      {t('report.classification')}
      <select value={value} onChange={(e) => onChange(e.target.value as Classification)} data-testid={testId}>
        {offered.map((c) => <option key={c} value={c}>{f.term(CLASSIFICATIONS[c], c)}</option>)}
      </select>
    </label>
  );
}

/** What is wrong with the report (the form's own check, or the server's answer), then send and cancel. */
export function ReportSubmitRow({ problem, error, pending, onClose }: { problem: string; error: unknown; pending: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {(problem || error) && <p className="error" role="alert">{problem || errorMessage(t, error)}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={pending} data-testid="report-submit">{pending ? t('common.sending') : t('report.submit')}</button>
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </>
  );
}
