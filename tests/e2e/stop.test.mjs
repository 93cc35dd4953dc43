// Stop at 1,000,000 audit events: a join that would read until the
// engine's limit ends in the worker when Stop is pressed (the page sets a
// shared flag the engine reads with its row and time limits), so the next
// statement answers at once instead of queueing behind it. Beside it, the
// other way to end a statement: replacing the worker, which reloads the data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { openReady, runOf, text, waitReady, waitPanes } from './support.mjs';

// Each audit row joined with every other: the engine reads until its limit
// on rows examined (50 million) or time (10 s), whichever comes first.
const CROSS_JOIN =
  'SELECT COUNT(*) FROM upstream_domainauditevent a JOIN upstream_domainauditevent b ON TRUE';
// A primary key seek: one row under either configuration.
const SEEK = 'SELECT id, action FROM upstream_domainauditevent WHERE id = 424242';

let browser;
let page;
let errors;

before(async () => {
  ({ browser, page, errors } = await openReady('?scale=1000000&reps=1', { width: 1280, height: 900 }));
  // Runs on the audit table wait for its background-built indexes: let them finish first.
  await page.waitForFunction(
    () => document.querySelector('[data-testid=background-build]')?.dataset.pending === '0',
    null,
    { timeout: 300_000 },
  );
});

after(async () => {
  await browser?.close();
});

test('the page is cross-origin isolated, so Stop can reach the worker', async () => {
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
});

test('Stop ends a 1M cross join in the worker; a seek right after answers within 1 s', async () => {
  const before = Math.max(await runOf(page, 'a'), await runOf(page, 'b'));
  await page.fill('[data-testid=sql-editor]', CROSS_JOIN);
  await page.click('[data-testid=run]');
  await page.waitForTimeout(1_500);
  // Still reading: the limit is seconds away.
  assert.equal(await text(page, '[data-testid=engine-status]'), 'running');
  const stopped = Date.now();
  await page.click('[data-testid=stop-run]');
  await page.fill('[data-testid=sql-editor]', SEEK);
  await page.click('[data-testid=run]');
  await waitPanes(page, before, ['a', 'b'], 15_000);
  const answered = Date.now() - stopped;
  console.log(`Stop to the seek's answer at 1M: ${answered} ms`);
  assert.ok(answered < 1_000, `${answered} ms from Stop to the seek's answer`);
  // The stopped join shows nowhere: the panes hold the seek, with no error.
  assert.equal(await page.locator('[data-testid=error]').count(), 0);
  assert.match(await text(page, '[data-testid=rows-b]'), /424242/);
});

test('the worker stays usable: a second Stop and run behave the same', async () => {
  const before = Math.max(await runOf(page, 'a'), await runOf(page, 'b'));
  await page.fill('[data-testid=sql-editor]', CROSS_JOIN);
  await page.click('[data-testid=run]');
  await page.waitForTimeout(1_000);
  const stopped = Date.now();
  await page.click('[data-testid=stop-run]');
  await page.fill('[data-testid=sql-editor]', SEEK);
  await page.click('[data-testid=run]');
  await waitPanes(page, before, ['a', 'b'], 15_000);
  console.log(`second Stop to the seek's answer at 1M: ${Date.now() - stopped} ms`);
  assert.ok(Date.now() - stopped < 1_000);
});

test('for comparison: replacing the worker instead (what a statement Stop cannot reach costs)', async () => {
  const worker = page.workers().find((w) => !w.url().includes('builder')) ?? page.workers().at(0);
  const replaced = page.waitForEvent('worker');
  const killed = Date.now();
  await worker.evaluate(() => setTimeout(() => {
    throw new Error('ended by the test');
  }));
  await replaced;
  await waitReady(page, 300_000);
  console.log(`a replaced worker at 1M is ready again after ${Date.now() - killed} ms`);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=background-build]')?.dataset.pending === '0',
    null,
    { timeout: 300_000 },
  );
  console.log(`…and its background indexes after ${Date.now() - killed} ms`);
});

test('no page errors', () => {
  // The worker this suite ended reports itself in the notice, not as a page error.
  assert.deepEqual(errors.filter((e) => !/ended by the test/.test(e)), []);
});
