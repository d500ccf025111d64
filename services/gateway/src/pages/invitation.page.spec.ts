import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import {
  answerInvitationTokens,
  invitationToken,
  type KnownToken,
} from '../testing/invitation-tokens';
import type { TestGateway } from '../testing/start-gateway';

const acceptSubject = 'rpc.invitations.invitations.accept.v1';
const lookupSubject = 'rpc.invitations.invitations.lookup.v1';

const preview = {
  kind: 'account_user',
  email: 'ann@fleet.example',
  name: 'Ann Smit',
  language: 'en',
  accountName: 'Fleet Partners',
  inviterName: 'Bob Admin',
  roles: ['driver'],
  personalMessage: 'Welcome aboard! <script>alert(1)</script>',
  expiresAt: timestampFromDate(new Date('2026-12-14T10:00:00Z')),
};

const weakPassword = new DomainError('validation_failed', 'the password is too weak', [
  { field: 'password', message: 'must contain a digit' },
  { field: 'password', message: 'must contain a special character' },
]);

/** One link per situation the page must explain. */
const tokens = {
  en: invitationToken('english'),
  nl: invitationToken('dutch'),
  de: invitationToken('german'),
  fr: invitationToken('french'),
  business: invitationToken('business'),
  existingUser: invitationToken('existing'),
  weak: invitationToken('weak'),
  manyProblems: invitationToken('many'),
  loginRequired: invitationToken('login'),
  limited: invitationToken('limited'),
  down: invitationToken('down'),
  broken: invitationToken('broken'),
};

const known = new Map<string, KnownToken>([
  [tokens.en, { preview }],
  [tokens.nl, { preview: { ...preview, language: 'nl' } }],
  [tokens.de, { preview: { ...preview, language: 'de' } }],
  [tokens.fr, { preview: { ...preview, language: 'fr' } }],
  [
    tokens.business,
    {
      preview: {
        ...preview,
        kind: 'sub_account',
        roles: ['account_owner'],
        newAccountName: 'Fleet East',
        companyRequired: true,
      },
      accept: ({ company }) => {
        if (!company?.legalName) {
          throw new DomainError('validation_failed', 'company details are required', [
            { field: 'company.legalName', message: 'is required' },
          ]);
        }
        return { userId: 'u-1', invitationId: 'i-1', accountId: 'a-1' };
      },
    },
  ],
  [tokens.existingUser, { preview: { ...preview, existingUser: true } }],
  [
    tokens.weak,
    {
      preview: { ...preview, language: 'nl' },
      accept: () => {
        throw weakPassword;
      },
    },
  ],
  [
    tokens.manyProblems,
    {
      preview: { ...preview, kind: 'sub_account', companyRequired: true },
      accept: () => {
        throw new DomainError('validation_failed', 'the acceptance is not complete', [
          ...weakPassword.violations,
          {
            field: 'company.registrationNumber',
            message: 'a business account needs a registration number or a VAT number',
          },
        ]);
      },
    },
  ],
  [
    tokens.loginRequired,
    {
      preview,
      accept: () => {
        throw new DomainError('login_required', 'this email already has an account');
      },
    },
  ],
  [
    tokens.limited,
    {
      preview: { ...preview, language: 'de' },
      accept: () => {
        throw DomainError.rateLimited('too many attempts for this link', 150);
      },
    },
  ],
  [
    tokens.down,
    {
      preview,
      accept: () => {
        throw new DomainError('service_unavailable', 'identity could not be reached');
      },
    },
  ],
  [
    tokens.broken,
    {
      preview,
      accept: () => {
        throw new DomainError('internal', 'an unexpected error occurred');
      },
    },
  ],
]);

describe('the invitation acceptance page', () => {
  let bed: GatewayBed;
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await answerInvitationTokens(fake, known);
  });
  afterAll(() => bed.stop());
  beforeEach(() => fake.received.clear());

  const open = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/invite/${token}`, { headers });
  const post = (token: string, fields: Record<string, string>) =>
    fetch(`${gateway.url}/invite/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const form = (language = 'en', password = 'Fresh-Start-2026!') => ({
    language,
    name: '  Ann de Smit ',
    password,
    repeatPassword: password,
  });
  const accepted = () => fake.received.get(acceptSubject) as invitations.AcceptInvitationRequest;

  it('shows who invites whom to what, with a form for name and password, under strict headers', async () => {
    const response = await open(tokens.en);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Bob Admin invites you to join Fleet Partners.');
    expect(html).toContain('Your role: driver.');
    expect(html).toContain('This invitation is valid until 14 December 2026 at 10:00 UTC.');
    expect(html).toContain('Welcome aboard! &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<form method="post" action="/invite/${tokens.en}">`);
    expect(html).toContain('value="ann@fleet.example"');
    expect(html).toMatch(
      /<label for="name">Your name<\/label>\s*<input id="name" name="name"[^>]*value="Ann Smit">/,
    );
    expect(html).toContain('<label for="password">Choose a password</label>');
    expect(html).toContain('aria-describedby="password-policy"');
    expect(html).toContain(
      'At least 8 characters, with upper and lower case letters, digits and special characters.',
    );
    expect(html).not.toContain('legalName');
    expect(fake.received.get(lookupSubject)).toMatchObject({ token: tokens.en, ip: '127.0.0.1' });
  });

  it.each([
    [
      'nl',
      'Bob Admin nodigt je uit voor Fleet Partners.',
      'Je rol: bestuurder.',
      'Kies een wachtwoord',
      'geldig tot 14 december 2026',
    ],
    [
      'de',
      'Bob Admin lädt Sie zu Fleet Partners ein.',
      'Ihre Rolle: Fahrer.',
      'Passwort wählen',
      'gültig bis 14. Dezember 2026',
    ],
    [
      'fr',
      'Bob Admin vous invite à rejoindre Fleet Partners.',
      'Votre rôle : conducteur.',
      'Choisissez un mot de passe',
      'valable jusqu&#39;au 14 décembre 2026',
    ],
  ] as const)(
    'speaks the invitation language %s',
    async (language, invitation, role, password, expiry) => {
      const html = await (await open(tokens[language], { 'accept-language': 'en' })).text();
      expect(html).toContain(`<html lang="${language}">`);
      for (const text of [invitation, role, password, expiry]) {
        expect(html).toContain(text.replaceAll("'", '&#39;'));
      }
      expect(html).toContain(`<input type="hidden" name="language" value="${language}">`);
    },
  );

  it('asks for company details when the new sub-account is a business one', async () => {
    const html = await (await open(tokens.business)).text();
    expect(html).toContain(
      'Bob Admin invites you to set up the account Fleet East under Fleet Partners.',
    );
    expect(html).toContain('Your role: account owner.');
    expect(html).toContain('<legend>Company details</legend>');
    expect(html).toMatch(
      /<label for="legalName">Legal name<\/label>\s*<input id="legalName" name="legalName"[^>]* required/,
    );
    expect(html).toContain('<label for="vatNumber">VAT number</label>');
  });

  it('tells an invitee who already has a user to sign in first, and how, instead of a form', async () => {
    const html = await (await open(tokens.existingUser)).text();
    expect(html).toContain('Sign in to accept');
    expect(html).toContain('An account with the email address ann@fleet.example already exists.');
    expect(html).toContain('POST /v1/auth/login');
    expect(html).toContain('POST /v1/invitations/accept');
    expect(html).not.toContain('<form');
  });

  it('answers an unknown, used or malformed link with 410 and the same page, in the browser language', async () => {
    for (const token of [invitationToken('unknown'), 'short', 'not*a*token*but*long*enough']) {
      const response = await open(token, { 'accept-language': 'fr-BE, nl;q=0.8' });
      expect(response.status).toBe(410);
      const html = await response.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('Ce lien d&#39;invitation n&#39;est pas (ou plus) valide');
      expect(html).toContain('Demandez une nouvelle invitation');
    }
    const english = await (await open(invitationToken('unknown'))).text();
    expect(english).toContain('This invitation link is not valid (any more)');
    expect(english).toContain('Ask the person who invited you to send a new invitation.');
  });

  it('accepts the invitation with the name and password and says the account is active', async () => {
    const response = await post(tokens.en, form());
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<p role="status">Your account is active. You can now log in');
    expect(accepted()).toMatchObject({
      token: tokens.en,
      name: 'Ann de Smit',
      password: 'Fresh-Start-2026!',
      ip: '127.0.0.1',
    });
    expect(accepted().caller).toBeUndefined();
    expect(accepted().company).toBeUndefined();
  });

  it('sends the company details of a business sub-account, and says when they are missing', async () => {
    const missing = await post(tokens.business, form());
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Enter the company&#39;s legal name.');
    expect(html).toContain('value="Ann de Smit"');

    const response = await post(tokens.business, {
      ...form(),
      legalName: 'Fleet East B.V.',
      vatNumber: 'NL123456789B01',
    });
    expect(response.status).toBe(200);
    expect(accepted().company).toMatchObject({
      legalName: 'Fleet East B.V.',
      registrationNumber: '',
      vatNumber: 'NL123456789B01',
    });
  });

  it('refuses two different passwords, accepting nothing but checking the rest of the form', async () => {
    const response = await post(tokens.en, { ...form(), repeatPassword: 'Something-Else-1!' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(
      '<div id="repeatPassword-error" class="error"><ul><li>The two passwords are not the same.</li></ul></div>',
    );
    expect(accepted()).toMatchObject({ token: tokens.en, checkOnly: true });
  });

  it('shows every problem of the form at once, each beside its field and all above the form', async () => {
    const response = await post(tokens.manyProblems, {
      ...form('en', 'password'),
      legalName: 'Fleet East B.V.',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(accepted().checkOnly).toBe(false);
    expect(html).toContain(
      '<div role="alert" class="error"><p>Please check:</p><ul>' +
        '<li><a href="#password">Choose a password: It must contain a digit. It must contain a special character.</a></li>' +
        '<li><a href="#registrationNumber">Registration number (chamber of commerce): Enter the registration number or the VAT number.</a></li>' +
        '</ul></div>',
    );
    expect(html).toMatch(
      /<input id="password" [^>]* aria-invalid="true" aria-describedby="password-error password-policy">\s*<div id="password-error" class="error"><p>The password does not meet the requirements:<\/p><ul><li>It must contain a digit.<\/li><li>It must contain a special character.<\/li><\/ul><\/div>/,
    );
    expect(html).toMatch(
      /<input id="registrationNumber" [^>]* aria-invalid="true" aria-describedby="registrationNumber-error"[^>]*>\s*<div id="registrationNumber-error" class="error"><ul><li>Enter the registration number or the VAT number.<\/li><\/ul><\/div>/,
    );
    expect(html).toContain('value="Fleet East B.V."');
    expect(html).not.toMatch(/<input id="(name|legalName|vatNumber)" [^>]*aria-invalid/);
  });

  it('lists why a password is too weak, in the invitation language', async () => {
    const response = await post(tokens.weak, form('nl', 'zwak'));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Het wachtwoord voldoet niet aan de eisen:');
    expect(html).toContain('<li>Het moet een cijfer bevatten.</li>');
    expect(html).toContain('<li>Het moet een speciaal teken bevatten.</li>');
    expect(html).not.toContain('value="zwak"');
  });

  it('asks an invitee whose email already has a user to sign in first', async () => {
    const response = await post(tokens.loginRequired, form());
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('Sign in to accept');
    expect(html).not.toContain('<form');
  });

  it('says a used or unknown link is not valid when the form is posted', async () => {
    const response = await post(invitationToken('gone'), form('de'));
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('Dieser Einladungslink ist nicht (mehr) gültig');
  });

  it('says when to try again after too many attempts on the link', async () => {
    const response = await post(tokens.limited, form('de'));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('150');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('Zu viele Versuche');
    expect(html).toContain('Versuchen Sie es in 3 Minuten erneut.');
  });

  it('says the service is unavailable and nothing was saved, or gives an error id for a failure', async () => {
    const down = await post(tokens.down, form());
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('temporarily unavailable; nothing was saved');

    const broken = await post(tokens.broken, form('fr'));
    expect(broken.status).toBe(500);
    expect(await broken.text()).toMatch(
      /Rien n&#39;a été enregistré.*identifiant d&#39;erreur [0-9a-f-]{36}/,
    );
  });

  it('answers a form that is too large or not a form with a page, not JSON', async () => {
    const json = await fetch(`${gateway.url}/invite/${tokens.en}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'nl' },
      body: JSON.stringify(form()),
    });
    expect(json.status).toBe(415);
    expect(json.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await json.text()).toContain('Het formulier kon niet worden gelezen.');

    const oversized = await post(tokens.en, { ...form(), name: 'a'.repeat(64 * 1024) });
    expect(oversized.status).toBe(413);
    expect(fake.received.has(acceptSubject)).toBe(false);
  });
});
