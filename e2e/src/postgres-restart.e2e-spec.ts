import { recipientsOf } from '@onramp/testing';
import { Api, type ApiResponse } from './api';
import { InvitationFlows } from './invitation-flows';
import { eventually, Stack } from './stack';

/** Longest a request may take while Postgres is down: it fails fast, it never hangs. */
const ANSWER_WITHIN_MS = 5_000;
/** Longest the services may take to be ready again once Postgres is back. */
const RECOVERY_WITHIN_MS = 60_000;
/** Rounds of requests while Postgres is down, a pause apart: its outage lasts a few seconds. */
const ROUNDS_WHILE_DOWN = 6;
const PAUSE_BETWEEN_ROUNDS_MS = 500;
const SERVICES_WITH_A_DATABASE = ['identity', 'accounts', 'invitations', 'notifications'] as const;

describe('Postgres restarted under running services', () => {
  let stack: Stack;
  let admin: Api;
  let flows: InvitationFlows;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    if (stack.infrastructure.postgres === undefined)
      throw new Error(
        `this fault test stops and starts Postgres itself, which ${stack.infrastructure.kind} servers do not allow: run it on embedded servers (ONRAMP_TEST_INFRA=embedded)`,
      );
    admin = (await Api.of(stack).loginAsAdmin()).api;
    flows = new InvitationFlows(stack, admin);
  }, 180_000);
  afterAll(() => stack?.stop());

  /** The answer to `send` and how long it took. */
  async function timed<Body>(
    send: () => Promise<ApiResponse<Body>>,
  ): Promise<{ response: ApiResponse<Body>; elapsedMs: number }> {
    const startedAt = Date.now();
    const response = await send();
    return { response, elapsedMs: Date.now() - startedAt };
  }

  const readiness = async (url: string) => (await fetch(`${url}/health/ready`)).status;
  const emailsTo = (email: string) =>
    stack.mailbox.messages.flatMap(recipientsOf).filter((to) => to === email);

  it('answers 503 with Retry-After while it is down, and recovers by itself once it is back', async () => {
    const postgres = stack.infrastructure.postgres!;
    const account = await flows.createAccount({ name: 'Restart Fleet', type: 'consumer' });
    const before = await flows.invite({
      kind: 'account',
      email: 'before@restart.test',
      accountId: account.id,
    });
    // Stopped at once: the email of that invitation is on its way through outbox and consumers.
    await postgres.stopKeepingData();
    try {
      for (let round = 0; round < ROUNDS_WHILE_DOWN; round += 1) {
        const whileDown = [
          await timed(() =>
            admin.post('/v1/invitations', {
              kind: 'account',
              email: 'during@restart.test',
              accountId: account.id,
            }),
          ),
          await timed(() => admin.get('/v1/accounts')),
        ];
        for (const { response, elapsedMs } of whileDown) {
          expect(response.status).toBe(503);
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(response.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
          expect(response.body).toMatchObject({ code: 'service_unavailable', status: 503 });
          expect(elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
        }
        await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_ROUNDS_MS));
      }
      // The service that lost its database stops taking traffic; the gateway stays ready, since
      // it is what tells clients to come back later (an unready gateway would get no traffic).
      expect(await readiness(stack.processUrl('invitations'))).toBe(503);
      expect(await readiness(stack.gatewayUrl)).toBe(200);
    } finally {
      await postgres.start();
    }

    await eventually(
      'the services to be ready again',
      async () =>
        await Promise.all(
          SERVICES_WITH_A_DATABASE.map((service) => readiness(stack.processUrl(service))),
        ).then((statuses) => statuses.every((status) => status === 200)),
      RECOVERY_WITHIN_MS,
    );
    const after = await admin.post<{ id: string }>('/v1/invitations', {
      kind: 'account',
      email: 'after@restart.test',
      accountId: account.id,
    });
    expect(after.status).toBe(201);
    await flows.emailTo('after@restart.test');
    await flows.emailTo('before@restart.test');
    // A duplicate would come from a redelivery, which runs within seconds: give it the chance.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(emailsTo('after@restart.test')).toHaveLength(1);
    expect(emailsTo('before@restart.test')).toHaveLength(1);
    expect(emailsTo('during@restart.test')).toHaveLength(0);

    const kept = await flows.get(before.id);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ id: before.id, email: 'before@restart.test' });
    // Nothing was given up on because the database was away, and every event went out.
    const count = async (sql: string) =>
      (await stack.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${sql}`))[0].count;
    for (const service of SERVICES_WITH_A_DATABASE) {
      expect({ service, parked: await count(`${service}.dead_letters`) }).toEqual({
        service,
        parked: 0,
      });
      await eventually(
        `every event of ${service} to be published`,
        async () => (await count(`${service}.outbox WHERE published_at IS NULL`)) === 0,
      );
    }
  }, 240_000);
});
