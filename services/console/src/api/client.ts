import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken, refreshSession, sessionEnded } from '../session/session';
import type { paths } from './schema.gen';

/** The requests as they were before their token was added, to send again after a refresh. */
const unsent = new WeakMap<Request, Request>();

function withToken(request: Request, token: string): Request {
  const authorised = new Request(request);
  authorised.headers.set('authorization', `Bearer ${token}`);
  return authorised;
}

/**
 * Every call carries the access token held in memory; a 401 refreshes the session once (the
 * refresh cookie) and sends the request again, and a failed refresh ends the session.
 */
const authentication: Middleware = {
  onRequest({ request }) {
    const token = accessToken();
    if (token === undefined) return request;
    // Cloned first: a Request made from another takes its body, and the copy could not be made.
    const original = request.clone();
    const authorised = withToken(request, token);
    unsent.set(authorised, original);
    return authorised;
  },
  async onResponse({ request, response }) {
    const original = unsent.get(request);
    if (response.status !== 401 || original === undefined) return response;
    const token = await refreshSession();
    if (token === undefined) {
      sessionEnded();
      return response;
    }
    return fetch(withToken(original, token));
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(authentication);
