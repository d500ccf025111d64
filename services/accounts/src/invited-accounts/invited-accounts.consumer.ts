import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { invitations } from '@onramp/contracts';
import { EventConsumers, Outbox } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { invitedAccountOf } from './invited-account-fields';
import { InvitedAccountsService } from './invited-accounts.service';

/**
 * Creates the sub-account of an accepted end_user or sub_account invitation. The invitee's
 * membership of it comes from identity's MembershipGranted, possibly first: account memberships
 * do not need the account to exist (see AccountMembersRepository).
 */
@Injectable()
export class InvitedAccountsConsumer implements OnModuleInit {
  private readonly logger = new Logger(InvitedAccountsConsumer.name);

  constructor(
    private readonly consumers: EventConsumers,
    private readonly invitedAccounts: InvitedAccountsService,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<invitations.InvitationAccepted, Prisma.TransactionClient>({
      name: 'invited-accounts',
      schema: invitations.InvitationAcceptedSchema,
      handler: async (event, transaction, context) => {
        if (event.newAccount === undefined) return;
        const checked = invitedAccountOf(event.newAccount);
        if ('violations' in checked) {
          // Retrying cannot make it valid: say why loudly and let the message go.
          this.logger.error(
            `invitation ${event.invitation?.id ?? '?'} asks for an account accounts cannot create; it is ignored: ${checked.violations
              .map((violation) => `${violation.field} ${violation.message}`)
              .join('; ')}`,
          );
          return;
        }
        const created = await this.invitedAccounts.create(transaction, checked.account);
        // The relay also polls; this only shortens the wait once the transaction has committed.
        if (created !== undefined) context.afterCommit(() => this.outbox.nudge());
      },
    });
  }
}
