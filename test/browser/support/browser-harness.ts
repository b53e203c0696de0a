import { expect } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrate } from '@libs/platform';
import { startTestApi, TEST_ADMIN_TOKEN } from '../../support/api';
import { eventually } from '../../support/eventually';

export const SEEDED_EVENTS = 10;

export interface SeededApi {
  app: NestFastifyApplication;
  baseUrl: string;
  close: () => Promise<void>;
}

async function onServer(server: URL, sql: string): Promise<void> {
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The real API, listening on a free port, on a database of its own: the seed only runs on an empty store,
 * and the run's shared test database is not empty once other suites wrote to it.
 */
export async function startSeededApi(label: string): Promise<SeededApi> {
  const name = `annals_browser_${label}_${process.pid}_${Date.now()}`;
  const server = new URL(process.env.ANNALS_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? '');
  const url = new URL(server);
  url.pathname = `/${name}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  await migrate(url.toString());
  // Every request of a run comes from 127.0.0.1: lift the per-address admin rate limit above what a run sends.
  const app = await startTestApi({ DATABASE_URL: url.toString(), SEED_ON_START: 'true', ADMIN_RATE_LIMIT: '10000' });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  // The projector runs asynchronously: start once every read model has caught up with the seed (the Xi
  // correction comes last in the log) and the timeline shows it.
  await eventually(
    async () => {
      const status = await request(app.getHttpServer())
        .get('/api/admin/projections')
        .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`);
      const caughtUp = status.ok && status.body.projections.every((p: { lag: number }) => p.lag === 0);
      const timeline = await request(app.getHttpServer()).get('/api/timeline');
      return caughtUp && timeline.body.items?.length === SEEDED_EVENTS ? true : undefined;
    },
    15_000,
    200,
  );
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Fails on any page error or console error, except browser network notes for the given statuses. */
  expectNoErrors: (expectedStatuses?: number[]) => void;
  close: () => Promise<void>;
}

/** A fresh context (own sessionStorage and cookies) with every console error and page error collected. */
export async function openTab(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 900 },
): Promise<Tab> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return {
    context,
    page,
    expectNoErrors: (expectedStatuses = []) => {
      // Chrome itself logs every 4xx answer to fetch; a test that provokes one on purpose names its status.
      const expected = (text: string) =>
        expectedStatuses.some((status) =>
          text.startsWith(`console error: Failed to load resource: the server responded with a status of ${status}`),
        );
      expect(problems.filter((text) => !expected(text))).toEqual([]);
    },
    close: () => context.close(),
  };
}

// The specs compile without the DOM library (tsconfig is for Node), so page code reaches the window through an
// element handed in by Playwright rather than through browser globals.

/** Waits (up to 10 s) until the timeline shows exactly `count` cards. */
export function waitForCards(page: Page, count: number): Promise<void> {
  return page.locator('html').evaluate(
    (html, n) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 10_000;
        const check = () => {
          const shown = html.querySelectorAll('.card').length;
          if (shown === n) resolve();
          else if (Date.now() > deadline) reject(new Error(`expected ${n} cards, the page shows ${shown}`));
          else setTimeout(check, 25);
        };
        check();
      }),
    count,
  );
}

export function sessionItem(page: Page, key: string): Promise<string | null> {
  return page.locator('html').evaluate((html, k) => html.ownerDocument.defaultView.sessionStorage.getItem(k), key);
}

export function setSessionItem(page: Page, key: string, value: string): Promise<void> {
  return page
    .locator('html')
    .evaluate((html, [k, v]) => html.ownerDocument.defaultView.sessionStorage.setItem(k, v), [key, value]);
}

export function localStorageLength(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.ownerDocument.defaultView.localStorage.length);
}

export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.matches(':focus'));
}

export function borderStyle(locator: Locator): Promise<string> {
  return locator.evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).borderTopStyle);
}

/** How far the element's content is wider than its box (> 0: it scrolls sideways). */
export function horizontalOverflow(locator: Locator): Promise<number> {
  return locator.evaluate((el) => el.scrollWidth - el.clientWidth);
}

/** The titles of the timeline's cards, in page order. */
export function cardTitles(page: Page): Promise<string[]> {
  return page.locator('.card .card-open').allTextContents();
}
