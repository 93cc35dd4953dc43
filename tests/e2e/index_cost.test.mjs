// What each index costs and which ones a workload used, through the built
// dist/ at 10k: the usage counters follow the reads the page ran (and
// reset), unused indexes of B are marked, and a cost measurement shows every
// index's size, each of B's indexes' write cost, the A-versus-B summary and
// the covering index beside the plain one, without counting as usage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { shots, runSql, text, openReady } from './support.mjs';

const PHASE3 = [
  'reportrun_cust_status_idx', 'reportrun_cust_type_idx', 'reportrun_status_date_idx',
  'audit_cust_action_idx', 'audit_entity_idx', 'audit_user_date_idx', 'audit_action_date_idx',
  'prodcfg_cust_enabled_idx', 'prodcfg_slug_enabled_idx',
];
const ALL = [...PHASE3, 'reportrun_covering_idx'];
const RUNS = 3;

let browser;
let page;
let errors;

before(async () => {
  ({ browser, page, errors } = await openReady(`?scale=10000&reps=${RUNS}`));
});

after(async () => {
  await browser?.close();
});

const usageOf = (name) =>
  page.evaluate((n) => {
    const row = document.querySelector(`[data-testid=index-usage-${n}]`);
    return row && {
      scan: Number(row.dataset.idxScan),
      read: Number(row.dataset.idxTupRead),
      fetch: Number(row.dataset.idxTupFetch),
    };
  }, name);

async function waitUsage(name, scans) {
  await page.waitForFunction(
    ([n, s]) => Number(document.querySelector(`[data-testid=index-usage-${n}]`)?.dataset.idxScan) === s,
    [name, scans],
    { timeout: 60_000 },
  );
}

test('usage counts the seeks B ran, resets, and marks the rest of B unused', async () => {
  await page.waitForSelector('[data-testid=index-usage-audit_action_date_idx]');
  await page.click('[data-testid=usage-reset]');
  for (const name of ALL) await waitUsage(name, 0);
  await runSql(page, "SELECT * FROM upstream_domainauditevent WHERE action = 'upload_created' ORDER BY timestamp DESC");
  // Every repetition of B seeks the index once; A (no index) reads none.
  await waitUsage('audit_action_date_idx', RUNS);
  const used = await usageOf('audit_action_date_idx');
  assert.ok(used.read > 0 && used.read % RUNS === 0, JSON.stringify(used));
  assert.equal(used.fetch, used.read, 'SELECT * fetches the row of every entry read');
  for (const name of PHASE3.filter((n) => n !== 'audit_action_date_idx')) {
    assert.deepEqual(await usageOf(name), { scan: 0, read: 0, fetch: 0 }, name);
    assert.match(await text(page, `[data-testid=index-unused-${name}]`), /unused — candidate to drop/);
  }
  assert.equal(await page.locator('[data-testid=index-unused-audit_action_date_idx]').count(), 0);
  // The proposal is not in B: not a candidate there.
  assert.equal(await page.locator('[data-testid=index-unused-reportrun_covering_idx]').count(), 0);
});

test('a cost measurement shows sizes, write costs and the covering comparison', async () => {
  await page.click('[data-testid=index-cost-run]');
  await page.waitForSelector('[data-testid=write-cost-summary]', { timeout: 180_000 });
  const summary = await text(page, '[data-testid=write-cost-summary]');
  // Each ratio carries its interval: "inserts 7.0× slower under B (3.8–9.2×); …".
  assert.match(summary, /^inserts .+ under B( \(.+?\))?; updates .+ under B( \(.+?\))?; deletes .+ under B/);
  for (const name of ALL) {
    const bytes = Number(await page.getAttribute(`[data-testid=index-size-${name}]`, 'data-bytes'));
    assert.ok(bytes > 0, `${name}: ${bytes} bytes`);
  }
  for (const name of PHASE3) {
    assert.match(await text(page, `[data-testid=index-write-cost-${name}]`), /µs/, name);
  }
  const covering = await text(page, '[data-testid=covering-size]');
  assert.match(covering, /×/);
  const projected = await text(page, '[data-testid=covering-read-report_dashboard-projected]');
  assert.match(projected, /10 of 10/, projected);
  // The measurement's own reads and writes are no part of the usage.
  await page.click('[data-testid=usage-refresh]');
  await waitUsage('audit_action_date_idx', RUNS);
  assert.deepEqual(await usageOf('reportrun_covering_idx'), { scan: 0, read: 0, fetch: 0 });
  await page.locator('[data-testid=index-costs]').screenshot({ path: `${shots}/index-costs.png` });
  await page.locator('[data-testid=index-usage]').screenshot({ path: `${shots}/index-usage.png` });
  assert.deepEqual(errors, []);
});
