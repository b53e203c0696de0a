import { loadavg } from 'node:os';
import { startChildServer } from './support/child';
import { hammer } from './support/http-load';
import { vmHwmMbOf } from './support/rss';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The CSV export's memory: GET /api/timeline.csv (no filter, so the first 10,000 items) on BENCH_URL's database, in
 * fresh API processes: the peak RSS (VmHWM) of one after it started, after one export, and of another after
 * `BENCH_CSV_CONNECTIONS` exports at once for 10 s.
 */
async function main(): Promise<void> {
  const url = process.env.BENCH_URL;
  if (!url) throw new Error('BENCH_URL must name a loaded database (postgres://…/annals_bench1m)');
  const connections = Number(process.env.BENCH_CSV_CONNECTIONS ?? 10);
  const single = await startChildServer<{ url: string }, { baseUrl: string }>('api.child.js', { url });
  try {
    const started = vmHwmMbOf(single.pid ?? -1);
    const t0 = performance.now();
    const response = await fetch(`${single.info.baseUrl}/api/timeline.csv`, {
      headers: { 'accept-encoding': 'identity' },
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    const seconds = (performance.now() - t0) / 1000;
    log(
      `one export: ${response.status}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; API VmHWM ` +
        `${started?.toFixed(0)} MB after start, ${vmHwmMbOf(single.pid ?? -1)?.toFixed(0)} MB after the export ` +
        `(load average ${loadavg()[0].toFixed(1)})`,
    );
  } finally {
    await single.stop();
  }
  const many = await startChildServer<{ url: string }, { baseUrl: string }>('api.child.js', { url });
  try {
    const figures = await hammer(`${many.info.baseUrl}/api/timeline.csv`, connections, 10);
    log(
      `${connections} at once for 10 s: ${figures.requests} exports, ${figures.failures} failed, p50 ${figures.p50Ms} ms, ` +
        `p99 ${figures.p99Ms} ms; API VmHWM ${vmHwmMbOf(many.pid ?? -1)?.toFixed(0)} MB (load average ${loadavg()[0].toFixed(1)})`,
    );
  } finally {
    await many.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
