import {
  formatMoment,
  type CommonVariables,
  type InvitationVariables,
  type Language,
  type MessageKind,
  type MessageVariables,
} from './message-kinds';
import { roleList } from '@onramp/authz';

export interface SampleBrand {
  brandName: string;
  supportEmail: string;
  /** Where the sample link points (the gateway's public address). */
  publicUrl: string;
}

// A name an attacker could choose: the preview shows that it arrives escaped.
export const SAMPLE_NAME = 'Sam <script>alert("sample")</script> Sample';
// Inviters write their own words too; the line break shows how several lines come out.
const SAMPLE_MESSAGE = 'Welcome aboard!\nYour charging card is on its way. <b>Not bold</b>';
const SAMPLE_MOMENT = new Date('2026-05-01T09:30:00Z');

/** Made-up values for every variable of a kind: previews and trial renders use them. */
export function sampleVariables<Kind extends MessageKind>(
  kind: Kind,
  language: Language,
  brand: SampleBrand,
): MessageVariables[Kind] {
  const common: CommonVariables = {
    brandName: brand.brandName,
    supportEmail: brand.supportEmail,
    name: SAMPLE_NAME,
  };
  const moment = formatMoment(SAMPLE_MOMENT, language);
  const invitation: InvitationVariables = {
    ...common,
    inviterName: 'Alex Admin',
    accountName: 'Fleet Example B.V.',
    newAccountName: '',
    roles: roleList(['account_owner', 'driver'], language),
    acceptUrl: `${brand.publicUrl}/invite/sample-token`,
    expiresAt: moment,
    personalMessage: SAMPLE_MESSAGE,
  };
  const samples: MessageVariables = {
    'password-reset': {
      ...common,
      resetUrl: `${brand.publicUrl}/reset-password?token=sample-token`,
      expiresAt: moment,
    },
    'security-report': {
      ...common,
      generatedAt: moment,
      logins: [
        { at: moment, ip: '203.0.113.7', userAgent: 'Firefox on Linux', succeeded: true },
        { at: moment, ip: '198.51.100.23', userAgent: 'curl/8.5', succeeded: false },
      ],
      sessions: [
        {
          createdAt: moment,
          lastUsedAt: moment,
          ip: '203.0.113.7',
          userAgent: 'Firefox on Linux',
        },
      ],
    },
    invitation,
    'invitation-resend': invitation,
    'registration-approved': { ...common, accountName: 'Fleet Example B.V.' },
  };
  return samples[kind];
}
