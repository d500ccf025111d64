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
