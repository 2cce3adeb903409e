import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Serves the web app's production build at /. */
export async function webApp(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html', cacheControl: false, setHeaders: cacheHeaders });
}

// Vite fingerprints everything under assets/, so those may be cached for a year;
// index.html must be revalidated so that a new release is picked up.
function cacheHeaders(reply: FastifyReply, filePath: string): void {
  void reply.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}
