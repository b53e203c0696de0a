import { randomUUID } from 'node:crypto';
import { aDiplomaticEventBody } from '../../builders/diplomatic-event.builder';
import { sleep } from '../../support/processes';

export interface WriteLoadReport {
  /** Event ids the API acknowledged (201, or the replay of an earlier 201 for the same Idempotency-Key). */
  acknowledged: string[];
  /** Every answer that was not an acknowledgement, by status (0: the connection failed). */
  refusals: Record<number, number>;
  /** When each acknowledgement arrived (ms since the epoch). */
  acknowledgedAt: number[];
}

/**
 * `writers` concurrent clients recording events until `until()` says stop. Each client behaves as a careful API
 * client should: it keeps the Idempotency-Key of a write it has not seen acknowledged and retries it, so a write
 * whose answer was lost in a crash is neither lost nor recorded twice.
 */
export async function writeUnderLoad(
  baseUrl: string,
  token: string,
  sourceId: string,
  writers: number,
  until: () => boolean,
): Promise<WriteLoadReport> {
  const report: WriteLoadReport = { acknowledged: [], refusals: {}, acknowledgedAt: [] };
  const writer = async (w: number) => {
    let key = `fault-${w}-${randomUUID()}`;
    while (!until()) {
      let status: number;
      let id: string | undefined;
      try {
        const res = await fetch(`${baseUrl}/api/admin/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(aDiplomaticEventBody(sourceId, { title: `Fault load ${key}` })),
          signal: AbortSignal.timeout(15_000),
        });
        status = res.status;
        id = ((await res.json()) as { id?: string }).id;
      } catch {
        status = 0;
      }
      if ((status === 201 || status === 200) && id) {
        report.acknowledged.push(id);
        report.acknowledgedAt.push(Date.now());
        key = `fault-${w}-${randomUUID()}`;
      } else {
        report.refusals[status] = (report.refusals[status] ?? 0) + 1;
        await sleep(100);
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return report;
}
