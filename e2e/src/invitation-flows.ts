import { recipientsOf, type ReceivedEmail } from '@onramp/testing';
import { Api, type ApiResponse } from './api';
import type { Stack } from './stack';

export const GOOD_PASSWORD = 'Welcome-To-Charge-9!';

export interface InvitationJson {
  id: string;
  kind: string;
  email: string;
  status: string;
  displayStatus: string;
  accountIds: string[];
  createdAccountId: string | null;
  acceptedUserId: string | null;
  expiresAt: string;
  resendCount: number;
  emailStatus: { status: string; reason: string | null };
  history?: { action: string; ip: string | null; byUserId: string | null }[];
  acceptanceUrl?: string;
}

/** What every invitation flow needs: invite, read the email, open the link, accept. */
export class InvitationFlows {
  constructor(
    private readonly stack: Stack,
    private readonly admin: Api,
  ) {}

  private get anonymous(): Api {
    return Api.of(this.stack);
  }

  async invite(body: Record<string, unknown>, as: Api = this.admin): Promise<InvitationJson> {
    const response = await as.post<InvitationJson>('/v1/invitations', body);
    if (response.status !== 201)
      throw new Error(`invitation refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async createAccount(body: Record<string, unknown>): Promise<{ id: string; name: string }> {
    const response = await this.admin.post<{ id: string; name: string }>('/v1/accounts', body);
    if (response.status !== 201)
      throw new Error(`account refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** The emails to `email` whose link differs from every link in `seen`. */
  async emailTo(email: string, seen: readonly string[] = []): Promise<ReceivedEmail> {
    return this.stack.mailbox.waitFor(
      (message) =>
        recipientsOf(message).includes(email) &&
        !seen.some((token) => (message.text ?? '').includes(token)),
    );
  }

  /** The acceptance token in an invitation email, checked to be the same in both parts. */
  tokenIn(email: ReceivedEmail): string {
    const link = new RegExp(`${this.stack.gatewayUrl}/invite/([A-Za-z0-9_-]{43})`);
    const token = link.exec(email.text ?? '')?.[1];
    if (token === undefined) throw new Error(`no invitation link in: ${email.text}`);
    expect(String(email.html)).toContain(`/invite/${token}`);
    return token;
  }

  /** Opens the link as a browser would: the acceptance page answers. */
  async openPage(token: string): Promise<{ status: number; html: string }> {
    const response = await fetch(`${this.stack.gatewayUrl}/invite/${token}`);
    return { status: response.status, html: await response.text() };
  }

  accept(
    token: string,
    body: Record<string, unknown> = {},
    as: Api = this.anonymous,
  ): Promise<ApiResponse<{ userId: string; invitationId: string; accountId: string | null }>> {
    return as.post('/v1/invitations/accept', { token, name: 'Invitee', ...body });
  }

  /** The invitee's whole path: email arrives, link opens, weak password refused, good one accepted. */
  async acceptFromEmail(
    email: string,
    body: Record<string, unknown> = {},
  ): Promise<{ userId: string; accountId: string | null; token: string; api: Api }> {
    const token = this.tokenIn(await this.emailTo(email));
    const page = await this.openPage(token);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<form');
    const weak = await this.accept(token, { ...body, password: 'password' });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body)).toContain('password');
    const accepted = await this.accept(token, { ...body, password: GOOD_PASSWORD });
    expect(accepted.status).toBe(200);
    const { api } = await this.anonymous.login(email, GOOD_PASSWORD);
    return { ...accepted.body, token, api };
  }

  get(id: string): Promise<ApiResponse<InvitationJson>> {
    return this.admin.get<InvitationJson>(`/v1/invitations/${id}`);
  }
}

export interface Grants {
  grants: { platform: boolean; accountIds: string[]; roles: string[]; permissions: string[] }[];
  user: { status: string; email: string };
}
