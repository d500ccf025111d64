import { describe, expect, it } from 'vitest';
import {
  initialProviderValues,
  keepsSecret,
  providerChange,
  providerProblems,
  providerState,
  type ProviderValues,
} from './email-provider-rules';
import type { EmailProvider } from './settings.api';

const nothing: EmailProvider = {
  provider: 'none',
  from: 'Onramp <no-reply@onramp.local>',
  messageStream: null,
  secretSet: false,
  source: 'environment',
  updatedAt: null,
  updatedBy: null,
};
const savedSmtp: EmailProvider = {
  ...nothing,
  provider: 'smtp',
  secretSet: true,
  source: 'settings',
  updatedAt: '2026-12-03T09:00:00.000Z',
};
const environmentSmtp: EmailProvider = { ...savedSmtp, source: 'environment', updatedAt: null };

function values(changes: Partial<ProviderValues>): ProviderValues {
  return {
    provider: 'smtp',
    smtpUrl: '',
    postmarkServerToken: '',
    from: '',
    messageStream: '',
    ...changes,
  };
}

describe('the email provider form rules', () => {
  it('tell configured, log-only and unconfigured providers apart', () => {
    expect(providerState(nothing)).toBe('notConfigured');
    expect(providerState(savedSmtp)).toBe('configured');
    expect(providerState({ ...savedSmtp, provider: 'postmark' })).toBe('configured');
    expect(providerState({ ...savedSmtp, secretSet: false })).toBe('notConfigured');
    expect(providerState({ ...nothing, provider: 'log' })).toBe('logOnly');
  });

  it('keep a secret saved through the API for the same provider only', () => {
    expect(keepsSecret(savedSmtp, 'smtp')).toBe(true);
    expect(keepsSecret(savedSmtp, 'postmark')).toBe(false);
    expect(keepsSecret(environmentSmtp, 'smtp')).toBe(false);
    expect(keepsSecret({ ...savedSmtp, secretSet: false }, 'smtp')).toBe(false);
  });

  it('start from the provider in use, never with its secret', () => {
    expect(
      initialProviderValues({ ...savedSmtp, provider: 'postmark', messageStream: 'tx' }),
    ).toEqual({
      provider: 'postmark',
      smtpUrl: '',
      postmarkServerToken: '',
      from: 'Onramp <no-reply@onramp.local>',
      messageStream: 'tx',
    });
  });

  it('need an SMTP URL unless a saved one is kept', () => {
    expect(providerProblems(values({}), nothing)).toEqual({ smtpUrl: 'smtpUrlRequired' });
    expect(providerProblems(values({}), environmentSmtp)).toEqual({ smtpUrl: 'smtpUrlRequired' });
    expect(providerProblems(values({}), savedSmtp)).toEqual({});
  });

  it.each(['smtp://mail.cpo.example:587', 'smtps://user:secret@mail.cpo.example'])(
    'take %j as an SMTP URL',
    (smtpUrl) => {
      expect(providerProblems(values({ smtpUrl }), nothing)).toEqual({});
    },
  );

  it.each(['mail.cpo.example', 'http://mail.cpo.example', 'smtp://mail cpo'])(
    'refuse %j as an SMTP URL',
    (smtpUrl) => {
      expect(providerProblems(values({ smtpUrl }), nothing)).toEqual({ smtpUrl: 'smtpUrlInvalid' });
    },
  );

  it('need a Postmark token without spaces, and a stream id if one is given', () => {
    const postmark = (changes: Partial<ProviderValues>) =>
      providerProblems(values({ provider: 'postmark', ...changes }), savedSmtp);
    expect(postmark({})).toEqual({ postmarkServerToken: 'tokenRequired' });
    expect(postmark({ postmarkServerToken: 'abc def' })).toEqual({
      postmarkServerToken: 'tokenInvalid',
    });
    expect(postmark({ postmarkServerToken: 'server-token', messageStream: 'Outbound!' })).toEqual({
      messageStream: 'streamInvalid',
    });
    expect(postmark({ postmarkServerToken: 'server-token', messageStream: 'broadcast-1' })).toEqual(
      {},
    );
  });

  it.each([
    ['', true],
    ['no-reply@volt.example', true],
    ['Volt Fleet <no-reply@volt.example>', true],
    ['volt.example', false],
    ['Volt <not an address>', false],
  ])('take %j as a From address: %s', (from, taken) => {
    expect(providerProblems(values({ provider: 'none', from }), nothing)).toEqual(
      taken ? {} : { from: 'fromInvalid' },
    );
  });

  it('send only the chosen provider’s fields, leaving empty ones out', () => {
    const filled = values({
      smtpUrl: ' smtp://mail.cpo.example ',
      postmarkServerToken: 'left-behind',
      from: ' Volt <no-reply@volt.example> ',
      messageStream: 'left-behind',
    });
    expect(providerChange(filled)).toStrictEqual({
      provider: 'smtp',
      smtpUrl: 'smtp://mail.cpo.example',
      from: 'Volt <no-reply@volt.example>',
    });
    expect(providerChange({ ...filled, smtpUrl: '', from: '' })).toStrictEqual({
      provider: 'smtp',
      smtpUrl: undefined,
      from: undefined,
    });
    expect(providerChange({ ...filled, provider: 'postmark', messageStream: '' })).toStrictEqual({
      provider: 'postmark',
      postmarkServerToken: 'left-behind',
      messageStream: undefined,
      from: 'Volt <no-reply@volt.example>',
    });
    expect(providerChange({ ...filled, provider: 'none' })).toStrictEqual({
      provider: 'none',
      from: 'Volt <no-reply@volt.example>',
    });
  });
});
