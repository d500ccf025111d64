/**
 * The headers of a rendered email shown in the console's preview frame, replacing the API's
 * (see security-headers). The email may style itself and show images, as a mail client would,
 * but never run a script, submit a form or reach anything else: `sandbox` gives it an origin of
 * its own even when opened outside the frame. Only a page of the gateway's origin (the console)
 * may frame it; X-Frame-Options says the same for browsers that do not read frame-ancestors.
 */
export const PREVIEW_DOCUMENT_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; sandbox",
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
} as const;
