import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { TEST_ADMIN_TOKEN } from '../support/api';
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
import { axeViolations } from './support/axe';

const ENGLISH =
  'Chinese President Xi Jinping met Russian Foreign Minister Sergei Lavrov in Beijing on Monday. ' +
  'The two signed an agreement on energy. ' +
  'Turkish President Recep Tayyip Erdogan will visit Astana next week.';
const ARABIC = 'وقال وزير الخارجية الروسي سيرغي لافروف الأسبوع الماضي إن بلاده تدعم المحادثات.';

/** "Add article": paste, review the proposals beside the text, accept and dismiss, see the timeline follow. */
describe('the "Add article" view', () => {
  let api: SeededApi;
  let browser: Browser;
  let tab: Tab;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('articles'), launchChromium()]);
  });
  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    await api?.close();
  });

  const openArticleForm = async () => {
    tab = await openTab(browser, api.baseUrl);
    const page = tab.page;
    await page.goto('/');
    await page
      .locator('.card')
      .nth(SEEDED_EVENTS - 1)
      .waitFor();
    await page.getByRole('button', { name: 'Admin' }).click();
    const admin = page.locator('dialog#admin');
    await admin.getByLabel('API token').fill(TEST_ADMIN_TOKEN);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText('Add article').click();
    return { page, admin, form: admin.locator('form.article-form') };
  };

  const submit = async (page: Page, form: ReturnType<Page['locator']>, text: string, language: string) => {
    await form.getByLabel('Title').fill('Talks in Beijing');
    await form.getByLabel('Published on').fill('2023-11-01');
    await form.getByLabel('Language').selectOption(language);
    await form.getByLabel('Article text').fill(`${text}\n${randomUUID()}`);
    await form.getByRole('button', { name: 'Propose statements' }).click();
    await page.locator('.proposal-card').first().waitFor();
  };

  it('pastes an article, accepts two proposals, dismisses one, and the timeline shows the two', async () => {
    const { page, admin, form } = await openArticleForm();
    await submit(page, form, ENGLISH, 'en');
    const review = admin.locator('.article-review');
    expect(await hasFocus(review.getByRole('heading', { name: 'Review the proposals' }))).toBe(true);
    expect(await review.locator('.article-text').getAttribute('dir')).toBe('auto');
    expect(await review.locator('mark.date-mention').allTextContents()).toEqual(['Monday', 'next week']);
    const cards = review.locator('.proposal-card');
    expect(await cards.count()).toBe(3);

    // Accept the first: focus moves on to the next proposal's Accept button.
    await cards.nth(0).getByRole('button', { name: 'Accept' }).click();
    await cards
      .nth(0)
      .getByText(/On the timeline/)
      .waitFor();
    expect(await hasFocus(cards.nth(1).getByRole('button', { name: 'Accept' }))).toBe(true);

    // Dismiss the second from the keyboard, with a reason.
    await page.keyboard.press('Tab');
    expect(await hasFocus(cards.nth(1).getByRole('button', { name: 'Dismiss…' }))).toBe(true);
    await page.keyboard.press('Enter');
    const reason = cards.nth(1).getByLabel('Why dismiss it?');
    expect(await hasFocus(reason)).toBe(true);
    await reason.fill('Part of the meeting, not an act of its own');
    await cards.nth(1).getByRole('button', { name: 'Dismiss proposal' }).click();
    await cards.nth(1).getByText('Dismissed.').waitFor();
    expect(await hasFocus(cards.nth(2).getByRole('button', { name: 'Accept' }))).toBe(true);

    // Accept the third with an edited title.
    await cards.nth(2).getByText('Edit before accepting').click();
    await cards.nth(2).getByLabel('Title').fill('Erdoğan to visit Astana');
    await cards.nth(2).getByRole('button', { name: 'Accept' }).click();
    await cards
      .nth(2)
      .getByText(/On the timeline/)
      .waitFor();
    await review.getByText('3 proposals, 0 left to decide.').waitFor();

    await admin.getByRole('button', { name: 'Close' }).click();
    await waitForCards(page, SEEDED_EVENTS + 2);
    const titles = await cardTitles(page);
    expect(titles).toEqual(expect.arrayContaining([expect.stringMatching(/^Xi Jinping: /), 'Erdoğan to visit Astana']));
    tab.expectNoErrors();
    await tab.close();
  });

  it('flags a report of a seeded event as a likely duplicate and attaches the article as another source', async () => {
    const { page, admin, form } = await openArticleForm();
    await submit(
      page,
      form,
      'French President Emmanuel Macron held talks with Kazakh President Kassym-Jomart Tokayev in Astana on Wednesday.',
      'en',
    );
    const card = admin.locator('.proposal-card').first();
    const duplicate = card.getByRole('group', { name: 'Likely duplicate' });
    await duplicate.getByRole('button', { name: 'Attach as another source' }).click();
    await card.getByText(/Attached as another source\. On the timeline/).waitFor();
    await admin.getByRole('button', { name: 'Close' }).click();
    // The seeded talks now have two sources: the seed article and this one, listed in the item's detail.
    const { body } = await request(api.app.getHttpServer()).get('/api/timeline?from=2023-11-01&to=2023-11-01');
    const talks = body.items.find((item: { sources: unknown[] }) => item.sources.length === 2);
    expect(talks).toBeDefined();
    expect(talks.sources[1]).toMatchObject({ title: 'Talks in Beijing', language: 'en' });
    await page.locator('.card .card-open', { hasText: talks.title }).click();
    const detail = page.locator('dialog#detail');
    await detail.getByRole('heading', { name: 'Sources' }).waitFor();
    await detail.getByText('Talks in Beijing').waitFor();
    tab.expectNoErrors();
  });

  it('shows an Arabic article right to left, its dates marked, axe-clean; a refused edit is shown at its field', async () => {
    const { page, admin, form } = await openArticleForm();
    await submit(page, form, ARABIC, 'ar');
    const article = admin.locator('.article-text');
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.getAttribute('lang')).toBe('ar');
    expect(await article.locator('mark.date-mention').allTextContents()).toEqual(['الأسبوع الماضي']);
    expect(await admin.locator('.proposal-quote').first().getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);

    // An edit the server refuses: the message stands beside the field, in the edit section opened for it.
    const card = admin.locator('.proposal-card').first();
    await card.getByText('Edit before accepting').click();
    await card.getByLabel('Type (CAMEO code)').fill('999');
    await card.getByText('Edit before accepting').click();
    await card.getByRole('button', { name: 'Accept' }).click();
    const type = card.getByLabel('Type (CAMEO code)');
    await card.locator('.field-error').first().waitFor();
    expect(await type.getAttribute('aria-invalid')).toBe('true');
    expect(await hasFocus(type)).toBe(true);
    tab.expectNoErrors([400]);
  });
});
