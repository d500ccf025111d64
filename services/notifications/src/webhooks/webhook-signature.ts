import { createHmac, randomBytes } from 'node:crypto';

/** A new endpoint's signing secret: 256 random bits, shown to its owner once. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The Onramp-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256>`, the HMAC keyed with the
 * whole secret string (UTF-8) over `<t>.<body>`. Signing the time with the body lets a receiver
 * refuse a captured delivery replayed later (README: verifying deliveries).
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/** The sealed secret is bound to its endpoint: sealed for one, it cannot be opened as another's. */
export function secretContext(endpointId: string): string {
  return `webhook:${endpointId}`;
}
