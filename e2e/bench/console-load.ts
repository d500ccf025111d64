/**
 * The console's first load and its way to the accounts list with many accounts: the JavaScript
 * sent before the sign-in page shows (gzipped, as a compressing proxy or the gateway sends it),
 * and the time from pressing "Sign in" to the first page of accounts on screen, in Chromium.
 * Run: npm run bench:console -w e2e   (BENCH_ACCOUNTS, default 100,000; loopback only)
 */
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../src/browser';
import { ConsoleBrowser } from '../src/console';
import { BOOTSTRAP_ADMIN, Stack } from '../src/stack';
import { runBenchmark } from './measure';
import { seedAccounts } from './seed-accounts';

const accounts = Number(process.env['BENCH_ACCOUNTS'] ?? 100_000);
const ROUNDS = 5;

runBenchmark(async () => {
  const stack = await Stack.start(['identity', 'accounts', 'gateway']);
  const browser = await launchChromium();
  try {
    await seedAccounts(stack, accounts);
    const scripts = new Map<string, number>();
    const timings: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const visit = await ConsoleBrowser.open(browser, stack);
      visit.page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        void response.body().then((body) => scripts.set(response.url(), gzipSync(body).length));
      });
      await visit.goto('/accounts');
      await visit.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      const started = performance.now();
      await visit.signIn(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password, /\/console\/accounts$/);
      await visit.page
        .getByRole('link', { name: /^Fleet / })
        .first()
        .waitFor();
      timings.push(performance.now() - started);
      await visit.close();
    }
    const firstLoad = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`accounts in the database: ${accounts}`);
    console.log(`JavaScript on first load: ${(firstLoad / 1024).toFixed(1)} KiB gzipped`);
    for (const [url, size] of scripts) console.log(`  ${new URL(url).pathname}: ${size} bytes`);
    console.log(
      `sign-in → accounts list on screen (${ROUNDS} rounds): median ${sorted[Math.floor(ROUNDS / 2)].toFixed(0)} ms, ` +
        `min ${sorted[0].toFixed(0)} ms, max ${sorted[ROUNDS - 1].toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
});
