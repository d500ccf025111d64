import { create, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  accounts,
  eventSubject,
  identity,
  imports,
  invitations,
  notifications,
} from '@onramp/contracts';
import { eventSources, publicEventId, webhookBody, type PublicEvent } from './event-sources';
import { webhookEventTypes } from './event-types';

const occurredAt = timestampFromDate(new Date('2026-11-23T10:00:00Z'));
const invitation = {
  id: 'inv-1',
  kind: 'end_user',
  email: 'driver@fleet.example',
  personalMessage: 'welcome aboard',
  accountIds: ['acc-1'],
  status: 'pending',
};

function sourceOf(schema: DescMessage) {
  const source = eventSources.find(
    (candidate) => eventSubject(candidate.schema) === eventSubject(schema),
  );
  if (source === undefined) throw new Error(`no source reads ${eventSubject(schema)}`);
  return source;
}

/** The public event (or none) of an internal one that carries one at most. */
function toPublic(
  schema: DescMessage,
  init: MessageInitShape<DescMessage>,
): PublicEvent | undefined {
  const events = sourceOf(schema).toPublic(create(schema, init));
  expect(events.length).toBeLessThanOrEqual(1);
  return events[0];
}

const samples: [DescMessage, MessageInitShape<DescMessage>][] = [
  [identity.UserCreatedSchema, { userId: 'u1', email: 'ann@fleet.example', occurredAt }],
  [identity.UserActivatedSchema, { userId: 'u1', occurredAt }],
  [identity.UserDeactivatedSchema, { userId: 'u1', byUserId: 'admin', occurredAt }],
  [identity.UserReactivatedSchema, { userId: 'u1', byUserId: 'admin', occurredAt }],
  [identity.UserDeletedSchema, { userId: 'u1', byUserId: 'admin', occurredAt }],
  [identity.MembershipGrantedSchema, { membership: { id: 'm1', accountIds: ['acc-1'] } }],
  [identity.MembershipRevokedSchema, { membership: { id: 'm1', accountIds: ['acc-1'] } }],
  [accounts.AccountCreatedSchema, { account: { id: 'acc-2', ancestorIds: ['acc-1'] } }],
  [accounts.AccountUpdatedSchema, { account: { id: 'acc-2', ancestorIds: ['acc-1'] } }],
  [invitations.InvitationIssuedSchema, { invitation, token: 'secret-token', resend: false }],
  [invitations.InvitationIssuedSchema, { invitation, token: 'secret-token', resend: true }],
  [invitations.InvitationCreatedSchema, { invitation }],
  [invitations.InvitationAcceptedSchema, { invitation, userId: 'u2' }],
  [invitations.InvitationClosedSchema, { invitation, reason: 'revoked' }],
  [invitations.InvitationClosedSchema, { invitation, reason: 'expired' }],
  [invitations.InvitationClosedSchema, { invitation, reason: 'superseded' }],
  [invitations.RegistrationSubmittedSchema, { registration: { id: 'r1', accountId: 'acc-1' } }],
  [invitations.RegistrationDecidedSchema, { registration: { id: 'r1', accountId: 'acc-1' } }],
  [notifications.EmailDeliveryChangedSchema, { delivery: { id: 'd1', status: 'bounced' } }],
  [imports.ImportCompletedSchema, { job: { id: 'imp-1' }, accountIds: ['acc-1'] }],
  [imports.ImportFailedSchema, { job: { id: 'imp-2' }, accountIds: [] }],
];

it('produces every type of the catalogue, and only those', () => {
  const produced = samples.map(([schema, init]) => toPublic(schema, init)?.type);
  expect(new Set(produced)).toEqual(new Set(Object.keys(webhookEventTypes)));
});

it('never forwards an invitation’s token or personal message', () => {
  for (const resend of [false, true]) {
    const event = toPublic(invitations.InvitationIssuedSchema, {
      invitation,
      token: 'secret-token',
      resend,
      occurredAt,
    })!;
    const body = webhookBody('msg-1', event, new Date());
    expect(body).not.toContain('secret-token');
    expect(body).not.toContain('welcome aboard');
    expect(event.type).toBe(resend ? 'invitation.resent' : 'invitation.created');
  }
});

it('makes only bounces public among delivery changes', () => {
  for (const status of ['sent', 'failed', 'not_sent'])
    expect(
      toPublic(notifications.EmailDeliveryChangedSchema, { delivery: { id: 'd1', status } }),
    ).toBeUndefined();
  expect(
    toPublic(notifications.EmailDeliveryChangedSchema, {
      delivery: {
        id: 'd1',
        status: 'bounced',
        recipient: 'a@b.example',
        lastError: 'mailbox full',
      },
    }),
  ).toMatchObject({
    type: 'email.bounced',
    accountIds: [],
    data: { deliveryId: 'd1', recipient: 'a@b.example', reason: 'mailbox full', reference: null },
  });
});

it('leaves out a closed invitation whose reason it does not know', () => {
  expect(toPublic(invitations.InvitationClosedSchema, { invitation, reason: 'other' })).toBe(
    undefined,
  );
});

it('names an account with its ancestors, so endpoints of every ancestor hear of it', () => {
  const event = toPublic(accounts.AccountUpdatedSchema, {
    account: { id: 'acc-3', parentId: 'acc-2', ancestorIds: ['acc-1', 'acc-2'], name: 'Depot' },
  });
  expect(event?.accountIds).toEqual(['acc-3', 'acc-1', 'acc-2']);
  expect(event?.data).toMatchObject({ accountId: 'acc-3', parentId: 'acc-2', name: 'Depot' });
});

it('makes each account of an import an account.created of its own, with an id of its own', () => {
  const source = sourceOf(accounts.AccountsImportedSchema);
  const events = source.toPublic(
    create(accounts.AccountsImportedSchema, {
      accounts: [
        { account: { id: 'acc-4', ancestorIds: [], name: 'Fleet' }, occurredAt },
        { account: { id: 'acc-5', parentId: 'acc-4', ancestorIds: ['acc-4'] }, occurredAt },
      ],
    }),
  );
  expect(events.map(({ type, accountIds }) => ({ type, accountIds }))).toEqual([
    { type: 'account.created', accountIds: ['acc-4'] },
    { type: 'account.created', accountIds: ['acc-5', 'acc-4'] },
  ]);
  expect([0, 1].map((position) => publicEventId(source, 'msg-9', position))).toEqual([
    'msg-9.0',
    'msg-9.1',
  ]);
  expect(publicEventId(sourceOf(accounts.AccountCreatedSchema), 'msg-9', 0)).toBe('msg-9');
});

it('writes the body partners receive: id, type, occurredAt and data, nothing else', () => {
  const event = toPublic(identity.UserActivatedSchema, { userId: 'u1', occurredAt }) as PublicEvent;
  expect(JSON.parse(webhookBody('msg-1', event, new Date()))).toEqual({
    id: 'msg-1',
    type: 'user.activated',
    occurredAt: '2026-11-23T10:00:00.000Z',
    data: { userId: 'u1', byUserId: null },
  });
  const undated = toPublic(identity.UserActivatedSchema, { userId: 'u1' }) as PublicEvent;
  expect(JSON.parse(webhookBody('msg-2', undated, new Date('2026-11-24T00:00:00Z')))).toMatchObject(
    { occurredAt: '2026-11-24T00:00:00.000Z' },
  );
});

it("tells partners an import's end in the API's words, scoped to the importer's accounts", () => {
  expect(
    toPublic(imports.ImportCompletedSchema, {
      job: {
        id: 'imp-1',
        kind: imports.ImportKind.USERS,
        status: imports.ImportStatus.COMPLETED,
        counts: { total: 3, valid: 2, invalid: 1, created: 2 },
        createdAt: occurredAt,
        finishedAt: occurredAt,
      },
      accountIds: ['acc-1'],
      occurredAt,
    }),
  ).toEqual({
    type: 'import.completed',
    occurredAt,
    accountIds: ['acc-1'],
    data: {
      importId: 'imp-1',
      kind: 'users',
      status: 'completed',
      dryRun: false,
      counts: { total: 3, valid: 2, invalid: 1, created: 2, updated: 0, skipped: 0, failed: 0 },
      failure: null,
      createdAt: '2026-11-23T10:00:00.000Z',
      finishedAt: '2026-11-23T10:00:00.000Z',
    },
  });
});
