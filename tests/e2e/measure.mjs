// Measures the built page in headless Chromium (not part of `cargo xtask test`):
// time from navigation to engine-status `ready`, and the medians of panes A and B
// for the report-dashboard pattern, at each scale.
//
//   cargo xtask serve &                       # builds dist/ and serves it
//   node tests/e2e/measure.mjs http://127.0.0.1:8080/ [100000 1000000]
// SEEKSCAN_SHOTS=<dir> also saves a screenshot of each scale's panes.
import { chromium } from 'playwright-core';

const [url = process.env.SEEKSCAN_URL, ...scaleArgs] = process.argv.slice(2);
if (!url) {
  console.error('usage: node tests/e2e/measure.mjs <url of the served dist/> [scale ...]');
  process.exit(2);
}
const scales = scaleArgs.length ? scaleArgs.map(Number) : [100_000, 1_000_000];
const flags = (process.env.SEEKSCAN_CHROMIUM_FLAGS ?? '--headless --no-sandbox --disable-gpu').split(' ');
const pattern = process.env.SEEKSCAN_PATTERN ?? 'report_dashboard';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
const results = [];
try {
  for (const scale of scales) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const started = Date.now();
    await page.goto(`${url.replace(/\/?$/, '/')}?scale=${scale}`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=engine-status]')?.textContent === 'ready',
      null,
      { timeout: 600_000, polling: 50 },
    );
    const readyMs = Date.now() - started;
    const dataset = (await page.locator('.dataset .muted').last().innerText()).trim();
    await page.selectOption('[data-testid=pattern-picker]', pattern);
    const before = Number(await page.getAttribute('[data-testid=pane-b]', 'data-run'));
    const runStarted = Date.now();
    await page.click('[data-testid=run]');
    await page.waitForFunction(
      (previous) =>
        ['a', 'b'].every((s) => Number(document.querySelector(`[data-testid=pane-${s}]`)?.dataset.run) > previous) &&
        document.querySelector('[data-testid=engine-status]')?.textContent === 'ready',
      before,
      { timeout: 600_000 },
    );
    const runMs = Date.now() - runStarted;
    const timing = async (slot) => (await page.locator(`[data-testid=timing-${slot}]`).innerText()).replace(/\s+/g, ' ');
    const plan = async (slot) => {
      const text = await page.locator(`[data-testid=plan-${slot}]`).innerText();
      return /Full scan/.test(text) ? 'Full scan' : (text.match(/\w+_idx/) ?? ['?'])[0];
    };
    const result = {
      scale,
      navigation_to_ready_ms: readyMs,
      dataset,
      pattern,
      a: { plan: await plan('a'), timing: await timing('a') },
      b: { plan: await plan('b'), timing: await timing('b') },
      verdict: (await page.locator('[data-testid=speedup]').innerText()).trim(),
      run_both_panes_ms: runMs,
    };
    console.log(JSON.stringify(result, null, 2));
    if (process.env.SEEKSCAN_SHOTS) await page.screenshot({ path: `${process.env.SEEKSCAN_SHOTS}/measure-${scale}.png` });
    results.push(result);
    await page.close();
  }
} finally {
  await browser.close();
}
