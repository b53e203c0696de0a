/**
 * Serialised responses by ETag, least recently used first out, bounded in entries and in characters. An ETag
 * names a read-model position, so an entry never goes stale: entries of older positions simply stop being asked
 * for and age out.
 */
export class ResponseCache {
  private readonly entries = new Map<string, string>();
  private size = 0;

  constructor(
    readonly maxEntries = 500,
    /** Characters of JSON in all (about bytes: the bodies are mostly ASCII). */
    readonly maxChars = 16 * 1024 * 1024,
  ) {}

  get(etag: string): string | undefined {
    const body = this.entries.get(etag);
    if (body === undefined) return undefined;
    this.entries.delete(etag);
    this.entries.set(etag, body);
    return body;
  }

  set(etag: string, body: string): void {
    // One huge answer (an export-sized page) must not push out every hot one.
    if (body.length > this.maxChars / 16) return;
    const previous = this.entries.get(etag);
    if (previous !== undefined) {
      this.entries.delete(etag);
      this.size -= previous.length;
    }
    this.entries.set(etag, body);
    this.size += body.length;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.size <= this.maxChars) break;
      this.entries.delete(oldest);
      this.size -= old.length;
    }
  }

  get stats(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.size };
  }
}
