/**
 * Stored events are never rewritten; an older schema version is upgraded as it is read.
 * Upcasters chain: 1→2, then 2→3, until none applies.
 */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: unknown): unknown;
}

export function upcast(
  upcasters: readonly Upcaster[],
  type: string,
  schemaVersion: number,
  data: unknown,
): { schemaVersion: number; data: unknown } {
  let version = schemaVersion;
  let current = data;
  for (;;) {
    const step = upcasters.find((u) => u.type === type && u.fromSchemaVersion === version);
    if (!step) return { schemaVersion: version, data: current };
    current = step.upcast(current);
    version += 1;
  }
}

/** The DI token under which the domain registers its upcasters, once, for the store (no Nest here: a symbol). */
export const EVENT_UPCASTERS = Symbol.for('annals:event-upcasters');
