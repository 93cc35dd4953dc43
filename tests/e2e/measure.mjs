// Measures the built page in headless Chromium (not part of `cargo xtask test`):
// at each scale, the time from navigation to engine-status `ready` and to
// every index built (the large tables' build in the background), the
// worker's memory, and for every documented pattern the time to the first
// answer of both panes, the Run's wall time until both panes finished
// measuring, and each pane's plan, median and runs; then the toggle latency
// (toggle → its pane shows the new first run) and the wasm sizes. The ready
// time is split into the worker's load (and its index builds) and start-up.
//
//   cargo xtask serve --port 8123 &           # builds dist/ and serves it
//   node tests/e2e/measure.mjs http://127.0.0.1:8123/ [100000 1000000]
// SEEKSCAN_SHOTS=<dir> also saves a screenshot of each scale's panes;
// SEEKSCAN_PATTERNS=a,b measures only those patterns.
import { chromium } from 'playwright-core';

const [url = process.env.SEEKSCAN_URL, ...scaleArgs] = process.argv.slice(2);
if (!url) {
  console.error('usage: node tests/e2e/measure.mjs <url of the served dist/> [scale ...]');
  process.exit(2);
}
const base = url.replace(/\/?$/, '/');
const scales = scaleArgs.length ? scaleArgs.map(Number) : [100_000, 1_000_000];
const flags = (process.env.SEEKSCAN_CHROMIUM_FLAGS ?? '--headless --no-sandbox --disable-gpu').split(' ');
// The pattern whose index is toggled: indexed in B, a full scan in A.
const togglePattern = 'report_dashboard';

const ready = (page) =>
  page.waitForFunction(() => document.querySelector('[data-testid=engine-status]')?.textContent === 'ready', null, {
    timeout: 900_000,
    polling: 20,
  });

const runOf = (page, slot) => page.getAttribute(`[data-testid=pane-${slot}]`, 'data-run').then(Number);

// Resolves when every pane in `slots` shows a run newer than `before`.
const answered = (page, before, slots) =>
  page.waitForFunction(
    ([previous, wanted]) =>
      wanted.every((s) => Number(document.querySelector(`[data-testid=pane-${s}]`)?.dataset.run) > previous),
    [before, slots],
    { timeout: 900_000, polling: 'raf' },
  );

const workerMemoryMiB = async (page) =>
  Number(await page.getAttribute('[data-testid=worker-memory]', 'data-bytes')) / 1_048_576;

async function pane(page, slot) {
  const plan = await page.locator(`[data-testid=plan-${slot}]`).innerText();
  const timing = (await page.locator(`[data-testid=timing-${slot}]`).innerText()).replace(/\s+/g, ' ');
  return {
    plan: /Full scan/.test(plan) ? 'Full scan' : (plan.match(/\w+_idx/) ?? ['?'])[0],
    median: (timing.match(/median (\S+ \S+)/) ?? [, '?'])[1],
    runs: (timing.match(/over (.+? runs?)/) ?? [, '?'])[1],
  };
}

// Clicks Run; the first answer of both panes, then the end of their repetitions.
async function runPattern(page, id) {
  await page.selectOption('[data-testid=pattern-picker]', id);
  const before = Math.max(await runOf(page, 'a'), await runOf(page, 'b'));
  const started = Date.now();
  await page.click('[data-testid=run]');
  await answered(page, before, ['a', 'b']);
  const firstMs = Date.now() - started;
  await ready(page);
  return {
    pattern: id,
    first_answer_ms: firstMs,
    run_wall_ms: Date.now() - started,
    a: await pane(page, 'a'),
    b: await pane(page, 'b'),
    verdict: (await page.locator('[data-testid=speedup]').innerText()).trim(),
  };
}

// Toggles `index` in `slot`; milliseconds until that pane shows the new
// run, timed in the page (click to the pane's new `data-run`), so the
// driver's own latency does not count.
async function toggle(page, slot, index) {
  const ms = await page.evaluate(
    ([slot, index]) =>
      new Promise((resolve) => {
        const pane = document.querySelector(`[data-testid=pane-${slot}]`);
        const before = Number(pane.dataset.run);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (Number(pane.dataset.run) > before) {
            observer.disconnect();
            resolve(Math.round(performance.now() - started));
          }
        });
        observer.observe(pane, { attributes: true, attributeFilter: ['data-run'] });
        document.querySelector(`[data-testid=index-toggle-${slot}-${index}]`).click();
      }),
    [slot, index],
  );
  await ready(page);
  return { ms, plan: (await pane(page, slot)).plan };
}

async function toggles(page) {
  await runPattern(page, togglePattern);
  const index = (await page.locator('.pattern-meta code').innerText()).trim();
  return {
    pattern: togglePattern,
    a_on_indexed: await toggle(page, 'a', index),
    a_off_scan: await toggle(page, 'a', index),
    b_off_scan: await toggle(page, 'b', index),
    b_on_indexed: await toggle(page, 'b', index),
  };
}

async function wasmSizes() {
  const sizes = {};
  for (const file of ['seekscan-web_bg.wasm', 'worker_bg.wasm']) {
    const response = await fetch(`${base}${file}`);
    sizes[file] = response.ok ? (await response.arrayBuffer()).byteLength : `HTTP ${response.status}`;
  }
  return sizes;
}

// The workload view's Run (every pattern for both tenants under A and B,
// with the page's 20 runs and time budget): from the click to its last row.
async function workload(page) {
  const started = Date.now();
  await page.click('[data-testid=workload-run]');
  await page.waitForFunction(
    () => {
      const p = document.querySelector('[data-testid=workload-progress]');
      return p && p.dataset.total !== '0' && p.dataset.done === p.dataset.total;
    },
    null,
    { timeout: 900_000, polling: 'raf' },
  );
  return {
    wall_ms: Date.now() - started,
    verdict: await page.locator('[data-testid=workload-verdict]').innerText(),
  };
}

async function measure(browser, scale) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const started = Date.now();
  await page.goto(`${base}?scale=${scale}`);
  await ready(page);
  const navigationToReady = Date.now() - started;
  // Ready: the rows are stored and the small tables indexed; the large
  // tables' indexes may still be building in the background (a query on
  // such a table waits for them), and the patterns are timed after.
  await page.waitForFunction(
    () => document.querySelector('[data-testid=background-build]')?.dataset.pending === '0',
    null,
    { timeout: 900_000, polling: 20 },
  );
  const navigationToAllIndexes = Date.now() - started;
  const result = {
    scale,
    navigation_to_ready_ms: navigationToReady,
    navigation_to_all_indexes_ms: navigationToAllIndexes,
    dataset: (await page.locator('[data-testid=load-summary]').innerText()).trim(),
    worker_memory_after_load_mib: await workerMemoryMiB(page),
  };
  // Where the time went: the worker's load (generating, storing, indexing,
  // as the dataset panel says) and the rest (page and worker start-up).
  const [, loadMs, indexMs] = result.dataset.match(/ready in ([\d,]+) ms, of which ([\d,]+) ms/) ?? [];
  if (loadMs) {
    const number = (text) => Number(text.replaceAll(',', ''));
    result.worker_load_ms = number(loadMs);
    result.worker_index_ms = number(indexMs);
    result.startup_ms = navigationToReady - number(loadMs);
  }
  const only = process.env.SEEKSCAN_PATTERNS?.split(',');
  const ids = (
    await page.$$eval('[data-testid=pattern-picker] option', (options) => options.map((o) => o.value).filter((v) => v))
  ).filter((id) => !only || only.includes(id));
  result.patterns = [];
  for (const id of ids) {
    const one = await runPattern(page, id);
    console.error(JSON.stringify(one));
    result.patterns.push(one);
  }
  result.toggles = await toggles(page);
  result.workload = await workload(page);
  console.error(JSON.stringify({ workload: result.workload }));
  result.worker_memory_after_runs_mib = await workerMemoryMiB(page);
  if (process.env.SEEKSCAN_SHOTS) await page.screenshot({ path: `${process.env.SEEKSCAN_SHOTS}/measure-${scale}.png` });
  await page.close();
  return result;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
try {
  for (const scale of scales) console.log(JSON.stringify(await measure(browser, scale), null, 2));
} finally {
  await browser.close();
}
// Last: Node's fetch keeps its connection open, and the server stalls the
// page's first requests behind it for seconds (measured), so the sizes
// must not be fetched before a ready time is taken.
console.log(JSON.stringify({ wasm_bytes: await wasmSizes() }));
