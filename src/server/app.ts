import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/index.ts';
import { accountabilityRoutes } from '../modules/accountability/index.ts';
import { authRoutes, httpAccess } from '../modules/auth/index.ts';
import { basemapRoutes } from '../modules/basemap/index.ts';
import { ledgerRoutes } from '../modules/ledger/index.ts';
import { incidentsRoutes, incidentTilesRoutes } from '../modules/incidents/index.ts';
import { noticesRoutes } from '../modules/notices/index.ts';
import { osintRoutes } from '../modules/osint/index.ts';
import { roadsRoutes } from '../modules/roads/index.ts';
import { incidentFormatRoutes } from '../modules/incidents/formats/index.ts';
import { sitesRoutes } from '../modules/sites/index.ts';
import { smsRoutes } from '../modules/sms/index.ts';
import { trainingRoutes } from '../modules/training/index.ts';
import { reportsRoutes } from '../modules/reports/index.ts';
import type { Config } from './config.ts';
import { frameworkErrors, installErrorHandling } from './errors.ts';
import { fanoutPlugin } from './fanout.ts';
import { healthRoutes } from './health.ts';
import { OneLineRequestLog } from './request-log.ts';
import { SECURITY_POLICY, securityHeaders } from './security-headers.ts';
import { webApp } from './web.ts';

export interface AppDeps {
  db: Db;
}

/** Builds the HTTP application without listening, so tests can inject requests. */
export async function buildApp(config: Config, { db }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    logController: new OneLineRequestLog(),
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: a cross-site form cannot send one, which backs the CSRF token.
  app.removeContentTypeParser('text/plain');
  const webDist = path.resolve(import.meta.dirname, '..', '..', 'web', 'dist');
  const serveWeb = existsSync(path.join(webDist, 'index.html'));
  installErrorHandling(app, { spaFallback: serveWeb });

  await app.register(securityHeaders, SECURITY_POLICY);
  // JSON, GeoJSON and the web app's files leave gzipped; server-sent events never are.
  await app.register(compress, { encodings: ['gzip', 'deflate'] });
  await app.register(cookie);
  await app.register(httpAccess, { db });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Konbit API', version: '1', description: 'Operations platform of a multinational police support mission' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'konbit_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { db, sessionHours: config.sessionHours, cookieSecure: config.cookieSecure });
  await app.register(noticesRoutes, { db });
  await app.register(incidentsRoutes, { db, datasetsDir: config.datasetsDir });
  await app.register(incidentTilesRoutes, { db });
  // Live events reach the other instances sharing the database (PostgreSQL LISTEN/NOTIFY).
  await app.register(fanoutPlugin, { db });
  await app.register(ledgerRoutes, { db });
  await app.register(basemapRoutes, { datasetsDir: config.datasetsDir, db });
  await app.register(roadsRoutes, { db, datasetsDir: config.datasetsDir });
  await app.register(osintRoutes, { db, datasetsDir: config.datasetsDir });
  await app.register(incidentFormatRoutes, { db });

  await app.register(accountabilityRoutes, { db, dataDir: config.dataDir });
  await app.register(smsRoutes, { db, datasetsDir: config.datasetsDir });
  await app.register(sitesRoutes, { db });
  await app.register(trainingRoutes, { db });
  await app.register(reportsRoutes, { db, datasetsDir: config.datasetsDir });

  if (serveWeb) await app.register(webApp, { root: webDist });
  return app;
}
