import { randomUUID } from 'node:crypto';
import { hash as bcrypt } from 'bcryptjs';
import { recipientsOf } from '@onramp/testing';
import { Api } from './api';
import { csvOf, download, importFile } from './imports';
import { InvitationFlows } from './invitation-flows';
import { eventually, Stack } from './stack';

interface User {
  id: string;
  email: string;
  name: string;
  language: string;
  status: string;
  gender: string | null;
  externalId: string | null;
  memberships: { accountIds: string[]; roles: string[] }[];
}

interface Driver {
  costCenterId: string | null;
  info1: string | null;
  info2: string | null;
  vehicle: { make: string | null; model: string | null; licencePlate: string | null } | null;
  userGroupIds: string[];
  chargingCardIds: string[];
  prioritised: boolean;
}

const HEADER = [
  'email',
  'name',
  'defaultLangCode',
  'contact.gender',
  'migrated',
  'externalId',
  'passwordHash',
  'accounts',
  'roles',
  'costCenter',
  'info1',
  'info2',
  'vehicle.make',
  'vehicle.model',
  'vehicle.licencePlate',
  'userGroups',
  'chargingCards',
  'prioritised',
];

function userRow(overrides: Record<string, string>): string[] {
  const base: Record<string, string> = {
    name: 'Imported Driver',
    defaultLangCode: '',
    'contact.gender': '',
    migrated: '',
    externalId: '',
    passwordHash: '',
    accounts: '',
    roles: 'driver',
  };
  return HEADER.map((column) => overrides[column] ?? base[column] ?? '');
}

describe('importing users and drivers from CSV through the gateway', () => {
  let stack: Stack;
  let admin: Api;
  let accountId: string;
  let groupId: string;
  const tag = () => randomUUID().slice(0, 8);

  const userByEmail = async (email: string): Promise<User> => {
    const page = await admin.get<{ items: User[] }>(`/v1/users?q=${encodeURIComponent(email)}`);
    const found = page.body.items.filter((user) => user.email === email);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const emailsTo = (address: string) =>
    stack.mailbox.messages.filter((message) => recipientsOf(message).includes(address));

  beforeAll(async () => {
    stack = await Stack.start();
    admin = (await Api.of(stack).loginAsAdmin()).api;
    const account = await admin.post<{ id: string }>('/v1/accounts', {
      name: 'Import Fleet',
      type: 'consumer',
      plan: 'pro',
    });
    expect(account.status).toBe(201);
    accountId = account.body.id;
    const group = await admin.post<{ id: string }>(`/v1/accounts/${accountId}/user-groups`, {
      name: 'Depot North',
    });
    expect(group.status).toBe(201);
    groupId = group.body.id;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('applies the gender, language and migrated rules to users and keeps every driver field', async () => {
    const t = tag();
    const file = csvOf(HEADER, [
      userRow({
        email: `eva-${t}@legacy.test`,
        name: 'Eva Jansen',
        defaultLangCode: 'nl',
        'contact.gender': 'female',
        migrated: 'true',
        externalId: `U-${t}-1`,
        accounts: accountId,
        costCenter: 'Sales',
        info1: 'Badge 17',
        info2: 'Night shift',
        'vehicle.make': 'Kia',
        'vehicle.model': 'EV6',
        'vehicle.licencePlate': 'ab-123-c',
        userGroups: 'Depot North',
        chargingCards: `NL-ONR-${t}1`,
        prioritised: 'true',
      }),
      userRow({
        email: `piet-${t}@legacy.test`,
        defaultLangCode: 'NL',
        'contact.gender': 'FEMALE',
        migrated: 'true',
        accounts: accountId,
      }),
      userRow({
        email: `marie-${t}@legacy.test`,
        defaultLangCode: 'fr',
        'contact.gender': 'x',
        migrated: 'true',
        accounts: accountId,
      }),
    ]);

    const job = await importFile(admin, file, { kind: 'users' });

    expect(job.status).toBe('completed');
    expect(job.counts).toMatchObject({ total: 3, valid: 3, invalid: 0, created: 3, failed: 0 });
    const eva = await userByEmail(`eva-${t}@legacy.test`);
    expect(eva).toMatchObject({
      name: 'Eva Jansen',
      language: 'nl',
      gender: 'female',
      externalId: `U-${t}-1`,
      status: 'active',
    });
    expect(eva.memberships).toEqual([
      expect.objectContaining({ accountIds: [accountId], roles: ['driver'] }),
    ]);
    expect(await userByEmail(`piet-${t}@legacy.test`)).toMatchObject({
      language: 'en',
      gender: 'male',
    });
    expect(await userByEmail(`marie-${t}@legacy.test`)).toMatchObject({
      language: 'fr',
      gender: 'male',
    });
    const driver = await admin.get<Driver>(`/v1/accounts/${accountId}/drivers/${eva.id}`);
    expect(driver.status).toBe(200);
    expect(driver.body).toMatchObject({
      info1: 'Badge 17',
      info2: 'Night shift',
      vehicle: { make: 'Kia', model: 'EV6', licencePlate: 'AB123C' },
      userGroupIds: [groupId],
      prioritised: true,
    });
    expect(driver.body.costCenterId).not.toBeNull();
    expect(driver.body.chargingCardIds).toHaveLength(1);
    const cards = await admin.get<{ items: { id: string; uid: string }[] }>(
      `/v1/accounts/${accountId}/charging-cards`,
    );
    expect(cards.body.items.find((card) => card.id === driver.body.chargingCardIds[0])?.uid).toBe(
      `NL-ONR-${t}1`,
    );
  });

  it('sends migrated users no email and lets them sign in with their bcrypt hash; invites the others once each', async () => {
    const t = tag();
    const password = 'Legacy-Password-9!';
    const migrated = [1, 2].map((n) => `migrated-${n}-${t}@legacy.test`);
    const invited = [1, 2, 3].map((n) => `invited-${n}-${t}@legacy.test`);
    const legacyHash = await bcrypt(password, 10);
    const file = csvOf(HEADER, [
      ...migrated.map((email, index) =>
        userRow({
          email,
          migrated: 'true',
          accounts: accountId,
          // The first brings its legacy password; the second sets one through a reset.
          passwordHash: index === 0 ? legacyHash : '',
        }),
      ),
      ...invited.map((email) => userRow({ email, migrated: 'false', accounts: accountId })),
    ]);

    const job = await importFile(admin, file, { kind: 'users' });

    expect(job.status).toBe('completed');
    expect(job.counts).toMatchObject({ created: 5, failed: 0, invalid: 0 });
    await eventually('one invitation email per invited user', () =>
      Promise.resolve(invited.every((email) => emailsTo(email).length === 1)),
    );
    for (const email of migrated) expect(emailsTo(email)).toHaveLength(0);
    for (const email of invited)
      expect(await userByEmail(email)).toMatchObject({ status: 'invited' });
    expect(await userByEmail(migrated[1])).toMatchObject({ status: 'active' });

    const signedIn = await Api.of(stack).login(migrated[0], password);
    expect((await signedIn.api.get<{ user: { email: string } }>('/v1/me')).body.user.email).toBe(
      migrated[0],
    );
    const wrong = await Api.of(stack).post('/v1/auth/login', {
      email: migrated[0],
      password: 'Not-The-Password-1!',
    });
    expect(wrong.status).toBe(401);
    // Signed in once, the hash is Onramp's own now: the same password keeps working.
    expect((await Api.of(stack).login(migrated[0], password)).tokens.tokenType).toBe('Bearer');

    // The invitee accepts as any invitee does, and ends with the imported membership, once.
    const accepted = await new InvitationFlows(stack, admin).acceptFromEmail(invited[0]);
    const member = await userByEmail(invited[0]);
    expect(member).toMatchObject({ id: accepted.userId, status: 'active' });
    expect(member.memberships).toEqual([
      expect.objectContaining({ accountIds: [accountId], roles: ['driver'] }),
    ]);

    // The same file again invites nobody twice.
    const again = await importFile(admin, file, { kind: 'users' });
    expect(again.counts).toMatchObject({ created: 0, skipped: 5 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const email of invited) expect(emailsTo(email)).toHaveLength(1);
  });

  it('reports bad rows in an errors CSV that, corrected and uploaded again, completes the import', async () => {
    const t = tag();
    const file = csvOf(HEADER, [
      userRow({ email: `good-${t}@legacy.test`, migrated: 'true', accounts: accountId }),
      userRow({ email: `maybe-${t}@legacy.test`, migrated: 'yes', accounts: accountId }),
      userRow({
        email: `grouped-${t}@legacy.test`,
        migrated: 'true',
        accounts: accountId,
        userGroups: 'Depot Nowhere',
      }),
    ]);

    const job = await importFile(admin, file, { kind: 'users' });
    expect(job.status).toBe('completed');
    expect(job.counts).toMatchObject({ total: 3, created: 1 });
    expect(job.counts.invalid + job.counts.failed).toBe(2);

    const report = await download(admin, `/v1/imports/${job.id}/errors`);
    expect(report.status).toBe(200);
    const lines = report.text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith(HEADER.join(','))).toBe(true);
    expect(lines[1]).toContain(`maybe-${t}@legacy.test`);
    expect(lines[1]).toContain('migrated');
    expect(lines[2]).toContain(`grouped-${t}@legacy.test`);
    expect(lines[2]).toContain('Depot Nowhere');

    const corrected = report.text
      .replace(',yes,', ',true,')
      .replace('Depot Nowhere', 'Depot North');
    const retried = await importFile(admin, corrected, { kind: 'users' });
    expect(retried.status).toBe('completed');
    expect(retried.counts).toMatchObject({ total: 2, created: 2, invalid: 0, failed: 0 });
    expect(await userByEmail(`maybe-${t}@legacy.test`)).toMatchObject({ status: 'active' });
  });

  it('exports users with their driver fields in the import columns, and the export imports back unchanged', async () => {
    const exported = await download(admin, `/v1/exports/users.csv?accountId=${accountId}`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header] = exported.text.split('\n');
    const template = await download(admin, '/v1/imports/templates/users.csv');
    expect(header).toBe(template.text.split('\n')[0]);
    expect(exported.text).toContain('Badge 17');
    expect(exported.text).toContain('AB123C');
    expect(exported.text).toContain('Depot North');

    const reimported = await importFile(admin, exported.text, {
      kind: 'users',
      onConflict: 'update',
    });
    expect(reimported.status).toBe('completed');
    expect(reimported.counts.total).toBeGreaterThan(5);
    expect(reimported.counts).toMatchObject({ invalid: 0, failed: 0, created: 0, updated: 0 });
    expect(reimported.counts.skipped).toBe(reimported.counts.total);
  });
});
