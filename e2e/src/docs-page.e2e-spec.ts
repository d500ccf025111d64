import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { Stack } from './stack';

describe('the API documentation page at /docs', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await Stack.start(['gateway']);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('renders the OpenAPI document in a real browser, from the gateway alone', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const failures: string[] = [];
    page.on('requestfailed', (request) => failures.push(request.url()));

    const response = await page.goto(`${stack.gatewayUrl}/docs`);
    expect(response?.status()).toBe(200);
    await page.getByText('Onramp API', { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.getByText('/v1/auth/login').first().waitFor({ timeout: 30_000 });
    expect(await page.getByText('/v1/users/{id}/deactivate').count()).toBeGreaterThan(0);

    // Self-hosted clusters are often offline: every asset must come from the gateway itself.
    expect(requested.length).toBeGreaterThan(1);
    for (const url of requested) expect(url.startsWith(stack.gatewayUrl)).toBe(true);
    expect(failures).toEqual([]);
  });
});
