// The workload view through the built dist/ at 10k: every documented
// pattern for the large and the small tenant under A and B, sortable, with
// weights kept in the link and the verdict for B's index set; the
// explanation under the single-run verdict; the crossover chart with one
// point per tenant and status under each configuration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { shots, runSql, text, openReady, waitReady } from './support.mjs';

const PATTERNS = [
  'report_dashboard', 'audit_trail', 'feature_flags', 'reportrun_cust_status', 'reportrun_cust_type',
  'reportrun_status_date', 'audit_cust_action', 'audit_entity', 'audit_user_date', 'audit_action_date',
  'prodcfg_cust_enabled', 'prodcfg_slug_enabled',
];

let browser;
let page;
let errors;

before(async () => {
  ({ browser, page, errors } = await openReady(`?scale=10000&reps=3&w=audit_trail%3A2`, { width: 1400, height: 1000 }));
});

after(async () => {
  await browser?.close();
});

const rowIds = () =>
  page.$$eval('[data-testid=workload-table] tbody tr', (rows) => rows.map((r) => r.dataset.testid));

async function runWorkload() {
  await page.click('[data-testid=workload-run]');
  await page.waitForFunction(
    () => {
      const p = document.querySelector('[data-testid=workload-progress]');
      return p && p.dataset.total === '24' && p.dataset.done === '24';
    },
    null,
    { timeout: 120_000 },
  );
}

test('the workload measures every pattern for both tenants and gives one verdict', async () => {
  // Nothing has read an index yet: the usage panel marks B's indexes unused.
  await page.waitForSelector('[data-testid=index-unused-audit_entity_idx]');
  await runWorkload();
  const ids = await rowIds();
  const expected = PATTERNS.flatMap((p) => [`workload-row-${p}-large`, `workload-row-${p}-small`]);
  assert.deepEqual(ids, expected);
  for (const id of ['workload-row-report_dashboard-large', 'workload-row-audit_entity-small']) {
    const cells = await page.$$eval(`[data-testid=${id}] td`, (tds) => tds.map((td) => td.innerText));
    assert.equal(cells[2], 'full scan', id);
    assert.match(cells[3], /_idx$/, id);
  }
  const verdict = await text(page, '[data-testid=workload-verdict]');
  assert.match(verdict, /^B serves 12 of 12 patterns with an index; weighted time .+ → .+; .*costs 9 indexes, [\d.]+ MiB/);
  // The link's weight shows on both of the pattern's rows.
  assert.equal(await page.inputValue('[data-testid=workload-weight-audit_trail-large]'), '2');
  assert.equal(await page.inputValue('[data-testid=workload-weight-audit_trail-small]'), '2');
  await page.locator('section.workload').screenshot({ path: `${shots}/workload-view.png` });
});

test('after the workload the usage panel counts its reads without a Refresh', async () => {
  const usedByB = await page.$$eval('[data-testid=workload-table] tbody tr', (rows) =>
    [...new Set(rows.map((r) => r.querySelectorAll('td')[3].innerText).filter((n) => /_idx$/.test(n)))],
  );
  assert.ok(usedByB.length >= 2, usedByB.join(', '));
  await page.waitForFunction(
    (names) => names.every((n) =>
      Number(document.querySelector(`[data-testid=index-usage-${n}]`)?.dataset.idxScan) > 0
      && !document.querySelector(`[data-testid=index-unused-${n}]`)),
    usedByB,
    { timeout: 30_000 },
  );
});

test('a weight edit goes into the link and changes the totals; a bad one is refused', async () => {
  const before = await text(page, '[data-testid=workload-verdict]');
  await page.fill('[data-testid=workload-weight-audit_entity-large]', '0');
  await page.dispatchEvent('[data-testid=workload-weight-audit_entity-large]', 'change');
  await page.waitForFunction(() => decodeURIComponent(location.search).includes('audit_entity:0'));
  assert.notEqual(await text(page, '[data-testid=workload-verdict]'), before);
  assert.equal(await page.inputValue('[data-testid=workload-weight-audit_entity-small]'), '0');
  await page.fill('[data-testid=workload-weight-feature_flags-large]', '99999');
  await page.dispatchEvent('[data-testid=workload-weight-feature_flags-large]', 'change');
  assert.match(await text(page, '[data-testid=workload-weight-error]'), /at most 10000/);
  assert.ok(!decodeURIComponent(await page.evaluate(() => location.search)).includes('feature_flags'));
});

test('a click on a header sorts the rows by that column, a second click reverses them', async () => {
  const column = (name) =>
    page.$$eval('[data-testid=workload-table] tbody tr', (rows) =>
      rows.map((r) => Number(r.querySelectorAll('td')[4].innerText.replace(/,/g, ''))),
    );
  await page.click('[data-testid=workload-table] th >> text="A rows examined"');
  const up = await column();
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  await page.click('[data-testid=workload-table] th >> text="A rows examined"');
  const down = await column();
  assert.deepEqual(down, [...up].sort((a, b) => b - a));
  assert.equal((await rowIds()).length, 24);
});

test('the single-run verdict says why, with the plan numbers', async () => {
  await runSql(page, "SELECT * FROM upstream_reportrun WHERE status = 'success' ORDER BY started_at DESC");
  const why = await text(page, '[data-testid=why]');
  assert.match(why, /status = 'success' matches \d+% of upstream_reportrun \(([\d,]+) of ([\d,]+) rows\)/);
  assert.match(why, /saves the sort/);
  const [, matched, total] = why.match(/\(([\d,]+) of ([\d,]+) rows\)/);
  const planB = await text(page, '[data-testid=plan-b]');
  assert.ok(planB.replace(/,/g, '').includes(matched.replace(/,/g, '')), `${planB} has ${matched}`);
  assert.notEqual(matched, total);
});

test('the crossover chart has one point per tenant and status under A and under B', async () => {
  await page.selectOption('[data-testid=crossover-pattern]', 'report_dashboard');
  await page.click('[data-testid=crossover-run]');
  await page.waitForFunction(
    () => /\(done\)/.test(document.querySelector('[data-testid=crossover-progress]')?.textContent ?? ''),
    null,
    { timeout: 120_000 },
  );
  const points = await page.$$eval('[data-testid=crossover-chart] circle.point', (circles) =>
    circles.map((c) => ({
      config: c.dataset.config,
      rows: Number(c.dataset.rows),
      ms: Number(c.dataset.ms),
      title: c.querySelector('title')?.textContent ?? '',
    })),
  );
  // 10k audit events: 10 tenants, plus the three statuses for the large tenant.
  for (const config of ['a', 'b']) {
    const mine = points.filter((p) => p.config === config);
    assert.equal(mine.length, 13, config);
    assert.equal(mine.filter((p) => /^tenant \d+:/.test(p.title)).length, 10, config);
    assert.ok(mine.every((p) => Number.isFinite(p.rows) && p.ms > 0), config);
  }
  assert.match(await text(page, '[data-testid=crossover-payoff]'), /B's index|B is faster/);
  const tableRows = await page.$$eval('[data-testid=crossover-table] tbody tr', (rows) => rows.length);
  assert.equal(tableRows, 13);
  await page.locator('[data-testid=crossover-chart]').screenshot({ path: `${shots}/crossover-chart.png` });
});

test('a worker that dies mid-workload leaves the workload and the chart free to run again', async () => {
  await page.click('[data-testid=workload-run]');
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=workload-progress]')?.dataset.done) >= 2,
    null,
    { timeout: 60_000 },
  );
  const worker = page.workers().at(-1);
  const replaced = page.waitForEvent('worker');
  await worker.evaluate(() => setTimeout(() => {
    throw new Error('ended by the test');
  }));
  await replaced;
  await waitReady(page);
  // The row in flight was given up: the workload says it stopped and can start again.
  assert.match(await text(page, '[data-testid=workload-progress]'), /stopped/);
  assert.equal(await page.isEnabled('[data-testid=workload-run]'), true);
  assert.equal(await page.isEnabled('[data-testid=crossover-run]'), true);
  await runWorkload();
  await page.selectOption('[data-testid=crossover-pattern]', 'report_dashboard');
  await page.click('[data-testid=crossover-run]');
  await page.waitForFunction(
    () => /\(done\)/.test(document.querySelector('[data-testid=crossover-progress]')?.textContent ?? ''),
    null,
    { timeout: 120_000 },
  );
  assert.ok((await page.$$eval('[data-testid=crossover-chart] circle.point', (c) => c.length)) > 0);
});

test('no page errors', () => {
  // The worker the test ended reports itself in the notice, not as a page error.
  assert.deepEqual(errors.filter((e) => !/ended by the test/.test(e)), []);
});
