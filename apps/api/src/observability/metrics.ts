import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process (Prometheus sums across processes). Counters and histograms are fed where things
 * happen; projection gauges are read from Postgres when scraped, so every process reports the same truth.
 */
export class AnnalsMetrics {
  readonly registry = new Registry();

  readonly appends = new Counter({
    name: 'annals_events_appended_total',
    help: 'Stored events appended by this process, by event type',
    labelNames: ['type'],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'annals_http_request_duration_seconds',
    help: 'HTTP request durations by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly abandonedReads = new Counter({
    name: 'annals_http_abandoned_reads_total',
    help: 'Public reads not computed because the client had closed its connection while they waited',
    registers: [this.registry],
  });

  readonly rebuildDuration = new Histogram({
    name: 'annals_projection_rebuild_duration_seconds',
    help: 'Projection rebuild durations, by projection and outcome',
    labelNames: ['projection', 'status'],
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800],
    registers: [this.registry],
  });

  // Set from Postgres at scrape time by the metrics controller.
  readonly projectionPosition = new Gauge({
    name: 'annals_projection_position',
    help: 'Log position a projection has applied',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'annals_projection_lag_events',
    help: 'Stored events a projection has not applied yet',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  readonly projectionParked = new Gauge({
    name: 'annals_projection_parked_events',
    help: 'Events a projection could not apply and parked (also counted in lag)',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  readonly projectionState = new Gauge({
    name: 'annals_projection_state',
    help: '1 for the state a projection is in (running, stalled, no-leader, failing), 0 for the others',
    labelNames: ['projection', 'state'],
    registers: [this.registry],
  });

  readonly projectionHealthy = new Gauge({
    name: 'annals_projection_healthy',
    help: '1 when a projection is running with a live leader, no parked events and lag under the threshold',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  readonly logHead = new Gauge({
    name: 'annals_log_head_position',
    help: 'Highest position in the event log',
    registers: [this.registry],
  });

  readonly reads = new Counter({
    name: 'annals_public_reads_total',
    help: 'Public queries answered, by the server that answered ("primary" or a read replica)',
    labelNames: ['server'],
    registers: [this.registry],
  });

  // READ_DATABASE_URL's replicas, read at scrape time.
  readonly replicaUp = new Gauge({
    name: 'annals_replica_up',
    help: '1 when the read replica answers, 0 when it does not',
    labelNames: ['replica'],
    registers: [this.registry],
  });

  readonly replicaLagSeconds = new Gauge({
    name: 'annals_replica_lag_seconds',
    help: 'Age of the last commit a read replica replayed, while it has WAL left to replay (0 when caught up)',
    labelNames: ['replica'],
    registers: [this.registry],
  });

  readonly replicaLagEvents = new Gauge({
    name: 'annals_replica_lag_events',
    help: "Events in the primary's log that the replica's timeline does not show yet",
    labelNames: ['replica'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'annals_' });
  }
}

/** Created once per process: the event store is built before Nest's container, and hooks into it. */
export const METRICS = new AnnalsMetrics();
