// What PostgreSQL and SQLite choose, under the verdict, through the built
// dist/ at 10k: for every documented pattern and both tenants the page
// shows the choice crates/core/data/engine_agreement.json records (the
// PostgreSQL agreement test keeps it true), says whether it agrees with
// seekscan, and where it does not, why; free SQL shows no claim.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { url, shots, openReady } from './support.mjs';

const facts = JSON.parse(
  readFileSync(new URL('../../crates/core/data/engine_agreement.json', import.meta.url), 'utf8'),
);
const at10k = facts.scales.find((s) => s.scale === 10000);
const label = (access) => access.index ?? 'seq scan';
const same = (a, b) => label(a) === label(b);

let browser;
let page;
let errors;

before(async () => {
  ({ browser, page, errors } = await openReady(`?scale=10000`, { width: 1400, height: 1000 }));
});

after(async () => {
  await browser?.close();
});

const shown = (testid) =>
  page.$eval(`[data-testid=${testid}]`, (el) => ({
    index: el.dataset.index,
    agrees: el.dataset.agrees,
    text: el.innerText,
  }));

async function check(pattern, tenant) {
  const recorded = at10k.patterns.find((p) => p.pattern === pattern && p.tenant === tenant);
  assert.ok(recorded, `${pattern} ${tenant} recorded`);
  const postgres = recorded.postgres.find((c) => c.random_page_cost === 4);
  await page.waitForSelector('[data-testid=engine-agreement]');
  const pg = await shown('agreement-postgres');
  assert.equal(pg.index, label(postgres.access), `${pattern} ${tenant}: PostgreSQL`);
  assert.equal(pg.agrees, String(same(postgres.access, recorded.seekscan)), `${pattern} ${tenant}`);
  const lite = await shown('agreement-sqlite');
  assert.equal(lite.index, label(recorded.sqlite), `${pattern} ${tenant}: SQLite`);
  assert.equal(lite.agrees, String(same(recorded.sqlite, recorded.seekscan)));
  // A difference comes with its reason and the numbers it rests on.
  if (pg.agrees === 'false') {
    assert.match(pg.text, /few pages|matches most rows|bitmap scan|another index/, pg.text);
    assert.match(pg.text, /rows in \d+ pages of 8 KiB/, pg.text);
  } else {
    assert.doesNotMatch(pg.text, /pages of 8 KiB/, pg.text);
  }
  assert.match(pg.text, /random_page_cost 1\.1/, pg.text);
  return pg;
}

test('every pattern shows PostgreSQL\'s and SQLite\'s recorded choice for the large tenant', async () => {
  const ids = await page.$$eval('[data-testid=pattern-picker] option', (options) =>
    options.map((o) => o.value).filter((v) => v),
  );
  assert.equal(ids.length, 12);
  let differs = 0;
  for (const id of ids) {
    await page.selectOption('[data-testid=pattern-picker]', id);
    const pg = await check(id, 'large');
    if (pg.agrees === 'false') differs += 1;
  }
  // The recorded facts hold disagreements at 10k (the product config table is one page).
  assert.ok(differs > 0, 'some pattern differs');
  await page.selectOption('[data-testid=pattern-picker]', 'feature_flags');
  await page.screenshot({ path: `${shots}/agreement-feature_flags.png` });
});

test('the small tenant shows its own facts', async () => {
  await page.selectOption('[data-testid=pattern-picker]', 'report_dashboard');
  await page.click('button:has-text("small tenant")');
  await page.waitForFunction(
    (small) => {
      const id = document.querySelector('#param-tenant')?.value;
      return id === String(small);
    },
    at10k.patterns.find((p) => p.tenant === 'small').tenant_id,
  );
  const pg = await check('report_dashboard', 'small');
  console.log(`report_dashboard small: PostgreSQL ${pg.index}, agrees ${pg.agrees}`);
  await page.screenshot({ path: `${shots}/agreement-report_dashboard-small.png` });
});

test('free SQL makes no claim about other engines', async () => {
  await page.selectOption('[data-testid=pattern-picker]', '');
  await page.fill('[data-testid=sql-editor]', 'SELECT COUNT(*) FROM upstream_productconfig');
  await page.waitForFunction(() => !document.querySelector('[data-testid=engine-agreement]'));
  assert.deepEqual(errors, []);
});

test('another seed\'s rows or a tenant nobody measured show no facts', async () => {
  const prefix = 'p.';
  for (const query of [
    `?scale=10000&seed=${facts.seed + 1}&pattern=report_dashboard`,
    `?scale=10000&pattern=report_dashboard&${prefix}tenant=999999`,
  ]) {
    const other = await openReady(query);
    try {
      await other.page.waitForSelector('[data-testid=pattern-picker]');
      assert.equal(await other.page.locator('[data-testid=engine-agreement]').count(), 0, query);
    } finally {
      await other.browser.close();
    }
  }
  // The recorded seed and tenant name themselves.
  await page.selectOption('[data-testid=pattern-picker]', 'report_dashboard');
  await page.click('button:has-text("large tenant")');
  await page.waitForSelector('[data-testid=engine-agreement]');
  const large = at10k.patterns.find((p) => p.tenant === 'large').tenant_id;
  assert.match(
    await page.innerText('[data-testid=engine-agreement]'),
    new RegExp(`seed ${facts.seed}\\), the large tenant \\(customer ${large}\\)`),
  );
});
