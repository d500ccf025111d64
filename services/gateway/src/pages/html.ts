const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/**
 * Headers of every page: nothing but inline styles may run, nothing frames it, and the token in
 * its address leaks neither through Referer nor through caches.
 */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** A small accessible page that works without JavaScript; `body` must already be escaped. */
export function page(title: string, body: string, language = 'en'): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem;font-weight:600}
input{width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}
fieldset{margin-top:1.5rem;border:1px solid #ccc;padding:0 1rem 1rem}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;white-space:pre-line}
.hint{color:#555;font-size:.9rem}
.error{color:#a40000}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/** Problems with what was sent, announced to screen readers; `lead` and `messages` are plain text. */
export function alertList(messages: readonly string[], lead?: string): string {
  if (messages.length === 0) return '';
  const items = messages.map((message) => `<li>${escapeHtml(message)}</li>`).join('');
  const intro = lead === undefined ? '' : `<p>${escapeHtml(lead)}</p>`;
  return `<div role="alert" class="error">${intro}<ul>${items}</ul></div>`;
}
