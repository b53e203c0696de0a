import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract } from '../../libs/temporal/src/index';
import { normalize } from '../../libs/temporal/src/normalize';

/**
 * npm run bench:temporal — extract() on a 20,000-character article: the seed article (Arabic) and an English
 * news paragraph, repeated. The baseline is normalize() over the same text in the same run, the least any
 * reading of it costs, so the ratio stays comparable across machines. The article repeats its paragraphs;
 * a real article of the same length reads slower (`npm run score:tbaq` times real news).
 */
const LENGTH = 20_000;
const RUNS = 30;
const ANCHOR = '2023-11-01';
const ENGLISH =
  'LONDON, July 7 (Reuters) - Ministers met on Thursday and will meet again next week, after talks in the ' +
  'third quarter of 2023 and a summit from 13 to 15 July. Prices rose over the past two weeks, and the fund ' +
  'raised $2000 from 500 delegates in the 1990s. The decree dated 15/03/2023 takes effect on 1 January 2024. ';

function article(language: 'ar' | 'en'): string {
  const seed = readFileSync(join(process.cwd(), 'data/seed/000_911741716f96cebe.txt'), 'utf8');
  const unit = language === 'ar' ? seed : ENGLISH;
  return unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall-clock and CPU milliseconds: on a shared machine the CPU time is the figure that compares. */
function time(run: () => unknown): { wall: number; cpu: number } {
  run();
  const [walls, cpus]: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    const [started, cpu] = [performance.now(), process.cpuUsage()];
    run();
    const used = process.cpuUsage(cpu);
    walls.push(performance.now() - started);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

for (const language of ['ar', 'en'] as const) {
  const text = article(language);
  const mentions = extract(text, ANCHOR, language).mentions.length;
  const ms = time(() => extract(text, ANCHOR, language));
  const baseline = time(() => normalize(text));
  console.log(
    `${language}: ${text.length} characters, ${mentions} mentions, extract ${ms.wall.toFixed(1)} ms ` +
      `(CPU ${ms.cpu.toFixed(1)} ms, ${Math.round((mentions / ms.cpu) * 1000).toLocaleString('en')} mentions/s), ` +
      `normalize CPU ${baseline.cpu.toFixed(2)} ms, ratio ${(ms.cpu / baseline.cpu).toFixed(0)}×`,
  );
}
