import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations, notifications } from '@onramp/contracts';
import {
  eventually,
  type ReceivedEmail,
  recipientsOf,
  type SmtpSink,
  startSmtpSink,
} from '@onramp/testing';
import { linksIn, NotificationsApp } from '../testing/notifications-app';

const PUBLIC_URL = 'https://charge.volt.example';
const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
const EXPECTED = {
  en: {
    invitation: 'Alex Admin invited you to Fleet Example on Volt',
    'invitation-resend': 'Your new invitation to Fleet Example on Volt',
    'registration-approved': 'Your Volt registration is approved',
    roles: 'account owner and driver',
  },
  nl: {
    invitation: 'Alex Admin heeft je uitgenodigd voor Fleet Example op Volt',
    'invitation-resend': 'Je nieuwe uitnodiging voor Fleet Example op Volt',
    'registration-approved': 'Je registratie bij Volt is goedgekeurd',
    roles: 'accounteigenaar en bestuurder',
  },
  de: {
    invitation: 'Alex Admin hat Sie eingeladen: Fleet Example auf Volt',
    'invitation-resend': 'Ihre neue Einladung: Fleet Example auf Volt',
    'registration-approved': 'Ihre Registrierung bei Volt ist bestätigt',
    roles: 'Kontoinhaber und Fahrer',
  },
  fr: {
    invitation: 'Alex Admin vous invite à rejoindre Fleet Example sur Volt',
    'invitation-resend': 'Votre nouvelle invitation à rejoindre Fleet Example sur Volt',
    'registration-approved': 'Votre inscription à Volt est approuvée',
    roles: 'propriétaire du compte et conducteur',
  },
} as const;

let sink: SmtpSink;
let app: NotificationsApp;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'smtp',
    SMTP_URL: sink.url,
    PUBLIC_URL,
    BRAND_NAME: 'Volt',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await sink?.stop();
});

/** A fresh invitee per test, so each test finds only its own emails. */
function invitee(): string {
  return `invitee-${randomUUID()}@fleet.example`;
}

function issued(
  email: string,
  overrides: Partial<{
    id: string;
    language: string;
    token: string;
    resend: boolean;
    personalMessage: string;
    newAccountName: string;
  }> = {},
) {
  const id = overrides.id ?? randomUUID();
  return {
    invitation: {
      id,
      kind: 'account',
      email,
      name: 'Ann de Vries',
      language: overrides.language ?? 'en',
      status: 'pending',
      personalMessage: overrides.personalMessage ?? '',
      expiresAt: timestampFromDate(new Date('2026-12-14T10:00:00Z')),
    },
    // Characters a URL path must carry encoded.
    token: overrides.token ?? `tok+${randomUUID()}/=`,
    resend: overrides.resend ?? false,
    inviterName: 'Alex Admin',
    accountName: 'Fleet Example',
    newAccountName: overrides.newAccountName ?? '',
    roles: ['account_owner', 'driver'],
    occurredAt: timestampFromDate(new Date()),
  };
}

const to = (address: string) => (email: ReceivedEmail) => recipientsOf(email).includes(address);

/** The deliveries to this address once all of them have settled, oldest first. */
async function settledDeliveries(address: string, count: number) {
  const find = () =>
    app.database.delivery.findMany({
      where: { recipient: address },
      orderBy: { createdAt: 'asc' },
    });
  await eventually(`${count} deliveries to ${address} to settle`, async () => {
    const rows = await find();
    return rows.length === count && rows.every((row) => row.status !== 'queued');
  });
  return find();
}

const acceptLink = (token: string) => `${PUBLIC_URL}/invite/${encodeURIComponent(token)}`;

describe('invitation email', () => {
  it.each(LANGUAGES)(
    'arrives in %s with its subject, the inviter, the account, the roles in words, the expiry and the link',
    async (language) => {
      const address = invitee();
      const event = issued(address, { language, personalMessage: 'See you at the depot.' });
      await app.publish(invitations.InvitationIssuedSchema, event);

      const email = await sink.waitFor(to(address));
      expect(email.subject).toBe(EXPECTED[language].invitation);
      for (const part of [email.text ?? '', email.html || '']) {
        expect(part).toContain('Alex Admin');
        expect(part).toContain('Fleet Example');
        expect(part).toContain(EXPECTED[language].roles);
        expect(part).toContain('2026'); // when the link expires
        expect(part).toContain('See you at the depot.');
      }
      expect(email.text).toContain(acceptLink(event.token));
      expect(linksIn(email.html)).toContain(acceptLink(event.token));

      const [delivery] = await settledDeliveries(address, 1);
      expect(delivery).toMatchObject({
        status: 'sent',
        template: 'invitation',
        language,
        sourceSubject: 'invitations.invitation.issued.v1',
        reference: `invitation:${event.invitation.id}`,
      });
      // The token is never stored, not even inside the key.
      expect(JSON.stringify(delivery)).not.toContain(event.token);
      expect(JSON.stringify(delivery)).not.toContain(encodeURIComponent(event.token));
    },
  );

  it('names the sub-account to be created and the account it goes under', async () => {
    const address = invitee();
    await app.publish(
      invitations.InvitationIssuedSchema,
      issued(address, { newAccountName: 'Fleet Example – Rotterdam' }),
    );
    const email = await sink.waitFor(to(address));
    expect(email.text).toContain(
      'Your new account: Fleet Example – Rotterdam, under Fleet Example',
    );
  });

  it('shows the personal message escaped in the HTML part, as plain words in the text part', async () => {
    const address = invitee();
    const personalMessage = '<script>alert("x")</script> Welcome & <b>charge</b>';
    await app.publish(invitations.InvitationIssuedSchema, issued(address, { personalMessage }));
    const email = await sink.waitFor(to(address));
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>charge</b>');
    expect(email.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Welcome &amp; &lt;b&gt;charge&lt;/b&gt;',
    );
    expect(email.text).toContain(personalMessage);
  });

  it('falls back to English for a language without templates', async () => {
    const address = invitee();
    await app.publish(invitations.InvitationIssuedSchema, issued(address, { language: 'pt-BR' }));
    expect((await sink.waitFor(to(address))).subject).toBe(EXPECTED.en.invitation);
    expect((await settledDeliveries(address, 1))[0]?.language).toBe('en');
  });

  it('sends one email when the same event arrives twice', async () => {
    const address = invitee();
    const event = issued(address);
    const first = await app.publish(invitations.InvitationIssuedSchema, event);
    const second = await app.publish(invitations.InvitationIssuedSchema, event);
    await eventually(
      'both events to be handled',
      async () =>
        (await app.handled('invitation-email', first)) &&
        (await app.handled('invitation-email', second)),
    );
    await settledDeliveries(address, 1);
    // Give a wrongly sent duplicate the time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages.filter(to(address))).toHaveLength(1);
  });
});

describe('invitation resend email', () => {
  it.each(LANGUAGES)(
    'arrives in %s as a second email, with the new link, saying the earlier one no longer works',
    async (language) => {
      const address = invitee();
      const first = issued(address, { language });
      await app.publish(invitations.InvitationIssuedSchema, first);
      await sink.waitFor(to(address));
      const resend = issued(address, { id: first.invitation.id, language, resend: true });
      await app.publish(invitations.InvitationIssuedSchema, resend);

      const deliveries = await settledDeliveries(address, 2);
      const emails = sink.messages.filter(to(address));
      expect(emails).toHaveLength(2);
      const email = emails.find((candidate) => candidate.text?.includes(acceptLink(resend.token)));
      expect(email?.subject).toBe(EXPECTED[language]['invitation-resend']);
      expect(linksIn(email?.html)).toEqual(expect.arrayContaining([acceptLink(resend.token)]));
      expect(email?.text).not.toContain(acceptLink(first.token));
      expect(email?.text).toMatch(
        {
          en: /no longer works/,
          nl: /werkt niet meer/,
          de: /funktioniert nicht mehr/,
          fr: /ne fonctionne plus/,
        }[language],
      );
      expect(
        deliveries.map(({ template, reference, status }) => ({ template, reference, status })),
      ).toEqual([
        { template: 'invitation', reference: `invitation:${first.invitation.id}`, status: 'sent' },
        {
          template: 'invitation-resend',
          reference: `invitation:${first.invitation.id}`,
          status: 'sent',
        },
      ]);
    },
  );
});

describe('registration emails', () => {
  function decided(
    email: string,
    status: 'approved' | 'rejected',
    language: string,
  ): Parameters<typeof app.publish<invitations.RegistrationDecided>>[1] {
    return {
      registration: {
        id: randomUUID(),
        accountId: randomUUID(),
        userId: randomUUID(),
        email,
        name: 'Dee Driver',
        status,
        decidedAt: timestampFromDate(new Date()),
      },
      accountName: 'Fleet Example',
      language,
      occurredAt: timestampFromDate(new Date()),
    };
  }

  it.each(LANGUAGES)(
    'tells the driver in %s that the registration is approved',
    async (language) => {
      const address = invitee();
      const event = decided(address, 'approved', language);
      await app.publish(invitations.RegistrationDecidedSchema, event);
      const email = await sink.waitFor(to(address));
      expect(email.subject).toBe(EXPECTED[language]['registration-approved']);
      expect(email.text).toContain('Dee Driver');
      expect(email.text).toContain('Fleet Example');
      const [delivery] = await settledDeliveries(address, 1);
      expect(delivery).toMatchObject({
        status: 'sent',
        template: 'registration-approved',
        reference: `registration:${event.registration?.id}`,
      });
    },
  );

  it('sends nothing for a rejected registration and keeps no record of the address', async () => {
    const address = invitee();
    const messageId = await app.publish(
      invitations.RegistrationDecidedSchema,
      decided(address, 'rejected', 'en'),
    );
    await eventually('the event to be handled', () => app.handled('registration-email', messageId));
    expect(await app.database.delivery.count({ where: { recipient: address } })).toBe(0);
    expect(sink.messages.filter(to(address))).toHaveLength(0);
  });
});

it('says emails leave the installation through the configured provider', async () => {
  expect(
    await app.call(notifications.NotificationsService.method.getEmailReadiness, {}),
  ).toMatchObject({ provider: 'smtp', configured: true });
});
