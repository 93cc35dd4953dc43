// Lessons and links: a lesson opens from the picker and from its link, and
// its check says "holds" only when the measured plans show every claim; a
// link with a user index reopens with the index built and the same plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, shots, waitReady, waitPanes, runOf, collectErrors } from './support.mjs';

const experiment = 'scale=10000&reps=3';
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function opened(page) {
  await waitReady(page);
  await waitPanes(page, 0);
  await page.waitForFunction(
    () => !/^run the lesson/.test(document.querySelector('[data-testid=lesson-check]')?.textContent ?? 'run the lesson'),
  );
}

test('a lesson opens from the picker and its check holds', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${url}?${experiment}`);
  await waitReady(page);
  const lessons = await page.$$eval('[data-testid=lesson-picker] option', (o) => o.map((x) => x.value).filter((v) => v));
  assert.ok(lessons.length >= 6, `${lessons}`);
  await Promise.all([page.waitForNavigation(), page.selectOption('[data-testid=lesson-picker]', 'column_order')]);
  await opened(page);
  assert.match(await page.innerText('[data-testid=lesson-text]'), /equality columns/);
  assert.match(await page.innerText('[data-testid=lesson-check]'), /^holds/);
  // The user index the lesson needs was built and A reads it; the dataset stayed.
  assert.match(await page.innerText('[data-testid=plan-a]'), /reportrun_started_cust_status_idx/);
  const link = new URL(page.url());
  assert.equal(link.searchParams.get('lesson'), 'column_order');
  assert.equal(link.searchParams.get('scale'), '10000');
  assert.match(link.searchParams.get('index'), /^CREATE INDEX reportrun_started_cust_status_idx/);
  await page.screenshot({ path: `${shots}/lesson-column-order.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('every lesson opens from its link and holds at 10k', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}?${experiment}`);
  await waitReady(page);
  const lessons = await page.$$eval('[data-testid=lesson-picker] option', (o) => o.map((x) => x.value).filter((v) => v));
  for (const id of lessons) {
    await page.goto(`${url}?lesson=${id}&${experiment}`);
    await opened(page);
    assert.equal(await page.inputValue('[data-testid=lesson-picker]'), id);
    const check = await page.innerText('[data-testid=lesson-check]');
    assert.match(check, /^holds/, `${id}: ${check}`);
  }
  await page.close();
});

test('a lesson whose plans do not show its claims says so', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The seek lesson with B stripped of its index: B scans like A.
  await page.goto(`${url}?lesson=seek_vs_scan&b=&${experiment}`);
  await opened(page);
  const check = await page.innerText('[data-testid=lesson-check]');
  assert.match(check, /^does not hold: B reads audit_entity_idx \(measured: full scan\)/, check);
  await page.close();
});

test('a link with a user index reopens with the index and the same plan', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${url}?${experiment}`);
  await waitReady(page);
  await page.fill('[data-testid=new-index-name]', 'by_started_cust');
  await page.selectOption('[data-testid=new-index-table]', 'upstream_reportrun');
  await page.fill('[data-testid=new-index-columns]', 'started_at, customer_id');
  await page.click('[data-testid=add-index]');
  await page.waitForSelector('[data-testid=index-toggle-b-by_started_cust]');
  await waitReady(page);
  await page.uncheck('[data-testid=index-toggle-b-reportrun_cust_status_idx]');
  await waitReady(page);
  await page.check('[data-testid=index-toggle-b-by_started_cust]');
  await waitReady(page);
  await page.fill('[data-testid=sql-editor]', "SELECT id FROM upstream_reportrun WHERE started_at >= '2025-09-01' AND customer_id = 2 ORDER BY started_at LIMIT 5");
  const before = Math.max(await runOf(page, 'a'), await runOf(page, 'b'));
  await page.click('[data-testid=run]');
  await waitPanes(page, before);
  const plan = await page.innerText('[data-testid=plan-b]');
  assert.match(plan, /by_started_cust/);
  const link = page.url();
  assert.match(new URL(link).searchParams.get('index'), /^CREATE INDEX by_started_cust ON upstream_reportrun \(started_at, customer_id\)$/);

  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await fresh.goto(link);
  await waitReady(fresh);
  await waitPanes(fresh, 0);
  assert.equal(await fresh.$('[data-testid=link-problem]'), null, 'nothing was dropped');
  assert.ok(await fresh.isChecked('[data-testid=index-toggle-b-by_started_cust]'));
  const strip = (text) => text.replace(/actual \d+|\d+ rows examined/g, '');
  assert.equal(strip(await fresh.innerText('[data-testid=plan-b]')), strip(plan));
  assert.deepEqual(errors, []);
  await fresh.close();
  await page.close();
});

test('a link naming an index it cannot build opens without it and says what was dropped', async () => {
  const page = await browser.newPage();
  const bad = encodeURIComponent('CREATE INDEX nope ON upstream_reportrun (no_such_column)');
  await page.goto(`${url}?${experiment}&index=${bad}&b=nope,audit_entity_idx`);
  await waitReady(page);
  const problem = await page.innerText('[data-testid=link-problem]');
  assert.match(problem, /index nope \(CREATE INDEX nope ON upstream_reportrun \(no_such_column\)\) cannot be built: .*left out of the indexes and both configurations/, problem);
  assert.equal(await page.$('[data-testid=index-toggle-b-nope]'), null);
  assert.ok(await page.isChecked('[data-testid=index-toggle-b-audit_entity_idx]'));
  await page.close();
});
