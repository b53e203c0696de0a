import { loadConfig, prepareRuntime } from '@libs/platform';

/** `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and exit. */
async function main(): Promise<void> {
  const runtime = await prepareRuntime((m) => console.log(m), loadConfig());
  await runtime.release();
  console.log('migrations up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
