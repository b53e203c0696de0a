import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract } from '@libs/temporal';
import { propose } from '@libs/proposals';

/**
 * npm run bench:extract — propose() on a 20,000-character article (the seed article, Arabic, and an English
 * news paragraph, repeated), against extract() alone on the same text in the same run: the proposer's own cost
 * is the difference. The budget is 200 ms a 20,000-character article.
 */
const LENGTH = 20_000;
const RUNS = 15;
const ANCHOR = '2023-11-01';
const BUDGET_MS = 200;
const ENGLISH =
  'ASTANA, Nov 1 (Reuters) - French President Emmanuel Macron met Kazakh President Kassym-Jomart Tokayev on ' +
  'Wednesday and the two signed agreements on critical minerals. Russian Foreign Minister Sergei Lavrov said last ' +
  'week the West was trying to pull Russia’s neighbours away. Turkish President Recep Tayyip Erdogan will visit ' +
  'Astana on Thursday and Friday. ';

function article(language: 'ar' | 'en'): string {
  const seed = readFileSync(join(process.cwd(), 'data/seed/000_911741716f96cebe.txt'), 'utf8');
  const unit = language === 'ar' ? seed : ENGLISH;
  return unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

let over = false;
for (const language of ['ar', 'en'] as const) {
  const text = article(language);
  const count = propose({ text, publishedAt: ANCHOR, language }).proposals.length;
  const ms = time(() => propose({ text, publishedAt: ANCHOR, language }));
  const baseline = time(() => extract(text, ANCHOR, language));
  over ||= ms >= BUDGET_MS;
  console.log(
    `${language}: ${text.length} characters, ${count} proposals in ${ms.toFixed(1)} ms ` +
      `(budget ${BUDGET_MS} ms), extract alone ${baseline.toFixed(1)} ms, ratio ${(ms / baseline).toFixed(2)}×`,
  );
}
if (over) process.exitCode = 1;
