import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { TEST_ADMIN_TOKEN } from '../support/api';
import {
  hasFocus,
  launchChromium,
  localStorageLength,
  openTab,
  SEEDED_EVENTS,
  sessionItem,
  setSessionItem,
  startSeededApi,
  type SeededApi,
  type Tab,
} from './support/browser-harness';

/** The admin panel: the token for the tab only, recording, the server's field messages, correcting, retracting. */
describe('the admin panel', () => {
  let api: SeededApi;
  let browser: Browser;
  let tab: Tab;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('admin'), launchChromium()]);
  });
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
    await tab.page
      .locator('.card')
      .nth(SEEDED_EVENTS - 1)
      .waitFor();
    return tab.page;
  };

  const signIn = async (page: Page) => {
    await page.getByRole('button', { name: 'Admin' }).click();
    const admin = page.locator('dialog#admin');
    await admin.getByLabel('API token').fill(TEST_ADMIN_TOKEN);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText(/Signed in as .* for this tab\./).waitFor();
    return admin;
  };

  const submitSource = async (admin: ReturnType<Page['locator']>) => {
    await admin.getByText('Register a source').click();
    const form = admin.locator('form.source-form');
    await form.getByLabel('Title').fill('Blinken arrives in Astana');
    await form.getByLabel('URL').fill('https://example.org/blinken-astana');
    await form.getByLabel('Language').fill('en');
    await form.getByLabel('Published on').fill('2023-11-01');
    await form.getByRole('button', { name: 'Register source' }).click();
    return form;
  };

  /** Registers a source through its form; the record form's source id is filled in with it. */
  const registerSource = async (admin: ReturnType<Page['locator']>) => {
    await (await submitSource(admin)).getByText('Registered.').waitFor();
    const sourceId = await admin.getByLabel('Source id').inputValue();
    expect(sourceId).toMatch(/^[0-9a-f-]{36}$/);
    return sourceId;
  };

  const fillEvent = async (admin: ReturnType<Page['locator']>, title: string, country: string) => {
    const form = admin.locator('form.record-form');
    await form.getByLabel('Type (CAMEO code)').fill('042');
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByLabel('Name').fill('Antony Blinken');
    await form.getByLabel('Country', { exact: true }).fill(country);
    await form.getByLabel('Place', { exact: true }).fill('Astana');
    await form.getByLabel('Date as the source says it').fill('on Thursday');
    await form.getByLabel('Direction').selectOption('future');
    await form.getByLabel('Quote').fill('Blinken will visit Astana on Thursday.');
    return form;
  };

  it('asks for the token, refuses a wrong one, and keeps the right one in sessionStorage only', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Admin' }).click();
    const admin = page.locator('dialog#admin');
    await admin.getByLabel('API token').fill('not-the-admin-token-at-all');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    const refused = admin.locator('.field:has([name="token"]) .field-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('invalid admin token');

    await admin.getByLabel('API token').fill(TEST_ADMIN_TOKEN);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText(/Signed in as .* for this tab\./).waitFor();
    expect(await sessionItem(page, 'annals.adminToken')).toBe(TEST_ADMIN_TOKEN);
    expect(await localStorageLength(page)).toBe(0);
    expect(await tab.context.cookies()).toEqual([]);

    await page.keyboard.press('Escape');
    await admin.waitFor({ state: 'hidden' });
    expect(await hasFocus(page.locator('#admin-open'))).toBe(true);
    tab.expectNoErrors([401]);
  });

  it('records an event, which then appears on the timeline; the panel stays open for the next one', async () => {
    const page = await open();
    const admin = await signIn(page);
    await registerSource(admin);
    const title = `Blinken to visit Astana ${randomUUID().slice(0, 8)}`;
    const form = await fillEvent(admin, title, 'usa');
    expect(await form.getByLabel('Actor id').inputValue()).toBe('antony-blinken');
    await form.getByRole('button', { name: 'Record event' }).click();

    await form.locator('[role="status"]', { hasText: `Recorded “${title}”: it is on the timeline.` }).waitFor();
    expect(await admin.isVisible()).toBe(true);
    // Ready for the next event from the same source: the first field has focus, the source id is kept.
    expect(await hasFocus(form.getByLabel('Type (CAMEO code)'))).toBe(true);
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('Source id').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    const card = page.locator('.card', { hasText: title });
    expect(await card.locator('.card-date').textContent()).toBe('2 Nov 2023');
    expect(await page.locator('.card').count()).toBe(SEEDED_EVENTS + 1);

    await page.keyboard.press('Escape');
    await admin.waitFor({ state: 'hidden' });
    expect(await hasFocus(page.locator('#admin-open'))).toBe(true);
    tab.expectNoErrors();
  });

  it("shows the server's message next to the field it is about", async () => {
    const page = await open();
    const admin = await signIn(page);
    await registerSource(admin);
    const form = await fillEvent(admin, 'An event with a bad country', 'XX');
    await form.getByRole('button', { name: 'Record event' }).click();

    const message = form.locator('.field:has([name="actors.0.country"]) .field-error');
    await message.waitFor();
    expect(await message.textContent()).toContain('ISO 3166-1 alpha-3');
    const country = form.locator('[name="actors.0.country"]');
    expect(await country.getAttribute('aria-invalid')).toBe('true');
    expect(await hasFocus(country)).toBe(true);

    // Fixed, it goes through: the message is gone and the event is on the timeline.
    await country.fill('USA');
    await form.getByRole('button', { name: 'Record event' }).click();
    await page.locator('.card', { hasText: 'An event with a bad country' }).waitFor();
    tab.expectNoErrors([400]);
  });

  it('asks for the token again when the server refuses it, keeping the form', async () => {
    const page = await open();
    const admin = await signIn(page);
    await setSessionItem(page, 'annals.adminToken', 'a-token-that-was-revoked');
    await submitSource(admin);
    await admin.getByLabel('API token').waitFor();
    expect(await admin.locator('.token-form .notice').textContent()).toContain('invalid admin token');
    expect(await sessionItem(page, 'annals.adminToken')).toBeNull();

    await admin.getByLabel('API token').fill(TEST_ADMIN_TOKEN);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    expect(await admin.locator('form.source-form').getByLabel('Title').inputValue()).toBe('Blinken arrives in Astana');
    tab.expectNoErrors([401]);
  });

  it('says when someone else corrected the event first, and loads the latest version', async () => {
    const page = await open();
    await signIn(page);
    await page.keyboard.press('Escape');
    const card = page.locator('.card', { hasText: 'Lavrov' });
    await card.locator('.card-open').click();
    const detail = page.locator('dialog#detail');
    await detail.getByRole('button', { name: 'Correct…' }).click();

    // Meanwhile, another admin corrects the same event.
    const id = await card.getAttribute('data-id');
    await request(api.app.getHttpServer())
      .post(`/api/admin/events/${id}/corrections`)
      .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .send({ expectedVersion: 1, changes: { summary: 'Corrected elsewhere.' }, reason: 'A second admin.' })
      .expect(200);

    const form = detail.locator('form.correction-form');
    await form.getByLabel('Summary').fill('My own correction.');
    await form.getByLabel('Reason for the correction').fill('Mine.');
    await form.getByRole('button', { name: 'Save correction' }).click();
    const conflict = form.locator('.form-error');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('is at version 2, not 1');
    await conflict.getByRole('button', { name: 'Load the latest version' }).click();
    await detail.locator('.summary', { hasText: 'Corrected elsewhere.' }).waitFor();
    await detail.locator('.history-corrected').waitFor();
    tab.expectNoErrors([409]);
  });

  it('corrects an event and retracts it from its detail; the history keeps both with their reasons', async () => {
    const page = await open();
    const admin = await signIn(page);
    await registerSource(admin);
    const title = `Blinken meets Tokayev ${randomUUID().slice(0, 8)}`;
    await fillEvent(admin, title, 'USA');
    await admin.getByRole('button', { name: 'Record event' }).click();
    const card = page.locator('.card', { hasText: title });
    await card.waitFor();
    await admin.getByText('it is on the timeline').waitFor();
    await page.keyboard.press('Escape');

    await card.locator('.card-open').click();
    const detail = page.locator('dialog#detail');
    await detail.getByRole('button', { name: 'Correct…' }).click();
    const correction = detail.locator('form.correction-form');
    await correction.getByLabel('Place', { exact: true }).fill('Almaty');
    await correction.getByLabel('Reason for the correction').fill('The meeting moved to Almaty.');
    await correction.getByRole('button', { name: 'Save correction' }).click();

    const corrected = detail.locator('.history-corrected');
    await corrected.waitFor();
    expect(await corrected.locator('.history-reason').textContent()).toContain('moved to Almaty');
    expect(await corrected.locator('.change ins').textContent()).toContain('Almaty');
    await card.locator('.badge-corrected').waitFor();

    await detail.getByRole('button', { name: 'Retract…' }).click();
    await detail.getByLabel('Reason for the retraction').fill('The visit was a rumour.');
    await detail.getByRole('button', { name: 'Retract event' }).click();
    await detail.locator('.history-retracted').waitFor();
    expect(await detail.locator('.history-kind').allTextContents()).toEqual(['Recorded', 'Corrected', 'Retracted']);
    await page.locator('.card', { hasText: title }).waitFor({ state: 'detached' });
    tab.expectNoErrors();
  });
});
