import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** A bar on stderr (a line every 5 s when stderr is not a terminal), so stdout stays the report alone. */
export function progressBar(label: string, total: number): Progress {
  const started = performance.now();
  const bar = new SingleBar({
    format: `${label.padEnd(26)} [{bar}] {percentage}% | {value}/{total} | {rate} events/s | {duration_formatted}`,
    barsize: 30,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: null,
  });
  bar.start(total, 0, { rate: 0 });
  return {
    update(done) {
      const rate = Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
      bar.update(Math.min(done, total), { rate: rate.toLocaleString('en-US') });
    },
    stop: () => bar.stop(),
  };
}
