import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { deterministicUuid, PostgresEventStore, readLogHead } from '@libs/event-store';
import { CorrectEventCommand } from '../diplomatic-event/correct-event.command';
import { RecordEventCommand } from '../diplomatic-event/record-event.command';
import { RegisterSourceCommand } from '../source/register-source.command';
import { diplomaticEventStream } from '../streams';
import { findProjectFile } from '../taxonomy';
import type { SeedFile } from './seed-file';

export interface SeedReport {
  sources: number;
  events: number;
  corrections: number;
}

const SEED_ACTOR = 'seed';

/**
 * Records the seed articles through the same commands an admin uses. Every id and idempotency key is derived
 * from the seed's own keys, so seeding twice (or two processes seeding at once) adds nothing.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly commands: CommandBus,
    private readonly store: PostgresEventStore,
  ) {}

  async seedIfEmpty(): Promise<SeedReport | undefined> {
    if ((await readLogHead(this.store.pool)).count > 0) return undefined;
    return this.seed();
  }

  async seed(directory = findProjectFile('data/seed')): Promise<SeedReport> {
    const report: SeedReport = { sources: 0, events: 0, corrections: 0 };
    for (const name of readdirSync(directory)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const file = JSON.parse(readFileSync(join(directory, name), 'utf8')) as SeedFile;
      await this.seedFile(file, directory, report);
    }
    this.logger.log(
      `seeded ${report.sources} source(s), ${report.events} event(s), ${report.corrections} correction(s)`,
    );
    return report;
  }

  private async seedFile(file: SeedFile, directory: string, report: SeedReport): Promise<void> {
    const sourceId = deterministicUuid(`seed:${file.key}:source`);
    const { textFile, ...source } = file.source;
    const text = textFile ? readFileSync(join(directory, textFile), 'utf8') : null;
    const meta = (key: string) => ({ actor: SEED_ACTOR, idempotencyKey: `seed:${file.key}:${key}` });
    await this.commands.execute(new RegisterSourceCommand(sourceId, { ...source, text }, meta('source')));
    report.sources += 1;
    for (const { key, quote, ...event } of file.events) {
      const id = deterministicUuid(`seed:${file.key}:${key}`);
      await this.commands.execute(new RecordEventCommand(id, { ...event, source: { sourceId, quote } }, meta(key)));
      report.events += 1;
    }
    for (const correction of file.corrections) {
      const id = deterministicUuid(`seed:${file.key}:${correction.event}`);
      const stream = await this.store.readStream(diplomaticEventStream(id));
      const key = `seed:${file.key}:${correction.key}`;
      if (stream.some((e) => e.metadata.idempotencyKey === key)) continue;
      await this.commands.execute(
        new CorrectEventCommand(id, stream.length, correction.changes, correction.reason, meta(correction.key)),
      );
      report.corrections += 1;
    }
  }
}
