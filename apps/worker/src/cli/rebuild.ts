import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { PlatformModule, prepareRuntime } from '@libs/platform';
import { ProjectionsModule, RebuildService } from '@libs/projections';

/** `npm run rebuild -- <projection>`: a zero-downtime rebuild with a progress bar (events, rate, ETA). */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error('usage: npm run rebuild -- <projection>   (timeline | actors)');
  const runtime = await prepareRuntime(() => {});
  @Module({
    imports: [
      PlatformModule.forRoot(runtime, { poolSize: 3 }),
      ProjectionsModule.forRoot({ runProjector: false, rebuildCron: runtime.config.rebuildCron }),
    ],
  })
  class RebuildCliModule {}
  const app = await NestFactory.createApplicationContext(RebuildCliModule, { logger: ['error', 'warn'] });
  const bar = new SingleBar(
    { format: `${name} |{bar}| {value}/{total} events | {rate} events/s | ETA {eta_formatted}`, etaBuffer: 20 },
    Presets.shades_classic,
  );
  const started = Date.now();
  try {
    const { id, done } = await app.get(RebuildService).start(name, 'requested from the command line', (p) => {
      if (!bar.isActive) bar.start(Math.max(p.total, p.events), 0, { rate: 0 });
      bar.setTotal(Math.max(p.total, p.events));
      bar.update(p.events, { rate: Math.round(p.events / Math.max((Date.now() - started) / 1000, 0.001)) });
    });
    console.log(`rebuild ${id} started`);
    const outcome = await done;
    bar.stop();
    console.log(
      `rebuilt ${name} from ${outcome.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `checksum ${outcome.checksum}${outcome.drift ? ` — DRIFT: the live tables had ${outcome.liveChecksum}` : ' (matches the live tables)'}`,
    );
  } finally {
    bar.stop();
    await app.close();
    await runtime.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
