/**
 * Serialised responses, least recently used first out, bounded in entries and in size. Keyed by ETag (a read-model
 * position and the query: PositionCachedReads) or by URL with the position inside the value (HotResponses); either
 * way an entry never goes stale, entries of older positions simply stop being asked for and age out.
 */
export class ResponseCache<V = string> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private size = 0;

  constructor(
    readonly maxEntries = 500,
    /** Size of all values, as `sizeOf` measures it: characters of JSON by default (about bytes: mostly ASCII). */
    readonly maxChars = 16 * 1024 * 1024,
    private readonly sizeOf: (value: V) => number = (value) => (value as string).length,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Most recently used last: Map keeps insertion order, so the oldest entry is the first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores (or replaces) a value; a value's size is measured here, so replace it to change it. */
  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    // One huge answer (an export-sized page) must not push out every hot one.
    if (size > this.maxChars / 16) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.entries.delete(key);
      this.size -= previous.size;
    }
    this.entries.set(key, { value, size });
    this.size += size;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.size <= this.maxChars) break;
      this.entries.delete(oldest);
      this.size -= old.size;
    }
  }

  get stats(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.size };
  }
}
