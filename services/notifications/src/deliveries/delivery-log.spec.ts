import { randomUUID } from 'node:crypto';
import { toJsonString } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity, notifications } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { NotificationsApp } from '../testing/notifications-app';

const listDeliveries = notifications.NotificationsService.method.listDeliveries;

const operator = {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['notifications.read'] }],
};
// An account admin: may read much, but not the installation's delivery log.
const accountAdmin = {
  userId: randomUUID(),
  grants: [{ accountIds: [randomUUID()], permissions: ['accounts.read', 'users.read'] }],
};

let app: NotificationsApp;

beforeAll(async () => {
  app = await NotificationsApp.start({ EMAIL_PROVIDER: 'none' });
}, 120_000);

afterAll(() => app?.stop());

function failure(promise: Promise<unknown>): Promise<{ code: string }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string },
  );
}

/** Deliveries recorded as the service records them, at chosen moments. */
async function seed(
  rows: { recipient: string; status: 'queued' | 'sent' | 'failed' | 'not_sent'; at: string }[],
) {
  const ids = rows.map(() => randomUUID());
  await app.database.delivery.createMany({
    data: rows.map((row, index) => ({
      id: ids[index],
      idempotencyKey: randomUUID(),
      recipient: row.recipient,
      template: 'password-reset',
      language: 'en',
      sourceSubject: 'identity.password-reset.issued.v1',
      status: row.status,
      attempts: row.status === 'queued' ? 0 : 1,
      createdAt: new Date(row.at),
      ...(row.status === 'sent' && {
        providerMessageId: `<${index}@smtp.example>`,
        sentAt: new Date(row.at),
      }),
    })),
  });
  return ids;
}

it('shows an email recorded from an event, with its source event and why it was not sent, and never its token', async () => {
  await app.publish(identity.PasswordResetIssuedSchema, {
    userId: randomUUID(),
    email: 'Log.Reader@Fleet.example',
    name: 'Lou',
    language: 'de',
    token: 'the-secret-reset-token',
    expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
    occurredAt: timestampFromDate(new Date()),
  });
  const list = () => app.call(listDeliveries, { caller: operator, to: 'LOG.reader@fleet.EXAMPLE' });
  // The delivery is listed as queued first; the sender then finds no provider and says so.
  await eventually(
    'the delivery to be listed as not sent',
    async () => (await list()).deliveries[0]?.status === 'not_sent',
  );

  const page = await list();
  const { deliveries, nextCursor } = page;
  expect(nextCursor).toBeUndefined();
  expect(deliveries).toHaveLength(1);
  expect(deliveries[0]).toMatchObject({
    recipient: 'log.reader@fleet.example',
    template: 'password-reset',
    language: 'de',
    sourceEvent: 'identity.password-reset.issued.v1',
    status: 'not_sent',
    attempts: 0,
    providerMessageId: '',
    lastError: 'provider_not_configured',
  });
  expect(deliveries[0].sentAt).toBeUndefined();
  expect(toJsonString(notifications.ListDeliveriesResponseSchema, page)).not.toContain(
    'the-secret-reset-token',
  );
});

it('pages through the log newest first, filtered by recipient and status, without skipping or repeating', async () => {
  const to = `pager-${randomUUID()}@fleet.example`;
  const sameMoment = '2026-11-20T09:00:00.000Z';
  await seed([
    { recipient: to, status: 'sent', at: '2026-11-20T08:00:00.000Z' },
    { recipient: to, status: 'sent', at: sameMoment },
    { recipient: to, status: 'sent', at: sameMoment },
    { recipient: to, status: 'sent', at: sameMoment },
    { recipient: to, status: 'failed', at: '2026-11-20T10:00:00.000Z' },
    { recipient: to, status: 'sent', at: '2026-11-20T11:00:00.000Z' },
    { recipient: 'someone-else@fleet.example', status: 'sent', at: '2026-11-20T12:00:00.000Z' },
  ]);

  const seen: notifications.Delivery[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await app.call(listDeliveries, {
      caller: operator,
      to,
      status: 'sent',
      limit: 2,
      cursor,
    });
    seen.push(...page.deliveries);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== undefined);

  expect(pages).toBe(3);
  expect(seen).toHaveLength(5);
  expect(new Set(seen.map((delivery) => delivery.id)).size).toBe(5);
  expect(seen.every((delivery) => delivery.recipient === to && delivery.status === 'sent')).toBe(
    true,
  );
  const keys = seen.map((delivery) => [timestampDate(delivery.createdAt!).getTime(), delivery.id]);
  const newestFirst = [...keys].sort(([a, idA], [b, idB]) =>
    a === b ? String(idB).localeCompare(String(idA)) : Number(b) - Number(a),
  );
  expect(keys).toEqual(newestFirst);
  expect(seen[0].sentAt).toBeDefined();
  expect(seen[0].providerMessageId).toMatch(/@smtp\.example>$/);
});

it('answers 50 deliveries when no limit is given, and refuses more than 100', async () => {
  const to = `many-${randomUUID()}@fleet.example`;
  await seed(
    Array.from({ length: 51 }, (_, index) => ({
      recipient: to,
      status: 'queued' as const,
      at: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString(),
    })),
  );
  const page = await app.call(listDeliveries, { caller: operator, to });
  expect(page.deliveries).toHaveLength(50);
  expect(page.nextCursor).toBeDefined();

  expect(await failure(app.call(listDeliveries, { caller: operator, limit: 101 }))).toMatchObject({
    code: 'validation_failed',
  });
});

it('refuses a cursor it did not hand out and a status it does not know', async () => {
  expect(
    await failure(app.call(listDeliveries, { caller: operator, cursor: 'bm90LWEtY3Vyc29y' })),
  ).toMatchObject({ code: 'validation_failed' });
  expect(
    await failure(app.call(listDeliveries, { caller: operator, status: 'bounced-ish' })),
  ).toMatchObject({ code: 'validation_failed' });
});

it('lets only a caller holding notifications.read on the platform read the log', async () => {
  expect(await failure(app.call(listDeliveries, { caller: accountAdmin }))).toMatchObject({
    code: 'forbidden',
  });
  const accountScoped = {
    userId: randomUUID(),
    grants: [{ accountIds: [randomUUID()], permissions: ['notifications.read'] }],
  };
  expect(await failure(app.call(listDeliveries, { caller: accountScoped }))).toMatchObject({
    code: 'forbidden',
  });
  expect(await failure(app.call(listDeliveries, {}))).toMatchObject({ code: 'unauthenticated' });
});
