/**
 * The signed-in session as the console holds it: the access token in memory only (never in
 * storage a script of another page could read), the refresh token in an HttpOnly cookie the
 * gateway set, sent only to the session routes, with a CSRF token the gateway checks.
 */
const SESSION_PATH = '/v1/console/session';
const CSRF_COOKIE = 'onramp_console_csrf';

interface SessionAnswer {
  accessToken: string;
  accessTokenExpiresAt: string;
}

let token: string | undefined;
let pendingRefresh: Promise<string | undefined> | undefined;
const endListeners = new Set<() => void>();

export function accessToken(): string | undefined {
  return token;
}

function csrfToken(): string {
  const prefix = `${CSRF_COOKIE}=`;
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith(prefix));
  return cookie === undefined ? '' : decodeURIComponent(cookie.slice(prefix.length));
}

async function sessionCall(path: string, init: RequestInit): Promise<Response> {
  return fetch(`${SESSION_PATH}${path}`, {
    ...init,
    credentials: 'same-origin',
    headers: { ...init.headers, 'x-csrf-token': csrfToken() },
  });
}

/** Signs in; answers the problem's status when the gateway refused (401: wrong credentials). */
export async function signIn(email: string, password: string): Promise<number | undefined> {
  const response = await sessionCall('', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) return response.status;
  token = ((await response.json()) as SessionAnswer).accessToken;
  return undefined;
}

/**
 * A new access token from the refresh cookie, or undefined when there is no live session. Calls
 * made at once share one refresh: each refresh token is taken once.
 */
export function refreshSession(): Promise<string | undefined> {
  // The gateway sets and clears both cookies together: without the readable one, no session.
  if (csrfToken() === '') return Promise.resolve(undefined);
  pendingRefresh ??= sessionCall('/refresh', { method: 'POST' })
    .then(async (response) => {
      token = response.ok ? ((await response.json()) as SessionAnswer).accessToken : undefined;
      return token;
    })
    .finally(() => {
      pendingRefresh = undefined;
    });
  return pendingRefresh;
}

export async function signOut(): Promise<void> {
  const current = token;
  token = undefined;
  if (current !== undefined) {
    await sessionCall('/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${current}` },
    }).catch(() => undefined);
  }
  sessionEnded();
}

/** Told by the API client when a refresh failed: the session is over, sign in again. */
export function sessionEnded(): void {
  token = undefined;
  for (const listener of endListeners) listener();
}

export function onSessionEnded(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}
