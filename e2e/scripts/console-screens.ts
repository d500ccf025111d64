/**
 * Screenshots of the console's main screens at a laptop's and a phone's width, on a stack with
 * a little data, for release notes and reviews: PNG files in SCREENS_DIR (default
 * .onramp/screens at the repository root).
 * Run: npm run screens:console -w e2e   (loopback only)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Api } from '../src/api';
import { launchChromium } from '../src/browser';
import { ConsoleBrowser, SCREEN_WIDTHS } from '../src/console';
import { InvitationFlows } from '../src/invitation-flows';
import { BOOTSTRAP_ADMIN, Stack } from '../src/stack';

const folder = path.resolve(
  process.env['SCREENS_DIR'] ?? path.join(__dirname, '..', '..', '.onramp', 'screens'),
);

async function main(): Promise<void> {
  await mkdir(folder, { recursive: true });
  const stack = await Stack.start([
    'identity',
    'accounts',
    'invitations',
    'notifications',
    'import',
    'gateway',
  ]);
  const browser = await launchChromium();
  try {
    const { api: admin } = await Api.of(stack).loginAsAdmin();
    const flows = new InvitationFlows(stack, admin);
    const fleet = await flows.createAccount({
      name: 'Fleet Partners',
      type: 'business',
      licence: 'pro',
      company: { legalName: 'Fleet Partners B.V.', vatNumber: 'NL123456789B01' },
      billingAddress: { line1: 'Laan 1', postalCode: '1234 AB', city: 'Utrecht', country: 'NL' },
      reimbursementRateEurPerKwh: '0.3125',
    });
    for (const name of ['Harbour Freight', 'City Cabs', 'Green Logistics'])
      await flows.createAccount({ name, type: 'consumer' });
    await flows.invite({ kind: 'system_user', email: 'sam.support@cpo.test', roles: ['support'] });
    await flows.invite({
      kind: 'end_user',
      email: 'eva@fleet.test',
      accountId: fleet.id,
      accountName: 'Fleet Partners – Eva',
      role: 'driver',
      accountType: 'consumer',
    });

    const operator = await ConsoleBrowser.open(browser, stack);
    const screens: [string, string, string][] = [
      ['users-system', '/users/system?status=invited', 'System users'],
      ['users-customers', '/users/customers?view=invitations&kind=end_user', 'Customers'],
      ['accounts', '/accounts', 'Accounts'],
      ['account-details', `/accounts/${fleet.id}`, 'Fleet Partners'],
      ['account-joining-codes', `/accounts/${fleet.id}?tab=joining-codes`, 'Fleet Partners'],
      ['drivers', `/drivers?account=${fleet.id}&status=invited`, 'Drivers & Vehicles'],
      ['imports', '/imports', 'Import and export'],
      ['settings-email', '/settings/email', 'Settings'],
    ];
    await operator.goto('/login');
    await operator.page.setViewportSize({ width: SCREEN_WIDTHS[0], height: 900 });
    await operator.page.screenshot({ path: path.join(folder, 'login-1280.png') });
    await operator.signIn(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password, /\/console\/users/);
    for (const [file, address, heading] of screens) {
      await operator.goto(address);
      await operator.page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
      await operator.page.waitForLoadState('networkidle');
      for (const width of SCREEN_WIDTHS) {
        await operator.page.setViewportSize({ width, height: 900 });
        await operator.page.waitForTimeout(300);
        await operator.page.screenshot({
          path: path.join(folder, `${file}-${width}.png`),
          fullPage: true,
        });
      }
    }
    console.log(`screenshots in ${folder}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
