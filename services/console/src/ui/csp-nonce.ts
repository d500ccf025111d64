/** The nonce the gateway gave this page (Vite's csp-nonce meta tag), for added style elements. */
export function cspNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}
