import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  test('defaults: SQLite in ./data, 127.0.0.1:8080, frozen', () => {
    const config = loadConfig({}, '/srv/konbit');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'sqlite:/srv/konbit/data/konbit.db');
    assert.equal(Object.isFrozen(config), true);
  });

  test('a bad value names the variable', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (error: Error) => error instanceof ConfigError && /^invalid PORT="eighty"/.test(error.message));
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /invalid DATABASE_URL=.*postgres:\/\//);
    assert.throws(() => loadConfig({ KONBIT_DEMO_PASSWORD: 'short' }), /invalid KONBIT_DEMO_PASSWORD/);
    assert.throws(() => loadConfig({ KONBIT_DATASETS: '/no/such/folder' }), /invalid KONBIT_DATASETS=.*no such folder/);
  });

  test('PostgreSQL is chosen by DATABASE_URL', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://konbit@db/konbit' }).databaseUrl, 'postgres://konbit@db/konbit');
  });
});
