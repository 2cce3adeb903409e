/*
 * MapLibre GL, loaded with its worker from Konbit's own server: the worker
 * file is copied into the build and registered with setWorkerUrl, as an ESM
 * MapLibre needs under Vite.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(new URL(workerUrl, location.href).href);
// The worker starts loading now, while the screen's code runs, rather than when the map is
// created; it is kept for the next map (another screen) instead of being started again.
prewarm();

export * from 'maplibre-gl';
