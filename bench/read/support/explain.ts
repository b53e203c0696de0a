import type { Pool } from 'pg';
import { GetTimelineHandler, GetTimelineQuery, type ReadDatabase, type TimelineFilter } from '@libs/projections';

export interface PlanSummary {
  executionMs: number;
  /** The plan's nodes, outermost first, e.g. "Limit → Nested Loop Left Join → Index Scan using timeline_live_order_idx". */
  path: string;
  /** Rows the scans read and threw away: the usual cause of a slow filtered page. */
  rowsRemoved: number;
  sharedHit: number;
  sharedRead: number;
  text: string;
}

interface CapturedSql {
  text: string;
  values: unknown[];
}

const NODE = /^\s*(?:->\s+)?([A-Z][A-Za-z ]+?(?: using \S+)?(?: on \S+(?: \w+)?)?)\s+\(cost=/;

/**
 * The SQL GetTimelineHandler really sends for `filter`: the handler runs against a stand-in pool that records the
 * query, so the EXPLAIN cannot drift from the code it explains.
 */
export async function timelineSql(filter: TimelineFilter, limit = 50): Promise<CapturedSql> {
  const seen: CapturedSql[] = [];
  const pool = {
    query: async (text: string, values: unknown[]) => {
      seen.push({ text, values });
      return { rows: [] };
    },
  };
  const reads = { read: (_need: unknown, run: (db: typeof pool) => Promise<unknown>) => run(pool) };
  await new GetTimelineHandler(reads as unknown as ReadDatabase).execute(new GetTimelineQuery(filter, limit));
  if (seen.length !== 1) throw new Error(`GetTimelineHandler sent ${seen.length} queries, expected 1`);
  return seen[0];
}

/** EXPLAIN (ANALYZE, BUFFERS) of the handler's query, best of three runs (the pages are then cached, as under load). */
export async function explainTimeline(pool: Pool, filter: TimelineFilter): Promise<PlanSummary> {
  const { text, values } = await timelineSql(filter);
  let best: PlanSummary | undefined;
  for (let run = 0; run < 3; run++) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    const plan = summarise(rows.map((r) => r['QUERY PLAN']));
    if (!best || plan.executionMs < best.executionMs) best = plan;
  }
  if (!best) throw new Error('no plan');
  return best;
}

function summarise(lines: string[]): PlanSummary {
  const nodes = lines.map((line) => NODE.exec(line)?.[1]).filter((n): n is string => n !== undefined);
  const sum = (pattern: RegExp) => lines.reduce((total, line) => total + Number(pattern.exec(line)?.[1] ?? 0), 0);
  const buffers = lines.find((line) => line.includes('Buffers:')) ?? '';
  return {
    executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? NaN),
    path: nodes.join(' → '),
    rowsRemoved: sum(/Rows Removed by (?:Filter|Index Recheck): (\d+)/),
    sharedHit: Number(/shared hit=(\d+)/.exec(buffers)?.[1] ?? 0),
    sharedRead: Number(/read=(\d+)/.exec(buffers)?.[1] ?? 0),
    text: lines.join('\n'),
  };
}
