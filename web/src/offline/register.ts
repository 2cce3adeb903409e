import { afterFirstView } from '../app/firstView.ts';

/**
 * Registers the service worker of the production build (web/dist/sw.js) once the first view is
 * drawn: installing it downloads the whole app shell, which would otherwise compete with the
 * first view for the network and the processor. The development server has none: there every
 * request goes to the network.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  afterFirstView(() => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // Without it the app still works online; only the offline use is lost.
      console.warn('Konbit could not install its offline worker:', error);
    });
  });
}
