/** A workload runs until `until` (a performance.now() deadline) and says how many rows it wrote. */
export interface Workload {
  key: string;
  label: string;
  run(until: number, round: string): Promise<number>;
}

export interface Timing {
  warmupMs: number;
  runMs: number;
  rounds: number;
}

export interface Measurement {
  key: string;
  label: string;
  /** Median over the rounds. */
  rowsPerSecond: number;
  rounds: number[];
}

export async function rowsPerSecond(workload: Workload, ms: number, round: string): Promise<number> {
  const start = performance.now();
  const rows = await workload.run(start + ms, round);
  // Divide by the real elapsed time: the last statement of each writer finishes after the deadline.
  return rows / ((performance.now() - start) / 1000);
}

/**
 * Rounds interleave the workloads (A B C, A B C, ...) rather than running each one 3 times in a row, so
 * drift during the run (checkpoints, autovacuum, index growth) spreads over all of them instead of one.
 */
export async function measureAll(
  workloads: readonly Workload[],
  timing: Timing,
  progress: (line: string) => void,
): Promise<Measurement[]> {
  for (const w of workloads) await rowsPerSecond(w, timing.warmupMs, 'warm');
  const results = workloads.map((w) => ({ key: w.key, label: w.label, rounds: [] as number[] }));
  for (let round = 0; round < timing.rounds; round++) {
    for (const [i, w] of workloads.entries()) {
      const rate = await rowsPerSecond(w, timing.runMs, `r${round}`);
      results[i].rounds.push(rate);
      progress(
        `  round ${round + 1}/${timing.rounds}  ${w.label.padEnd(44)} ${Math.round(rate).toLocaleString('en-US')} rows/s`,
      );
    }
  }
  return results.map((r) => ({ ...r, rowsPerSecond: median(r.rounds) }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Starts `writers` loops at once and sums the rows they wrote. */
export async function concurrently(writers: number, loop: (writer: number) => Promise<number>): Promise<number> {
  const counts = await Promise.all(Array.from({ length: writers }, (_, writer) => loop(writer)));
  return counts.reduce((a, b) => a + b, 0);
}
