import { invitations, tokenContext } from '@onramp/contracts';
import { Api } from './api';
import { awaitEvent } from './events';
import { GOOD_PASSWORD, InvitationFlows, type Grants } from './invitation-flows';
import { eventually, INVITATION_LIMITS, POSTMARK_WEBHOOK, Stack } from './stack';

const company = { legalName: 'Fleet North B.V.', vatNumber: 'NL123456789B01' };

/** Every invitation flow, through the gateway, with the real email in the sink. */
describe('invitations: every flow from email to active user', () => {
  let stack: Stack;
  let admin: Api;
  let flows: InvitationFlows;

  const grantsOf = async (api: Api) => (await api.get<Grants>('/v1/me')).body;

  /** Accounts creates a sub-account from the acceptance's event, a moment after the answer. */
  const accountWhenCreated = async (accountId: string) => {
    let account: Record<string, unknown> = {};
    await eventually('the sub-account exists', async () => {
      const response = await admin.get<Record<string, unknown>>(`/v1/accounts/${accountId}`);
      account = response.body;
      return response.status === 200;
    });
    return account;
  };

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
    flows = new InvitationFlows(stack, admin);
  }, 180_000);
  afterAll(() => stack?.stop());

  it('a system user gets the system roles chosen, and only those', async () => {
    const invitation = await flows.invite({
      kind: 'system_user',
      email: 'Support.Sam@CPO.test',
      roles: ['support', 'billing'],
    });
    expect(invitation).toMatchObject({ status: 'pending', displayStatus: 'invited' });
    const { api, userId } = await flows.acceptFromEmail('support.sam@cpo.test');
    const me = await grantsOf(api);
    expect(me.user.status).toBe('active');
    expect(me.grants).toEqual([
      expect.objectContaining({ platform: true, roles: ['support', 'billing'] }),
    ]);
    const done = await flows.get(invitation.id);
    expect(done.body).toMatchObject({
      status: 'accepted',
      displayStatus: 'active',
      acceptedUserId: userId,
    });
    expect(done.body.history!.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['created', 'accepted']),
    );

    // "Deactivated": the user lost access; the invitation says so until reactivation.
    expect((await admin.post(`/v1/users/${userId}/deactivate`)).status).toBe(200);
    await eventually(
      'the invitation reads deactivated',
      async () => (await flows.get(invitation.id)).body.displayStatus === 'deactivated',
    );
    expect((await admin.post(`/v1/users/${userId}/reactivate`)).status).toBe(200);
    await eventually(
      'the invitation reads active again',
      async () => (await flows.get(invitation.id)).body.displayStatus === 'active',
    );
  });

  it('a customer’s account owner reaches their account and nothing else', async () => {
    const customer = await flows.createAccount({ name: 'Harbour Fleet', type: 'consumer' });
    const other = await flows.createAccount({ name: 'Someone Else', type: 'consumer' });
    await flows.invite({
      kind: 'account_owner',
      email: 'owner@harbour.test',
      accountId: customer.id,
    });
    const { api } = await flows.acceptFromEmail('owner@harbour.test');
    expect((await api.get(`/v1/accounts/${customer.id}`)).status).toBe(200);
    expect((await api.get(`/v1/accounts/${other.id}`)).status).toBe(404);
    expect((await grantsOf(api)).grants).toEqual([
      expect.objectContaining({ accountIds: [customer.id], roles: ['account_owner'] }),
    ]);
  });

  it('an end user’s sub-account is created on acceptance, with the agreed rate', async () => {
    const customer = await flows.createAccount({ name: 'Dock Logistics', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'end_user',
      email: 'driver@dock.test',
      accountId: customer.id,
      accountName: 'Dock Driver Eva',
      role: 'driver',
      accountType: 'consumer',
      reimbursementRateEurPerKwh: '0.28',
    });
    const { api, accountId } = await flows.acceptFromEmail('driver@dock.test');
    expect(accountId).toBeTruthy();
    const created = await accountWhenCreated(accountId!);
    expect(created).toMatchObject({
      name: 'Dock Driver Eva',
      parentId: customer.id,
      reimbursementRateEurPerKwh: '0.2800',
    });
    expect((await grantsOf(api)).grants).toEqual([
      expect.objectContaining({ accountIds: [accountId], roles: ['driver'] }),
    ]);
    expect((await flows.get(invitation.id)).body.createdAccountId).toBe(accountId);
  });

  it('a business sub-account needs the invitee’s company details', async () => {
    const parent = await flows.createAccount({ name: 'Group Holding', type: 'consumer' });
    // The account's own "+ Add sub-account".
    const invited = await admin.post(`/v1/accounts/${parent.id}/sub-accounts`, {
      email: 'cfo@north.test',
      relation: 'subsidiary',
      accountName: 'Fleet North',
      accountType: 'business',
    });
    expect(invited.status).toBe(201);
    const token = flows.tokenIn(await flows.emailTo('cfo@north.test'));
    const preview = await Api.of(stack).get(`/v1/invitations/lookup?token=${token}`);
    expect(preview.body).toMatchObject({
      kind: 'sub_account',
      newAccountName: 'Fleet North',
      accountName: 'Group Holding',
      companyRequired: true,
      existingUser: false,
    });
    const withoutCompany = await flows.accept(token, { password: GOOD_PASSWORD });
    expect(withoutCompany.status).toBe(400);
    expect(JSON.stringify(withoutCompany.body)).toContain('company');
    const accepted = await flows.accept(token, { password: GOOD_PASSWORD, company });
    expect(accepted.status).toBe(200);
    const account = await accountWhenCreated(accepted.body.accountId!);
    expect(account).toMatchObject({
      name: 'Fleet North',
      type: 'business',
      relation: 'subsidiary',
      parentId: parent.id,
      company: expect.objectContaining({ legalName: company.legalName }),
    });
  });

  it('an enterprise admin accepts, then invites a company admin at their own level and below only', async () => {
    const enterprise = await flows.createAccount({
      name: 'Enterprise One',
      type: 'consumer',
      level: 'enterprise',
    });
    await flows.invite({
      kind: 'admin',
      email: 'ent.admin@one.test',
      accountId: enterprise.id,
      level: 'enterprise',
    });
    const { api: entAdmin } = await flows.acceptFromEmail('ent.admin@one.test');
    const companyAccount = await entAdmin.post<{ id: string }>('/v1/accounts', {
      name: 'Company A',
      type: 'consumer',
      parentId: enterprise.id,
      relation: 'subsidiary',
      level: 'company',
    });
    expect(companyAccount.status).toBe(201);
    const byEnterpriseAdmin = await entAdmin.post('/v1/invitations', {
      kind: 'admin',
      email: 'co.admin@one.test',
      accountId: companyAccount.body.id,
      level: 'company',
    });
    expect(byEnterpriseAdmin.status).toBe(201);
    const { api: companyAdmin } = await flows.acceptFromEmail('co.admin@one.test');
    const upwards = await companyAdmin.post('/v1/invitations', {
      kind: 'admin',
      email: 'climber@one.test',
      accountId: companyAccount.body.id,
      level: 'enterprise',
    });
    expect(upwards.status).toBe(403); // an enterprise admin is above a company admin
    const outside = await companyAdmin.post('/v1/invitations', {
      kind: 'admin',
      email: 'climber@one.test',
      accountId: enterprise.id,
      level: 'enterprise',
    });
    expect(outside.status).toBe(404); // the enterprise is above them: they cannot see it
    const wrongLevel = await admin.post('/v1/invitations', {
      kind: 'admin',
      email: 'mismatch@one.test',
      accountId: companyAccount.body.id,
      level: 'location',
    });
    expect(wrongLevel.status).toBe(400); // the account is a company, not a location
  });

  it('a client user with a role, extra permissions and two clients; personal message escaped; 21 days', async () => {
    const first = await flows.createAccount({ name: 'Client Alpha', type: 'consumer' });
    const second = await flows.createAccount({ name: 'Client Beta', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'account_user',
      email: 'multi@clients.test',
      accountIds: [first.id, second.id],
      role: 'billing_admin',
      additionalPermissions: ['exports.read'],
      personalMessage: 'Welcome! <script>alert("x")</script>',
      language: 'de',
    });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(20.9);
    expect(days).toBeLessThanOrEqual(21);
    const email = await flows.emailTo('multi@clients.test');
    expect(String(email.html)).not.toContain('<script>alert');
    expect(String(email.html)).toContain('&lt;script&gt;');
    const token = flows.tokenIn(email);
    expect((await flows.accept(token, { password: GOOD_PASSWORD })).status).toBe(200);
    const { api } = await Api.of(stack).login('multi@clients.test', GOOD_PASSWORD);
    const [grant] = (await grantsOf(api)).grants;
    expect(grant.accountIds.sort()).toEqual([first.id, second.id].sort());
    expect(grant.roles).toEqual(['billing_admin']);
    expect(grant.permissions).toContain('exports.read');
  });

  it('resend kills the old link; revoke kills the link and the invitation reads deactivated', async () => {
    const account = await flows.createAccount({ name: 'Resend Co', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'account',
      email: 'again@resend.test',
      accountId: account.id,
    });
    const first = flows.tokenIn(await flows.emailTo('again@resend.test'));
    const resent = await admin.post<{ resendCount: number }>(
      `/v1/invitations/${invitation.id}/resend`,
    );
    expect(resent.status).toBe(200);
    expect(resent.body.resendCount).toBe(1);
    const second = flows.tokenIn(await flows.emailTo('again@resend.test', [first]));
    expect(second).not.toBe(first);
    expect((await flows.openPage(first)).status).toBe(410);
    const old = await flows.accept(first, { password: GOOD_PASSWORD });
    expect(old.status).toBe(410);

    const revoked = await admin.post(`/v1/invitations/${invitation.id}/revoke`);
    expect(revoked.body).toMatchObject({ status: 'revoked', displayStatus: 'deactivated' });
    const afterRevoke = await flows.accept(second, { password: GOOD_PASSWORD });
    expect(afterRevoke.status).toBe(410);
    const { correlationId: _first, ...usedLink } = old.body as Record<string, unknown>;
    const { correlationId: _second, ...revokedLink } = afterRevoke.body as Record<string, unknown>;
    expect(revokedLink).toEqual(usedLink);

    // Re-inviting after a revocation always works, and the new link does.
    await flows.invite({ kind: 'account', email: 'again@resend.test', accountId: account.id });
    const third = flows.tokenIn(await flows.emailTo('again@resend.test', [first, second]));
    expect((await flows.accept(third, { password: GOOD_PASSWORD })).status).toBe(200);
  });

  it('inviting the same email into the same scope supersedes the pending invitation', async () => {
    const account = await flows.createAccount({ name: 'Twice Ltd', type: 'consumer' });
    const body = { kind: 'account', email: 'twice@twice.test', accountId: account.id };
    const older = await flows.invite(body);
    const olderToken = flows.tokenIn(await flows.emailTo('twice@twice.test'));
    const newer = await flows.invite(body);
    expect(newer).toMatchObject({ supersededInvitationId: older.id });
    expect((await flows.get(older.id)).body.status).toBe('superseded');
    expect((await flows.accept(olderToken, { password: GOOD_PASSWORD })).status).toBe(410);
  });

  it('an expired link is refused, the expiry is announced, and a resend revives the invitation', async () => {
    const account = await flows.createAccount({ name: 'Late Ltd', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'account',
      email: 'late@late.test',
      accountId: account.id,
    });
    const token = flows.tokenIn(await flows.emailTo('late@late.test'));
    await stack.query(
      `UPDATE invitations.invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [invitation.id],
    );
    expect((await flows.accept(token, { password: GOOD_PASSWORD })).status).toBe(410);
    await eventually(
      'the expiry is raised',
      async () => (await flows.get(invitation.id)).body.status === 'expired',
    );
    expect((await admin.post(`/v1/invitations/${invitation.id}/resend`)).status).toBe(200);
    const fresh = flows.tokenIn(await flows.emailTo('late@late.test', [token]));
    expect((await flows.accept(fresh, { password: GOOD_PASSWORD })).status).toBe(200);
  });

  it('without an email provider the invitation is created and says why nothing was sent', async () => {
    const account = await flows.createAccount({ name: 'No Mail BV', type: 'consumer' });
    expect(
      (await admin.request('PUT', '/v1/settings/email-provider', { provider: 'none' })).status,
    ).toBe(200);
    try {
      const invitation = await flows.invite({
        kind: 'account',
        email: 'nomail@nomail.test',
        accountId: account.id,
        role: 'api_developer',
      });
      expect(invitation.emailStatus).toMatchObject({
        status: 'not_sent',
        reason: 'provider_not_configured',
      });
      await eventually('the delivery outcome is recorded', async () => {
        const current = (await flows.get(invitation.id)).body;
        expect(current.history!.map((entry) => entry.action)).toContain('email_not_sent');
        expect(current.emailStatus.status).toBe('not_sent');
      });
    } finally {
      await admin.request('PUT', '/v1/settings/email-provider', {
        provider: 'smtp',
        smtpUrl: stack.mailbox.url,
      });
    }
  });

  it('an inviter may take the link instead of an email; it is never shown again', async () => {
    const account = await flows.createAccount({ name: 'Link Only', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'account',
      email: 'link@only.test',
      accountId: account.id,
      sendEmail: false,
    });
    expect(invitation.acceptanceUrl).toMatch(new RegExp(`^${stack.gatewayUrl}/invite/`));
    expect(invitation.emailStatus.status).toBe('not_requested');
    const again = await flows.get(invitation.id);
    expect(JSON.stringify(again.body)).not.toContain(invitation.acceptanceUrl!.split('/').pop());
    const token = invitation.acceptanceUrl!.split('/').pop()!;
    expect((await flows.accept(token, { password: GOOD_PASSWORD })).status).toBe(200);
  });

  it('an existing user accepts into their own account when signed in, and only then', async () => {
    const account = await flows.createAccount({ name: 'Second Home', type: 'consumer' });
    await flows.invite({ kind: 'system_user', email: 'two.hats@cpo.test', roles: ['billing'] });
    const first = await flows.acceptFromEmail('two.hats@cpo.test');
    const api = first.api;
    await flows.invite({ kind: 'account', email: 'two.hats@cpo.test', accountId: account.id });
    const token = flows.tokenIn(await flows.emailTo('two.hats@cpo.test', [first.token]));
    const preview = await Api.of(stack).get(`/v1/invitations/lookup?token=${token}`);
    expect(preview.body).toMatchObject({ email: 'two.hats@cpo.test', existingUser: true });
    const anonymousTry = await flows.accept(token, { password: GOOD_PASSWORD });
    expect(anonymousTry.status).toBe(409);
    const signedIn = await flows.accept(token, {}, api);
    expect(signedIn.status).toBe(200);
    const grants = (await grantsOf(api)).grants;
    expect(grants).toHaveLength(2);
  });

  it('a bounce reported by the provider shows on the invitation', async () => {
    const account = await flows.createAccount({ name: 'Bouncy BV', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'account',
      email: 'gone@bouncy.test',
      accountId: account.id,
    });
    await flows.emailTo('gone@bouncy.test');
    let messageId = '';
    await eventually('the delivery is recorded as sent', async () => {
      const log = await admin.get<{
        items: { providerMessageId: string | null; status: string; reference: string | null }[];
      }>('/v1/notifications/deliveries?to=gone@bouncy.test');
      const [delivery] = log.body.items;
      expect(delivery).toMatchObject({ status: 'sent', reference: `invitation:${invitation.id}` });
      messageId = delivery.providerMessageId!;
    });
    const credentials = Buffer.from(`${POSTMARK_WEBHOOK.user}:${POSTMARK_WEBHOOK.password}`);
    const reported = await fetch(`${stack.gatewayUrl}/email-events/postmark`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${credentials.toString('base64')}`,
      },
      body: JSON.stringify({
        RecordType: 'Bounce',
        MessageID: messageId,
        Type: 'HardBounce',
        Email: 'gone@bouncy.test',
        BouncedAt: new Date().toISOString(),
        Description: 'The server was unable to deliver your message',
      }),
    });
    expect(reported.status).toBe(200);
    await eventually('the invitation shows the bounce', async () => {
      const current = (await flows.get(invitation.id)).body;
      expect(current.emailStatus.status).toBe('bounced');
      expect(current.history!.map((entry) => entry.action)).toContain('email_bounced');
    });
  });

  it('limits resends per invitation and attempts per link, with Retry-After', async () => {
    const account = await flows.createAccount({ name: 'Patience BV', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'account',
      email: 'patience@wait.test',
      accountId: account.id,
      sendEmail: false,
    });
    const resend = () =>
      admin.post(`/v1/invitations/${invitation.id}/resend`, { sendEmail: false });
    for (let attempt = 0; attempt < INVITATION_LIMITS.resendsPerHour; attempt += 1)
      expect((await resend()).status).toBe(200);
    const refused = await resend();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const token = 'A'.repeat(43);
    const anonymous = Api.of(stack);
    for (let attempt = 0; attempt < INVITATION_LIMITS.tokenAttempts; attempt += 1)
      expect((await anonymous.get(`/v1/invitations/lookup?token=${token}`)).status).toBe(410);
    const guessed = await anonymous.get(`/v1/invitations/lookup?token=${token}`);
    expect(guessed.status).toBe(429);
    expect(Number(guessed.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lists invitations with filters and pages, scoped to what the caller may read', async () => {
    const account = await flows.createAccount({ name: 'Harbour Listings', type: 'consumer' });
    const invite = (email: string) =>
      flows.invite({ kind: 'account', email, accountId: account.id, sendEmail: false });
    const accepted = ['berth1@harbour-listings.test', 'berth2@harbour-listings.test'];
    for (const email of accepted) {
      const token = (await invite(email)).acceptanceUrl!.split('/').pop()!;
      expect((await flows.accept(token, { password: GOOD_PASSWORD })).status).toBe(200);
    }
    const pending = await invite('waiting@harbour-listings.test');
    type Page = { items: { email: string; status: string }[]; nextCursor: string | null };
    const inAccount = `/v1/invitations?accountId=${account.id}`;

    const first = await admin.get<Page>(`${inAccount}&status=accepted&limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([expect.objectContaining({ status: 'accepted' })]);
    expect(first.body.nextCursor).not.toBeNull();
    const rest = await admin.get<Page>(
      `${inAccount}&status=accepted&limit=1&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
    );
    expect(rest.body).toEqual({
      items: [expect.objectContaining({ status: 'accepted' })],
      nextCursor: null,
    });
    const pagedEmails = [...first.body.items, ...rest.body.items].map((item) => item.email);
    expect(pagedEmails.sort()).toEqual([...accepted].sort());

    const waiting = await admin.get<Page>(`${inAccount}&status=pending`);
    expect(waiting.body.items.map((item) => item.email)).toEqual([pending.email]);
    // The search matches part of the email whatever its case, across the caller's accounts.
    const search = await admin.get<Page>('/v1/invitations?q=HARBOUR-LISTINGS');
    expect(search.body.items.map((item) => item.email).sort()).toEqual(
      [...accepted, pending.email].sort(),
    );
    // LIKE's wildcards are searched for as typed: no invitee's email holds "%" or "_".
    for (const wildcard of ['%25', '_'])
      expect((await admin.get<{ items: unknown[] }>(`/v1/invitations?q=${wildcard}`)).body).toEqual(
        {
          items: [],
          nextCursor: null,
        },
      );
  });

  it('carries the link sealed through JetStream: the stream holds no token that works', async () => {
    const account = await flows.createAccount({ name: 'Sealed Depot', type: 'consumer' });
    const invitation = await flows.invite({
      kind: 'account',
      email: 'sealed@depot.test',
      accountId: account.id,
    });
    const emailed = flows.tokenIn(await flows.emailTo('sealed@depot.test'));
    const issued = await awaitEvent(
      stack.infrastructure.natsUrl,
      invitations.InvitationIssuedSchema,
      (event) => event.invitation?.id === invitation.id,
    );
    expect(issued.token).not.toContain(emailed);
    expect(stack.eventTokens.fromEvent(issued.token, tokenContext.invitation(invitation.id))).toBe(
      emailed,
    );
    const carried = await Api.of(stack).get<{ violations: unknown }>(
      `/v1/invitations/lookup?token=${encodeURIComponent(issued.token)}`,
    );
    // What the stream carries is not even shaped like a link token: refused at the boundary.
    expect(carried.status).toBe(400);
    expect(carried.body.violations).toEqual([
      { field: 'token', message: 'must be the token of an invitation link' },
    ]);
    expect((await Api.of(stack).get(`/v1/invitations/lookup?token=${emailed}`)).status).toBe(200);
  });
});
