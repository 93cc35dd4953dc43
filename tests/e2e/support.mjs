// What every end-to-end suite needs: the served URL, a Chromium launched
// like CI launches it, and waits on the page's own markers (the engine
// status and each pane's run counter) instead of fixed sleeps.
import { chromium } from 'playwright-core';

export const url = process.env.SEEKSCAN_URL;
export const shots = process.env.SEEKSCAN_SHOTS ?? '.';
const flags = (process.env.SEEKSCAN_CHROMIUM_FLAGS ?? '--headless --no-sandbox').split(' ');

export function launch() {
  if (!url) throw new Error('SEEKSCAN_URL names the served dist/');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
}

// A browser with one page opened at `query` (after the served URL) and
// ready, and the page's uncaught errors as they come.
// A browser left open keeps node's test runner alive: one whose page never
// gets ready is closed before the failure is reported.
export async function openReady(query, viewport = { width: 1280, height: 900 }) {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport });
    const errors = collectErrors(page);
    await page.goto(`${url}${query}`);
    await waitReady(page, 180_000, errors);
    return { browser, page, errors };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

// Collects uncaught errors so a suite can assert there were none.
export function collectErrors(target) {
  const errors = [];
  target.on('pageerror', (error) => errors.push(error.message));
  target.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

// A page that is not ready in time fails with what it showed instead.
export async function waitReady(target, timeout = 180_000, errors = []) {
  await target
    .waitForFunction(
      () => document.querySelector('[data-testid=engine-status]')?.textContent === 'ready',
      null,
      { timeout },
    )
    .catch(async (error) => {
      throw new Error(`${error.message}\n${await pageState(target, errors)}`);
    });
}

// A page's (or frame's) status line, its workers and the errors collected.
export async function pageState(target, errors = []) {
  const status = await target
    .evaluate(() => document.querySelector('.status')?.textContent ?? '(no status line)')
    .catch((e) => `(the page did not answer: ${e.message})`);
  const workers = typeof target.workers === 'function' ? target.workers().length : 'n/a';
  if (typeof target.screenshot === 'function') {
    await target.screenshot({ path: `${shots}/not-ready.png` }).catch(() => {});
  }
  return `status: ${status}; workers: ${workers}; errors: ${errors.join(' | ') || 'none'}`;
}

export const runOf = (target, slot) =>
  target.getAttribute(`[data-testid=pane-${slot}]`, 'data-run').then(Number);

// Waits until the given panes answer a run newer than `before`, and the engine is idle.
export async function waitPanes(target, before, slots = ['a', 'b'], timeout = 60_000) {
  await target.waitForFunction(
    ([previous, wanted]) =>
      wanted.every((s) => Number(document.querySelector(`[data-testid=pane-${s}]`)?.dataset.run) > previous) &&
      document.querySelector('[data-testid=engine-status]')?.textContent === 'ready',
    [before, slots],
    { timeout },
  );
}

// Types `sql`, clicks Run and waits for both panes to answer this run.
export async function runSql(target, sql) {
  await target.fill('[data-testid=sql-editor]', sql);
  const before = Math.max(await runOf(target, 'a'), await runOf(target, 'b'));
  await target.click('[data-testid=run]');
  await waitPanes(target, before);
}

export const text = (target, selector) => target.locator(selector).innerText();
