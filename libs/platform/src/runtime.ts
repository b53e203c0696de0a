import type { AppConfig } from './config';

/** What the process resolved before Nest starts: the config and the database it actually uses. */
export interface Runtime {
  config: Readonly<AppConfig>;
  databaseUrl: string;
  /** True when this process started the embedded Postgres (and so must stop it). */
  embedded: boolean;
  /** Bearer token for admin routes; undefined → admin routes refuse every request. */
  adminToken: string | undefined;
}

export const RUNTIME = Symbol('RUNTIME');
export const APP_CONFIG = Symbol('APP_CONFIG');
