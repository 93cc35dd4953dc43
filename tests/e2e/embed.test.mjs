// Embed mode (?embed): for every documented pattern the compact view fits
// an 800×450 iframe without scrolling (a screenshot of each), Run re-runs
// it, "open in seekscan" opens the full page on the same experiment, and in
// a cross-origin iframe (a test page served from another origin) it loads
// and tells the parent page its height.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, url, shots, waitReady, waitPanes, runOf, collectErrors } from './support.mjs';

const experiment = 'scale=10000&reps=3';
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

// The documented patterns, as the full page's picker lists them.
async function patternIds() {
  const page = await browser.newPage();
  await page.goto(`${url}?${experiment}`);
  await waitReady(page);
  const ids = await page.$$eval('[data-testid=pattern-picker] option', (options) =>
    options.map((o) => o.value).filter((v) => v),
  );
  await page.close();
  return ids;
}

test('the embed view fits 800×450 for every documented pattern', async () => {
  const ids = await patternIds();
  assert.ok(ids.length >= 9, `patterns: ${ids}`);
  const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
  const errors = collectErrors(page);
  for (const id of ids) {
    await page.goto(`${url}?embed&${experiment}&pattern=${id}`);
    await waitReady(page);
    await waitPanes(page, 0);
    assert.equal(await page.getAttribute('body', 'data-embed'), 'true');
    const size = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      bodyHeight: document.body.scrollHeight,
    }));
    await page.screenshot({ path: `${shots}/embed-${id}.png` });
    assert.ok(size.height <= 450 && size.bodyHeight <= 450, `${id}: ${JSON.stringify(size)}`);
    assert.ok(size.width <= 800, `${id}: ${JSON.stringify(size)}`);
    // The plans, the verdict and the read-only SQL are there.
    for (const testid of ['plan-a', 'plan-b', 'speedup', 'embed-sql', 'open-in-seekscan', 'run']) {
      assert.ok(await page.isVisible(`[data-testid=${testid}]`), `${id}: ${testid} visible`);
    }
    assert.equal(await page.$('[data-testid=sql-editor]'), null, 'no editable SQL in the embed');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('Run re-runs the embedded experiment; open in seekscan is the full page', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
  await page.goto(`${url}?embed&${experiment}&pattern=audit_trail`);
  await waitReady(page);
  await waitPanes(page, 0);
  const before = await runOf(page, 'a');
  await page.click('[data-testid=run]');
  await waitPanes(page, before);
  const href = await page.getAttribute('[data-testid=open-in-seekscan]', 'href');
  const link = new URL(href);
  assert.equal(link.searchParams.has('embed'), false, href);
  assert.equal(link.searchParams.get('pattern'), 'audit_trail');
  assert.equal(link.searchParams.get('scale'), '10000');
  const full = await browser.newPage();
  await full.goto(href);
  // The full page offers the snippet that embeds this same experiment.
  await full.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await waitReady(full);
  await waitPanes(full, 0);
  assert.equal(await full.getAttribute('body', 'data-embed'), null);
  assert.ok(await full.isVisible('[data-testid=sql-editor]'));
  assert.match(await full.innerText('[data-testid=plan-b]'), /audit_cust_action_idx/);
  await full.click('[data-testid=copy-embed]');
  const feedback = await (await full.waitForSelector('[data-testid=copy-feedback]')).innerText();
  // Without a clipboard the page shows the snippet instead.
  const snippet = feedback === 'embed snippet copied' ? await full.evaluate(() => navigator.clipboard.readText()) : feedback;
  assert.match(snippet, /^<iframe src="http:\/\/[^"]+\/\?embed&amp;scale=10000&amp;[^"]*pattern=audit_trail[^"]*" width="800" height="450"/, snippet);
  await full.close();
  await page.close();
});

// A page on another origin (another port) that embeds seekscan as the
// snippet in docs/embedding.md does, and records the height messages.
function embeddingPage(src) {
  return `<!doctype html><meta charset="utf-8"><title>doc</title>
<h1>A doc that embeds seekscan</h1>
<iframe id="seekscan" src="${src}" width="800" height="450" style="border:0" loading="lazy"></iframe>
<script>
  window.heights = [];
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'seekscan:height') {
      window.heights.push({ origin: event.origin, height: event.data.height });
      document.getElementById('seekscan').style.height = event.data.height + 'px';
    }
  });
</script>`;
}

test('a cross-origin iframe loads the embed and receives its height', async () => {
  const seekscan = new URL(url);
  const src = `${seekscan.origin}/?embed&${experiment}&pattern=report_dashboard`;
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(embeddingPage(src));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const docOrigin = `http://127.0.0.1:${server.address().port}`;
  assert.notEqual(docOrigin, seekscan.origin);
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(page);
  try {
    await page.goto(`${docOrigin}/`);
    const frame = await (await page.waitForSelector('#seekscan')).contentFrame();
    await waitReady(frame);
    await waitPanes(frame, 0);
    // Once the plans are shown, a message carries the document's height as it is now.
    const shown = await frame.evaluate(() => document.body.offsetHeight);
    await page.waitForFunction(
      (height) => window.heights.some((h) => h.height === height),
      shown,
      { timeout: 10_000 },
    );
    const heights = await page.evaluate(() => window.heights);
    assert.ok(heights.every((h) => h.origin === seekscan.origin), JSON.stringify(heights));
    assert.ok(heights.length >= 2, `one message per layout change: ${JSON.stringify(heights)}`);
    assert.ok(shown > 100 && shown <= 450, `height ${shown}`);
    // The parent sized the frame to the content: the content's height, not the frame's.
    await page.waitForFunction((height) => document.getElementById('seekscan').getBoundingClientRect().height === height, shown);
    const fitted = await frame.evaluate(() => ({ body: document.body.offsetHeight, root: document.documentElement.scrollHeight, view: window.innerHeight }));
    assert.ok(fitted.root <= fitted.view + 1, `no scrolling in the fitted frame: ${JSON.stringify(fitted)}`);
    await page.screenshot({ path: `${shots}/embed-cross-origin.png` });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    server.close();
  }
});
