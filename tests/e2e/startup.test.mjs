// Start-up failures through the built dist/: a worker whose wasm does not
// compile is reported by its error event (a rejected promise in a worker
// never reaches the page), replaced, and after three failed starts in a row
// no longer replaced, with the reason on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { launch, url, collectErrors } from './support.mjs';

test('a worker whose wasm does not compile is replaced until three failed in a row, then the page says why', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    let served = 0;
    await context.route('**/worker_bg.wasm', (route) => {
      served += 1;
      return route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm\x01\0\0\0\x02\x10') });
    });
    const page = await context.newPage();
    collectErrors(page);
    await page.goto(`${url}?scale=10000`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=engine-status]')?.textContent === 'error',
      null,
      { timeout: 60_000 },
    );
    // Settled: no fourth worker is on its way.
    await page.waitForTimeout(1_000);
    const message = await page.textContent('[data-testid=error]');
    assert.match(message, /the engine's wasm did not start: CompileError/);
    assert.match(message, /failed to start 3 times in a row/);
    // One download per worker: three the page started, and the one
    // index.html started, unless it had failed before the page adopted it
    // (then the page starts its own in its place).
    assert.ok(served === 3 || served === 4, `${served} wasm downloads`);
    assert.equal(await page.textContent('[data-testid=engine-status]'), 'error');
  } finally {
    await browser.close();
  }
});
