import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { PostgresEventStore, type StreamAppend } from '@libs/event-store';
import { diplomaticEventStream, type DiplomaticEventRecorded } from '@libs/diplomacy';
import { TEST_ADMIN_TOKEN } from '../support/api';
import { aSourceBody } from '../builders/diplomatic-event.builder';
import { eventually } from '../support/eventually';
import {
  hasFocus,
  launchChromium,
  openTab,
  SEEDED_EVENTS,
  startSeededApi,
  waitForCards,
  type SeededApi,
  type Tab,
} from './support/browser-harness';

const MANY = 3_000;
const MONTHS = 300; // January 2001 to December 2025: ten events a month

/** MANY events, ten a month from 2001 to 2025, each titled with its day so that the order can be read back. */
function spreadEvents(sourceId: string): StreamAppend[] {
  return Array.from({ length: MANY }, (_, i) => {
    const id = randomUUID();
    const month = i % MONTHS;
    const day = `${2001 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(i / MONTHS) * 2).padStart(2, '0')}`;
    const data: DiplomaticEventRecorded['data'] = {
      id,
      type: ['042', '036', '057', '111'][i % 4],
      title: `Meeting of ${day}`,
      summary: null,
      actors: [{ id: 'many-envoy', name: 'Envoy', country: 'NZL', role: 'initiator' }],
      location: null,
      date: { expression: null, anchor: null, direction: null, start: day, end: day, precision: 'day', timex: day },
      status: 'occurred',
      source: { sourceId, quote: 'Envoys met.' },
    };
    return {
      streamId: diplomaticEventStream(id),
      expectedVersion: 'no_stream',
      events: [{ type: 'DiplomaticEventRecorded', data }],
    };
  });
}

/** Elements in the page: what "stays light" is measured by. */
const domNodes = (page: Page) => page.locator('html').evaluate((html) => html.getElementsByTagName('*').length);
const firstDate = (page: Page) => page.locator('.card .card-date').first().textContent();
const status = (page: Page) => page.locator('#status').textContent();

/** 3,000 events (and the seed): the page opens on the news and stays light however far one reads. */
describe('a long timeline', () => {
  let api: SeededApi;
  let browser: Browser;
  let tab: Tab;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('long'), launchChromium()]);
    const http = () => request(api.app.getHttpServer());
    const sourceId = (
      await http().post('/api/admin/sources').set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`).send(aSourceBody())
    ).body.id;
    await api.app.get(PostgresEventStore).appendMany(spreadEvents(sourceId));
    await eventually(
      async () => ((await http().get('/api/timeline?limit=1')).body.total === MANY + SEEDED_EVENTS ? true : undefined),
      60_000,
      250,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(async () => {
    await tab?.close();
  });

  const open = async () => {
    tab = await openTab(browser, api.baseUrl);
    await tab.page.goto('/');
    await waitForCards(tab.page, 50);
    return tab.page;
  };
  /** Presses "Load more" and waits for the range the status line then gives: pages on screen are ≤ 3 of 50. */
  const loadMore = async (page: Page, times: number) => {
    for (let i = 0; i < times; i += 1) {
      const [, to] = /events \d+–(\d+)/.exec((await status(page)) ?? '')!.map(Number);
      const next = `Showing events ${Math.max(1, to + 50 - 149)}–${to + 50} `;
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.locator('#status', { hasText: next }).waitFor();
    }
  };

  it('opens newest first, and keeps at most 150 cards and a bounded DOM however many pages are loaded', async () => {
    const page = await open();
    expect(await firstDate(page)).toBe('19 Dec 2025');
    expect(await status(page)).toBe(`Showing events 1–50 of ${(MANY + SEEDED_EVENTS).toLocaleString('en-GB')}.`);
    expect(await page.locator('#load-newer').isHidden()).toBe(true);

    await loadMore(page, 2);
    await waitForCards(page, 150);
    const threePages = await domNodes(page);

    await loadMore(page, 4);
    await waitForCards(page, 150);
    const sevenPages = await domNodes(page);
    expect(await status(page)).toBe(`Showing events 201–350 of ${(MANY + SEEDED_EVENTS).toLocaleString('en-GB')}.`);
    // The same three pages' worth of nodes, whether 150 or 350 events have been read (±10% for the headings).
    expect(Math.abs(sevenPages - threePages)).toBeLessThan(threePages * 0.1);
    // ~3,400 measured, some 650 of them the histogram's 300 months; loading all 3,010 used to leave ~119,000.
    expect(sevenPages).toBeLessThan(4_000);
    // Focus is on the first card "Load more" brought, never on <body>.
    expect(await hasFocus(page.locator('.card-open').nth(100))).toBe(true);
    console.info(`DOM elements: ${threePages} with pages 1–3 shown, ${sevenPages} with pages 5–7 shown`);

    // The pages above come back, a page at a time, and the one at the far end goes.
    const newer = page.getByRole('button', { name: 'Show newer events' });
    await newer.click();
    await page.locator('#status', { hasText: 'Showing events 151–300' }).waitFor();
    await waitForCards(page, 150);
    expect(await hasFocus(page.locator('.card-open').first())).toBe(true);
    tab.expectNoErrors();
  });

  it('reaches a month years back with one click on the histogram, and comes back to the news with one more', async () => {
    const page = await open();
    await page.locator('.histogram-bars button.bar[aria-label^="March 2010:"]').click();
    await page.locator('#status', { hasText: 'from March 2010 back' }).waitFor();
    expect(await page.locator('.year-heading').first().textContent()).toBe('2010');
    expect(await page.locator('.month-heading').first().textContent()).toBe('March');
    expect(await firstDate(page)).toBe('19 Mar 2010');
    await waitForCards(page, 50);
    expect(await hasFocus(page.locator('.card-open').first())).toBe(true);

    // Further back from there, as from the top.
    await loadMore(page, 1);
    await waitForCards(page, 100);
    expect(await page.locator('.year-heading').allTextContents()).toEqual(['2010', '2009']);

    await page.getByRole('button', { name: 'Back to the newest events' }).click();
    await page.locator('#status', { hasText: 'Showing events 1–50 of' }).waitFor();
    expect(await firstDate(page)).toBe('19 Dec 2025');
    tab.expectNoErrors();
  });

  it('reaches 2024 from the news with a jump too: its December first', async () => {
    const page = await open();
    await page.locator('.histogram-bars button.bar[aria-label^="December 2024:"]').click();
    await page.locator('#status', { hasText: 'from December 2024 back' }).waitFor();
    expect(await firstDate(page)).toBe('19 Dec 2024');
    tab.expectNoErrors();
  });
});
