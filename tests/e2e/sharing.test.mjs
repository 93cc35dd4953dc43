// Sharing a comparison: the Markdown block for a review is visible before
// it is copied and the copy is exactly that text; each pane shows its plan
// as our tree, PostgreSQL's EXPLAIN JSON or SQLite's EXPLAIN QUERY PLAN,
// and copies the latter two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { url, shots, launch, collectErrors, waitReady, text } from './support.mjs';

let browser;
let page;
let errors;

before(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(`${url}?scale=10000&reps=3&pattern=report_dashboard`);
  await waitReady(page);
  // The link's pattern runs on open; wait until both panes finished measuring.
  await page.waitForFunction(
    () =>
      ['a', 'b'].every((s) => {
        const pane = document.querySelector(`[data-testid=pane-${s}]`);
        return Number(pane?.dataset.run) > 0 && pane.getAttribute('aria-busy') === 'false';
      }),
    null,
    { timeout: 60_000 },
  );
});

after(async () => {
  await browser?.close();
});

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

test('the Markdown block is visible, complete, and what Copy as Markdown copies', async () => {
  const preview = await text(page, '[data-testid=markdown-preview]');
  for (const section of ['Dataset', 'Indexes', 'SQL', 'Plans', 'Measurements', 'Verdict', 'Link']) {
    assert.match(preview, new RegExp(`^#### ${section}$`, 'm'), `${section} in\n${preview}`);
  }
  assert.match(preview, /10,000 audit events \(scale\), seed 1/);
  assert.match(preview, /- \*\*A\*\*: none \(no secondary index\)/);
  assert.match(preview, /`reportrun_cust_status_idx`/);
  const sql = await page.inputValue('[data-testid=sql-editor]');
  assert.ok(preview.includes('```sql\n' + sql.trim() + '\n```'), preview);
  assert.match(preview, /\| runs \| 3 \| 3 \|/);
  assert.match(preview, /\| rows returned \| 10 \| 10 \|/);
  assert.ok(preview.includes(await text(page, '[data-testid=speedup]')), preview);
  assert.match(preview, /✓ A and B returned the same rows/);
  const link = preview.match(/\[Open this experiment in seekscan\]\(([^)]+)\)/)[1];
  assert.ok(link.startsWith(new URL(url).origin), link);
  assert.match(link, /scale=10000/);
  assert.match(link, /pattern=report_dashboard/);

  await page.click('[data-testid=copy-markdown]');
  await page.waitForFunction(() => document.querySelector('.markdown-export [role=status]')?.textContent === 'Markdown copied');
  assert.equal((await clipboard()).trim(), preview.trim());
  await page.locator('.markdown-export').screenshot({ path: `${shots}/sharing-markdown.png` });
});

test('each pane shows its plan in the format chosen', async () => {
  assert.match(await text(page, '[data-testid=plan-text-a]'), /^Limit/);

  await page.selectOption('[data-testid=plan-format-a]', 'pg-json');
  const scanned = JSON.parse(await text(page, '[data-testid=plan-text-a]'));
  assert.equal(scanned.length, 1);
  assert.equal(scanned[0].Plan['Node Type'], 'Limit');
  assert.ok(typeof scanned[0]['Execution Time'] === 'number');
  const types = [];
  const walk = (node) => {
    types.push(node['Node Type']);
    (node.Plans ?? []).forEach(walk);
  };
  walk(scanned[0].Plan);
  assert.deepEqual(types, ['Limit', 'Sort', 'Seq Scan']);

  await page.selectOption('[data-testid=plan-format-b]', 'sqlite-eqp');
  assert.equal(
    (await text(page, '[data-testid=plan-text-b]')).trim(),
    'QUERY PLAN\n`--SEARCH upstream_reportrun USING INDEX reportrun_cust_status_idx (customer_id=? AND status=?)',
  );
  // Pane A keeps its own choice.
  assert.ok((await text(page, '[data-testid=plan-text-a]')).includes('"Node Type"'));
  await page.locator('[data-testid=pane-b]').screenshot({ path: `${shots}/sharing-plan-text.png` });
});

test('the copy buttons copy PostgreSQL JSON and SQLite text whatever is shown', async () => {
  await page.selectOption('[data-testid=plan-format-b]', 'tree');
  await page.click('[data-testid=copy-plan-pg-json-b]');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid=pane-b] [role=status]')].some((s) => s.textContent === 'PostgreSQL JSON copied'),
  );
  const seek = JSON.parse(await clipboard())[0].Plan;
  assert.equal(seek['Node Type'], 'Limit');
  assert.equal(seek.Plans[0]['Node Type'], 'Index Scan');
  assert.equal(seek.Plans[0]['Index Name'], 'reportrun_cust_status_idx');
  assert.equal(seek.Plans[0]['Relation Name'], 'upstream_reportrun');

  await page.click('[data-testid=copy-plan-sqlite-a]');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid=pane-a] [role=status]')].some((s) => s.textContent === 'SQLite plan copied'),
  );
  assert.equal((await clipboard()).trim(), 'QUERY PLAN\n|--SCAN upstream_reportrun\n`--USE TEMP B-TREE FOR ORDER BY');
  assert.deepEqual(errors, []);
});
