import { useEffect, useState } from 'react';

/** The public complaint page lives at #/complaint (also #/plent and #/plainte): no account needed. */
const PATHS = new Set(['complaint', 'plent', 'plainte']);

export function isComplaintHash(hash: string): boolean {
  return PATHS.has(hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '');
}

export function useComplaintRoute(): boolean {
  const [open, setOpen] = useState(() => isComplaintHash(location.hash));
  useEffect(() => {
    const onChange = () => setOpen(isComplaintHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return open;
}
