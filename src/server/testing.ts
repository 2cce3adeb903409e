import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.ts';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';

/** A test configuration: quiet logs, test database, overridable per test. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', KONBIT_DATA_DIR: '/tmp/konbit-test-data', ...overrides });
}

/** The whole HTTP application over a test database; call app.inject(). */
export async function buildTestApp(db: Db, overrides: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), { db });
  await app.ready();
  return app;
}
