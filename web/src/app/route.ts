import { useEffect, useState } from 'react';

export const SCREENS = ['map', 'verify', 'ledger', 'routes', 'sites'] as const;
export type Screen = (typeof SCREENS)[number];

/** The screen a hash names; the map when it names none. */
export function screenOf(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'map';
}

/** The screen named by the URL's hash (#/ledger), so that links and the back button work. */
export function useScreen(): Screen {
  const [screen, setScreen] = useState<Screen>(() => screenOf(location.hash));
  useEffect(() => {
    const onChange = () => setScreen(screenOf(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return screen;
}
