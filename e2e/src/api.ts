import { request as httpRequest } from 'node:http';
import { BOOTSTRAP_ADMIN, type Stack } from './stack';

export interface ApiResponse<Body = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: Body;
}

/** A small JSON client for the gateway, as a partner's code would use it. */
export class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly credential?: string,
  ) {}

  static of(stack: Stack, credential?: string): Api {
    return new Api(stack.gatewayUrl, credential);
  }

  /** The same client with a bearer credential (access token or API key). */
  as(credential: string): Api {
    return new Api(this.baseUrl, credential);
  }

  async request<Body = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<Body>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.credential === undefined ? {} : { authorization: `Bearer ${this.credential}` }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? {} : JSON.parse(text)) as Body,
    };
  }

  /**
   * A request declaring a JSON body of `bytes` bytes that sends none of it, for bodies over the
   * gateway's limit: those are refused from the declared length alone, and the server closes the
   * connection. Sending the bytes as well would race that close against the upload, and the
   * kernel's reset of a connection closed with unread data may swallow the answer (fetch then
   * fails with EPIPE), whatever the gateway answered.
   */
  requestDeclaringBody(method: string, path: string, bytes: number): Promise<ApiResponse> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${this.baseUrl}${path}`,
        {
          method,
          headers: {
            'content-type': 'application/json',
            'content-length': String(bytes),
            ...(this.credential === undefined
              ? {}
              : { authorization: `Bearer ${this.credential}` }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            request.destroy();
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers))
              if (value !== undefined) headers.set(name, [value].flat().join(', '));
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: response.statusCode ?? 0,
              headers,
              body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
            });
          });
        },
      );
      request.on('error', reject);
      request.flushHeaders();
    });
  }

  /** Any request, with a body fetch sends as it is (such as FormData), answering the text. */
  async raw(
    method: string,
    path: string,
    body?: FormData | string,
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: this.credential === undefined ? {} : { authorization: `Bearer ${this.credential}` },
      body,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  get<Body = Record<string, unknown>>(path: string) {
    return this.request<Body>('GET', path);
  }

  post<Body = Record<string, unknown>>(path: string, body: unknown = {}) {
    return this.request<Body>('POST', path, body);
  }

  patch<Body = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<Body>('PATCH', path, body);
  }

  delete<Body = Record<string, unknown>>(path: string) {
    return this.request<Body>('DELETE', path);
  }

  /** Logs in and returns a client acting with the new access token, plus the token pair. */
  async login(email: string, password: string): Promise<{ api: Api; tokens: TokenPair }> {
    const response = await this.post<TokenPair>('/v1/auth/login', { email, password });
    if (response.status !== 200) {
      throw new Error(
        `login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return { api: this.as(response.body.accessToken), tokens: response.body };
  }

  loginAsAdmin(): Promise<{ api: Api; tokens: TokenPair }> {
    return this.login(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password);
  }
}

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  tokenType: 'Bearer';
}
