import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import {
  borderStyle,
  cardTitles,
  hasFocus,
  horizontalOverflow,
  launchChromium,
  openTab,
  SEEDED_EVENTS,
  startSeededApi,
  waitForCards,
  type SeededApi,
  type Tab,
} from './support/browser-harness';

/** The public page on the seeded article: reading, filtering, sharing a view, opening an item's history. */
describe('the timeline page', () => {
  let api: SeededApi;
  let browser: Browser;
  let tab: Tab;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('timeline'), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(async () => {
    await tab?.close();
  });

  const open = async (path = '/', viewport?: { width: number; height: number }) => {
    tab = await openTab(browser, api.baseUrl, viewport);
    await tab.page.goto(path);
    return tab.page;
  };

  it('shows the seeded timeline newest first, grouped by year and month, scheduled items marked', async () => {
    const page = await open();
    await page
      .locator('.card')
      .nth(SEEDED_EVENTS - 1)
      .waitFor();
    const titles = await cardTitles(page);
    expect(titles).toHaveLength(SEEDED_EVENTS);
    expect(titles[SEEDED_EVENTS - 1]).toContain('French leader visits Uzbekistan');
    expect(titles[SEEDED_EVENTS - 2]).toContain('Xi unveils');
    expect(titles[0]).toContain('Erdoğan to visit Astana');
    expect(await page.locator('.year-heading').allTextContents()).toEqual(['2023', '1994']);
    expect(await page.locator('.month-heading').allTextContents()).toEqual([
      'November',
      'October',
      'June',
      'May',
      'During the year',
    ]);
    const dates = await page.locator('.card-date').allTextContents();
    expect(dates.slice(-4)).toEqual(['week of 23 Oct 2023', 'June 2023', '18–19 May 2023', '1994']);
    expect(dates.slice(0, 2)).toEqual(['2–3 Nov 2023', '1–2 Nov 2023']);

    const scheduled = page.locator('.card[data-status="scheduled"]');
    expect(await scheduled.count()).toBe(2);
    expect(await scheduled.locator('.badge-scheduled').allTextContents()).toEqual(['Scheduled', 'Scheduled']);
    expect(await borderStyle(scheduled.first())).toBe('dashed');
    expect(await borderStyle(page.locator('.card[data-status="occurred"]').first())).toBe('solid');

    const quote = page.locator('.card .quote').first();
    expect(await quote.getAttribute('lang')).toBe('ar');
    expect(await quote.getAttribute('dir')).toBe('rtl');
    expect(
      await page
        .locator('.card')
        .nth(SEEDED_EVENTS - 2)
        .locator('.badge-corrected')
        .textContent(),
    ).toBe('Corrected');

    // The README's screenshot: refreshed on request (UPDATE_SCREENSHOT=1), so test runs leave the tree clean.
    if (process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync('docs', { recursive: true });
      await page.screenshot({ path: 'docs/timeline.png' });
    }
    tab.expectNoErrors();
  });

  it('narrows to a country, puts it in the URL, and keeps it on reload and through Back', async () => {
    const page = await open();
    await page
      .locator('.card')
      .nth(SEEDED_EVENTS - 1)
      .waitFor();
    await page.getByLabel('Country').fill('rus');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\?country=RUS$/);
    await waitForCards(page, 2);
    const titles = await cardTitles(page);
    expect(titles[0]).toContain('Lavrov'); // newest first
    expect(titles[1]).toContain('Shevtsov');

    await page.reload();
    await waitForCards(page, 2);
    expect(await page.getByLabel('Country').inputValue()).toBe('RUS');
    expect(await cardTitles(page)).toEqual(titles);

    await page.goBack();
    await waitForCards(page, SEEDED_EVENTS);
    expect(await page.getByLabel('Country').inputValue()).toBe('');
    tab.expectNoErrors();
  });

  it('applies a shared URL with several filters, and the actor list', async () => {
    const page = await open('/?type=04&from=2023-11-03&status=scheduled');
    await waitForCards(page, 1);
    expect((await cardTitles(page))[0]).toContain('Erdoğan');
    expect(await page.getByLabel('Type').inputValue()).toBe('04');
    expect(await page.locator('#more-filters').getAttribute('open')).not.toBeNull();

    await page.goto('/');
    await page
      .locator('.card')
      .nth(SEEDED_EVENTS - 1)
      .waitFor();
    await page.locator('#f-actor option[value="sergey-lavrov"]').waitFor({ state: 'attached' });
    await page.getByLabel('Actor').selectOption('sergey-lavrov');
    await page.waitForURL(/\?actor=sergey-lavrov$/);
    await waitForCards(page, 1);
    expect((await cardTitles(page))[0]).toContain('Lavrov');
    tab.expectNoErrors();
  });

  it('shows the API’s message next to a filter it refuses', async () => {
    const page = await open('/?country=XX');
    const error = page.locator('.field:has(#f-country) .field-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('ISO 3166-1 alpha-3');
    expect(await page.locator('#f-country').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.card').count()).toBe(0);
    tab.expectNoErrors([400]);
  });

  it('shows the timeline "as of" an earlier instant: before the correction, the Xi item is as first recorded', async () => {
    const xi = (await request(api.app.getHttpServer()).get('/api/timeline?q=Xi')).body.items[0];
    const history = (await request(api.app.getHttpServer()).get(`/api/events/${xi.id}/history`)).body;
    const firstRecorded: string = history.events[0].recordedAt;
    const page = await open(`/?asOf=${encodeURIComponent(firstRecorded)}`);
    await page.locator('#as-of-banner').waitFor();
    const card = page.locator('.card', { hasText: 'Xi unveils' });
    await card.waitFor();
    expect(await card.locator('.card-date').textContent()).toBe('May 2023');
    expect(await card.locator('.badge-corrected').count()).toBe(0);
    expect(await card.locator('.place').textContent()).toContain('G7 summit');
    expect(await page.locator('#f-asof').inputValue()).toBe(firstRecorded.slice(0, 16));

    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.waitForURL((url) => !url.search.includes('asOf'));
    await page.locator('#as-of-banner').waitFor({ state: 'hidden' });
    await page.locator('.card .card-date', { hasText: '18–19 May 2023' }).waitFor();
    tab.expectNoErrors();
  });

  it('pages with "Load more"', async () => {
    const page = await open('/?limit=4');
    await waitForCards(page, 4);
    const more = page.getByRole('button', { name: 'Load more' });
    await more.click();
    await waitForCards(page, 8);
    await more.click();
    await waitForCards(page, SEEDED_EVENTS);
    expect(await more.isHidden()).toBe(true);
    expect((await cardTitles(page)).at(-1)).toContain('French leader visits Uzbekistan');
    tab.expectNoErrors();
  });

  it('opens an item with the keyboard: its source, and its history with the G7 correction; Escape closes', async () => {
    const page = await open();
    const xi = page.locator('.card-open', { hasText: 'Xi unveils' });
    await xi.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('#detail-title').textContent()).toContain('Xi unveils');
    expect(await dialog.locator('.source .quote').getAttribute('dir')).toBe('rtl');

    const corrected = dialog.locator('.history-corrected');
    await corrected.waitFor();
    expect(await dialog.locator('.history-kind').allTextContents()).toEqual(['Recorded', 'Corrected']);
    expect(await corrected.locator('.history-reason').textContent()).toContain('G7');
    const place = corrected.locator('.change', { hasText: 'Place' });
    expect(await place.locator('del').textContent()).toContain('G7 summit');
    expect(await place.locator('ins').textContent()).toContain("Xi'an");

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(xi)).toBe(true);
    tab.expectNoErrors();
  });

  it('fits a 375 px phone without horizontal scrolling, detail included', async () => {
    const page = await open('/', { width: 375, height: 800 });
    await page
      .locator('.card')
      .nth(SEEDED_EVENTS - 1)
      .waitFor();
    expect(await horizontalOverflow(page.locator('html'))).toBeLessThanOrEqual(0);
    await page.locator('.card-open', { hasText: 'Xi unveils' }).click();
    const dialog = page.locator('dialog#detail');
    await dialog.locator('.history-corrected').waitFor();
    expect(await horizontalOverflow(dialog)).toBeLessThanOrEqual(0);
    expect(await dialog.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(375);
    tab.expectNoErrors();
  });
});
