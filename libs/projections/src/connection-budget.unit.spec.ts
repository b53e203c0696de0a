import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '@libs/platform';
import { assertConnectionBudget, connectionBudget, minimumPool } from './connection-budget';

describe('connection budget', () => {
  it('counts what each kind of process pins', () => {
    expect(minimumPool('worker', true, 2)).toBe(9); // 3 × 2 projections + 2 rebuild + 1 spare
    // The single-process default: the worker's 9 + 2 for requests + the live streams' LISTEN.
    expect(minimumPool('api', true, 2)).toBe(12);
    expect(minimumPool('api', false, 2)).toBe(6); // an API beside workers: a rebuild, a spare, requests, LISTEN
  });

  it.each([
    [{ WORKER_POOL_MAX: '8' }, 'worker', 'WORKER_POOL_MAX is 8, but this worker process needs at least 9'],
    [{ DB_POOL_MAX: '11' }, 'api', 'DB_POOL_MAX is 11, but this api process needs at least 12'],
    [{ DB_POOL_MAX: '5', RUN_PROJECTOR: 'false' }, 'api', 'DB_POOL_MAX is 5, but this api process needs at least 6'],
  ] as const)('refuses %j for a %s, naming the variable and the need', (env, role, message) => {
    const config = loadConfig(env);
    expect(() => assertConnectionBudget(config, role, 2)).toThrow(ConfigError);
    expect(() => assertConnectionBudget(config, role, 2)).toThrow(message);
  });

  it.each([
    [{ WORKER_POOL_MAX: '9' }, 'worker'],
    [{ DB_POOL_MAX: '12' }, 'api'],
    [{ DB_POOL_MAX: '6', RUN_PROJECTOR: 'false' }, 'api'],
    [{}, 'api'],
    [{}, 'worker'],
  ] as const)('accepts %j for a %s (the defaults too)', (env, role) => {
    expect(() => assertConnectionBudget(loadConfig(env), role, 2)).not.toThrow();
  });

  it('is what the table in docs/scaling.md says', () => {
    const doc = readFileSync(resolve(process.cwd(), 'docs/scaling.md'), 'utf8');
    const rows = doc
      .split('\n')
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .filter((cells) => cells.length === 8 && cells.every((c) => /^\d+$/.test(c)))
      .map((cells) => cells.map(Number));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const [apis, workers, replicas, dbPoolMax, readPoolMax, workerPoolMax, primary, perReplica] of rows) {
      const budget = connectionBudget({ apis, workers, replicas, dbPoolMax, readPoolMax, workerPoolMax });
      expect({ apis, workers, replicas, primary, perReplica }).toEqual({
        apis,
        workers,
        replicas,
        primary: budget.primary,
        perReplica: budget.perReplica,
      });
    }
  });
});
