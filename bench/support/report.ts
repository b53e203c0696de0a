import type { Measurement, Timing } from './measure';

/** A store measurement divided by the raw one it should be judged against; `aim` is the issue's target. */
export interface Comparison {
  name: string;
  store: string;
  baseline: string;
  /** How the table names the baseline. */
  versus: string;
  aim?: number;
}

export const COMPARISONS: readonly Comparison[] = [
  { name: 'append1_vs_insert1', store: 'append1', baseline: 'raw1', versus: 'raw INSERT', aim: 0.8 },
  { name: 'append1_vs_emmett1', store: 'append1', baseline: 'emmett1', versus: 'Emmett', aim: 1.5 },
  { name: 'append8_vs_insert8', store: 'append8', baseline: 'raw8', versus: 'raw INSERT', aim: 0.8 },
  { name: 'append8_vs_emmett8', store: 'append8', baseline: 'emmett8', versus: 'Emmett', aim: 1.5 },
  { name: 'emmett1_vs_insert1', store: 'emmett1', baseline: 'raw1', versus: 'raw INSERT' },
  { name: 'emmett8_vs_insert8', store: 'emmett8', baseline: 'raw8', versus: 'raw INSERT' },
  { name: 'import_vs_copy', store: 'import', baseline: 'rawCopy', versus: 'raw COPY', aim: 0.8 },
  { name: 'import1000_vs_copy1000', store: 'import1000', baseline: 'rawCopy1000', versus: '1,000-row COPYs' },
  { name: 'batch_vs_copy', store: 'appendMany', baseline: 'rawCopy', versus: 'COPY stream' },
  { name: 'batch_vs_copy1000', store: 'appendMany', baseline: 'rawCopy1000', versus: '1,000-row COPYs' },
  { name: 'batch_vs_multirow', store: 'appendMany', baseline: 'rawMultiRow', versus: 'multi-row INSERT' },
];

/** Names of the final JSON line, as the issue spells them. */
const JSON_NAMES: Record<string, string> = {
  raw1: 'rawInsert1',
  raw8: 'rawInsert8',
  rawMultiRow: 'rawMultiRow',
  rawCopy: 'rawCopy',
  rawCopy1000: 'rawCopy1000',
  emmett1: 'emmettAppend1',
  emmett8: 'emmettAppend8',
  append1: 'appendSingle1',
  append8: 'appendSingle8',
  appendMany: 'appendMany',
  import: 'importCopy',
  import1000: 'importCopy1000',
};

export interface Report {
  database: string;
  /** 1-minute load average around the measurements: rates are only comparable on an otherwise idle machine. */
  load: { before: number; after: number; cores: number };
  payload: { dataBytes: number; metadataBytes: number };
  measurements: readonly Measurement[];
  skipped: Record<string, string>;
}

export function ratio(report: Report, c: Comparison): number | null {
  const store = report.measurements.find((m) => m.key === c.store);
  const base = report.measurements.find((m) => m.key === c.baseline);
  return store && base ? store.rowsPerSecond / base.rowsPerSecond : null;
}

export function renderHeader(report: Report, timing: Timing): string {
  const { before, after, cores } = report.load;
  const busy = Math.max(before, after) > cores / 2 ? ' (other processes were busy: expect noise)' : '';
  return [
    `Store benchmark on ${report.database}`,
    `payload: ${report.payload.dataBytes} B data + ${report.payload.metadataBytes} B metadata JSON per event; ` +
      `median of ${timing.rounds} interleaved runs of ${timing.runMs / 1000} s after a ${timing.warmupMs / 1000} s warm-up`,
    `load average ${before.toFixed(2)} → ${after.toFixed(2)} on ${cores} cores${busy}`,
  ].join('\n');
}

export function renderTable(report: Report): string {
  const rows: string[][] = [['operation', 'rows/s (median)', 'min–max of runs', 'ratio vs baseline']];
  for (const m of report.measurements) {
    const versus = COMPARISONS.filter((c) => c.store === m.key).map((c) => {
      const r = ratio(report, c);
      if (r === null) return `${c.versus}: skipped`;
      const aim = c.aim === undefined ? '' : ` (aim ≥ ${c.aim.toFixed(2)}: ${r >= c.aim ? 'met' : 'MISSED'})`;
      return `${r.toFixed(2)}× ${c.versus}${aim}`;
    });
    const spread = `${fmt(Math.min(...m.rounds))}–${fmt(Math.max(...m.rounds))}`;
    rows.push([m.label, fmt(m.rowsPerSecond), spread, versus.join('; ') || 'baseline']);
  }
  for (const [key, reason] of Object.entries(report.skipped)) rows.push([key, 'skipped', '', reason]);
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  const line = (r: string[]) =>
    `| ${r.map((cell, col) => (col === 1 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join(' | ')} |`;
  const rule = `|${widths.map((w, col) => (col === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

export function renderJson(report: Report): string {
  const rates: Record<string, number | null> = {};
  for (const [key, name] of Object.entries(JSON_NAMES)) {
    const m = report.measurements.find((x) => x.key === key);
    rates[name] = m ? Math.round(m.rowsPerSecond) : null;
  }
  const ratios: Record<string, number | null> = {};
  const aimsMet: Record<string, boolean | null> = {};
  for (const c of COMPARISONS) {
    const r = ratio(report, c);
    ratios[c.name] = r === null ? null : Number(r.toFixed(3));
    if (c.aim !== undefined) aimsMet[c.name] = r === null ? null : r >= c.aim;
  }
  return JSON.stringify({
    bench: 'store',
    database: report.database,
    payload: report.payload,
    load: { before: round2(report.load.before), after: round2(report.load.after), cores: report.load.cores },
    ...rates,
    ratios,
    aimsMet,
    skipped: report.skipped,
  });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
