import { useId } from 'react';
import { useI18n } from '../i18n/index.ts';
import { DAY, WINDOW_CHOICES, type TimeWindow } from './timeWindow.ts';

interface Props {
  window: TimeWindow;
  shown: number;
  total: number;
  onDays: (days: number) => void;
  onEnd: (end: number) => void;
  onPlay: () => void;
}

/** The time window: its length, where it ends, and play to move it forward. */
export function TimeSlider({ window: w, shown, total, onDays, onEnd, onPlay }: Props) {
  const { t, f } = useI18n();
  const sliderId = useId();
  const lengthId = useId();
  const from = w.days === 0 ? w.min : w.end - w.days * DAY;
  return (
    <section className="time-slider" aria-label={t('time.title')}>
      <button type="button" className="play" onClick={onPlay} aria-pressed={w.playing} data-testid="time-play">
        {w.playing ? t('time.pause') : t('time.play')}
      </button>
      <label htmlFor={lengthId} className="visually-hidden">
        {t('time.length')}
      </label>
      <select id={lengthId} value={w.days} onChange={(e) => onDays(Number(e.target.value))} data-testid="time-window">
        {WINDOW_CHOICES.map((days) => (
          <option key={days} value={days}>
            {days === 0 ? t('time.all') : t('time.days', { count: days, formatted: f.number(days) })}
          </option>
        ))}
      </select>
      <div className="slider">
        <label htmlFor={sliderId} className="visually-hidden">
          {t('time.end')}
        </label>
        <input
          id={sliderId}
          type="range"
          min={w.min}
          max={w.max}
          step={DAY}
          value={w.end}
          disabled={w.days === 0}
          onChange={(e) => onEnd(Number(e.target.value))}
          aria-valuetext={f.date(new Date(w.end))}
          data-testid="time-end"
        />
        <output htmlFor={sliderId} className="range-text">
          {f.date(new Date(from))} – {f.date(new Date(w.end))}
        </output>
      </div>
      <output className="count" data-testid="incident-count" aria-live="polite">
        {t('time.shown', { shown: f.number(shown), total: f.number(total) })}
      </output>
    </section>
  );
}
