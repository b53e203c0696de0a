import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import {
  cardTitles,
  hasFocus,
  launchChromium,
  openTab,
  SEEDED_EVENTS,
  startSeededApi,
  waitForCards,
  type SeededApi,
  type Tab,
} from './support/browser-harness';

/** The histogram over time above the list, on the seeded article; and the links a page view can be shared by. */
describe('the histogram and the page’s links', () => {
  let api: SeededApi;
  let browser: Browser;
  let tab: Tab;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('histogram'), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(async () => {
    await tab?.close();
  });

  const open = async (path = '/') => {
    tab = await openTab(browser, api.baseUrl);
    await tab.page.goto(path);
    await tab.page.locator('.histogram-bars button.bar').first().waitFor();
    return tab.page;
  };
  const bar = (page: Page, month: string) => page.locator(`.histogram-bars button.bar[aria-label^="${month}:"]`);
  const barLabels = (page: Page) =>
    page.locator('.histogram-bars button.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label')));

  it('counts the events per month, with a break for the decades without any', async () => {
    const page = await open();
    await waitForCards(page, SEEDED_EVENTS);
    const stats = (await request(api.app.getHttpServer()).get('/api/timeline/stats?groupBy=month')).body;
    const labels = await barLabels(page);
    expect(labels).toHaveLength(stats.buckets.length);
    expect(labels[0]).toBe('January 1994: 1 event');
    expect(labels.at(-1)).toBe(`November 2023: ${stats.buckets.at(-1).count} events`);
    expect(await page.locator('.histogram-bars .bar-gap').count()).toBe(1);
    // July to September 2023 have no events: empty slots keep the axis linear, without a button to stop at.
    expect(await page.locator('.histogram-bars .bar-empty').count()).toBe(3);
    tab.expectNoErrors();
  });

  it('jumps the list to a month when it is clicked, without filtering, focus on its first card', async () => {
    const page = await open();
    await waitForCards(page, SEEDED_EVENTS);
    await bar(page, 'June 2023').click();
    await page.locator('#load-newer', { hasText: 'Back to the newest events' }).waitFor();
    expect(await page.locator('.month-heading').first().textContent()).toBe('June');
    expect(await page.locator('.card-date').first().textContent()).toBe('June 2023');
    expect(new URL(page.url()).search).toBe('');
    expect(await hasFocus(page.locator('.card-open').first())).toBe(true);

    await page.locator('#load-newer').click();
    await waitForCards(page, SEEDED_EVENTS);
    expect((await cardTitles(page))[0]).toContain('Erdoğan');
    tab.expectNoErrors();
  });

  it('sets the date filter by dragging across months, and marks them', async () => {
    const page = await open();
    await waitForCards(page, SEEDED_EVENTS);
    const from = await bar(page, 'May 2023').boundingBox();
    const to = await bar(page, 'October 2023').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/\?from=2023-05-01&to=2023-10-31$/);
    // The URL changes as the new view starts loading (aria-busy in the same task): read the cards once it has loaded.
    await page.locator('#timeline:not([aria-busy])').waitFor();
    const inRange = (await barLabels(page)).filter((l) => l?.endsWith(', in the date filter'));
    expect(inRange.map((l) => l!.split(':')[0])).toEqual(['May 2023', 'June 2023', 'October 2023']);
    const titles = await cardTitles(page);
    expect(titles.length).toBeGreaterThanOrEqual(3);
    expect(titles.some((t) => t.includes('Erdoğan'))).toBe(false); // November: outside
    expect(await page.getByLabel('From').inputValue()).toBe('2023-05-01');
    // The bars still count every month: the dates are the brush, not a filter of the histogram.
    expect(await barLabels(page)).toHaveLength(5);
    tab.expectNoErrors();
  });

  it('brushes with the keyboard: one tab stop, arrows move, Shift+arrows extend, Enter applies', async () => {
    const page = await open();
    await waitForCards(page, SEEDED_EVENTS);
    const tabStops = await page
      .locator('.histogram-bars button.bar')
      .evaluateAll((bars) => bars.filter((b) => b.getAttribute('tabindex') === '0').length);
    expect(tabStops).toBe(1);
    await bar(page, 'November 2023').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await hasFocus(bar(page, 'October 2023'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await page.locator('.histogram-readout').textContent()).toMatch(/^June 2023 – November 2023: \d+ events$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?from=2023-06-01&to=2023-11-30$/);
    tab.expectNoErrors();
  });

  it('counts with the other filters', async () => {
    const page = await open('/?country=RUS');
    await waitForCards(page, 2);
    const counts = (await barLabels(page)).map((l) => Number(/: (\d+) event/.exec(l!)![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    tab.expectNoErrors();
  });

  it('opens an item from its link /?event=<id>, as of a moment too, and says when the id is unknown', async () => {
    const http = request(api.app.getHttpServer());
    const xi = (await http.get('/api/timeline?q=Xi')).body.items[0];
    const history = (await http.get(`/api/events/${xi.id}/history`)).body;

    tab = await openTab(browser, api.baseUrl);
    const { page } = tab;
    await page.goto(`/?event=${xi.id}`);
    const dialog = page.locator('dialog#detail');
    await dialog.waitFor();
    expect(await dialog.locator('#detail-title').textContent()).toContain('Xi unveils');
    expect(await dialog.locator('.facts').textContent()).toContain("Xi'an");

    await page.goto(`/?event=${xi.id}&asOf=${encodeURIComponent(history.events[0].recordedAt)}`);
    await dialog.waitFor();
    expect(await dialog.locator('.facts').textContent()).toContain('G7 summit');

    await page.goto('/?event=00000000-0000-4000-8000-000000000000');
    await page.locator('#status', { hasText: 'The linked event does not exist.' }).waitFor();
    tab.expectNoErrors([404]);
  });

  it('links the exports with the filters on screen (webcal:// to subscribe) and the API docs', async () => {
    const page = await open('/?country=RUS');
    await waitForCards(page, 2);
    const port = new URL(api.baseUrl).port;
    expect(await page.locator('#export-webcal').getAttribute('href')).toBe(
      `webcal://127.0.0.1:${port}/api/timeline.ics?country=RUS`,
    );
    const http = request(api.app.getHttpServer());
    for (const id of ['export-ics', 'export-csv', 'export-timelinejs']) {
      const href = await page.locator(`#${id}`).getAttribute('href');
      expect(href).toMatch(/\?country=RUS$/);
      await http.get(href!).expect(200);
    }
    const docs = page.getByRole('link', { name: 'API documentation' });
    await http.get((await docs.getAttribute('href'))!).expect(200);
    tab.expectNoErrors();
  });
});
