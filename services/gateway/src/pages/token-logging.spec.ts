import { eventually } from '@onramp/testing';
import { GatewayBed } from '../testing/gateway-bed';
import { answerInvitationTokens, invitationToken } from '../testing/invitation-tokens';
import { captureStdout, type StdoutCapture } from '../testing/stdout-capture';

const token = invitationToken('logged-link');

describe('request logs', () => {
  let capture: StdoutCapture;
  let bed: GatewayBed;

  beforeAll(async () => {
    capture = captureStdout();
    bed = await GatewayBed.start({ LOG_LEVEL: 'info' });
    await answerInvitationTokens(
      bed.fake,
      new Map([
        [token, { preview: { kind: 'account', email: 'ann@fleet.example', language: 'en' } }],
      ]),
    );
  });
  afterAll(async () => {
    await bed.stop();
    capture.restore();
  });

  const loggedUrls = () =>
    capture
      .jsonLines()
      .filter((line) => line.service === 'gateway' && line.message === 'request completed')
      .map((line) => (line.req as { url: string }).url);

  it('show where invitation and reset links went, but never their tokens', async () => {
    const { url } = bed.gateway;
    const form = new URLSearchParams({
      name: 'Ann',
      password: 'Fresh-2026!',
      repeatPassword: 'Fresh-2026!',
    });
    const requests = [
      fetch(`${url}/invite/${token}`),
      fetch(`${url}/invite/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      }),
      fetch(`${url}/v1/invitations/lookup?token=${token}`),
      fetch(`${url}/reset-password?token=${token}&lang=nl`),
    ];
    expect((await Promise.all(requests)).map((response) => response.status)).toEqual([
      200, 200, 200, 200,
    ]);

    await eventually('four request lines', () => Promise.resolve(loggedUrls().length >= 4));
    expect(loggedUrls().sort()).toEqual([
      '/invite/[redacted]',
      '/invite/[redacted]',
      '/reset-password?token=[redacted]&lang=nl',
      '/v1/invitations/lookup?token=[redacted]',
    ]);
    expect(capture.text()).not.toContain(token);
  });
});
