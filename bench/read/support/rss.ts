import { readFileSync } from 'node:fs';

export interface RssFigures {
  /** Resident set size when the phase started. */
  startMb: number;
  /** Highest resident set size sampled during the phase. */
  peakMb: number;
}

const MB = 1024 * 1024;

/**
 * Samples the resident set size every 100 ms. Sampling (rather than VmHWM, the kernel's lifetime peak) gives a
 * peak per phase within one process; a 100 ms timer still fires during a rebuild, which awaits Postgres.
 */
export function sampleRss(intervalMs = 100): { stop(): RssFigures } {
  const startMb = process.memoryUsage.rss() / MB;
  let peakMb = startMb;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, process.memoryUsage.rss() / MB);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { startMb, peakMb: Math.max(peakMb, process.memoryUsage.rss() / MB) };
    },
  };
}

/** The kernel's high-water mark of this process's resident set (Linux), a cross-check on the samples. */
export function vmHwmMb(): number | null {
  return vmHwmMbOf('self');
}

/** The same for another process (a child server). */
export function vmHwmMbOf(pid: number | 'self'): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
