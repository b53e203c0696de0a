import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { leaderLock } from '@libs/projections';

/*
 * Real OS processes for multi-process specs: the compiled api and worker (`node dist/apps/<app>/src/main.js`)
 * against one Postgres, each with its own application_name so a spec can see which process holds which lock.
 */

export type AppName = 'api' | 'worker';
export type ExitStatus = number | NodeJS.Signals | null;

const KEPT_LINES = 400;
// Loaded before main.js: a child whose parent (Jest) dies sees its stdin close and exits, so none outlives a run.
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent("process.stdin.on('end', () => process.exit(1)).resume();")}`;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The directory holding nest-cli.json, wherever below it Jest was started. */
export function projectRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`nest-cli.json not found in ${process.cwd()} or above`);
  }
}

const entryPoint = (app: AppName) => join('dist', 'apps', app, 'src', 'main.js');

/** Runs `nest build <app>` for each app whose compiled entry point is missing or older than a source file. */
export function buildIfStale(apps: AppName[], timeoutMs = 120_000): void {
  const root = projectRoot();
  try {
    // The same check as `npm start` (scripts/build-if-stale.mjs), so the two never disagree about "stale".
    execFileSync(process.execPath, ['scripts/build-if-stale.mjs', ...apps], {
      cwd: root,
      stdio: 'pipe',
      timeout: timeoutMs,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`nest build ${apps.join(', ')} failed: ${String(error)}\n${stdout ?? ''}${stderr ?? ''}`, {
      cause: error,
    });
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database beside the run's test database, for specs whose counts must see no other rows. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const server = process.env.ANNALS_TEST_SERVER_URL;
  if (!server) throw new Error('ANNALS_TEST_SERVER_URL is not set: run through jest (global-setup sets it)');
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The same database, with every connection labelled `name` in pg_stat_activity (the URL wins over the app's default). */
export function withApplicationName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', name);
  return url.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls `probe` until `done(value)` or the time is up, and returns the last value for the caller to assert on. */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() >= deadline) return value;
    await sleep(intervalMs);
  }
}

/** One child process running a compiled app, with its recent output kept for failure reports. */
export class AnnalsProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ExitStatus>;
  private readonly lines: string[] = [];
  private status: ExitStatus | undefined;

  constructor(
    readonly name: string,
    readonly app: AppName,
    env: Record<string, string>,
  ) {
    const inherited = Object.fromEntries(
      ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'].flatMap((k) => (process.env[k] ? [[k, process.env[k] as string]] : [])),
    );
    this.child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, entryPoint(app)], {
      cwd: projectRoot(),
      env: { ...inherited, NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.keep(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.keep(chunk));
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => this.keep(Buffer.from(`spawn failed: ${String(error)}\n`)));
      this.child.once('exit', (code, signal) => {
        this.status = code ?? signal;
        resolve(this.status);
      });
    });
  }

  get running(): boolean {
    return this.status === undefined;
  }

  get exitStatus(): ExitStatus | undefined {
    return this.status;
  }

  output(): string {
    return this.lines.map((line) => `[${this.name}] ${line}`).join('\n');
  }

  /** Resolves when a line of output matches; rejects, with the output, when the process exits or time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    const seen = await pollUntil(
      async () => this.lines.some((line) => pattern.test(line)),
      (found) => found || !this.running,
      timeoutMs,
    );
    if (!seen)
      throw new Error(
        `${this.name} never printed ${pattern} (exit: ${this.status ?? 'still running'}):\n${this.output()}`,
      );
  }

  /** Sends `signal` and waits for the exit; a process that ignores it for `graceMs` is killed. */
  async stop(signal: NodeJS.Signals = 'SIGKILL', graceMs = 10_000): Promise<ExitStatus> {
    if (!this.running) return this.status ?? null;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private keep(chunk: Buffer): void {
    // eslint-disable-next-line no-control-regex
    const text = chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, '');
    this.lines.push(...text.split('\n').filter((line) => line.trim() !== ''));
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
  }
}

/** Every process a spec started: killed together in afterAll, and reported together when something fails. */
export class ProcessGroup {
  private readonly all: AnnalsProcess[] = [];

  start(name: string, app: AppName, env: Record<string, string>): AnnalsProcess {
    const started = new AnnalsProcess(name, app, env);
    this.all.push(started);
    return started;
  }

  named(name: string): AnnalsProcess {
    const found = this.all.find((p) => p.name === name);
    if (!found) throw new Error(`no process named ${name}`);
    return found;
  }

  running(): AnnalsProcess[] {
    return this.all.filter((p) => p.running);
  }

  async killAll(): Promise<void> {
    await Promise.all(this.all.map((p) => p.stop('SIGKILL')));
  }

  report(): string {
    return this.all
      .map((p) => `--- ${p.name} (${p.running ? 'running' : `exit ${p.exitStatus}`})\n${p.output()}`)
      .join('\n');
  }

  /** Runs `body`; if it throws, the error carries every process's recent output. */
  async diagnosed(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n\nProcess output:\n${this.report()}`, { cause: error });
    }
  }
}

/** Waits for the api's GET /health to answer 200; fails at once, with its output, if the process exits instead. */
export async function waitForHealth(api: AnnalsProcess, baseUrl: string, timeoutMs: number): Promise<void> {
  const status = await pollUntil(
    async () => (api.running ? ((await fetch(`${baseUrl}/health`).catch(() => undefined))?.status ?? 0) : -1),
    (s) => s === 200 || s === -1,
    timeoutMs,
  );
  if (status !== 200) {
    throw new Error(
      `${api.name} not healthy at ${baseUrl} (last status ${status}, exit ${api.exitStatus ?? '-'}):\n${api.output()}`,
    );
  }
}

/**
 * The application_name of the connection holding each projection's leader lock (null when nobody leads).
 * pg_try_advisory_lock(bigint) stores the key's high half in classid and its low half in objid.
 */
export async function projectionLeaders(
  db: Client,
  projections: readonly string[],
): Promise<Record<string, string | null>> {
  const { rows } = await db.query<{ name: string; holder: string | null }>(
    `SELECT p.name, (SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtext(p.lock)::bigint) AS holder
       FROM unnest($1::text[], $2::text[]) AS p(name, lock) ORDER BY p.name`,
    [projections, projections.map(leaderLock)],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.holder]));
}
