import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { TEST_ADMIN_TOKEN } from '../support/api';
import {
  launchChromium,
  openTab,
  SEEDED_EVENTS,
  startSeededApi,
  type SeededApi,
  type Tab,
} from './support/browser-harness';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Two readers of the same timeline: one records through the admin panel, the other sees it without reloading. */
describe('the page, live', () => {
  let api: SeededApi;
  let browser: Browser;
  let watcher: Tab;
  let editor: Tab;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('live'), launchChromium()]);
    [watcher, editor] = await Promise.all([openTab(browser, api.baseUrl), openTab(browser, api.baseUrl)]);
    for (const tab of [watcher, editor]) {
      await tab.page.goto('/');
      await tab.page
        .locator('.card')
        .nth(SEEDED_EVENTS - 1)
        .waitFor();
    }
  }, 60_000);
  afterAll(async () => {
    await watcher?.close();
    await editor?.close();
    await browser?.close();
    await api?.close();
  });

  const recordThroughThePanel = async (page: Page, title: string) => {
    await page.getByRole('button', { name: 'Admin' }).click();
    const admin = page.locator('dialog#admin');
    await admin.getByLabel('API token').fill(TEST_ADMIN_TOKEN);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText(/Signed in as .* for this tab\./).waitFor();
    await admin.getByText('Register a source').click();
    const source = admin.locator('form.source-form');
    await source.getByLabel('Title').fill('Blinken arrives in Astana');
    await source.getByLabel('URL').fill('https://example.org/blinken-astana');
    await source.getByLabel('Language').fill('en');
    await source.getByLabel('Published on').fill('2023-11-01');
    await source.getByRole('button', { name: 'Register source' }).click();
    await source.getByText('Registered.').waitFor();
    const form = admin.locator('form.record-form');
    await form.getByLabel('Type (CAMEO code)').fill('042');
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByLabel('Name').fill('Antony Blinken');
    await form.getByLabel('Country', { exact: true }).fill('USA');
    await form.getByLabel('Place', { exact: true }).fill('Astana');
    await form.getByLabel('Date as the source says it').fill('on Thursday');
    await form.getByLabel('Direction').selectOption('future');
    await form.getByLabel('Quote').fill('Blinken will visit Astana on Thursday.');
    await form.getByRole('button', { name: 'Record event' }).click();
    // The panel stays open for the next event once the timeline shows this one.
    await admin.getByText(/it is on the timeline/).waitFor();
    await page.keyboard.press('Escape');
    await admin.waitFor({ state: 'hidden' });
  };

  it("shows another page's new, corrected and retracted items without a reload; the writer does not poll", async () => {
    const navigations: string[] = [];
    watcher.page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const editorReads: string[] = [];
    editor.page.on('response', (r) => {
      const url = new URL(r.url());
      if (r.request().method() === 'GET' && url.pathname.startsWith('/api/'))
        editorReads.push(`${r.status()} ${url.pathname}${url.search}`);
    });

    const title = `Blinken to visit Astana ${randomUUID().slice(0, 8)}`;
    await recordThroughThePanel(editor.page, title);
    const seen = watcher.page.locator('.card', { hasText: title });
    await seen.waitFor({ timeout: 5000 });
    expect(await seen.evaluate((card) => card.classList.contains('is-new'))).toBe(true);
    expect(await watcher.page.locator('.card').count()).toBe(SEEDED_EVENTS + 1);
    // The writer asked for its own write with the write's position (again only after a 503: the server could not
    // reach it within MIN_POSITION_WAIT_MS on a busy machine), instead of polling history and the timeline.
    const id = (await seen.getAttribute('data-id')) as string;
    const waits = editorReads.filter((read) => read.includes(`/api/events/${id}?minPosition=`));
    expect(waits.at(-1)).toMatch(/^200 /);
    expect(waits.slice(0, -1).every((read) => read.startsWith('503 '))).toBe(true);
    expect(editorReads.filter((read) => read.includes('/history'))).toEqual([]);

    await http()
      .post(`/api/admin/events/${id}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { status: 'cancelled' }, reason: 'postponed' })
      .expect(200);
    await watcher.page.locator(`.card[data-id="${id}"][data-status="cancelled"]`).waitFor({ timeout: 5000 });
    expect(await watcher.page.locator(`.card[data-id="${id}"] .badge-corrected`).count()).toBe(1);

    await http()
      .post(`/api/admin/events/${id}/retraction`)
      .set(auth)
      .send({ expectedVersion: 2, reason: 'never planned' })
      .expect(200);
    await watcher.page.locator(`.card[data-id="${id}"]`).waitFor({ state: 'detached', timeout: 5000 });
    expect(await watcher.page.locator('.card').count()).toBe(SEEDED_EVENTS);
    expect(await watcher.page.locator('#status').textContent()).toContain('Retracted');
    expect(navigations).toEqual([]);
    watcher.expectNoErrors();
    editor.expectNoErrors([503]);
  });
});
