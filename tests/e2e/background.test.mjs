// Indexes built in the background at 100,000 audit events: the engine is
// ready once its rows are stored, builder workers build the audit table's
// indexes, a run on that table waits and says so, then answers with them;
// a builder that cannot start leaves the engine to build them itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { launch, url, collectErrors, waitReady, pageState, text } from './support.mjs';

const SCALE = 100_000;

// Remembers, from the first paint on, whether these markers ever showed.
function watchMarkers() {
  window.seen = {};
  new MutationObserver(() => {
    for (const id of ['waiting', 'index-building-audit_cust_action_idx']) {
      if (document.querySelector(`[data-testid=${id}]`)) window.seen[id] = true;
    }
  }).observe(document, { subtree: true, childList: true });
}

const allBuilt = (page) =>
  page.waitForFunction(
    () => document.querySelector('[data-testid=background-build]')?.dataset.pending === '0',
    null,
    { timeout: 120_000 },
  );

const answered = (page) =>
  page.waitForFunction(
    () =>
      ['a', 'b'].every((s) => Number(document.querySelector(`[data-testid=pane-${s}]`)?.dataset.run) > 0) &&
      document.querySelector('[data-testid=engine-status]')?.textContent === 'ready',
    null,
    { timeout: 120_000 },
  );

test('the audit indexes build in the background; a run on their table waits, says so, then uses them', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.addInitScript(watchMarkers);
    await page.goto(`${url}?scale=${SCALE}&pattern=audit_trail`);
    await waitReady(page, 180_000, errors).catch(async (e) => {
      throw new Error(`${e.message}\n${await pageState(page, errors)}`);
    });
    await answered(page);
    await allBuilt(page);
    const seen = await page.evaluate(() => window.seen);
    assert.ok(seen.waiting, 'the held run said what it waited for');
    assert.ok(seen['index-building-audit_cust_action_idx'], 'the index panel marked the index building');
    assert.equal(await page.locator('[data-testid^=index-building-]').count(), 0);
    assert.equal(await page.locator('[data-testid=waiting]').count(), 0);
    assert.match(await text(page, '[data-testid=plan-b]'), /audit_cust_action_idx/);
    assert.match(await text(page, '[data-testid=plan-a]'), /Full scan/);
    assert.match(await text(page, '[data-testid=agreement]'), /same rows/);
    assert.match(
      await text(page, '[data-testid=load-summary]'),
      /4 more built in the background, all there \d+ ms after the load began/,
    );
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('a builder whose wasm does not start leaves the engine to build the indexes, and the page says so', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const wasm = Buffer.from(await (await fetch(`${url}worker_bg.wasm`)).arrayBuffer());
    let served = 0;
    await context.route('**/worker_bg.wasm', async (route) => {
      served += 1;
      // The engine's own download first; every builder's after it fails.
      if (served === 1) {
        return route.fulfill({ status: 200, contentType: 'application/wasm', body: wasm });
      }
      return route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm\x01\0\0\0\x02\x10') });
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${url}?scale=${SCALE}`);
    await waitReady(page, 180_000, errors);
    await allBuilt(page);
    assert.match(await text(page, '[data-testid=notice]'), /the background build failed .*wasm did not start.*, so the engine built them itself/);
    assert.match(await text(page, '[data-testid=load-summary]'), /4 more built by the engine after the background build failed/);
    await page.selectOption('[data-testid=pattern-picker]', 'audit_trail');
    await page.click('[data-testid=run]');
    await answered(page);
    await page.waitForFunction(() => /audit_cust_action_idx/.test(document.querySelector('[data-testid=plan-b]')?.innerText ?? ''), null, { timeout: 60_000 });
    assert.ok(served >= 2, `${served} wasm downloads`);
    // The engine itself never died.
    assert.equal(await page.textContent('[data-testid=engine-status]'), 'ready');
  } finally {
    await browser.close();
  }
});
