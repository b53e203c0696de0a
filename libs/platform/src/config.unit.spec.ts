import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      host: '127.0.0.1',
      dataDir: '.data',
      runProjector: true,
      seedOnStart: true,
      rebuildCron: '0 3 * * *',
      corsOrigins: [],
      projectionLagDegraded: 1000,
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PROJECTION_REBUILD_CRON: 'every night' }, 'PROJECTION_REBUILD_CRON'],
    [{ PROJECTION_REBUILD_CRON: '61 3 * * *' }, 'PROJECTION_REBUILD_CRON'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ RUN_PROJECTOR: 'maybe' }, 'RUN_PROJECTOR'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CORS_ORIGINS: 'example.org' }, 'CORS_ORIGINS'],
  ])('refuses %j, naming the variable', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });

  it('reads valid values', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/annals',
      PORT: '8080',
      RUN_PROJECTOR: 'false',
      PROJECTION_REBUILD_CRON: '*/5 * * * *',
      CORS_ORIGINS: 'https://a.example,https://b.example',
    });
    expect(config).toMatchObject({
      port: 8080,
      runProjector: false,
      rebuildCron: '*/5 * * * *',
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });
});

describe('loadConfig: pool sizes', () => {
  it.each([
    [{ DB_POOL_MAX: 'many' }, 'DB_POOL_MAX'],
    [{ DB_POOL_MAX: '1' }, 'DB_POOL_MAX'],
    [{ WORKER_POOL_MAX: '0' }, 'WORKER_POOL_MAX'],
    [{ WORKER_POOL_MAX: '5000' }, 'WORKER_POOL_MAX'],
  ])('refuses %j, naming the variable', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });

  it('defaults to 20 for an API and 12 for a worker', () => {
    expect(loadConfig({})).toMatchObject({ dbPoolMax: 20, workerPoolMax: 12 });
    expect(loadConfig({ DB_POOL_MAX: '7', WORKER_POOL_MAX: '30' })).toMatchObject({ dbPoolMax: 7, workerPoolMax: 30 });
  });
});

describe('loadConfig: exports at once', () => {
  it.each([
    [{ EXPORTS_MAX: '0' }, 'EXPORTS_MAX must be between 1 and 100'],
    [{ EXPORTS_MAX: 'two' }, 'EXPORTS_MAX must be a whole number of exports'],
    [{ EXPORTS_QUEUE: '-1' }, 'EXPORTS_QUEUE must be between 0 and 10000'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('defaults to 2 running and 64 waiting per API process', () => {
    expect(loadConfig({})).toMatchObject({ exportsMax: 2, exportsQueue: 64 });
    expect(loadConfig({ EXPORTS_MAX: '4', EXPORTS_QUEUE: '0' })).toMatchObject({ exportsMax: 4, exportsQueue: 0 });
  });
});

describe('loadConfig: public reads', () => {
  it.each([
    [{ READ_POOL_MAX: '0' }, 'READ_POOL_MAX must be between 1 and 1000'],
    [{ READ_STATEMENT_TIMEOUT_MS: '-5' }, 'READ_STATEMENT_TIMEOUT_MS must be between 0 (no limit) and 3600000'],
    [{ READ_STATEMENT_TIMEOUT_MS: '1.5' }, 'READ_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('defaults to read pools of 10 whose statements stop after 30 s', () => {
    expect(loadConfig({})).toMatchObject({ readPoolMax: 10, readStatementTimeoutMs: 30_000 });
    expect(loadConfig({ READ_STATEMENT_TIMEOUT_MS: '0' })).toMatchObject({ readStatementTimeoutMs: 0 });
  });
});
