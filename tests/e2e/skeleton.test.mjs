// End to end through the built dist/: the worker loads the sample database,
// a query renders rows, an invalid query shows an error, and the next one works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const url = process.env.SEEKSCAN_URL;
const shots = process.env.SEEKSCAN_SHOTS ?? '.';
const flags = (process.env.SEEKSCAN_CHROMIUM_FLAGS ?? '--headless --no-sandbox').split(' ');

let browser;
let page;
const pageErrors = [];
const consoleErrors = [];

function watch(target) {
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
  watch(page);
});

after(async () => {
  await browser?.close();
});

// Clicks Run and waits for the answer to this run (the pane's data-run grows).
async function clickRun() {
  const before = Number(await page.getAttribute('[data-testid=pane-a]', 'data-run'));
  await page.click('[data-testid=run]');
  await page.waitForFunction(
    (previous) => Number(document.querySelector('[data-testid=pane-a]')?.dataset.run) > previous,
    before,
  );
  // Exactly one run answered: nothing else is still in flight.
  assert.equal(await page.textContent('[data-testid=engine-status]'), 'ready');
}

async function run(sql) {
  await page.fill('[data-testid=sql-editor]', sql);
  await clickRun();
}

test('the worker becomes ready with the sample database', async () => {
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=engine-status]')?.textContent === 'ready',
    null,
    { timeout: 120_000 },
  );
  console.log(`navigation to engine ready: ${Date.now() - started} ms`);
  const text = await page.locator('.dataset').innerText();
  assert.match(text, /upstream_domainauditevent\s+100,000/);
});

test('a query renders its rows, plan and timing', async () => {
  await run('SELECT id, customer_id, status FROM upstream_reportrun ORDER BY id LIMIT 5');
  const rows = page.locator('[data-testid=rows-a] tbody tr');
  assert.equal(await rows.count(), 5);
  assert.equal(await rows.first().locator('td').first().innerText(), '1');
  assert.match(await page.locator('[data-testid=plan-a]').innerText(), /Full scan/);
  assert.match(await page.locator('[data-testid=timing-a]').innerText(), /median .* p95 .* over 20 runs/);
  await page.screenshot({ path: `${shots}/skeleton.png`, fullPage: true });
});

test('an invalid query shows an error and the next query still works', async () => {
  await run('SELEC nonsense');
  const error = page.locator('[data-testid=error]');
  assert.ok(await error.isVisible());
  assert.notEqual((await error.innerText()).trim(), '');
  await run("SELECT product_slug FROM upstream_productconfig WHERE customer_id = 1 ORDER BY product_slug");
  assert.ok((await page.locator('[data-testid=rows-a] tbody tr').count()) >= 1);
  assert.equal(await page.locator('[data-testid=error]').count(), 0);
});

test('a documented pattern runs with parameters drawn from the data', async () => {
  await page.selectOption('[data-testid=pattern-picker]', 'report_dashboard');
  const sql = await page.inputValue('[data-testid=sql-editor]');
  assert.match(sql, /customer_id = 1 AND status = 'success' ORDER BY started_at DESC LIMIT 10/);
  await clickRun();
  assert.equal(await page.locator('[data-testid=rows-a] tbody tr').count(), 10);
});

test('a copied link reopens the same experiment and runs it', async () => {
  const link = page.url();
  assert.match(link, /pattern=report_dashboard/);
  const other = await browser.newPage();
  watch(other);
  await other.goto(link);
  await other.waitForSelector('[data-testid=rows-a] tbody tr', { timeout: 120_000 });
  assert.equal(await other.inputValue('[data-testid=sql-editor]'), await page.inputValue('[data-testid=sql-editor]'));
  await other.close();
});

test('regenerating at another scale reloads the data and keeps the query', async () => {
  const sql = await page.inputValue('[data-testid=sql-editor]');
  await page.selectOption('[data-testid=scale]', '10000');
  await page.click('[data-testid=regenerate]');
  await page.waitForFunction(() => /upstream_domainauditevent\s+10,000\b/.test(document.querySelector('.dataset')?.innerText ?? ''), null, { timeout: 60_000 });
  assert.equal(await page.textContent('[data-testid=engine-status]'), 'ready');
  assert.equal(await page.inputValue('[data-testid=sql-editor]'), sql);
  assert.match(page.url(), /scale=10000/);
  await clickRun();
  assert.equal(await page.locator('[data-testid=rows-a] tbody tr').count(), 10);
});

test('the page raised no uncaught errors', () => {
  console.log(`page console errors: ${consoleErrors.length}`);
  assert.deepEqual(pageErrors, []);
});
