import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort, pollUntil } from './processes';

/*
 * Throw-away PostgreSQL servers for specs that need a server of their own: a second cluster to import into, a
 * primary with a streaming standby. Debian's binaries (/usr/lib/postgresql/<version>/bin), in a temporary folder
 * on a free port, owned by the OS user `postgres` when the tests run as root (Postgres refuses to run as root).
 */

const run = promisify(execFile);
const DEBIAN = '/usr/lib/postgresql';

/** The newest installed version's directory holding every tool named, or a reason why there is none. */
export function postgresBinaries(tools: string[]): { bin: string } | { missing: string } {
  const versions = existsSync(DEBIAN)
    ? readdirSync(DEBIAN)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(DEBIAN, version, 'bin');
    if (tools.every((tool) => existsSync(join(bin, tool)))) return { bin };
  }
  return { missing: `no ${tools.join(', ')} under ${DEBIAN}/<version>/bin (install the postgresql package)` };
}

const asRoot = process.getuid?.() === 0;

async function asPostgres(bin: string, tool: string, args: string[]): Promise<string> {
  const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  const { stdout } = await run(command[0] as string, command[1] as string[], { timeout: 120_000 });
  return stdout;
}

export class PgCluster {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A new cluster (initdb), started. */
  static async create(bin: string, label: string): Promise<PgCluster> {
    const cluster = new PgCluster(bin, ownedTempDir(label), await freePort());
    await asPostgres(bin, 'initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
    await cluster.start();
    return cluster;
  }

  /** A streaming standby of `primary` (pg_basebackup -R), started, on its own port. */
  static async standbyOf(primary: PgCluster, label: string): Promise<PgCluster> {
    const standby = new PgCluster(primary.bin, ownedTempDir(label), await freePort());
    await asPostgres(primary.bin, 'pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      standby.dataDir,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
    ]);
    await standby.start();
    return standby;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off`;
    await asPostgres(this.bin, 'pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      join(this.dir, 'log'),
      '-w',
      'start',
    ]);
  }

  /** `immediate` is a crash: no checkpoint, connections cut. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    await asPostgres(this.bin, 'pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']).catch(() => undefined);
  }

  async query<T>(sql: string, database = 'postgres'): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async createDatabase(name: string): Promise<string> {
    await this.query(`CREATE DATABASE ${name}`);
    return this.url(name);
  }

  /** Runs one of the cluster's client tools (pg_dump, pg_restore…) as the postgres user. */
  tool(name: string, args: string[]): Promise<string> {
    return asPostgres(this.bin, name, args);
  }

  log(): string {
    const file = join(this.dir, 'log');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-40).join('\n') : '';
  }

  /** Stops the server and deletes every file it had. */
  async destroy(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Waits until a standby has replayed everything the primary had written when this was called. */
  static async caughtUp(primary: PgCluster, standby: PgCluster, timeoutMs = 30_000): Promise<boolean> {
    const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return pollUntil(
      async () =>
        (
          await standby.query<{ ok: boolean }>(
            `SELECT coalesce(pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn, false) AS ok`,
          )
        )[0].ok,
      (ok) => ok,
      timeoutMs,
    );
  }
}

function ownedTempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `annals-${label}-`));
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  return dir;
}

function postgresIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, but there is no OS user `postgres` to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
