import { randomBytes, randomUUID } from 'node:crypto';
import { identity, tokenContext } from '@onramp/contracts';
import { EventTokens } from '@onramp/sealing';
import { eventually } from '@onramp/testing';
import { IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { adminCaller, personIn } from '../testing/people';

const methods = identity.IdentityService.method;
const client = { ip: '192.0.2.1', userAgent: 'jest' };
const eventTokenKey = randomBytes(32).toString('base64url');
/** The token as notifications reads it from the event (sealed under the shared key). */
const tokenOf = (event: identity.PasswordResetIssued) =>
  new EventTokens(eventTokenKey).fromEvent(event.token, tokenContext.passwordReset(event.userId));

describe('password reset (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let user: Awaited<ReturnType<typeof personIn>>;

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    app = await bed.app({ EVENT_TOKEN_KEY: eventTokenKey });
    user = await personIn(app, await adminCaller(app), randomUUID(), 'driver', 'forgetful');
  }, 120_000);

  afterAll(() => bed?.stop());

  it('answers the same for unknown and known emails, and issues a token only for the known one', async () => {
    const unknown = await app.call(methods.requestPasswordReset, {
      email: 'stranger@example.com',
      client,
    });
    const known = await app.call(methods.requestPasswordReset, {
      email: user.email.toUpperCase(),
      client,
    });
    expect(unknown).toEqual(known);
    expect(await app.events(identity.PasswordResetRequestedSchema)).toHaveLength(2);
    await eventually(
      'the reset requests to be handled',
      async () =>
        (await app.events(identity.PasswordResetRequestedSchema)).length === 2 &&
        (await app.database.processedMessage.count()) === 2,
    );
    const issued = await app.events(identity.PasswordResetIssuedSchema);
    expect(issued).toEqual([expect.objectContaining({ userId: user.userId, email: user.email })]);
    // Sealed in the event: the stream and the outbox never hold a token that works.
    expect(issued[0].token).not.toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(
      app.call(methods.confirmPasswordReset, {
        token: issued[0].token,
        newPassword: 'Sealed-Pa55!',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(tokenOf(issued[0])).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('sets the new password once, ends every session, and refuses the link a second time', async () => {
    const token = tokenOf((await app.events(identity.PasswordResetIssuedSchema)).at(-1)!);
    const before = await app.login(user.email, user.password);

    await expect(
      app.call(methods.confirmPasswordReset, { token, newPassword: 'weak' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      violations: expect.arrayContaining([
        { field: 'newPassword', message: 'must be 8 to 128 characters long' },
      ]),
    });
    await app.call(methods.confirmPasswordReset, { token, newPassword: 'Brand-New-Pa55!' });

    await expect(app.callerOf(before.accessToken)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(app.login(user.email, 'Brand-New-Pa55!')).resolves.toBeDefined();
    await expect(app.login(user.email, user.password)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    for (const reused of [token, 'not-a-token']) {
      await expect(
        app.call(methods.confirmPasswordReset, { token: reused, newPassword: 'Another-Pa55!' }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        detail: 'the reset link is invalid or has expired',
      });
    }
    expect(await app.events(identity.PasswordChangedSchema)).toEqual([
      expect.objectContaining({ userId: user.userId, reason: 'reset' }),
    ]);
  });

  it('invalidates an older link when a newer one is issued', async () => {
    for (let request = 0; request < 2; request += 1) {
      await app.call(methods.requestPasswordReset, { email: user.email, client });
    }
    await eventually(
      'the new links to be issued',
      async () => (await app.events(identity.PasswordResetIssuedSchema)).length === 3,
    );
    const [older, newer] = (await app.events(identity.PasswordResetIssuedSchema)).slice(1);
    await expect(
      app.call(methods.confirmPasswordReset, {
        token: tokenOf(older),
        newPassword: 'Older-Link-Pa55!',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      app.call(methods.confirmPasswordReset, {
        token: tokenOf(newer),
        newPassword: 'Newer-Link-Pa55!',
      }),
    ).resolves.toBeDefined();
  });
});
