import type { Type } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { StoredEvent } from '@libs/event-store';

/** Live table name → the name this run writes to (the live name, or its `__shadow` copy during a rebuild). */
export type Tables = Readonly<Record<string, string>>;

/**
 * 'live': the live tables. 'load': a rebuild's bulk load into its shadow tables, where a projection may leave out
 * what its finishLoad() then derives in one pass. 'rebuild': the shadow tables after that, as the swap brings them
 * to the head of the log.
 */
export type ApplyMode = 'live' | 'load' | 'rebuild';

/**
 * A read model derived only from the log. `apply` runs inside the projector's transaction, together with
 * the checkpoint update, so a batch's effects and its checkpoint commit (or vanish) together.
 */
export interface Projection {
  readonly name: string;
  /** Bump when apply() changes meaning: start-up then rebuilds the projection in the background. */
  readonly codeVersion: number;
  /** The live tables, swapped together at the end of a rebuild. */
  readonly tables: readonly string[];
  apply(tx: PoolClient, events: readonly StoredEvent[], tables: Tables, mode: ApplyMode): Promise<void>;
  /**
   * Secondary indexes (live names) that apply() never reads through in 'load' mode: a rebuild drops them from its
   * shadow tables and builds them once after loading (and after finishLoad), instead of row by row. Listed in the
   * order they are built: the longest first.
   */
  readonly deferredIndexes?: readonly string[];
  /**
   * True when the rows of different streams never depend on each other: a rebuild may then apply streams in
   * parallel (each stream in order, by one writer).
   */
  readonly partitionedRebuild?: boolean;
  /**
   * After a rebuild's load, before its deferred indexes are built: fills, from the loaded rows and in one pass, what
   * apply() leaves out in 'load' mode. Runs outside any transaction of the caller's; the shadow tables are private.
   */
  finishLoad?(db: PoolClient, tables: Tables): Promise<void>;
  /** The tables finishLoad writes (a rebuild vacuums and indexes them after it, the others beside it). */
  readonly derivedTables?: readonly string[];
  /** A digest of the rows, equal for two tables derived from the same log. */
  checksum(db: PoolClient, tables: Tables): Promise<string>;
}

export function liveTables(projection: Projection): Tables {
  return Object.fromEntries(projection.tables.map((t) => [t, t]));
}

export function shadowTables(projection: Projection): Tables {
  return Object.fromEntries(projection.tables.map((t) => [t, `${t}__shadow`]));
}

export const PROJECTIONS = Symbol('PROJECTIONS');

/** One read model's folder as the module registers it: its projection and the query handlers that read it. */
export interface ReadModel {
  readonly projection: Type<Projection>;
  readonly handlers: readonly Type<unknown>[];
}
