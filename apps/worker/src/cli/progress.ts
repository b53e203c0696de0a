/**
 * A progress bar on stderr (events, rate, ETA) for the log CLIs; without a terminal, one plain line every few
 * seconds. Written here rather than taken from a package so it runs in the production image, which has no dev tools.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = Date.now();
  private done = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  get count(): number {
    return this.done;
  }

  get rate(): number {
    return Math.round(this.done / Math.max((Date.now() - this.started) / 1000, 0.001));
  }

  get seconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  add(events: number): void {
    this.done += events;
    const every = this.out.isTTY ? 200 : 5000;
    if (Date.now() - this.lastDraw >= every) this.draw();
  }

  finish(): void {
    this.draw();
    if (this.out.isTTY) this.out.write('\n');
  }

  private draw(): void {
    this.lastDraw = Date.now();
    const share = this.total > 0 ? Math.min(this.done / this.total, 1) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const eta = this.rate > 0 ? Math.max(0, Math.round((this.total - this.done) / this.rate)) : 0;
    const line = `${this.label} |${bar}| ${this.done}/${this.total} events | ${this.rate} events/s | ETA ${eta} s`;
    this.out.write(this.out.isTTY ? `\r${line}` : `${line}\n`);
  }
}
