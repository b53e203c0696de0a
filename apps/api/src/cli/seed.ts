import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DiplomacyModule, SeedService } from '@libs/diplomacy';
import { PlatformModule, prepareRuntime } from '@libs/platform';

/** `npm run seed`: record the seed articles; idempotent, so running it twice adds nothing. */
async function main(): Promise<void> {
  const runtime = await prepareRuntime((m) => console.log(m));
  @Module({ imports: [PlatformModule.forRoot(runtime, { poolSize: 2 }), DiplomacyModule] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn', 'log'] });
  try {
    const report = await app.get(SeedService).seed();
    console.log(JSON.stringify(report));
  } finally {
    await app.close();
    await runtime.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
