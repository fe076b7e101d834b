// Measures the web map's default city-wide view in headless Chromium: when the first data was drawn
// (the page's 'srmap-first-data' mark, from the start of navigation) and how many bytes crossed the
// network for everything the view loaded (transferSize of the page and of every resource: headers
// and compressed bodies). Each run is a fresh browser context, so nothing comes from its cache.
// Usage: node bench/webmap.mjs URL RUNS   (run by bench/webmap.sh, which installs playwright-core)
import { chromium } from 'playwright-core';

const [url, runs] = [process.argv[2], Number(process.argv[3] || 5)];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(
    () => document.documentElement.dataset.tiles === 'loaded' && document.documentElement.dataset.panels === 'loaded',
    null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const r = await page.evaluate(() => {
    const mark = performance.getEntriesByName('srmap-first-data')[0];
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const by = {};
    for (const e of entries) {
      const kind = e.name.includes('/tiles/') ? 'tiles' : e.name.includes('/api/') ? 'api'
        : e.name.includes('/webjars/') ? 'libraries' : 'page';
      by[kind] = (by[kind] || 0) + e.transferSize;
    }
    return { firstData: mark ? mark.startTime : null, bytes: entries.reduce((a, e) => a + e.transferSize, 0),
      requests: entries.length, by };
  });
  results.push({ ...r, errors: errors.length });
  console.log(JSON.stringify({ run: i + 1, ...r, errors }));
  await context.close();
}
await browser.close();
