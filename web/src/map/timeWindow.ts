import { useEffect, useMemo, useState } from 'react';

export const DAY = 86_400_000;
/** Window lengths offered, in days; 0 is "all time". */
export const WINDOW_CHOICES = [0, 1, 7, 30, 90, 365] as const;

export interface TimeWindow {
  /** The extent of the data, in ms. */
  min: number;
  max: number;
  /** Window length in days, 0 for all time. */
  days: number;
  /** End of the window, in ms. */
  end: number;
  playing: boolean;
}

/** The time window over the data's extent (first and last incident, in ms; null when there are none), with a play mode that moves it forward. */
export function useTimeWindow(first: number | null, last: number | null) {
  const [min, max] = useMemo(() => {
    if (first === null || last === null) return [Date.now() - 365 * DAY, Date.now()];
    return [Math.floor(first / DAY) * DAY, Math.ceil(last / DAY) * DAY + DAY - 1];
  }, [first, last]);
  const [days, setDays] = useState(0);
  const [end, setEndState] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const windowEnd = Math.min(Math.max(end ?? max, min), max);

  useEffect(() => {
    if (!playing) return;
    // About sixty steps across the data, and never less than a day.
    const step = Math.max(DAY, Math.round((max - min) / 60 / DAY) * DAY);
    const timer = window.setInterval(() => {
      setEndState((current) => {
        const next = (current ?? min) + step;
        if (next >= max) {
          setPlaying(false);
          return max;
        }
        return next;
      });
    }, 600);
    return () => window.clearInterval(timer);
  }, [playing, min, max]);

  const play = () => {
    if (playing) return setPlaying(false);
    const length = days === 0 ? 30 : days;
    setDays(length);
    if (windowEnd >= max) setEndState(min + length * DAY);
    setPlaying(true);
  };

  const range = days === 0 ? { from: null, to: null } : { from: windowEnd - days * DAY, to: windowEnd };
  return { window: { min, max, days, end: windowEnd, playing } satisfies TimeWindow, range, setDays, setEnd: setEndState, play };
}
