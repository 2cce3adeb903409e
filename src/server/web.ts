import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Serves the web app's production build at /. One wildcard route (public, like
 * every static file) rather than a route per file; paths that are no file fall
 * through to the not-found handler, which answers the app's own pages with it.
 * The build writes a brotli and a gzip copy of each text file: they are sent as
 * they are rather than compressed again on every request.
 */
export async function webApp(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  await app.register(fastifyStatic, { root, wildcard: true, index: ['index.html'], cacheControl: false, preCompressed: true, setHeaders: cacheHeaders });
}

// Vite fingerprints everything under assets/, so those may be cached for a year;
// index.html must be revalidated so that a new release is picked up.
function cacheHeaders(reply: FastifyReply, filePath: string): void {
  void reply.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}
