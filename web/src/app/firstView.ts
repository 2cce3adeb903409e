/*
 * The first view: what the user opened the app for. Work that can wait — the offline worker's
 * install (it downloads the whole app shell), the API's description — starts once it is drawn,
 * so as not to take the network and the processor from it. A screen says when its first view is
 * drawn; on a screen that does not, or never gets there, the wait ends on its own.
 */
import { useEffect, useState } from 'react';

const EVENT = 'konbit:first-view';
/** How long work waits, after the page has loaded, for a screen to say its first view is drawn. */
const LONGEST_WAIT_MS = 3000;

let drawn = false;

/** Said by a screen when its first view is drawn (the map: idle with the incidents of the filter). */
export function markFirstViewDrawn(): void {
  if (drawn) return;
  drawn = true;
  dispatchEvent(new Event(EVENT));
}

/** Calls `work` once, when the first view is drawn or LONGEST_WAIT_MS after the page loaded. */
export function afterFirstView(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    removeEventListener(EVENT, run);
    work();
  };
  if (drawn) return run();
  addEventListener(EVENT, run);
  const wait = () => window.setTimeout(run, LONGEST_WAIT_MS);
  if (document.readyState === 'complete') wait();
  else addEventListener('load', wait, { once: true });
}

/** Whether the work that waits for the first view may start now. */
export function useAfterFirstView(): boolean {
  const [ready, setReady] = useState(drawn);
  useEffect(() => {
    afterFirstView(() => setReady(true));
  }, []);
  return ready;
}
