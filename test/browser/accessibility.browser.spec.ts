import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Locator, Page } from 'playwright-core';
import { TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';
import { axeViolations } from './support/axe';
import {
  hasFocus,
  launchChromium,
  openTab,
  SEEDED_EVENTS,
  setSessionItem,
  startSeededApi,
  waitForCards,
  type SeededApi,
  type Tab,
} from './support/browser-harness';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const ARABIC_TITLE = 'زيارة رسمية إلى أستانا';
const MIXED_SUMMARY = 'France «شريك رئيسي» — 3 agreements';

/** What the element with focus is: never <body> after an action that replaced what had it. */
const focused = (page: Page) =>
  page.locator('html').evaluate((html) => {
    const el = html.ownerDocument.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}` : '';
  });

/** Text nodes with Arabic letters that lack an Arabic lang or an isolating ancestor inside `root`. */
const unmarkedArabic = (root: Locator) =>
  root.evaluate((el) => {
    const doc = el.ownerDocument;
    const walker = doc.createTreeWalker(el, 4);
    const bad: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/[\u0600-\u06FF]/.test(node.textContent ?? '')) continue;
      const parent = node.parentElement!;
      const langEl = parent.closest('[lang]');
      const lang = langEl && langEl !== doc.documentElement ? langEl.getAttribute('lang') : null;
      const isolating = parent.closest('bdi, [dir="rtl"], [dir="auto"]');
      if (!lang?.startsWith('ar') || !isolating || !el.contains(isolating)) bad.push(node.textContent!.trim());
    }
    return bad;
  });

/** Each form control's border against the colours on either side of it (its own and its container's background). */
const borderContrasts = (form: Locator) =>
  form.evaluate((root) => {
    const view = root.ownerDocument.defaultView!;
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = [r, g, b].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const background = (start: typeof root) => {
      for (let e: typeof root | null = start; e; e = e.parentElement) {
        const colour = rgba(view.getComputedStyle(e).backgroundColor);
        if (colour.length === 3 || colour[3] > 0) return colour;
      }
      return [255, 255, 255];
    };
    return [...root.querySelectorAll('input:not([type="radio"]), select, textarea')].map((el) => {
      const border = rgba(view.getComputedStyle(el).borderTopColor);
      const least = Math.min(ratio(border, background(el)), ratio(border, background(el.parentElement!)));
      return { name: el.getAttribute('name'), ratio: Math.round(least * 100) / 100 };
    });
  });

// Recorded before any page script runs: every live region (role=status or aria-live) added to the page, with the
// text it had when it arrived. A region that arrives with its text already in it is often not announced.
const RECORD_LIVE_REGIONS = `
  window.liveRegionsAdded = [];
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        for (const el of [node, ...node.querySelectorAll('*')])
          if (el.matches('[role="status"], [aria-live]'))
            window.liveRegionsAdded.push({ text: el.textContent, dialog: el.closest('dialog')?.id ?? null });
      }
  }).observe(document, { childList: true, subtree: true });
`;

/** Every accessibility item of issue 11, and axe-core (WCAG 2.1 A and AA) at zero on each view. */
describe('accessibility that survives updates', () => {
  let api: SeededApi;
  let browser: Browser;
  let tab: Tab;
  const ids: Record<string, string> = {};
  let xi: { id: string; firstRecordedAt: string };
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    [api, browser] = await Promise.all([startSeededApi('a11y'), launchChromium()]);
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    const record = async (key: string, overrides: Record<string, unknown>) => {
      ids[key] = (
        await http()
          .post('/api/admin/events')
          .set(auth)
          .send(aDiplomaticEventBody(sourceId, { date: { start: '2023-11-04' }, ...overrides }))
          .expect(201)
      ).body.id;
    };
    await record('arabic', {
      title: ARABIC_TITLE,
      summary: MIXED_SUMMARY,
      actors: [
        { id: 'emmanuel-macron', name: 'إيمانويل ماكرون', country: 'FRA', role: 'initiator' },
        { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', country: 'KAZ', role: 'target' },
      ],
      location: { name: 'أستانا', country: 'KAZ' },
      date: { expression: 'يوم الأربعاء', direction: 'past' },
    });
    await record('correctMe', { title: 'Talks to correct' });
    await record('retractMe', { title: 'Talks to retract' });
    await eventually(async () => {
      const res = await http().get(`/api/events/${ids.arabic}`);
      return res.status === 200 ? true : undefined;
    });
    await http()
      .post(`/api/admin/events/${ids.arabic}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { location: { name: 'ألماتي', country: 'KAZ' } }, reason: 'نقل الاجتماع' })
      .expect(200);
    const found = (await http().get('/api/timeline?q=Xi')).body.items[0];
    const history = (await http().get(`/api/events/${found.id}/history`)).body;
    xi = { id: found.id, firstRecordedAt: history.events[0].recordedAt };
    await eventually(async () => {
      const res = await http().get(`/api/events/${ids.arabic}`);
      const others = await Promise.all([ids.correctMe, ids.retractMe].map((id) => http().get(`/api/events/${id}`)));
      return res.body.version === 2 && others.every((o) => o.status === 200) ? true : undefined;
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(async () => {
    await tab?.close();
  });

  const open = async (path = '/', { signedIn = false, cards = true } = {}) => {
    tab = await openTab(browser, api.baseUrl);
    await tab.page.addInitScript(RECORD_LIVE_REGIONS);
    await tab.page.goto(path);
    if (signedIn) await setSessionItem(tab.page, 'annals.adminToken', TEST_ADMIN_TOKEN);
    if (cards) await tab.page.locator('#status', { hasText: /^Showing events/ }).waitFor();
    return tab.page;
  };
  /** Whether the retraction test has run yet (jest may order them otherwise one day). */
  const retracted = async () => ((await http().get(`/api/events/${ids.retractMe}`)).status === 410 ? 1 : 0);
  const openDetail = async (page: Page, id: string) => {
    await page.locator(`article[data-id="${id}"] .card-open`).click();
    const dialog = page.locator('dialog#detail');
    await dialog.locator('.history-entry').first().waitFor();
    return dialog;
  };

  describe('axe-core finds no WCAG 2.1 A/AA violation', () => {
    it('on the timeline with its histogram, light and dark', async () => {
      const page = await open();
      await page.locator('.histogram-bars button.bar').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page)).toEqual([]);
      tab.expectNoErrors();
    });

    it('on an item’s detail with its history, and with the correction form open', async () => {
      const page = await open('/', { signedIn: true });
      const dialog = await openDetail(page, xi.id);
      await dialog.locator('.history-corrected').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Correct…' }).click();
      await dialog.locator('form.correction-form').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      tab.expectNoErrors();
    });

    it('on the admin panel, signed out (saying where the generated token is kept) and signed in', async () => {
      const page = await open();
      await page.getByRole('button', { name: 'Admin' }).click();
      const admin = page.locator('dialog#admin');
      await admin.getByLabel('API token').waitFor();
      expect(await admin.locator('.token-where').textContent()).toContain('.data/admin-token');
      expect(await axeViolations(page)).toEqual([]);
      await admin.getByLabel('API token').fill(TEST_ADMIN_TOKEN);
      await admin.getByRole('button', { name: 'Sign in' }).click();
      await admin.getByText('Register a source').click();
      await admin.locator('form.source-form').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      tab.expectNoErrors();
    });

    it('on the "as of" view, whose history marks the versions recorded after the moment shown', async () => {
      const page = await open(`/?asOf=${encodeURIComponent(xi.firstRecordedAt)}`);
      const dialog = await openDetail(page, xi.id);
      await dialog.locator('.history-corrected').waitFor();
      expect(await dialog.locator('.history-recorded.history-later').count()).toBe(0);
      const later = dialog.locator('.history-corrected.history-later');
      expect(await later.locator('.badge-later').textContent()).toBe('After the moment shown');
      expect(await axeViolations(page)).toEqual([]);
      tab.expectNoErrors();
    });
  });

  describe('focus never falls to <body>', () => {
    it('after "Load more": it goes to the first card the page brought, also when the button goes', async () => {
      const all = SEEDED_EVENTS + 3 - (await retracted());
      const page = await open('/?limit=5');
      await page.getByRole('button', { name: 'Load more' }).focus();
      await page.keyboard.press('Enter');
      await waitForCards(page, 10);
      expect(await hasFocus(page.locator('.card-open').nth(5))).toBe(true);
      await page.getByRole('button', { name: 'Load more' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#status', { hasText: `Showing events 1–${all} of ${all}.` }).waitFor();
      expect(await page.getByRole('button', { name: 'Load more' }).isHidden()).toBe(true);
      expect(await hasFocus(page.locator('.card-open').nth(10))).toBe(true);
      tab.expectNoErrors();
    });

    it('after saving a correction, and after a retraction: it stays in the dialog', async () => {
      const page = await open('/', { signedIn: true });
      let dialog = await openDetail(page, ids.correctMe);
      await dialog.getByRole('button', { name: 'Correct…' }).click();
      const form = dialog.locator('form.correction-form');
      await form.getByLabel('Summary').fill('Corrected in the page.');
      await form.getByLabel('Reason for the correction').fill('A better summary.');
      await form.getByRole('button', { name: 'Save correction' }).press('Enter');
      await dialog.locator('.history-corrected').waitFor();
      expect(await focused(page)).toBe('h2#detail-title');

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      dialog = await openDetail(page, ids.retractMe);
      await dialog.getByRole('button', { name: 'Retract…' }).click();
      await dialog.getByLabel('Reason for the retraction').fill('The talks never took place.');
      await dialog.getByRole('button', { name: 'Retract event' }).press('Enter');
      await dialog.locator('.history-retracted').waitFor();
      expect(await focused(page)).toBe('h2#detail-title');
      tab.expectNoErrors();
    });

    it('after "Back to now": it goes to the timeline', async () => {
      const page = await open(`/?asOf=${encodeURIComponent(xi.firstRecordedAt)}`);
      await page.getByRole('button', { name: 'Back to now' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.search.includes('asOf'));
      await page.locator('#as-of-banner').waitFor({ state: 'hidden' });
      expect(await focused(page)).toBe('div#timeline.timeline');
      tab.expectNoErrors();
    });
  });

  it('puts notices inside dialogs into live regions that were on the page before their text', async () => {
    const page = await open('/', { signedIn: true });
    const dialog = await openDetail(page, ids.correctMe);
    await dialog.getByRole('button', { name: 'Correct…' }).click();
    const form = dialog.locator('form.correction-form');
    await form.getByLabel('Title', { exact: true }).fill('Talks corrected again');
    await form.getByLabel('Reason for the correction').fill('The title was wrong.');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await dialog.locator('[role="status"]', { hasText: 'Correction saved.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Admin' }).click();
    const admin = page.locator('dialog#admin');
    await admin.getByText('Register a source').click();
    const source = admin.locator('form.source-form');
    await source.getByLabel('Title').fill('A wire report');
    await source.getByLabel('Language').fill('en');
    await source.getByLabel('Published on').fill('2023-11-01');
    await source.getByRole('button', { name: 'Register source' }).click();
    await source.locator('[role="status"]', { hasText: 'Registered.' }).waitFor();

    const added: { text: string; dialog: string | null }[] = await page.evaluate('window.liveRegionsAdded');
    const inDialogs = added.filter((region) => region.dialog !== null);
    expect(inDialogs.filter((r) => r.dialog === 'detail').length).toBeGreaterThanOrEqual(2);
    expect(inDialogs.filter((r) => r.dialog === 'admin').length).toBeGreaterThanOrEqual(2);
    expect(inDialogs.filter((region) => region.text !== '')).toEqual([]);
    tab.expectNoErrors();
  });

  it('asks before Escape throws away a half-typed correction, and closes at once when nothing was typed', async () => {
    const page = await open('/', { signedIn: true });
    const prompts: string[] = [];
    let answer = false;
    page.on('dialog', (prompt) => {
      prompts.push(prompt.message());
      void (answer ? prompt.accept() : prompt.dismiss());
    });
    const dialog = await openDetail(page, xi.id);
    await dialog.getByRole('button', { name: 'Correct…' }).click();
    const reason = dialog.getByLabel('Reason for the correction');
    await reason.fill('Half a reas');
    await page.keyboard.press('Escape');
    expect(prompts).toEqual([expect.stringContaining('Discard what you typed?')]);
    expect(await dialog.isVisible()).toBe(true);
    expect(await reason.inputValue()).toBe('Half a reas');

    await reason.press('o');
    answer = true;
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(prompts).toHaveLength(2);

    await openDetail(page, xi.id);
    await dialog.getByRole('button', { name: 'Correct…' }).click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(prompts).toHaveLength(2);
    tab.expectNoErrors();
  });

  it('follows the skip link to the timeline without fetching it again', async () => {
    const page = await open();
    let fetched = 0;
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/timeline') fetched += 1;
    });
    await page.keyboard.press('Tab');
    expect(await hasFocus(page.locator('.skip-link'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1_000);
    expect(fetched).toBe(0);
    expect(await focused(page)).toBe('div#timeline.timeline');
    tab.expectNoErrors();
  });

  it('applies the actor chosen with the arrow keys once, with one history entry', async () => {
    const page = await open();
    await page.locator('#f-actor option[value="sergey-lavrov"]').waitFor({ state: 'attached' });
    let fetched = 0;
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/timeline') fetched += 1;
    });
    const historyLength = () => page.evaluate('history.length') as Promise<number>;
    const entries = await historyLength();
    await page.locator('#f-actor').focus();
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(120);
    }
    const chosen = await page.locator('#f-actor').inputValue();
    const third = await page.locator('#f-actor option').nth(3).getAttribute('value');
    expect(chosen).toBe(third);
    await page.waitForURL(new RegExp(`\\?actor=${chosen}$`));
    await page.waitForTimeout(1_200);
    expect(fetched).toBe(1);
    expect(await historyLength()).toBe(entries + 1);
    tab.expectNoErrors();
  });

  it('draws form control borders at 3:1 or more against their surroundings, light and dark', async () => {
    const page = await open();
    await page.locator('#more-filters summary').click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const contrasts = await borderContrasts(page.locator('#filters'));
      expect(contrasts.length).toBeGreaterThanOrEqual(8);
      expect(contrasts.filter((c) => c.ratio < 3)).toEqual([]);
    }
    tab.expectNoErrors();
  });

  it('marks Arabic outside quotes (actor names, places, titles, summaries, history date words) with lang and bdi', async () => {
    const page = await open();
    const card = page.locator(`article[data-id="${ids.arabic}"]`);
    expect(await card.locator('.card-open').textContent()).toBe(ARABIC_TITLE);
    expect(await unmarkedArabic(page.locator('#timeline'))).toEqual([]);
    const dialog = await openDetail(page, ids.arabic);
    await dialog.locator('.history-corrected').waitFor();
    expect(await unmarkedArabic(dialog)).toEqual([]);
    // The mixed summary: the Arabic words isolated inside, the sentence kept in its order.
    const summary = dialog.locator('.summary');
    expect(await summary.textContent()).toBe(MIXED_SUMMARY);
    expect(await summary.locator('bdi[lang="ar"]').textContent()).toBe('شريك رئيسي');
    expect(await dialog.locator('.history-facts bdi[lang="ar"]').allTextContents()).toEqual([
      ARABIC_TITLE,
      'يوم الأربعاء',
    ]);
    tab.expectNoErrors();
  });

  it('keeps the filter fields in place when the API refuses the country', async () => {
    const boxes = async (page: Page) =>
      Promise.all(
        ['#f-q', '#f-actor', '#f-country', '#filters button[type="submit"]'].map(async (selector) => {
          const box = await page.locator(selector).boundingBox();
          return [selector, Math.round(box!.y), Math.round(box!.height)];
        }),
      );
    let page = await open();
    const before = await boxes(page);
    await tab.close();
    page = await open('/?country=XX', { cards: false });
    await page.locator('.field:has(#f-country) .field-error').waitFor();
    expect(await boxes(page)).toEqual(before);
    tab.expectNoErrors([400]);
  });
});
