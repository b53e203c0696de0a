import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EVENT_UPCASTERS, PostgresEventStore, type Upcaster } from '@libs/event-store';
import { loadConfig, PlatformModule, type Runtime } from '@libs/platform';
import {
  CorrectEventCommand,
  DiplomacyModule,
  diplomaticEventStream,
  IdempotencyKeyReusedError,
  RecordEventCommand,
  RegisterSourceCommand,
  RetractEventCommand,
  sourceStream,
  UPCASTERS,
  type CommandMeta,
  type DiplomaticEventInput,
} from '@libs/diplomacy';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

/*
 * The write side's one path (load → decide → append, idempotent replay) through the real command bus and the
 * real store, without HTTP; and the store's upcasters coming from the one registration in libs/diplomacy.
 */
const runtime = (): Runtime => {
  const databaseUrl = process.env.DATABASE_URL as string;
  const config = loadConfig({ ...process.env, SEED_ON_START: 'false', LOG_LEVEL: 'silent' });
  return { config, databaseUrl, embedded: false, adminToken: undefined };
};

async function writeSide(upcasters?: Upcaster[]): Promise<TestingModule> {
  const builder = Test.createTestingModule({
    imports: [PlatformModule.forRoot(runtime(), { poolSize: 2 }), DiplomacyModule],
  });
  if (upcasters) builder.overrideProvider(EVENT_UPCASTERS).useValue(upcasters);
  return (await builder.compile()).init();
}

const meta = (idempotencyKey?: string): CommandMeta => ({ actor: 'test', idempotencyKey });

describe('the shared command path', () => {
  let app: TestingModule;
  let bus: CommandBus;
  let store: PostgresEventStore;
  let sourceId: string;

  beforeAll(async () => {
    app = await writeSide();
    bus = app.get(CommandBus);
    store = app.get(PostgresEventStore);
    sourceId = randomUUID();
    await bus.execute(new RegisterSourceCommand(sourceId, aSourceBody(), meta()));
  });
  afterAll(() => app.close());

  const record = async (key?: string) => {
    const id = randomUUID();
    const input = aDiplomaticEventBody(sourceId) as unknown as DiplomaticEventInput;
    await bus.execute(new RecordEventCommand(id, input, meta(key)));
    return { id };
  };

  it('gives the store the upcasters registered in libs/diplomacy', () => {
    expect(app.get(EVENT_UPCASTERS)).toBe(UPCASTERS);
  });

  it('answers a retried correction with the first result and writes it once', async () => {
    const { id } = await record();
    const key = `correct-${randomUUID()}`;
    const correct = (title: string) => bus.execute(new CorrectEventCommand(id, 1, { title }, 'typo', meta(key)));
    const first = await correct('Corrected once');
    // The stream is at version 2 now: a stale expectedVersion, were this not the same request retried.
    await expect(correct('Corrected once')).resolves.toEqual(first);
    await expect(correct('Something else')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect((await store.readStream(diplomaticEventStream(id))).map((e) => e.type)).toEqual([
      'DiplomaticEventRecorded',
      'DiplomaticEventCorrected',
    ]);
  });

  it('checks the expected version in one place for every command', async () => {
    const { id } = await record();
    await bus.execute(new CorrectEventCommand(id, 1, { title: 'v2' }, 'r', meta()));
    const stale = { code: 'DIPLOMATIC_EVENT.VERSION_CONFLICT', expectedVersion: 1, currentVersion: 2 };
    await expect(bus.execute(new CorrectEventCommand(id, 1, { title: 'v3' }, 'r', meta()))).rejects.toMatchObject(
      stale,
    );
    await expect(bus.execute(new RetractEventCommand(id, 1, 'r', meta()))).rejects.toMatchObject(stale);
    expect(await store.readStream(diplomaticEventStream(id))).toHaveLength(2);
  });

  it('replays a source registration with the same key, and refuses the key with another body', async () => {
    const id = randomUUID();
    const key = `source-${randomUUID()}`;
    const first = await bus.execute(new RegisterSourceCommand(id, aSourceBody(), meta(key)));
    await expect(bus.execute(new RegisterSourceCommand(id, aSourceBody(), meta(key)))).resolves.toEqual(first);
    await expect(
      bus.execute(new RegisterSourceCommand(id, aSourceBody({ title: 'another' }), meta(key))),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });
});

describe('upcasters', () => {
  it('are applied by the store the platform builds', async () => {
    const upcaster: Upcaster = {
      type: 'SourceRegistered',
      fromSchemaVersion: 1,
      upcast: (data) => ({ ...(data as object), upcast: true }),
    };
    const app = await writeSide([upcaster]);
    try {
      const id = randomUUID();
      await app.get(CommandBus).execute(new RegisterSourceCommand(id, aSourceBody(), meta()));
      const [stored] = await app.get(PostgresEventStore).readStream(sourceStream(id));
      expect(stored).toMatchObject({ schemaVersion: 2, data: { id, upcast: true } });
    } finally {
      await app.close();
    }
  });
});
