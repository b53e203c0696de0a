import autocannon from 'autocannon';

export interface HttpFigures {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Anything but a 2xx, a socket error or a timeout: must be 0 for the figures to mean anything. */
  failures: number;
}

/** Requests that differ each time: `next()` gives the path and query of the next request. */
export interface PathSource {
  baseUrl: string;
  next(): string;
}

/**
 * autocannon against one URL, or a new path per request: `connections` keep-alive connections, one request in
 * flight on each.
 */
export async function hammer(
  target: string | PathSource,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<HttpFigures> {
  const common = { connections, duration: seconds, pipelining: 1, timeout: 10, headers };
  const result = await (typeof target === 'string'
    ? autocannon({ ...common, url: target })
    : autocannon({
        ...common,
        url: target.baseUrl,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: target.next() }) }],
      }));
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** One request before the load: the endpoint must answer 200 with items, else its latency means nothing. */
export async function probe(url: string): Promise<{ body: unknown; items: number; bytes: number }> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  const json = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  const body: unknown = json ? JSON.parse(text) : text;
  const items = (body as { items?: unknown[] }).items;
  return { body, items: Array.isArray(items) ? items.length : 0, bytes: Buffer.byteLength(text) };
}
