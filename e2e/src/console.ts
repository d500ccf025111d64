import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './browser';
import type { Stack } from './stack';

/** The widths every console screen must work at: a laptop and a phone. */
export const SCREEN_WIDTHS = [1280, 390] as const;

/**
 * Run in the page: when it scrolls sideways, the outermost elements that reach past the window's
 * right edge (tag and classes), so a failure names what to fix.
 */
const WIDER_THAN_THE_WINDOW = `(() => {
  if (document.documentElement.scrollWidth <= window.innerWidth) return [];
  const clips = (element) => getComputedStyle(element).overflowX !== 'visible';
  const wide = [...document.body.querySelectorAll('*')].filter((element) => {
    if (element.getBoundingClientRect().right <= window.innerWidth + 1) return false;
    for (let up = element.parentElement; up !== null; up = up.parentElement)
      if (clips(up)) return false;
    return true;
  });
  return wide
    .filter((element) => !wide.includes(element.parentElement))
    .slice(0, 3)
    .map((element) => element.tagName.toLowerCase() + [...element.classList].map((c) => '.' + c).join('') + ' "' + (element.textContent ?? '').slice(0, 40) + '"');
})()`;

/**
 * A browser session in the console: its own cookies, and every CSP refusal the page met
 * (a screen that needs an inline script or style the policy refuses would be broken).
 */
export class ConsoleBrowser {
  readonly cspViolations: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly stack: Stack,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        this.cspViolations.push(message.text());
    });
  }

  static async open(browser: Browser, stack: Stack): Promise<ConsoleBrowser> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    return new ConsoleBrowser(context, await context.newPage(), stack);
  }

  url(path: string): string {
    return `${this.stack.gatewayUrl}/console${path}`;
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.url(path));
  }

  /** Signs in on the login page the console sends to, and waits to be on `landing`. */
  async signIn(email: string, password: string, landing: RegExp): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.waitForURL(landing);
  }

  /** What axe-core finds broken on the screen as shown, at each width. */
  async screenProblems(): Promise<string[]> {
    const problems: string[] = [];
    for (const width of SCREEN_WIDTHS) {
      await this.page.setViewportSize({ width, height: 900 });
      await this.settled();
      const overflowing = await this.page.evaluate<string[]>(WIDER_THAN_THE_WINDOW);
      if (overflowing.length > 0)
        problems.push(`at ${width} px the page scrolls sideways: ${overflowing.join(', ')}`);
      problems.push(...(await accessibilityViolations(this.page)).map((v) => `${width} px: ${v}`));
    }
    await this.page.setViewportSize({ width: 1280, height: 900 });
    return problems;
  }

  /**
   * Waits for the transitions a resize starts (the menu folding away) to end. One cut short
   * (a hover that moved on as the layout changed) is over as well, though its promise rejects.
   */
  private settled(): Promise<void> {
    return this.page.evaluate<void>(
      'Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))).then(() => {})',
    );
  }

  /** Everything a script of this origin could read from the browser's storage. */
  storedValues(): Promise<string[]> {
    return this.page.evaluate<string[]>(
      '[...Object.values(localStorage), ...Object.values(sessionStorage)]',
    );
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** Opens an invitation's emailed link in the browser and accepts it, as the invitee would. */
export async function acceptInvitationPage(
  page: Page,
  link: string,
  password: string,
  extraFields: Record<string, string> = {},
): Promise<void> {
  await page.goto(link);
  for (const [label, value] of Object.entries(extraFields))
    await page.getByLabel(label).fill(value);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.getByRole('heading', { name: 'Welcome' }).waitFor();
}
