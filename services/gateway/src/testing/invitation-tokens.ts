import type { MessageInitShape } from '@bufbuild/protobuf';
import { invitations } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity } from './fake-identity';

const method = invitations.InvitationsService.method;

type Preview = MessageInitShape<typeof invitations.InvitationPreviewSchema>;
type Accepted = MessageInitShape<typeof invitations.AcceptInvitationResponseSchema>;

/**
 * An invitation link the stand-in invitations service knows: what looking it up shows, and how
 * accepting it answers (a result, or a DomainError thrown as the service would).
 */
export interface KnownToken {
  preview: Preview;
  accept?: (request: invitations.AcceptInvitationRequest) => Accepted;
}

/** Tokens of 43 base64url characters, like the service's; `name` keeps each test's own apart. */
export const invitationToken = (name: string): string => `${name}-`.padEnd(43, 'x').slice(0, 43);

/**
 * Answers LookupInvitation and AcceptInvitation as the invitations service does for the given
 * tokens, and with "invalid_token" for any other. The map may change between tests.
 */
export async function answerInvitationTokens(
  fake: FakeIdentity,
  known: Map<string, KnownToken>,
): Promise<void> {
  const invitationOf = (token: string): KnownToken => {
    const invitation = known.get(token);
    if (invitation === undefined) {
      throw new DomainError('invalid_token', 'this link is not valid (any more)');
    }
    return invitation;
  };
  await fake.answer(method.lookupInvitation, ({ token }) => ({
    invitation: invitationOf(token).preview,
  }));
  await fake.answer(method.acceptInvitation, (request) => {
    const { accept } = invitationOf(request.token);
    return accept === undefined
      ? { userId: 'd2c1b0a9-8f7e-4d6c-9b5a-4f3e2d1c0b9a', invitationId: 'an-invitation' }
      : accept(request);
  });
}
