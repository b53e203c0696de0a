import type { LoggerService } from '@nestjs/common';
import { ConfigError } from './config';
import type { PreparedRuntime } from './prepare-runtime';

/** On SIGINT/SIGTERM: close Nest (requests drain, projectors stop), then what the runtime started, then exit. */
export function closeOnSignals(app: { close(): Promise<void> }, runtime: PreparedRuntime, logger: LoggerService): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing`);
    await app.close();
    await runtime.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** A process entry point: a bad configuration is the user's to fix, so it is said without a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
