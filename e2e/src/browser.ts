import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A headless Chromium (see ENVIRONMENT.md for where it comes from). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page that behaves as a browser with JavaScript turned off. */
export async function pageWithoutJavaScript(browser: Browser): Promise<Page> {
  return (await browser.newContext({ javaScriptEnabled: false })).newPage();
}

/**
 * The WCAG 2.1 A and AA rules axe-core finds broken in the page as it stands. Our pages run no
 * script and forbid it by CSP, so axe runs over a copy of the document in a page of its own.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const context = await page.context().browser()!.newContext({ bypassCSP: true });
  try {
    const copy = await context.newPage();
    await copy.setContent(await page.content());
    const results = await new AxeBuilder({ page: copy })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  } finally {
    await context.close();
  }
}
