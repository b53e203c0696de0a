import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { TEST_ADMIN_TOKEN } from '../support/api';
import {
  launchChromium,
  openTab,
  sessionItem,
  startSeededApi,
  type SeededApi,
  type Tab,
} from './support/browser-harness';

/** An editor signs in with a token of their own; what they record carries their name into its history. */
describe('signing in as an editor', () => {
  let api: SeededApi;
  let browser: Browser;
  let tab: Tab;
  let editor: { name: string; token: string };

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('credentials'), launchChromium()]);
    const created = await request(api.app.getHttpServer())
      .post('/api/admin/credentials')
      .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .send({ name: 'Aigerim Nurlanqyzy', role: 'editor' })
      .expect(201);
    editor = created.body;
  });
  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    await api?.close();
  });

  it('signs in, shows who is signed in, records an event and shows the editor as its author', async () => {
    tab = await openTab(browser, api.baseUrl);
    const { page } = tab;
    await page.goto('/');
    await page.getByRole('button', { name: 'Admin' }).click();
    const admin = page.locator('dialog#admin');
    await admin.getByLabel('API token').fill(editor.token);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    const signedIn = admin.locator('.signed-in-as');
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toBe('Signed in as Aigerim Nurlanqyzy (editor) for this tab.');
    expect(await sessionItem(page, 'annals.adminToken')).toBe(editor.token);

    await admin.getByText('Register a source').click();
    const source = admin.locator('form.source-form');
    await source.getByLabel('Title').fill('Blinken arrives in Astana');
    await source.getByLabel('Language').fill('en');
    await source.getByLabel('Published on').fill('2023-11-01');
    await source.getByRole('button', { name: 'Register source' }).click();
    await source.getByText('Registered.').waitFor();

    const title = `Blinken meets Tokayev ${randomUUID().slice(0, 8)}`;
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

    const card = page.locator('.card', { hasText: title });
    await card.waitFor();
    await admin.getByText('it is on the timeline').waitFor();
    await page.keyboard.press('Escape'); // the panel stays open after recording
    await card.locator('.card-open').click();
    const author = page.locator('dialog#detail .history-recorded .history-author');
    await author.waitFor();
    expect(await author.textContent()).toBe('by Aigerim Nurlanqyzy');
    tab.expectNoErrors();
  });
});
