import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * The placeholder the console's build puts where a nonce belongs (its vite.config.ts
 * `html.cspNonce`): on the tags of index.html and on the meta tag from which its component
 * library takes the nonce for the style elements it adds at run time.
 */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * Everything from the gateway's own origin, no inline script at all, nothing framing it. Styles
 * added at run time are allowed by the nonce of the page that added them, and by nothing else.
 * Frames are of the same origin only: the template preview, a document the gateway serves under
 * its own, stricter policy (see templates/preview-document-headers).
 */
function policy(styleSources: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleSources}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export const CONSOLE_POLICY = policy("'self'");

/** The console's files never change under their hashed names. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html names the current files: asked for again each time, a release shows at once. */
export const PAGE_CACHE_CONTROL = 'no-cache';

/** The headers of every console answer, over the gateway's defaults (see security-headers). */
export function setConsoleHeaders(reply: FastifyReply): void {
  void reply.headers({
    'content-security-policy': CONSOLE_POLICY,
    'x-content-type-options': 'nosniff',
    // The console's own requests keep their Referer; other sites never see its addresses.
    'referrer-policy': 'same-origin',
  });
}

/** A page's nonce, new with every answer, and the policy that allows its styles. */
export function pageNonce(): { nonce: string; policy: string } {
  const nonce = randomBytes(16).toString('base64url');
  return { nonce, policy: policy(`'self' 'nonce-${nonce}'`) };
}
