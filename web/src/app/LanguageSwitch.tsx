import { useId } from 'react';
import { LOCALES } from '../../../src/shared/i18n.ts';
import { isLocale, setLocale, useI18n } from '../i18n/index.ts';

/** English, Français, Kreyòl ayisyen: each language named in itself. */
export function LanguageSwitch() {
  const { t, f } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select id={id} value={f.locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)} data-testid="language-switch">
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
