import { plainToInstance, Transform } from 'class-transformer';
import { validateCronExpression } from 'cron';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

// false/0, a hop count, or addresses and CIDRs (IPv4 or IPv6) of the proxies in front of the api.
const TRUST_PROXY = /^(false|\d{1,2}|[0-9A-Fa-f.:]+(\/\d{1,3})?(\s*,\s*[0-9A-Fa-f.:]+(\/\d{1,3})?)*)$/;

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const BOOLEANS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };
// Anything else is passed on unchanged, so @IsBoolean refuses it by name instead of reading it as false.
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : typeof value === 'string' && value in BOOLEANS
      ? BOOLEANS[value]
      : value;

/** The process environment, as Annals reads it. Every variable is checked at boot; a bad one stops the process. */
class Environment {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_TOKEN must be at least 16 characters' })
  ADMIN_TOKEN?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'RUN_PROJECTOR must be true or false' })
  RUN_PROJECTOR?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'SEED_ON_START must be true or false' })
  SEED_ON_START?: boolean;

  @IsOptional()
  @IsString()
  PROJECTION_REBUILD_CRON?: string;

  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'ADMIN_RATE_LIMIT must be a whole number of requests per minute' })
  @Min(1, { message: 'ADMIN_RATE_LIMIT must be at least 1' })
  ADMIN_RATE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'AUTH_FAILURE_LIMIT must be a whole number of requests per minute' })
  @Min(1, { message: 'AUTH_FAILURE_LIMIT must be at least 1' })
  AUTH_FAILURE_LIMIT?: number;

  @IsOptional()
  @Matches(TRUST_PROXY, {
    message:
      'TRUST_PROXY must be false, a number of proxy hops (e.g. 1), or a comma-separated list of proxy addresses/CIDRs',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PROJECTION_LAG_DEGRADED must be a whole number of events' })
  @Min(0, { message: 'PROJECTION_LAG_DEGRADED must not be negative' })
  PROJECTION_LAG_DEGRADED?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DB_POOL_MAX must be a whole number of connections' })
  @Min(2, { message: 'DB_POOL_MAX must be at least 2' })
  @Max(1000, { message: 'DB_POOL_MAX must be at most 1000' })
  DB_POOL_MAX?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'WORKER_POOL_MAX must be a whole number of connections' })
  @Min(2, { message: 'WORKER_POOL_MAX must be at least 2' })
  @Max(1000, { message: 'WORKER_POOL_MAX must be at most 1000' })
  WORKER_POOL_MAX?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'READ_POOL_MAX must be a whole number of connections' })
  @Min(1, { message: 'READ_POOL_MAX must be between 1 and 1000' })
  @Max(1000, { message: 'READ_POOL_MAX must be between 1 and 1000' })
  READ_POOL_MAX?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'READ_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'READ_STATEMENT_TIMEOUT_MS must be between 0 (no limit) and 3600000' })
  @Max(3_600_000, { message: 'READ_STATEMENT_TIMEOUT_MS must be between 0 (no limit) and 3600000' })
  READ_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^,\s]+(,postgres(ql)?:\/\/[^,\s]+)*$/, {
    message: 'READ_DATABASE_URL must be one or more postgres:// URLs separated by commas',
  })
  READ_DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MIN_POSITION_WAIT_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'MIN_POSITION_WAIT_MS must be between 0 and 60000' })
  @Max(60_000, { message: 'MIN_POSITION_WAIT_MS must be between 0 and 60000' })
  MIN_POSITION_WAIT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'EXPORTS_MAX must be a whole number of exports' })
  @Min(1, { message: 'EXPORTS_MAX must be between 1 and 100' })
  @Max(100, { message: 'EXPORTS_MAX must be between 1 and 100' })
  EXPORTS_MAX?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'EXPORTS_QUEUE must be a whole number of exports' })
  @Min(0, { message: 'EXPORTS_QUEUE must be between 0 and 10000' })
  @Max(10_000, { message: 'EXPORTS_QUEUE must be between 0 and 10000' })
  EXPORTS_QUEUE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'LIVE_STREAMS_MAX must be a whole number of streams' })
  @Min(0, { message: 'LIVE_STREAMS_MAX must be between 0 and 10000' })
  @Max(10_000, { message: 'LIVE_STREAMS_MAX must be between 0 and 10000' })
  LIVE_STREAMS_MAX?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL?: string;
}

export interface AppConfig {
  /** Unset: an embedded Postgres is started under dataDir. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  adminToken: string | undefined;
  dataDir: string;
  runProjector: boolean;
  seedOnStart: boolean;
  rebuildCron: string;
  logLevel: string;
  /** Origins allowed by CORS; empty: same-origin only. */
  corsOrigins: string[] | '*';
  /** Admin requests per minute per credential, once authenticated (bulk imports must fit under it). */
  adminRateLimitPerMinute: number;
  /** Admin requests per minute per client address without a valid token: guessing tokens stays slow. */
  authFailureLimitPerMinute: number;
  /** Fastify's trustProxy: false (the socket address is the client), a hop count, or the proxies' addresses. */
  trustProxy: false | number | string;
  /** /health reports the projections as degraded when one lags by more events than this. */
  projectionLagDegraded: number;
  /** Connections in an API process's pool on the primary: writes, projectors, rebuilds, health. */
  dbPoolMax: number;
  /** Connections in each of an API process's public-read pools: one on the primary, one on each replica. */
  readPoolMax: number;
  /** How long one statement of a public read may run before PostgreSQL stops it (0: no limit). */
  readStatementTimeoutMs: number;
  /** Connections in a worker process's pool. */
  workerPoolMax: number;
  /** Streaming replicas public queries read from (empty: the primary serves them). */
  readDatabaseUrls: string[];
  /** How long a read with minPosition waits for a projection to reach it before answering 503. */
  minPositionWaitMs: number;
  /** Server-Sent Events streams (GET /api/timeline/events) one API process keeps open at once; more get a 503. */
  liveStreamsMax: number;
  /** Exports (CSV, iCalendar, TimelineJS) one API process builds at once. */
  exportsMax: number;
  /** Exports waiting for a turn beyond exportsMax; more get a 503. */
  exportsQueue: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<AppConfig> {
  const parsed = plainToInstance(Environment, { ...env }, { enableImplicitConversion: false });
  const problems = validateSync(parsed, { whitelist: false }).flatMap((e) => Object.values(e.constraints ?? {}));
  const cron = parsed.PROJECTION_REBUILD_CRON;
  if (cron !== undefined && !validateCronExpression(cron).valid) {
    problems.push(`PROJECTION_REBUILD_CRON must be a cron expression such as "0 3 * * *", got "${cron}"`);
  }
  if (parsed.READ_DATABASE_URL && !parsed.DATABASE_URL) {
    problems.push('READ_DATABASE_URL needs DATABASE_URL: replicas replicate a primary you run, not the embedded one');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    databaseUrl: parsed.DATABASE_URL,
    port: parsed.PORT ?? 3000,
    host: parsed.HOST ?? '127.0.0.1',
    adminToken: parsed.ADMIN_TOKEN,
    dataDir: parsed.DATA_DIR ?? '.data',
    runProjector: parsed.RUN_PROJECTOR ?? true,
    seedOnStart: parsed.SEED_ON_START ?? true,
    rebuildCron: parsed.PROJECTION_REBUILD_CRON ?? '0 3 * * *',
    logLevel: parsed.LOG_LEVEL ?? 'info',
    corsOrigins: parsed.CORS_ORIGINS === '*' ? '*' : (parsed.CORS_ORIGINS?.split(',') ?? []),
    adminRateLimitPerMinute: parsed.ADMIN_RATE_LIMIT ?? 120_000,
    authFailureLimitPerMinute: parsed.AUTH_FAILURE_LIMIT ?? 10,
    trustProxy: trustProxyOf(parsed.TRUST_PROXY),
    projectionLagDegraded: parsed.PROJECTION_LAG_DEGRADED ?? 1000,
    dbPoolMax: parsed.DB_POOL_MAX ?? 20,
    readPoolMax: parsed.READ_POOL_MAX ?? 10,
    readStatementTimeoutMs: parsed.READ_STATEMENT_TIMEOUT_MS ?? 30_000,
    workerPoolMax: parsed.WORKER_POOL_MAX ?? 12,
    readDatabaseUrls: parsed.READ_DATABASE_URL?.split(',') ?? [],
    minPositionWaitMs: parsed.MIN_POSITION_WAIT_MS ?? 2000,
    liveStreamsMax: parsed.LIVE_STREAMS_MAX ?? 200,
    exportsMax: parsed.EXPORTS_MAX ?? 2,
    exportsQueue: parsed.EXPORTS_QUEUE ?? 64,
  });
}

function trustProxyOf(value: string | undefined): false | number | string {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  return /^\d+$/.test(value) ? Number(value) : value.replace(/\s+/g, '');
}
