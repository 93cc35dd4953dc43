// End to end through the built dist/: the worker loads the sample database
// and builds every index; each documented pattern runs under A (no secondary
// index) and B (the Phase 3 set); toggles re-run one pane; errors stay
// inline; a copied link reopens the experiment; runs repeat within a time
// budget and Stop ends them at once, keeping what was measured, while the
// page stays usable; a crashed worker is replaced, also one that runs out of
// memory; the Content-Security-Policy holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

import { waitReady as ready } from './support.mjs';

const url = process.env.SEEKSCAN_URL;
const shots = process.env.SEEKSCAN_SHOTS ?? '.';
const flags = (process.env.SEEKSCAN_CHROMIUM_FLAGS ?? '--headless --no-sandbox').split(' ');
// 10k audit events keep the suite quick; 5 runs per configuration are enough to render timings.
const start = `${url}?scale=10000&reps=5`;

let browser;
let page;
const pageErrors = [];
let crashed = false;
const consoleErrors = [];
// Every securitypolicyviolation event of every page, and the main document's response.
const cspViolations = [];
let firstResponse;

async function watch(target) {
  await target.exposeFunction('seekscanCspViolation', (violation) => cspViolations.push(violation));
  await target.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      window.seekscanCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    ),
  );
  target.on('pageerror', (error) => pageErrors.push(error.message));
  target.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text());
      console.log(`page console error: ${message.text()} (${message.location().url})`);
    }
  });
  target.on('response', (response) => {
    if (response.status() >= 400) console.log(`HTTP ${response.status()}: ${response.url()}`);
  });
}

before(async () => {
  assert.ok(url, 'SEEKSCAN_URL names the served dist/');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await watch(page);
});

after(async () => {
  await browser?.close();
});

const waitReady = (target = page, timeout = 180_000) => ready(target, timeout, pageErrors);

const runOf = (target, slot) =>
  target.getAttribute(`[data-testid=pane-${slot}]`, 'data-run').then(Number);

// Waits until the given panes answer a run newer than `before`, and the engine is idle.
async function waitPanes(before, slots, target = page) {
  await target.waitForFunction(
    ([previous, wanted]) =>
      wanted.every((s) => Number(document.querySelector(`[data-testid=pane-${s}]`)?.dataset.run) > previous) &&
      document.querySelector('[data-testid=engine-status]')?.textContent === 'ready',
    [before, slots],
    { timeout: 60_000 },
  );
}

// Clicks Run and waits for both panes to answer this run.
async function clickRun() {
  const before = Math.max(await runOf(page, 'a'), await runOf(page, 'b'));
  await page.click('[data-testid=run]');
  await waitPanes(before, ['a', 'b']);
}

async function run(sql) {
  await page.fill('[data-testid=sql-editor]', sql);
  await clickRun();
}

const text = (selector, target = page) => target.locator(selector).innerText();

test('the worker loads the data and builds every index', async () => {
  const started = Date.now();
  firstResponse = await page.goto(start);
  await waitReady();
  console.log(`navigation to engine ready (10k): ${Date.now() - started} ms`);
  // The page adopted the worker index.html started: there is one, not two.
  assert.equal(page.workers().length, 1);
  assert.equal(await page.evaluate(() => 'seekscanPrestarted' in self), false);
  assert.match(await text('.dataset'), /upstream_domainauditevent\s+10,000/);
  assert.match(await text('.dataset'), /building 10 indexes/);
  // The worker's memory, next to the dataset it holds.
  const memory = Number(await page.getAttribute('[data-testid=worker-memory]', 'data-bytes'));
  assert.ok(memory > 16 << 20, `worker memory ${memory}`);
  assert.match(await text('[data-testid=worker-memory]'), /^worker memory \d+\.\d MiB/);
  // Defaults: A has no secondary index, B the nine Phase 3 ones, the proposal is off in both.
  for (const name of ['reportrun_cust_status_idx', 'audit_entity_idx', 'prodcfg_slug_enabled_idx']) {
    assert.equal(await page.isChecked(`[data-testid=index-toggle-a-${name}]`), false, name);
    assert.equal(await page.isChecked(`[data-testid=index-toggle-b-${name}]`), true, name);
  }
  assert.equal(await page.isChecked('[data-testid=index-toggle-a-reportrun_covering_idx]'), false);
  assert.equal(await page.isChecked('[data-testid=index-toggle-b-reportrun_covering_idx]'), false);
  assert.match(await text('.indexes'), /Phase 4 proposal/);
});

test('the page carries its Content-Security-Policy as a header and a meta element', async () => {
  const headers = firstResponse.headers();
  const policy = headers['content-security-policy'];
  assert.ok(policy, 'the server sends a Content-Security-Policy');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "worker-src 'self'",
    "style-src 'self'", "connect-src 'self'", 'frame-ancestors *']) {
    assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  }
  assert.equal(headers['x-content-type-options'], 'nosniff');
  // Cross-origin isolation stays.
  assert.equal(headers['cross-origin-opener-policy'], 'same-origin');
  assert.equal(headers['cross-origin-embedder-policy'], 'require-corp');
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.equal(`${meta}; frame-ancestors *`, policy, 'a static host gets the same policy');
  assert.ok(await page.evaluate(() => crossOriginIsolated));
});

test('a query renders rows, plan and timing in both panes', async () => {
  await run('SELECT id, customer_id, status FROM upstream_reportrun ORDER BY id LIMIT 5');
  for (const slot of ['a', 'b']) {
    const rows = page.locator(`[data-testid=rows-${slot}] tbody tr`);
    assert.equal(await rows.count(), 5);
    assert.equal(await rows.first().locator('td').first().innerText(), '1');
    assert.match(await text(`[data-testid=timing-${slot}]`), /median .+\s+p95 .+ over 5 runs/);
  }
  assert.match(await text('[data-testid=plan-a]'), /Full scan/);
  assert.match(await text('[data-testid=agreement]'), /same rows/);
});

test('EXPLAIN shows both plans and says nothing was timed', async () => {
  await run("EXPLAIN SELECT * FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success'");
  assert.match(await text('[data-testid=plan-a]'), /Full scan/);
  assert.match(await text('[data-testid=plan-b]'), /reportrun_cust_status_idx/);
  assert.match(await text('[data-testid=speedup]'), /nothing was timed/);
});

test('every documented pattern: A scans, B seeks the pattern\'s index, and not once it is toggled off', async () => {
  const ids = await page.$$eval('[data-testid=pattern-picker] option', (options) =>
    options.map((o) => o.value).filter((v) => v),
  );
  assert.equal(ids.length, 12);
  for (const id of ids) {
    await page.selectOption('[data-testid=pattern-picker]', id);
    const index = (await text('.pattern-meta code')).trim();
    await clickRun();
    const planA = await text('[data-testid=plan-a]');
    const planB = await text('[data-testid=plan-b]');
    assert.match(planA, /Full scan/, `${id}: A\n${planA}`);
    assert.ok(planB.includes(index), `${id}: B should use ${index}\n${planB}`);
    assert.doesNotMatch(planB, /Full scan/, `${id}: B\n${planB}`);
    const speedup = await text('[data-testid=speedup]');
    assert.match(speedup, /faster than|no measurable difference|too few runs/, speedup);
    assert.match(speedup, /the document expected \d+% faster/, speedup);
    assert.match(await text('[data-testid=agreement]'), /A and B returned the same rows/);
    console.log(`${id}: ${speedup}`);
    await page.screenshot({ path: `${shots}/pattern-${id}.png` });
    // Without its index, B falls back to a full scan or another index; A is not re-run.
    const [a, b] = [await runOf(page, 'a'), await runOf(page, 'b')];
    await page.click(`[data-testid=index-toggle-b-${index}]`);
    await waitPanes(b, ['b']);
    const without = await text('[data-testid=plan-b]');
    assert.ok(!without.includes(index), `${id}: B without ${index}\n${without}`);
    assert.match(without, /Full scan|_idx/, without);
    assert.equal(await runOf(page, 'a'), a, `${id}: A did not re-run`);
    const b2 = await runOf(page, 'b');
    await page.click(`[data-testid=index-toggle-b-${index}]`);
    await waitPanes(b2, ['b']);
    assert.ok((await text('[data-testid=plan-b]')).includes(index));
  }
});

test('toggling the index off in B re-runs only B, which stops using it', async () => {
  await page.selectOption('[data-testid=pattern-picker]', 'report_dashboard');
  await clickRun();
  const index = 'reportrun_cust_status_idx';
  assert.ok((await text('[data-testid=plan-b]')).includes(index));
  const [a, b] = [await runOf(page, 'a'), await runOf(page, 'b')];
  await page.click(`[data-testid=index-toggle-b-${index}]`);
  await waitPanes(b, ['b']);
  assert.equal(await runOf(page, 'a'), a, 'A did not re-run');
  assert.equal(await page.isChecked(`[data-testid=index-toggle-b-${index}]`), false);
  const planB = await text('[data-testid=plan-b]');
  assert.ok(!planB.includes(index), planB);
  assert.match(planB, /Full scan|index/);
  assert.match(page.url(), /[?&]b=/);
  // Turning it on in A re-runs only A, which now seeks it.
  const b2 = await runOf(page, 'b');
  await page.click(`[data-testid=index-toggle-a-${index}]`);
  await waitPanes(a, ['a']);
  assert.equal(await runOf(page, 'b'), b2, 'B did not re-run');
  assert.ok((await text('[data-testid=plan-a]')).includes(index));
  assert.match(await text('[data-testid=speedup]'), /faster than|no measurable difference|too few runs/);
  await page.screenshot({ path: `${shots}/toggled.png` });
});

test('a copied link reopens the same experiment and runs it', async () => {
  const link = page.url();
  assert.match(link, /pattern=report_dashboard/);
  const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await watch(other);
  await other.goto(link);
  await other.waitForSelector('[data-testid=plan-b]', { timeout: 180_000 });
  await waitReady(other);
  assert.equal(await other.inputValue('[data-testid=sql-editor]'), await page.inputValue('[data-testid=sql-editor]'));
  for (const toggle of ['a-reportrun_cust_status_idx', 'b-reportrun_cust_status_idx', 'b-audit_entity_idx']) {
    assert.equal(
      await other.isChecked(`[data-testid=index-toggle-${toggle}]`),
      await page.isChecked(`[data-testid=index-toggle-${toggle}]`),
      toggle,
    );
  }
  assert.ok((await text('[data-testid=plan-a]', other)).includes('reportrun_cust_status_idx'));
  assert.ok(!(await text('[data-testid=plan-b]', other)).includes('reportrun_cust_status_idx'));
  await other.close();
});

test('an invalid query shows an error and the next query still works', async () => {
  await run('SELEC nonsense');
  const error = page.locator('[data-testid=error]').first();
  assert.ok(await error.isVisible());
  assert.notEqual((await error.innerText()).trim(), '');
  await run('SELECT nope FROM upstream_reportrun');
  assert.match(await text('[data-testid=pane-a] [data-testid=error]'), /nope/);
  await run('SELECT product_slug FROM upstream_productconfig WHERE customer_id = 1 ORDER BY product_slug');
  assert.ok((await page.locator('[data-testid=rows-a] tbody tr').count()) >= 1);
  assert.equal(await page.locator('[data-testid=error]').count(), 0);
});

test('the deepest expression the limit allows runs in the worker; a longer one is refused by name', async () => {
  // 500 terms: 999 operators, just under the limit of 1,000 per statement.
  const terms = (n) => Array.from({ length: n }, (_, i) => `user_id = ${i}`).join(' OR ');
  await run(`SELECT COUNT(*) FROM upstream_domainauditevent WHERE ${terms(500)}`);
  assert.equal(await page.locator('[data-testid=error]').count(), 0);
  assert.equal(await page.locator('[data-testid=rows-a] tbody tr').count(), 1);
  await run(`SELECT COUNT(*) FROM upstream_domainauditevent WHERE ${terms(5000)}`);
  assert.match(await text('[data-testid=pane-a] [data-testid=error]'), /more than 1000 operators/);
});

test('a multi-statement input: each pane lists what ran first, with its own rows examined', async () => {
  await run('SELECT COUNT(*) FROM upstream_reportrun; SELECT id FROM upstream_reportrun ORDER BY id LIMIT 3');
  for (const slot of ['a', 'b']) {
    const note = await text(`[data-testid=pane-${slot}] [data-testid=earlier-statements]`);
    assert.match(note, /^ran first:\s*SELECT COUNT\(\*\) FROM upstream_reportrun \(\d+ rows examined\)$/, note);
    assert.equal(await page.locator(`[data-testid=rows-${slot}] tbody tr`).count(), 3);
  }
});

// Sets a number field as a person does: type, then leave it.
async function setField(selector, value) {
  await page.fill(selector, value);
  await page.locator(selector).dispatchEvent('change');
}

const measured = async (slot) => {
  const timing = await text(`[data-testid=timing-${slot}]`);
  const match = timing.match(/over (\d+) of (\d+) runs/);
  assert.ok(match, timing);
  return { timing, runs: Number(match[1]), of: Number(match[2]) };
};

test('Stop keeps the runs measured so far; the time budget ends a run on its own', async () => {
  // About 50 ms a run at 10k: a thousand runs would take a minute.
  const join = 'SELECT COUNT(*) FROM upstream_productconfig a JOIN upstream_domainauditevent b ON a.customer_id = b.customer_id';
  await setField('#repetitions', '1000');
  await setField('[data-testid=budget]', '60');
  assert.match(page.url(), /[?&]budget=60(&|$)/);
  const before = await runOf(page, 'a');
  await page.fill('[data-testid=sql-editor]', join);
  await page.click('[data-testid=run]');
  // The first run shows at once, and the panes go on measuring.
  await page.waitForFunction(
    (previous) =>
      ['a', 'b'].every((s) => Number(document.querySelector(`[data-testid=pane-${s}]`)?.dataset.run) > previous) &&
      /measuring/.test(document.querySelector('[data-testid=timing-a]')?.innerText ?? ''),
    before,
    { timeout: 30_000 },
  );
  assert.equal(await text('[data-testid=engine-status]'), 'running');
  assert.ok(await page.isEnabled('[data-testid=index-toggle-a-audit_entity_idx]'), 'toggles stay usable');
  await page.waitForTimeout(1_500);
  const stopped = Date.now();
  await page.click('[data-testid=stop-run]');
  await waitReady(page, 1_000);
  console.log(`Stop to ready: ${Date.now() - stopped} ms`);
  const a = await measured('a');
  const b = await measured('b');
  assert.ok(a.runs >= 2 && a.runs < 1000, a.timing);
  assert.ok(b.runs >= 1 && b.runs < 1000, b.timing);
  for (const { timing } of [a, b]) assert.match(timing, /stopped/);
  // The batch in flight at Stop lands nowhere.
  await page.waitForTimeout(500);
  assert.equal(await text('[data-testid=timing-a]'), a.timing);
  assert.equal(await page.isEnabled('[data-testid=stop-run]'), false);

  // A budget of 0.3 s per pane ends the run by itself.
  await setField('[data-testid=budget]', '0.3');
  await clickRun();
  for (const slot of ['a', 'b']) {
    const { timing, runs } = await measured(slot);
    assert.match(timing, /time budget of 0\.3 s reached/);
    assert.ok(runs >= 2 && runs < 1000, timing);
  }
  await setField('#repetitions', '5');
  await setField('[data-testid=budget]', '2');
  assert.doesNotMatch(page.url(), /budget=/);
});

test('a user index: a bad definition is refused next to the form, a good one is listed', async () => {
  await page.fill('[data-testid=new-index-name]', 'by_slug');
  await page.selectOption('[data-testid=new-index-table]', 'upstream_productconfig');
  await page.fill('[data-testid=new-index-columns]', 'product_slug SIDEWAYS');
  await page.click('[data-testid=add-index]');
  await page.waitForSelector('.add-index [data-testid=error]');
  assert.match(await text('.add-index [data-testid=error]'), /SIDEWAYS/);
  await waitReady();
  await page.fill('[data-testid=new-index-columns]', 'product_slug, customer_id DESC');
  await page.click('[data-testid=add-index]');
  await page.waitForSelector('[data-testid=index-toggle-b-by_slug]');
  await waitReady();
  assert.equal(await page.locator('.add-index [data-testid=error]').count(), 0);
  assert.match(await text('[data-index=by_slug]'), /\(product_slug, customer_id DESC\)/);
  await page.click('[aria-label="Delete index by_slug"]');
  await page.waitForSelector('[data-testid=index-toggle-b-by_slug]', { state: 'detached' });
  await waitReady();
});

test('a long run leaves the page usable, and Stop ends it at once', async () => {
  // The audit table joined with itself reads until the engine's 10 s limit.
  const slow = 'SELECT COUNT(*) FROM upstream_domainauditevent a JOIN upstream_domainauditevent b ON a.customer_id = b.customer_id';
  const [a, b] = [await runOf(page, 'a'), await runOf(page, 'b')];
  await page.fill('[data-testid=sql-editor]', slow);
  await page.click('[data-testid=run]');
  await page.waitForTimeout(1_000);
  assert.equal(await text('[data-testid=engine-status]'), 'running');
  // Typing and opening a panel answer at once while the worker works.
  const started = Date.now();
  await page.locator('[data-testid=sql-editor]').press('End');
  await page.keyboard.type(' -- typed while it runs');
  assert.match(await page.inputValue('[data-testid=sql-editor]'), /typed while it runs$/);
  await page.click('.memory-detail summary');
  assert.equal(await page.$eval('.memory-detail', (details) => details.open), true);
  const answered = Date.now() - started;
  console.log(`typing and a panel during a long run: ${answered} ms`);
  assert.ok(answered < 3_000, `${answered} ms`);
  assert.equal(await text('[data-testid=engine-status]'), 'running');
  await page.click('[data-testid=stop-run]');
  await waitReady(page, 1_000);
  // Nothing was measured yet: the panes keep the run before.
  assert.deepEqual([await runOf(page, 'a'), await runOf(page, 'b')], [a, b]);
  assert.ok(await page.isEnabled('[data-testid=run]'));
  await page.click('.memory-detail summary');
  await page.fill('[data-testid=sql-editor]', 'SELECT id FROM upstream_reportrun ORDER BY id LIMIT 3');
});

test('regenerating with another seed reloads the data and keeps the query', async () => {
  const sql = await page.inputValue('[data-testid=sql-editor]');
  await page.fill('#seed', '2');
  await page.click('[data-testid=regenerate]');
  await page.waitForFunction(() => /seed 2 /.test(document.querySelector('.dataset')?.innerText ?? ''), null, {
    timeout: 120_000,
  });
  await waitReady();
  assert.equal(await page.inputValue('[data-testid=sql-editor]'), sql);
  assert.match(page.url(), /seed=2/);
  await clickRun();
  assert.ok((await page.locator('[data-testid=rows-a] tbody tr').count()) >= 1);
});

test('DROP INDEX typed in the editor leaves both configurations; Regenerate brings it back', async () => {
  const index = 'reportrun_cust_status_idx';
  for (const slot of ['a', 'b']) {
    if (!(await page.isChecked(`[data-testid=index-toggle-${slot}-${index}]`))) {
      const before = await runOf(page, slot);
      await page.click(`[data-testid=index-toggle-${slot}-${index}]`);
      await waitPanes(before, [slot]);
    }
  }
  await page.fill('[data-testid=sql-editor]', `DROP INDEX ${index}`);
  await page.click('[data-testid=run]');
  await page.waitForSelector(`[data-testid=index-toggle-b-${index}]`, { state: 'detached' });
  await waitReady();
  assert.equal(
    await text('[data-testid=notice]'),
    `dropped ${index}: removed from A and B; Regenerate restores built-in indexes`,
  );
  const configs = new URL(page.url()).searchParams;
  for (const slot of ['a', 'b']) assert.ok(!configs.get(slot).split(',').includes(index), page.url());
  // The pattern that seeks it runs in both panes, B without it, and no "unknown index".
  await page.selectOption('[data-testid=pattern-picker]', 'report_dashboard');
  await clickRun();
  assert.equal(await page.locator('[data-testid=error]').count(), 0);
  assert.ok(!(await text('[data-testid=plan-b]')).includes(index));
  await page.click('[data-testid=regenerate]');
  await page.waitForSelector(`[data-testid=index-toggle-b-${index}]`, { timeout: 120_000 });
  await waitReady();
  for (const slot of ['a', 'b']) {
    assert.equal(await page.isChecked(`[data-testid=index-toggle-${slot}-${index}]`), true, slot);
  }
  await clickRun();
  assert.ok((await text('[data-testid=plan-b]')).includes(index));
});

test('a crashed worker is replaced and the page keeps its SQL and settings', async () => {
  const sql = await page.inputValue('[data-testid=sql-editor]');
  const link = page.url();
  const worker = page.workers().at(-1);
  assert.ok(worker, 'the engine runs in a worker');
  crashed = true;
  const replaced = page.waitForEvent('worker');
  // A message the worker cannot decode makes it panic; its panic hook tells the page.
  await worker.evaluate(() => self.dispatchEvent(new MessageEvent('message', { data: 'not the protocol' })));
  await replaced;
  await waitReady();
  assert.equal(await page.inputValue('[data-testid=sql-editor]'), sql);
  assert.equal(page.url(), link);
  await clickRun();
  assert.ok((await page.locator('[data-testid=rows-b] tbody tr').count()) >= 1);
});

test('a worker stopped by an uncaught error is replaced on its error event', async () => {
  const worker = page.workers().at(-1);
  crashed = true;
  const replaced = page.waitForEvent('worker');
  // Neither the panic hook nor the allocator reports this one.
  await worker.evaluate(() => setTimeout(() => {
    throw new Error('stopped by the test');
  }));
  await replaced;
  await waitReady();
  assert.match(await text('[data-testid=notice]'), /^the engine stopped: .*stopped by the test; restarted it and reloaded the data/);
  await clickRun();
  assert.ok((await page.locator('[data-testid=rows-b] tbody tr').count()) >= 1);
});

test('a worker that runs out of memory is replaced; the page says so and keeps the SQL and settings', async () => {
  const sql = 'SELECT COUNT(*) FROM upstream_domainauditevent';
  await run(sql);
  const link = page.url();
  const worker = page.workers().at(-1);
  crashed = true;
  // The next message runs the worker out of memory instead of reaching the
  // engine (a test-only export of src/bin/worker.rs, built with its
  // test-hooks feature, as cargo xtask test and e2e build): allocation fails and
  // Rust aborts, which is a trap, not a panic.
  await worker.evaluate(() => {
    const engine = self.onmessage;
    self.onmessage = () => {
      self.onmessage = engine;
      wasm_bindgen.exhaust_memory_for_tests();
    };
  });
  const replaced = page.waitForEvent('worker');
  await page.click('[data-testid=run]');
  await replaced;
  await waitReady();
  assert.equal(
    await text('[data-testid=notice]'),
    `the engine ran out of memory while running ${sql}; restarted it and reloaded the data (the query waits for Run)`,
  );
  assert.equal(await page.inputValue('[data-testid=sql-editor]'), sql);
  assert.equal(page.url(), link);
  assert.equal(page.workers().length, 1, 'the dead worker was terminated');
});

test('reloading after a run that never finished holds the link\'s own SQL until Run', async () => {
  const sql = await page.inputValue('[data-testid=sql-editor]');
  await page.reload();
  await waitReady();
  assert.match(await text('[data-testid=notice]'), /still running .* waits for Run instead of running on open/);
  await page.waitForTimeout(1_000);
  assert.equal(await page.locator('[data-testid=rows-a]').count(), 0, 'nothing ran on open');
  assert.equal(await page.inputValue('[data-testid=sql-editor]'), sql);
  await clickRun();
  assert.ok((await page.locator('[data-testid=rows-a] tbody tr').count()) >= 1);
  // Answered: the next reload runs the link's query on open again.
  await page.reload();
  await page.waitForSelector('[data-testid=rows-a] tbody tr', { timeout: 180_000 });
  assert.equal(await page.locator('[data-testid=notice]').count(), 0);
});

test('the Content-Security-Policy was never violated', () => {
  const reported = consoleErrors.filter((message) => /Content Security Policy/i.test(message));
  assert.deepEqual([...cspViolations, ...reported], []);
});

test('the page raised no uncaught errors', () => {
  console.log(`page console errors: ${consoleErrors.length}`);
  // The deliberate crash's wasm trap may surface as an uncaught error; nothing else may.
  const unexpected = pageErrors.filter((message) => !(crashed && message === 'unreachable'));
  assert.deepEqual(unexpected, []);
});
