// The web app's production build: `npm run build:web` writes web/dist, which
// the Konbit server serves. MapLibre goes to a chunk of its own so that the
// app's own JavaScript stays small, and its worker is copied as a file; the
// map screen's chunks are preloaded from index.html (first-screen-build.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './compress-build.ts';
import { preloadFirstScreen } from './first-screen-build.ts';
import { serviceWorker } from './sw-build.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    preloadFirstScreen({ screen: fileURLToPath(new URL('src/map/OperationalPicture.tsx', import.meta.url)), worker: /maplibre-gl-worker-[\w-]+\.mjs$/ }),
    precompress(),
    serviceWorker({ entry: fileURLToPath(new URL('src/sw/service-worker.ts', import.meta.url)) }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // React Query marks its modules "use client" for server components; meaningless in this app.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/docs': 'http://127.0.0.1:8080' } },
});
