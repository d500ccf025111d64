import { randomUUID } from 'node:crypto';
import { invitations } from '@onramp/contracts';
import { recipientsOf } from '@onramp/testing';
import { Api } from './api';
import { ServiceCalls } from './service-calls';
import { eventually, Stack } from './stack';

const create = invitations.InvitationsService.method.createInvitation;

describe("an invitation's idempotency key (what the import's rows carry)", () => {
  let stack: Stack;
  let calls: ServiceCalls;
  let caller: ReturnType<typeof ServiceCalls.platformAdmin>;
  let accountId: string;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    const admin = await Api.of(stack).loginAsAdmin();
    const me = await admin.api.get<{ user: { id: string } }>('/v1/me');
    caller = ServiceCalls.platformAdmin(me.body.user.id);
    const account = await admin.api.post<{ id: string }>('/v1/accounts', {
      name: 'Idempotent Fleet',
      type: 'consumer',
    });
    expect(account.status).toBe(201);
    accountId = account.body.id;
    calls = await ServiceCalls.of(stack);
  }, 180_000);
  afterAll(async () => {
    await calls?.close();
    await stack?.stop();
  });

  const invite = (email: string, idempotencyKey: string) =>
    calls.call(create, {
      caller,
      email,
      name: 'Imported Driver',
      spec: { kind: { case: 'accountUser', value: { accountIds: [accountId], role: 'driver' } } },
      sendEmail: true,
      idempotencyKey,
    });

  it('answers the first invitation again, sequentially and concurrently, and sends one email', async () => {
    const email = `once-${randomUUID().slice(0, 8)}@legacy.test`;
    const key = `import:${randomUUID()}:2`;
    const first = await invite(email, key);
    const again = await invite(email, key);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => invite(email, key)));

    const ids = new Set([first, again, ...concurrent].map((answer) => answer.invitation?.id));
    expect(ids).toEqual(new Set([first.invitation!.id]));
    expect(again.supersededInvitationId).toBe('');
    await eventually('the invitation email', () =>
      Promise.resolve(
        stack.mailbox.messages.some((message) => recipientsOf(message).includes(email)),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      stack.mailbox.messages.filter((message) => recipientsOf(message).includes(email)),
    ).toHaveLength(1);
  });

  it('makes a new invitation for a new key, superseding the pending one as usual', async () => {
    const email = `twice-${randomUUID().slice(0, 8)}@legacy.test`;
    const first = await invite(email, `import:${randomUUID()}:2`);
    const second = await invite(email, `import:${randomUUID()}:2`);
    expect(second.invitation!.id).not.toBe(first.invitation!.id);
    expect(second.supersededInvitationId).toBe(first.invitation!.id);
  });
});
